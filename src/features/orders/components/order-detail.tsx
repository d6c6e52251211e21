import { useQuery } from '@tanstack/react-query';
import { formatMoney } from '../../../components/money';
import { useDocumentTitle } from '../../../components/use-document-title';
import { GlueError, describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { orderQueries, type Address } from '../api/order-queries';
import { formatDateTime } from '../../../components/format';

/** One order: its items with their states, its totals and its addresses. */
export function OrderDetail({
  customerReference,
  orderReference,
}: {
  customerReference: string;
  orderReference: string;
}) {
  useDocumentTitle(`Order ${orderReference}`);
  const session = useGlueSession();
  const order = useQuery(orderQueries.detail(session, customerReference, orderReference));
  const data = order.data;
  const currency = data?.attributes.currencyIsoCode ?? 'EUR';
  const money = (amount: number) => formatMoney(amount, currency);

  return (
    <section className="panel" aria-labelledby="order-title">
      <h1 id="order-title">Order {orderReference}</h1>
      {order.isPending && <p className="muted">Loading the order…</p>}
      {order.isError && (
        <p className="notice notice--error" role="alert">
          {order.error instanceof GlueError && order.error.code === '801'
            ? `This customer has no order ${orderReference}.`
            : `The order could not be loaded. ${describeError(order.error)}`}
        </p>
      )}
      {data && (
        <>
          <p className="muted">Placed {formatDateTime(data.attributes.createdAt)}</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Unit price
                </th>
                <th scope="col" className="num">
                  Quantity
                </th>
                <th scope="col" className="num">
                  Line total
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
                    <span className="badge">{item.state ?? 'unknown'}</span>
                  </td>
                  <td className="num">{money(item.unitPrice)}</td>
                  <td className="num">{item.quantity}</td>
                  <td className="num">{money(item.sumPrice)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="totals" aria-label="Order totals">
            <dt>Subtotal</dt>
            <dd>{money(data.attributes.totals.subtotal)}</dd>
            {Boolean(data.attributes.totals.expenseTotal) && (
              <>
                <dt>Shipping and other expenses</dt>
                <dd>{money(data.attributes.totals.expenseTotal ?? 0)}</dd>
              </>
            )}
            {Boolean(data.attributes.totals.discountTotal) && (
              <>
                <dt>Discounts</dt>
                <dd>−{money(data.attributes.totals.discountTotal ?? 0)}</dd>
              </>
            )}
            <dt>Tax included</dt>
            <dd>{money(data.attributes.totals.taxTotal)}</dd>
            <dt className="totals__grand">Grand total</dt>
            <dd className="totals__grand">{money(data.attributes.totals.grandTotal)}</dd>
          </dl>
          <div className="addresses">
            <AddressBlock title="Billing address" address={data.attributes.billingAddress} />
            <AddressBlock title="Shipping address" address={data.attributes.shippingAddress} />
          </div>
        </>
      )}
    </section>
  );
}

function AddressBlock({ title, address }: { title: string; address: Address | null | undefined }) {
  const lines = address
    ? [
        [address.salutation, address.firstName, address.lastName].filter(Boolean).join(' '),
        address.company,
        [address.address1, address.address2].filter(Boolean).join(' '),
        address.address3,
        [address.zipCode, address.city].filter(Boolean).join(' '),
        address.country ?? address.iso2Code,
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
        <p className="muted">None given.</p>
      )}
    </div>
  );
}
