import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../components/error-notice';
import { message, useT } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { cartQueries } from '../../carts/api/cart-queries';
import type { OrderDetail } from '../../orders/api/order-queries';
import { linesOf, useOrderAgain } from '../api/order-again';
import { ChangeControls } from '../../session-mode/change-controls';

/**
 * "Order again": the order's products, ticked, into a new cart or one of the customer's; then
 * which went in and which did not, and why.
 */
export function OrderAgainPanel({
  customerReference,
  order,
  cartPath,
}: {
  customerReference: string;
  order: OrderDetail;
  cartPath: (cartId: string) => string;
}) {
  const t = useT();
  const ids = { products: useId(), target: useId() };
  const session = useGlueSession();
  const [open, setOpen] = useState(false);
  const lines = linesOf(order);
  const [ticked, setTicked] = useState(() => new Set(lines.map((line) => line.sku)));
  // '' is a new cart; else the id of one of the customer's carts.
  const [target, setTarget] = useState('');
  // The customer's carts only matter once the agent may choose one of them.
  const carts = useQuery({ ...cartQueries.list(session, customerReference), enabled: open });
  const reorder = useOrderAgain(customerReference);
  // A name no cart of the customer's has yet: "… (2)" when this order was ordered again before.
  const baseName = t('reorder.cartName', { reference: order.id });
  const taken = new Set((carts.data ?? []).map((cart) => cart.name));
  let newName = baseName;
  for (let n = 2; taken.has(newName); n += 1) newName = `${baseName} (${n})`;
  const chosen = lines.filter((line) => ticked.has(line.sku));
  const cartName = (name: string | null) => name ?? t('carts.unnamed');

  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('reorder.open')}
      </button>
    );
  }

  if (reorder.isSuccess) {
    const { cartId, cartName: name, added, refused } = reorder.data;
    return (
      <section className="panel" aria-labelledby="reorder-title">
        <h2 id="reorder-title">{t('reorder.title')}</h2>
        <p role="status">
          {t('reorder.done', {
            added: added.length,
            count: added.length + refused.length,
            cart: cartName(name),
          })}
        </p>
        {refused.length > 0 && (
          <>
            <h3 className="h3" id="reorder-refused">
              {t('reorder.refusedTitle')}
            </h3>
            <ul aria-labelledby="reorder-refused">
              {refused.map(({ line, error }) => (
                <li key={line.sku}>
                  {t('reorder.refused', {
                    name: line.name,
                    sku: line.sku,
                    reason: describeError(error),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="actions">
          <Link className="button button--primary" to={cartPath(cartId)}>
            {t('reorder.openCart')}
          </Link>
        </div>
      </section>
    );
  }

  function submit() {
    if (reorder.isPending || chosen.length === 0) return;
    const existing = carts.data?.find((cart) => cart.id === target);
    reorder.mutate({
      lines: chosen,
      target: existing ? { kind: 'existing', cart: existing } : { kind: 'new', name: newName },
    });
  }

  return (
    <section className="panel" aria-labelledby="reorder-title">
      <h2 id="reorder-title">{t('reorder.title')}</h2>
      <ChangeControls>
        <form
          aria-labelledby="reorder-title"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <fieldset className="checkout__step">
            <legend id={ids.products}>{t('reorder.products')}</legend>
            {lines.map((line) => (
              <label key={line.sku} className="choice">
                <input
                  type="checkbox"
                  checked={ticked.has(line.sku)}
                  onChange={(event) =>
                    setTicked((now) => {
                      const next = new Set(now);
                      if (event.target.checked) next.add(line.sku);
                      else next.delete(line.sku);
                      return next;
                    })
                  }
                />{' '}
                {t('reorder.line', { quantity: line.quantity, name: line.name, sku: line.sku })}
              </label>
            ))}
          </fieldset>
          <fieldset className="checkout__step">
            <legend id={ids.target}>{t('reorder.into')}</legend>
            <label className="choice">
              <input
                type="radio"
                name={ids.target}
                checked={target === ''}
                onChange={() => setTarget('')}
              />{' '}
              {t('reorder.newCart', { name: newName })}
            </label>
            {carts.isPending && <p className="muted">{t('reorder.cartsLoading')}</p>}
            {(carts.data ?? []).map((cart) => (
              <label key={cart.id} className="choice">
                <input
                  type="radio"
                  name={ids.target}
                  checked={target === cart.id}
                  onChange={() => setTarget(cart.id)}
                />{' '}
                {cartName(cart.name)}
              </label>
            ))}
          </fieldset>
          {chosen.length === 0 && <p className="muted">{t('reorder.none')}</p>}
          {reorder.isError && (
            <ErrorNotice
              error={reorder.error}
              text={message('reorder.failed', { error: describeError(reorder.error) })}
            />
          )}
          <div className="actions">
            <button
              type="submit"
              className="button button--primary"
              aria-disabled={chosen.length === 0 || reorder.isPending || undefined}
            >
              {reorder.isPending
                ? t('reorder.working')
                : t('reorder.submit', { count: chosen.length })}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('reorder.cancel')}
            </button>
          </div>
        </form>
      </ChangeControls>
    </section>
  );
}
