import { Link, useParams } from 'react-router-dom';
import { OrderDetail } from '../../features/orders/components/order-detail';
import { customerPath } from '../paths';

export function OrderScreen() {
  const { customerReference = '', orderReference = '' } = useParams();
  return (
    <div className="workspace">
      <p>
        <Link to={customerPath(customerReference)}>← Back to the customer</Link>
      </p>
      <OrderDetail customerReference={customerReference} orderReference={orderReference} />
    </div>
  );
}
