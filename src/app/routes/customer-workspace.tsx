import { useParams } from 'react-router-dom';
import { useDocumentTitle } from '../../components/use-document-title';
import { CartsPanel } from '../../features/carts/components/carts-panel';
import { OrdersPanel } from '../../features/orders/components/orders-panel';
import { ProfileCard } from '../../features/profile/components/profile-card';
import { useGlueSession } from '../../lib/glue-session';
import { useTokenSlotState } from '../../lib/token-slot';
import { cartPath, orderPath } from '../paths';

/** What the agent sees first when acting as a customer: profile, carts and orders. */
export function CustomerOverview() {
  const { customerReference = '' } = useParams();
  const state = useTokenSlotState(useGlueSession().customer);
  const name =
    state.status === 'active'
      ? `${state.profile.firstName} ${state.profile.lastName}`
      : customerReference;
  useDocumentTitle(name);

  return (
    <div className="workspace">
      <h1>{name}</h1>
      <div className="workspace__grid">
        <ProfileCard customerReference={customerReference} />
        <CartsPanel
          customerReference={customerReference}
          cartPath={(id) => cartPath(customerReference, id)}
        />
      </div>
      <OrdersPanel
        customerReference={customerReference}
        orderPath={(ref) => orderPath(customerReference, ref)}
      />
    </div>
  );
}
