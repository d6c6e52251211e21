import { Link, useParams } from 'react-router-dom';
import { OrderDetail } from '../../features/orders/components/order-detail';
import { ordersPath } from '../paths';

export function OrderScreen() {
  const { customerReference = '', orderReference = '' } = useParams();
  return (
    <div className="workspace">
      <p>
        <Link to={ordersPath(customerReference)}>← Back to the orders</Link>
      </p>
      <OrderDetail customerReference={customerReference} orderReference={orderReference} />
    </div>
  );
}
