import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../../components/money';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { cartQueries } from '../api/cart-queries';
import type { Cart } from '../api/cart-schemas';
import { useCreateCart } from '../api/create-cart';

const PRODUCTS_NAMED = 3;

/** "Canon IXUS 175, Samsung Galaxy S5 mini and 2 more": what the cart holds, at a glance. */
function productSummary(cart: Cart): string {
  const names = (cart.items ?? []).map((item) => item.name ?? item.sku);
  const named = names.slice(0, PRODUCTS_NAMED).join(', ');
  const more = names.length - PRODUCTS_NAMED;
  return more > 0 ? `${named} and ${more} more` : named;
}

interface CartsPanelProps {
  customerReference: string;
  cartPath: (cartId: string) => string;
}

/**
 * The customer's carts: name, the products in it, item count, grand total, the default one
 * marked; and a new one. One request: the carts come with their items and products.
 */
export function CartsPanel({ customerReference, cartPath }: CartsPanelProps) {
  const session = useGlueSession();
  const carts = useQuery(cartQueries.list(session, customerReference));
  const createCart = useCreateCart(customerReference);
  const [name, setName] = useState('');
  const nameId = useId();

  function handleCreate(event: FormEvent) {
    event.preventDefault();
    const cartName = name.trim();
    if (!cartName) return;
    createCart.mutate(cartName, { onSuccess: () => setName('') });
  }

  return (
    <section className="panel" aria-labelledby="carts-title">
      <h2 id="carts-title">Carts</h2>
      {carts.isPending && <p className="muted">Loading carts…</p>}
      {carts.isError && (
        <p className="notice notice--error" role="alert">
          The carts could not be loaded. {describeError(carts.error)}
        </p>
      )}
      {carts.data?.length === 0 && <p className="muted">No carts yet.</p>}
      {carts.data && carts.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Cart</th>
              <th scope="col" className="num">
                Items
              </th>
              <th scope="col" className="num">
                Grand total
              </th>
            </tr>
          </thead>
          <tbody>
            {carts.data.map((cart) => {
              const products = productSummary(cart);
              return (
                <tr key={cart.id}>
                  <td>
                    <Link to={cartPath(cart.id)}>{cart.name}</Link>
                    {cart.isDefault && <span className="badge">Default</span>}
                    {products && <div className="muted small">{products}</div>}
                  </td>
                  <td className="num">{cart.itemCount}</td>
                  <td className="num">{formatMoney(cart.totals.grandTotal, cart.currency)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={handleCreate}>
        <label htmlFor={nameId}>New cart</label>
        <input
          id={nameId}
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="Cart name"
          maxLength={100}
          required
        />
        <button type="submit" className="button" disabled={createCart.isPending || !name.trim()}>
          {createCart.isPending ? 'Creating…' : 'Create cart'}
        </button>
      </form>
      {createCart.isError && (
        <p className="notice notice--error" role="alert">
          The cart could not be created. {describeError(createCart.error)}
        </p>
      )}
      {createCart.isSuccess && (
        <p className="muted small" role="status">
          Cart “{createCart.data.name}” created.{' '}
          <Link to={cartPath(createCart.data.id)}>Open it</Link>
        </p>
      )}
    </section>
  );
}
