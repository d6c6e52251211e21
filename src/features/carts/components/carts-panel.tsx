import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { ErrorNotice } from '../../../components/error-notice';
import { useFormat } from '../../../i18n/format';
import { T, message, useT, type Translate } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { cartQueries } from '../api/cart-queries';
import type { Cart } from '../api/cart-schemas';
import { useCreateCart } from '../api/create-cart';
import { ChangeControls } from '../../session-mode/change-controls';

const PRODUCTS_NAMED = 3;

/** "Canon IXUS 175, Samsung Galaxy S5 mini and 2 more": what the cart holds, at a glance. */
function productSummary(cart: Cart, t: Translate): string {
  const names = (cart.items ?? []).map((item) => item.name ?? item.sku);
  const named = names.slice(0, PRODUCTS_NAMED).join(', ');
  const more = names.length - PRODUCTS_NAMED;
  return more > 0 ? t('carts.products.andMore', { names: named, more }) : named;
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
  const t = useT();
  const format = useFormat();
  const session = useGlueSession();
  const carts = useQuery(cartQueries.list(session, customerReference));
  const createCart = useCreateCart(customerReference);
  const [name, setName] = useState('');
  const nameId = useId();
  // The cart screen comes back here after a deletion, naming what it deleted.
  const deleted = (useLocation().state as { deletedCart?: string } | null)?.deletedCart;

  function handleCreate(event: FormEvent) {
    event.preventDefault();
    const cartName = name.trim();
    if (!cartName) return;
    createCart.mutate(cartName, { onSuccess: () => setName('') });
  }

  return (
    <section className="panel" aria-labelledby="carts-title">
      <h2 id="carts-title">{t('carts.title')}</h2>
      {carts.isPending && <p className="muted">{t('carts.loading')}</p>}
      {carts.isError && (
        <ErrorNotice
          error={carts.error}
          text={message('carts.loadFailed', { error: describeError(carts.error) })}
        />
      )}
      {carts.data?.length === 0 && <p className="muted">{t('carts.none')}</p>}
      {carts.data && carts.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('carts.column.cart')}</th>
              <th scope="col" className="num">
                {t('carts.column.items')}
              </th>
              <th scope="col" className="num">
                {t('carts.column.grandTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {carts.data.map((cart) => {
              const products = productSummary(cart, t);
              return (
                <tr key={cart.id}>
                  <td>
                    <Link to={cartPath(cart.id)}>{cart.name ?? t('carts.unnamed')}</Link>
                    {cart.isDefault && <span className="badge">{t('carts.default')}</span>}
                    {products && <div className="muted small">{products}</div>}
                  </td>
                  <td className="num">{cart.itemCount}</td>
                  <td className="num">{format.money(cart.totals.grandTotal, cart.currency)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ChangeControls>
        <form className="inline-form" onSubmit={handleCreate}>
          <label htmlFor={nameId}>{t('carts.new.label')}</label>
          <input
            id={nameId}
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={t('carts.new.placeholder')}
            maxLength={100}
            required
          />
          <button type="submit" className="button" disabled={createCart.isPending || !name.trim()}>
            {createCart.isPending ? t('carts.new.creating') : t('carts.new.create')}
          </button>
        </form>
      </ChangeControls>
      {createCart.isError && (
        <ErrorNotice
          error={createCart.error}
          text={message('carts.new.failed', { error: describeError(createCart.error) })}
        />
      )}
      <p className="muted small" role="status">
        {deleted && !createCart.isSuccess && t('carts.deleted', { name: deleted })}
        {createCart.isSuccess && (
          <T
            id={'carts.new.created'}
            values={{ name: createCart.data.name ?? t('carts.unnamed') }}
            components={{ 0: <Link to={cartPath(createCart.data.id)} /> }}
          />
        )}
      </p>
    </section>
  );
}
