import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../../components/money';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { ORDERS_PAGE_SIZE, orderQueries } from '../api/order-queries';
import { formatDateTime } from '../../../components/format';

interface OrdersPanelProps {
  customerReference: string;
  orderPath: (orderReference: string) => string;
}

/** The customer's orders, newest first (asked of Glue: it lists the oldest first), a page at a time. */
export function OrdersPanel({ customerReference, orderPath }: OrdersPanelProps) {
  const session = useGlueSession();
  const [offset, setOffset] = useState(0);
  const orders = useQuery(orderQueries.page(session, customerReference, offset));
  const page = orders.data;
  const pageNumber = offset / ORDERS_PAGE_SIZE + 1;
  const pageCount =
    page?.lastOffset === null || page === undefined ? null : page.lastOffset / ORDERS_PAGE_SIZE + 1;

  return (
    <section className="panel" aria-labelledby="orders-title">
      <h2 id="orders-title">Orders</h2>
      {orders.isPending && <p className="muted">Loading orders…</p>}
      {orders.isError && (
        <p className="notice notice--error" role="alert">
          The orders could not be loaded. {describeError(orders.error)}
        </p>
      )}
      {page?.orders.length === 0 && <p className="muted">No orders yet.</p>}
      {page && page.orders.length > 0 && (
        <>
          <table className="table" aria-busy={orders.isPlaceholderData}>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Date</th>
                <th scope="col" className="num">
                  Items
                </th>
                <th scope="col" className="num">
                  Grand total
                </th>
              </tr>
            </thead>
            <tbody>
              {page.orders.map((order) => (
                <tr key={order.reference}>
                  <td>
                    <Link to={orderPath(order.reference)}>{order.reference}</Link>
                  </td>
                  <td>{formatDateTime(order.createdAt)}</td>
                  <td className="num">
                    {order.itemCount ?? (
                      <OpenedOrderItemCount
                        customerReference={customerReference}
                        orderReference={order.reference}
                      />
                    )}
                  </td>
                  <td className="num">{formatMoney(order.grandTotal, order.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.orders.some((order) => order.itemCount === null) && (
            <p className="muted small">
              Item counts show for the orders you have opened: Glue’s list of orders does not
              include their items.
            </p>
          )}
          {(page.hasNext || page.hasPrev) && (
            <nav className="pager" aria-label="Order pages">
              <button
                type="button"
                className="button"
                disabled={!page.hasPrev || orders.isPlaceholderData}
                onClick={() => setOffset(Math.max(0, offset - ORDERS_PAGE_SIZE))}
              >
                Previous
              </button>
              <span>
                Page {pageNumber}
                {pageCount ? ` of ${pageCount}` : ''}
              </span>
              <button
                type="button"
                className="button"
                disabled={!page.hasNext || orders.isPlaceholderData}
                onClick={() => setOffset(offset + ORDERS_PAGE_SIZE)}
              >
                Next
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}

/**
 * Glue's list of orders holds no items (contract §5), and asking every order for its items would
 * cost a request per row: the count shows only for an order already opened, from that answer.
 */
function OpenedOrderItemCount(props: { customerReference: string; orderReference: string }) {
  const session = useGlueSession();
  const count = useQuery({
    ...orderQueries.detail(session, props.customerReference, props.orderReference),
    // Read from the cache only: this cell never asks Glue.
    enabled: false,
    select: (order) => order.attributes.items.reduce((sum, item) => sum + item.quantity, 0),
  });
  if (count.data !== undefined) return count.data;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">Not known until the order is opened</span>
    </>
  );
}
