import { useId, useRef, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../../components/error-notice';
import { useFormat } from '../../../i18n/format';
import { T, message, useT, type Message } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import type { CartChange } from '../api/change-cart';
import type { Cart, CartItem } from '../api/cart-schemas';
import { ChangeControls } from '../../session-mode/change-controls';

interface CartViewProps {
  cart: Cart;
  /** The change under way, if any, and the last one that failed. */
  pending: CartChange | null;
  failed: { change: CartChange; error: unknown } | null;
  /** Another change of the cart is under way: its answer and this one must not cross. */
  locked?: boolean;
  onChange: (change: CartChange) => void;
}

/** The change under way, or, given the error, the one that failed: one sentence each. */
function describeChange(
  change: CartChange,
  name: (sku: string) => string,
  error?: Message,
): Message {
  if (change.kind === 'add') {
    const values = { quantity: change.quantity, name: change.name ?? name(change.sku) };
    return error
      ? message('carts.change.addFailed', { ...values, error })
      : message('carts.change.adding', values);
  }
  if (change.kind === 'set-quantity') {
    const values = { quantity: change.quantity, name: name(change.groupKey) };
    return error
      ? message('carts.change.changeQuantityFailed', { ...values, error })
      : message('carts.change.changingQuantity', values);
  }
  const values = { name: name(change.groupKey) };
  return error
    ? message('carts.change.removeFailed', { ...values, error })
    : message('carts.change.removing', values);
}

/** A cart's items and totals, in the cart's currency, with quantity changes and removals. */
export function CartView({ cart, pending, failed, locked = false, onChange }: CartViewProps) {
  const t = useT();
  const format = useFormat();
  const items = cart.items ?? [];
  // A change names its line by SKU or group key; a line Glue sent no name for shows its SKU.
  const name = (skuOrGroupKey: string) =>
    items.find((item) => item.groupKey === skuOrGroupKey || item.sku === skuOrGroupKey)?.name ??
    skuOrGroupKey;
  const money = (amount: number) => format.money(amount, cart.currency);

  return (
    <section className="panel" aria-labelledby="cart-items-title">
      <h2 id="cart-items-title" tabIndex={-1}>
        {t('carts.items.title')}
      </h2>
      <p className="small muted" role="status">
        {pending ? t(describeChange(pending, name)) : ''}
      </p>
      {failed && (
        <ErrorNotice
          error={failed.error}
          text={describeChange(failed.change, name, describeError(failed.error))}
        />
      )}
      {items.length === 0 ? (
        <p className="muted">{t('carts.items.empty')}</p>
      ) : (
        <ChangeControls>
          <table className="table cart-table">
            <thead>
              <tr>
                <th scope="col">{t('carts.column.product')}</th>
                <th scope="col" className="num">
                  {t('carts.column.unitPrice')}
                </th>
                <th scope="col" className="num">
                  {t('carts.column.quantity')}
                </th>
                <th scope="col" className="num">
                  {t('carts.column.lineTotal')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('carts.column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <CartRow
                  key={item.groupKey}
                  item={item}
                  money={money}
                  busy={pending !== null || locked}
                  onChange={onChange}
                />
              ))}
            </tbody>
          </table>
        </ChangeControls>
      )}
      <dl className="totals" aria-label={t('carts.totals.label')}>
        <dt>{t('carts.totals.subtotal')}</dt>
        <dd>{money(cart.totals.subtotal)}</dd>
        {cart.totals.discountTotal > 0 && (
          <>
            <dt>{t('carts.totals.discounts')}</dt>
            <dd>−{money(cart.totals.discountTotal)}</dd>
          </>
        )}
        {cart.totals.expenseTotal > 0 && (
          <>
            <dt>{t('carts.totals.expenses')}</dt>
            <dd>{money(cart.totals.expenseTotal)}</dd>
          </>
        )}
        <dt>
          {cart.priceMode === 'NET_MODE' ? t('carts.totals.tax') : t('carts.totals.taxIncluded')}
        </dt>
        <dd>{money(cart.totals.taxTotal)}</dd>
        <dt className="totals__grand">{t('carts.totals.grandTotal')}</dt>
        <dd className="totals__grand">{money(cart.totals.grandTotal)}</dd>
        {cart.giftCards.length > 0 && (
          <>
            <dt>{t('carts.totals.giftCards')}</dt>
            <dd>−{money(cart.totals.grandTotal - cart.totals.priceToPay)}</dd>
            <dt className="totals__grand">{t('carts.totals.toPay')}</dt>
            <dd className="totals__grand">{money(cart.totals.priceToPay)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

interface CartRowProps {
  item: CartItem;
  money: (amount: number) => string;
  busy: boolean;
  onChange: (change: CartChange) => void;
}

function CartRow({ item, money, busy, onChange }: CartRowProps) {
  const t = useT();
  // Without a name from Glue the SKU names the line, shown once.
  const name = item.name ?? item.sku;
  const [draft, setDraft] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const quantityId = useId();
  const value = draft ?? String(item.quantity);
  const parsed = Number(value);
  const valid = Number.isInteger(parsed) && parsed > 0;
  const changed = draft !== null && parsed !== item.quantity;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!valid || !changed) return;
    onChange({ kind: 'set-quantity', groupKey: item.groupKey, quantity: parsed });
    setDraft(null);
    // The Update button goes once the change is sent: the focus stays on the quantity.
    inputRef.current?.focus();
  }

  return (
    <tr>
      <td>
        {item.name === null ? (
          <span className="mono">{item.sku}</span>
        ) : (
          <>
            {item.name}
            <div className="muted small mono">{item.sku}</div>
          </>
        )}
      </td>
      <td className="num">{money(item.unitPrice)}</td>
      <td className="num">
        <form className="quantity-form" onSubmit={handleSubmit}>
          <label htmlFor={quantityId} className="visually-hidden">
            {t('carts.item.quantityOf', { name })}
          </label>
          <input
            id={quantityId}
            ref={inputRef}
            className="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={value}
            // Read-only, not disabled, while a change runs: disabling would drop the focus.
            readOnly={busy}
            aria-disabled={busy || undefined}
            aria-invalid={!valid || undefined}
            onChange={(event) => setDraft(event.target.value)}
          />
          {changed && (
            <button type="submit" className="button button--small" disabled={busy || !valid}>
              <T
                id={'carts.item.update'}
                values={{ name }}
                components={{ 0: <span className="visually-hidden" /> }}
              />
            </button>
          )}
        </form>
      </td>
      <td className="num">{money(item.sumPrice)}</td>
      <td>
        <button
          type="button"
          className="button button--small button--danger"
          disabled={busy}
          onClick={() => {
            // The row goes with the item: the focus waits on the list's heading.
            document.getElementById('cart-items-title')?.focus();
            onChange({ kind: 'remove', groupKey: item.groupKey });
          }}
        >
          <T
            id={'carts.item.remove'}
            values={{ name }}
            components={{ 0: <span className="visually-hidden" /> }}
          />
        </button>
      </td>
    </tr>
  );
}
