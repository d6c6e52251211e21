import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../components/error-notice';
import { useFormat } from '../../../i18n/format';
import { message, useT } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { ORDERS_PAGE_SIZE, orderQueries } from '../api/order-queries';

interface OrdersPanelProps {
  customerReference: string;
  orderPath: (orderReference: string) => string;
}

/** The customer's orders, newest first (asked of Glue: it lists the oldest first), a page at a time. */
export function OrdersPanel({ customerReference, orderPath }: OrdersPanelProps) {
  const t = useT();
  const format = useFormat();
  const session = useGlueSession();
  const [offset, setOffset] = useState(0);
  const orders = useQuery(orderQueries.page(session, customerReference, offset));
  const page = orders.data;
  const pageNumber = offset / ORDERS_PAGE_SIZE + 1;
  const pageCount =
    page?.lastOffset === null || page === undefined ? null : page.lastOffset / ORDERS_PAGE_SIZE + 1;

  return (
    <section className="panel" aria-labelledby="orders-title">
      <h2 id="orders-title">{t('orders.title')}</h2>
      {orders.isPending && <p className="muted">{t('orders.loading')}</p>}
      {orders.isError && (
        <ErrorNotice
          error={orders.error}
          text={message('orders.loadFailed', { error: describeError(orders.error) })}
        />
      )}
      {page?.orders.length === 0 && <p className="muted">{t('orders.none')}</p>}
      {page && page.orders.length > 0 && (
        <>
          <table className="table" aria-busy={orders.isPlaceholderData}>
            <thead>
              <tr>
                <th scope="col">{t('orders.column.order')}</th>
                <th scope="col">{t('orders.column.date')}</th>
                <th scope="col" className="num">
                  {t('orders.column.items')}
                </th>
                <th scope="col" className="num">
                  {t('orders.column.grandTotal')}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.orders.map((order) => (
                <tr key={order.reference}>
                  <td>
                    <Link to={orderPath(order.reference)}>{order.reference}</Link>
                  </td>
                  <td>{format.dateTime(order.createdAt)}</td>
                  <td className="num">
                    {order.itemCount ?? (
                      <OpenedOrderItemCount
                        customerReference={customerReference}
                        orderReference={order.reference}
                      />
                    )}
                  </td>
                  <td className="num">{format.money(order.grandTotal, order.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.orders.some((order) => order.itemCount === null) && (
            <p className="muted small">{t('orders.itemCountsHint')}</p>
          )}
          {(page.hasNext || page.hasPrev) && (
            <nav className="pager" aria-label={t('orders.pages')}>
              <button
                type="button"
                className="button"
                disabled={!page.hasPrev || orders.isPlaceholderData}
                onClick={() => setOffset(Math.max(0, offset - ORDERS_PAGE_SIZE))}
              >
                {t('orders.previous')}
              </button>
              <span>
                {pageCount
                  ? t('orders.pageOf', { page: pageNumber, count: pageCount })
                  : t('orders.page', { page: pageNumber })}
              </span>
              <button
                type="button"
                className="button"
                disabled={!page.hasNext || orders.isPlaceholderData}
                onClick={() => setOffset(offset + ORDERS_PAGE_SIZE)}
              >
                {t('orders.next')}
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
  const t = useT();
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
      <span className="visually-hidden">{t('orders.itemCountUnknown')}</span>
    </>
  );
}
