import { NavLink, Outlet, useParams } from 'react-router-dom';
import { useDocumentTitle } from '../../components/use-document-title';
import { message, useT, type MessageId } from '../../i18n/translate';
import { fullName } from '../../features/customers/components/customer-picker';
import { AddressesPanel } from '../../features/addresses/components/addresses-panel';
import { AssistedSessionsPanel } from '../../features/audit/components/assisted-sessions-panel';
import { CartsPanel } from '../../features/carts/components/carts-panel';
import { OrdersPanel } from '../../features/orders/components/orders-panel';
import { ReturnsPanel } from '../../features/returns/components/returns-panel';
import { ProfileCard } from '../../features/profile/components/profile-card';
import { WishlistsPanel } from '../../features/wishlists/components/wishlists-panel';
import { useGlueSession } from '../../lib/glue-session';
import { useTokenSlotState } from '../../lib/token-slot';
import {
  addressesPath,
  cartPath,
  customerPath,
  orderPath,
  ordersPath,
  profilePath,
  wishlistPath,
  wishlistsPath,
} from '../paths';
import { ChangeControls } from '../../features/session-mode/change-controls';

/**
 * The customer's workspace: carts first, what an agent is most often there to fix; orders and
 * profile one tab away. Each tab asks Glue only when it is opened.
 */
export function CustomerWorkspace() {
  const { customerReference = '' } = useParams();
  const t = useT();
  const name = useActingName() ?? customerReference;

  return (
    <div className="workspace">
      <h1>{name}</h1>
      <nav className="tabs" aria-label={t('workspace.tabs.label')}>
        <NavLink to={customerPath(customerReference)} end className="tabs__tab">
          {t('workspace.tab.carts')}
        </NavLink>
        <NavLink to={ordersPath(customerReference)} end className="tabs__tab">
          {t('workspace.tab.orders')}
        </NavLink>
        <NavLink to={addressesPath(customerReference)} end className="tabs__tab">
          {t('workspace.tab.addresses')}
        </NavLink>
        <NavLink to={wishlistsPath(customerReference)} end className="tabs__tab">
          {t('workspace.tab.wishlists')}
        </NavLink>
        <NavLink to={profilePath(customerReference)} end className="tabs__tab">
          {t('workspace.tab.profile')}
        </NavLink>
      </nav>
      <Outlet />
    </div>
  );
}

export function CartsTab() {
  const { customerReference = '' } = useParams();
  useWorkspaceTitle('workspace.tab.carts');
  return (
    <CartsPanel
      customerReference={customerReference}
      cartPath={(id) => cartPath(customerReference, id)}
    />
  );
}

export function OrdersTab() {
  const { customerReference = '' } = useParams();
  useWorkspaceTitle('workspace.tab.orders');
  return (
    <>
      <OrdersPanel
        customerReference={customerReference}
        orderPath={(ref) => orderPath(customerReference, ref)}
      />
      <ReturnsPanel customerReference={customerReference} />
    </>
  );
}

export function AddressesTab() {
  const { customerReference = '' } = useParams();
  useWorkspaceTitle('workspace.tab.addresses');
  const state = useTokenSlotState(useGlueSession().customer);
  const profile = state.status === 'active' ? state.profile : null;
  return (
    <ChangeControls>
      <AddressesPanel
        customerReference={customerReference}
        customerName={{ firstName: profile?.firstName ?? '', lastName: profile?.lastName ?? '' }}
      />
    </ChangeControls>
  );
}

export function WishlistsTab() {
  const { customerReference = '' } = useParams();
  useWorkspaceTitle('workspace.tab.wishlists');
  return (
    <WishlistsPanel
      customerReference={customerReference}
      wishlistPath={(id) => wishlistPath(customerReference, id)}
    />
  );
}

export function ProfileTab() {
  const { customerReference = '' } = useParams();
  useWorkspaceTitle('workspace.tab.profile');
  return (
    <>
      <ProfileCard customerReference={customerReference} />
      <AssistedSessionsPanel customerReference={customerReference} />
    </>
  );
}

/** The name of the customer acted as; null while no session runs. */
export function useActingName(): string | null {
  const state = useTokenSlotState(useGlueSession().customer);
  return state.status === 'active' ? fullName(state.profile) : null;
}

/** The tab's name, then whose workspace it is: "Carts · Sonia Wagner". */
function useWorkspaceTitle(tab: MessageId) {
  const t = useT();
  const name = useActingName();
  useDocumentTitle(name ? t('workspace.documentTitle', { tab: message(tab), name }) : t(tab));
}
