import { Link, useParams } from 'react-router-dom';
import { useDocumentTitle } from '../../components/use-document-title';
import { CheckoutScreen } from '../../features/checkout/components/checkout-screen';
import { useT } from '../../i18n/translate';
import { useGlueSession } from '../../lib/glue-session';
import { useTokenSlotState } from '../../lib/token-slot';
import { cartPath, customerPath, orderPath } from '../paths';
import { useChangesAllowed } from '../../features/session-mode/use-session-mode';

/** Checking a cart out for the customer acted as. */
export function CheckoutRoute() {
  const t = useT();
  const { customerReference = '', cartId = '' } = useParams();
  const state = useTokenSlotState(useGlueSession().customer);
  const profile = state.status === 'active' ? state.profile : null;
  useDocumentTitle(t('checkoutScreen.documentTitle'));
  // Checkout data already writes to the cart at Glue: in view mode the screen waits for Make changes.
  if (!useChangesAllowed()) {
    return (
      <div className="workspace">
        <p className="notice">{t('checkoutScreen.viewMode')}</p>
        <p>
          <Link to={cartPath(customerReference, cartId)}>{t('checkoutScreen.back')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="workspace">
      <CheckoutScreen
        customerReference={customerReference}
        cartId={cartId}
        customer={{ firstName: profile?.firstName ?? '', lastName: profile?.lastName ?? '' }}
        cartPath={cartPath(customerReference, cartId)}
        orderPath={(reference) => orderPath(customerReference, reference)}
        cartsPath={customerPath(customerReference)}
      />
    </div>
  );
}
