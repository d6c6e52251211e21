import { Link, useParams } from 'react-router-dom';
import { OrderDetail } from '../../features/orders/components/order-detail';
import { useT } from '../../i18n/translate';
import { cartPath, ordersPath } from '../paths';
import { useActingName } from './customer-workspace';

export function OrderScreen() {
  const t = useT();
  const { customerReference = '', orderReference = '' } = useParams();
  return (
    <div className="workspace">
      <p>
        <Link to={ordersPath(customerReference)}>{t('orderScreen.back')}</Link>
      </p>
      <OrderDetail
        customerReference={customerReference}
        orderReference={orderReference}
        customerName={useActingName() ?? customerReference}
        cartPath={(cartId) => cartPath(customerReference, cartId)}
      />
    </div>
  );
}
