import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { ErrorNotice } from '../../../components/error-notice';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useFormat } from '../../../i18n/format';
import { message, useT, type MessageId, type Translate } from '../../../i18n/translate';
import { GlueError, describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { paymentName } from '../../activity/recap';
import { OrderAgainPanel } from '../../reorder/components/order-again-panel';
import { ReturnItemsPanel } from '../../returns/components/return-items-panel';
import { orderQueries, type Address } from '../api/order-queries';
import { ChangeControls } from '../../session-mode/change-controls';

/** One order: its items with their states, its totals and its addresses. */
export function OrderDetail({
  customerReference,
  orderReference,
  customerName,
  cartPath,
}: {
  customerReference: string;
  orderReference: string;
  /** Whose order, for the question asked before a return. */
  customerName: string;
  cartPath: (cartId: string) => string;
}) {
  const t = useT();
  const format = useFormat();
  useDocumentTitle(t('orders.detail.title', { reference: orderReference }));
  const session = useGlueSession();
  const order = useQuery(orderQueries.detail(session, customerReference, orderReference));
  const data = order.data;
  const currency = data?.attributes.currencyIsoCode ?? 'EUR';
  const money = (amount: number) => format.money(amount, currency);
  const discounts = Object.values(
    Array.isArray(data?.attributes.calculatedDiscounts)
      ? {}
      : (data?.attributes.calculatedDiscounts ?? {}),
  );
  const payments = data?.attributes.payments ?? [];

  return (
    <section className="panel" aria-labelledby="order-title">
      <h1 id="order-title">{t('orders.detail.title', { reference: orderReference })}</h1>
      {order.isPending && <p className="muted">{t('orders.detail.loading')}</p>}
      {order.isError && (
        <ErrorNotice
          error={order.error}
          text={
            order.error instanceof GlueError && order.error.code === '801'
              ? message('orders.detail.notFound', { reference: orderReference })
              : message('orders.detail.loadFailed', { error: describeError(order.error) })
          }
        />
      )}
      {data && (
        <>
          <p className="muted">
            {t('orders.detail.placed', { date: format.dateTime(data.attributes.createdAt) })}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('orders.column.product')}</th>
                <th scope="col">{t('orders.column.state')}</th>
                <th scope="col" className="num">
                  {t('orders.column.unitPrice')}
                </th>
                <th scope="col" className="num">
                  {t('orders.column.quantity')}
                </th>
                <th scope="col" className="num">
                  {t('orders.column.lineTotal')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.attributes.items.map((item, index) => (
                <tr key={`${item.sku}-${index}`}>
                  <td>
                    {item.name}
                    <div className="muted small mono">{item.sku}</div>
                  </td>
                  <td>
                    <span className="badge">{orderState(item.state, t)}</span>
                  </td>
                  <td className="num">{money(item.unitPrice)}</td>
                  <td className="num">{item.quantity}</td>
                  <td className="num">{money(item.sumPrice)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="totals" aria-label={t('orders.totals.label')}>
            <dt>{t('orders.totals.subtotal')}</dt>
            <dd>{money(data.attributes.totals.subtotal)}</dd>
            {Boolean(data.attributes.totals.expenseTotal) && (
              <>
                <dt>{t('orders.totals.expenses')}</dt>
                <dd>{money(data.attributes.totals.expenseTotal ?? 0)}</dd>
              </>
            )}
            {discounts.length > 0
              ? discounts.map((discount) => (
                  <Fragment key={discount.displayName}>
                    <dt>
                      {discount.voucherCode
                        ? t('orders.totals.voucher', {
                            name: discount.displayName,
                            code: discount.voucherCode,
                          })
                        : discount.displayName}
                    </dt>
                    <dd>−{money(discount.sumAmount)}</dd>
                  </Fragment>
                ))
              : Boolean(data.attributes.totals.discountTotal) && (
                  <>
                    <dt>{t('orders.totals.discounts')}</dt>
                    <dd>−{money(data.attributes.totals.discountTotal ?? 0)}</dd>
                  </>
                )}
            <dt>{t('orders.totals.taxIncluded')}</dt>
            <dd>{money(data.attributes.totals.taxTotal)}</dd>
            <dt className="totals__grand">{t('orders.totals.grandTotal')}</dt>
            <dd className="totals__grand">{money(data.attributes.totals.grandTotal)}</dd>
            {/* One payment is the whole total; with gift cards, what each paid. */}
            {payments.length > 1 &&
              payments.map((payment, index) => (
                <Fragment key={index}>
                  <dt>
                    {t('orders.totals.paidBy', { method: paymentName(payment.paymentMethod) })}
                  </dt>
                  <dd>{money(payment.amount)}</dd>
                </Fragment>
              ))}
          </dl>
          <OrderAgainPanel customerReference={customerReference} order={data} cartPath={cartPath} />
          <ChangeControls>
            <ReturnItemsPanel
              customerReference={customerReference}
              customerName={customerName}
              order={data}
            />
          </ChangeControls>
          <div className="addresses">
            <AddressBlock
              title={t('orders.address.billing')}
              address={data.attributes.billingAddress}
            />
            <AddressBlock
              title={t('orders.address.shipping')}
              address={data.attributes.shippingAddress}
            />
          </div>
        </>
      )}
    </section>
  );
}

function AddressBlock({ title, address }: { title: string; address: Address | null | undefined }) {
  const t = useT();
  const format = useFormat();
  const lines = address
    ? [
        [
          address.salutation && t('orders.address.salutation', { salutation: address.salutation }),
          address.firstName,
          address.lastName,
        ]
          .filter(Boolean)
          .join(' '),
        address.company,
        [address.address1, address.address2].filter(Boolean).join(' '),
        address.address3,
        [address.zipCode, address.city].filter(Boolean).join(' '),
        // The country in the agent's language when Glue names its code; else as Glue wrote it.
        address.iso2Code ? format.country(address.iso2Code) : address.country,
      ].filter((line): line is string => Boolean(line))
    : [];
  return (
    <div>
      <h2 className="h3">{title}</h2>
      {lines.length ? (
        <address>
          {lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </address>
      ) : (
        <p className="muted">{t('orders.address.none')}</p>
      )}
    </div>
  );
}

/** The order state machine's states the demo shop uses, in words; any other shows as Glue names it. */
const ORDER_STATES: Record<string, MessageId> = {
  new: 'orders.state.new',
  'payment pending': 'orders.state.paymentPending',
  paid: 'orders.state.paid',
  confirmed: 'orders.state.confirmed',
  exported: 'orders.state.exported',
  shipped: 'orders.state.shipped',
  delivered: 'orders.state.delivered',
  closed: 'orders.state.closed',
  canceled: 'orders.state.canceled',
  returned: 'orders.state.returned',
  refunded: 'orders.state.refunded',
  'waiting for return': 'orders.state.waitingForReturn',
};

export function orderState(state: string | null | undefined, t: Translate): string {
  if (!state) return t('orders.state.unknown');
  const known = ORDER_STATES[state];
  return known ? t(known) : state;
}
