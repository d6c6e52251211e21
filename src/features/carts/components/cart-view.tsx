import { useId, useRef, useState, type FormEvent } from 'react';
import { formatMoney } from '../../../components/money';
import { describeError } from '../../../lib/glue-errors';
import type { CartChange } from '../api/change-cart';
import type { Cart, CartItem } from '../api/cart-schemas';

interface CartViewProps {
  cart: Cart;
  /** The change under way, if any, and the last one that failed. */
  pending: CartChange | null;
  failed: { change: CartChange; error: unknown } | null;
  onChange: (change: CartChange) => void;
}

function describeChange(change: CartChange, name: (sku: string) => string): string {
  if (change.kind === 'add')
    return `adding ${change.quantity} × ${change.name ?? name(change.sku)}`;
  if (change.kind === 'set-quantity')
    return `changing the quantity of ${name(change.groupKey)} to ${change.quantity}`;
  return `removing ${name(change.groupKey)}`;
}

/** A cart's items and totals, in the cart's currency, with quantity changes and removals. */
export function CartView({ cart, pending, failed, onChange }: CartViewProps) {
  const items = cart.items ?? [];
  // A change names its line by SKU or group key; a line Glue sent no name for shows its SKU.
  const name = (skuOrGroupKey: string) =>
    items.find((item) => item.groupKey === skuOrGroupKey || item.sku === skuOrGroupKey)?.name ??
    skuOrGroupKey;
  const money = (amount: number) => formatMoney(amount, cart.currency);

  return (
    <section className="panel" aria-labelledby="cart-items-title">
      <h2 id="cart-items-title" tabIndex={-1}>
        Items
      </h2>
      <p className="small muted" role="status">
        {pending ? `${capitalize(describeChange(pending, name))}…` : ''}
      </p>
      {failed && (
        <p className="notice notice--error" role="alert">
          {capitalize(describeChange(failed.change, name))} failed. {describeError(failed.error)}
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">This cart is empty. Add a product below.</p>
      ) : (
        <table className="table cart-table">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Unit price
              </th>
              <th scope="col" className="num">
                Quantity
              </th>
              <th scope="col" className="num">
                Line total
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <CartRow
                key={item.groupKey}
                item={item}
                money={money}
                busy={pending !== null}
                onChange={onChange}
              />
            ))}
          </tbody>
        </table>
      )}
      <dl className="totals" aria-label="Cart totals">
        <dt>Subtotal</dt>
        <dd>{money(cart.totals.subtotal)}</dd>
        {cart.totals.discountTotal > 0 && (
          <>
            <dt>Discounts</dt>
            <dd>−{money(cart.totals.discountTotal)}</dd>
          </>
        )}
        {cart.totals.expenseTotal > 0 && (
          <>
            <dt>Expenses</dt>
            <dd>{money(cart.totals.expenseTotal)}</dd>
          </>
        )}
        <dt>{cart.priceMode === 'NET_MODE' ? 'Tax' : 'Tax included'}</dt>
        <dd>{money(cart.totals.taxTotal)}</dd>
        <dt className="totals__grand">Grand total</dt>
        <dd className="totals__grand">{money(cart.totals.grandTotal)}</dd>
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
            Quantity of {name}
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
              Update<span className="visually-hidden"> quantity of {name}</span>
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
          Remove<span className="visually-hidden"> {name}</span>
        </button>
      </td>
    </tr>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
