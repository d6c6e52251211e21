import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorNotice } from '../../components/error-notice';
import { useDocumentTitle } from '../../components/use-document-title';
import { useChangeCode } from '../../features/cart-codes/api/cart-codes';
import { CartCodesPanel } from '../../features/cart-codes/components/cart-codes-panel';
import { useChangeCart } from '../../features/carts/api/change-cart';
import { cartQueries } from '../../features/carts/api/cart-queries';
import { CartView } from '../../features/carts/components/cart-view';
import { DeleteCartButton } from '../../features/carts/components/delete-cart-button';
import { ProductFinder } from '../../features/products/components/product-finder';
import { message, useT } from '../../i18n/translate';
import { GlueError, describeError } from '../../lib/glue-errors';
import { useGlueSession } from '../../lib/glue-session';
import { checkoutPath, customerPath } from '../paths';
import { useActingName } from './customer-workspace';
import { ChangeControls } from '../../features/session-mode/change-controls';
import { useChangesAllowed } from '../../features/session-mode/use-session-mode';

/**
 * One of the customer's carts: fix its items, add products, see the totals the shop computes;
 * once deleted, the agent is back on the carts.
 */
export function CartScreen() {
  const t = useT();
  const navigate = useNavigate();
  const customerName = useActingName();
  const { customerReference = '', cartId = '' } = useParams();
  const session = useGlueSession();
  const changesAllowed = useChangesAllowed();
  const cart = useQuery(cartQueries.detail(session, customerReference, cartId, useQueryClient()));
  const change = useChangeCart(customerReference, cartId);
  const codes = useChangeCode(customerReference, cartId);
  useDocumentTitle(
    cart.data
      ? t('cartScreen.title', { name: cart.data.name ?? t('carts.unnamed') })
      : t('cartScreen.titleLoading'),
  );

  return (
    <div className="workspace">
      <p>
        <Link to={customerPath(customerReference)}>{t('cartScreen.back')}</Link>
      </p>
      {cart.isPending && <p className="muted">{t('cartScreen.loading')}</p>}
      {cart.isError && (
        <ErrorNotice
          error={cart.error}
          text={
            cart.error instanceof GlueError && cart.error.code === '101'
              ? message('cartScreen.notFound')
              : message('cartScreen.loadFailed', { error: describeError(cart.error) })
          }
        />
      )}
      {cart.data && (
        <>
          <h1>
            {cart.data.name ?? t('carts.unnamed')}
            {cart.data.isDefault && <span className="badge">{t('carts.default')}</span>}
          </h1>
          <CartView
            cart={cart.data}
            pending={change.isPending ? change.variables : null}
            failed={change.isError ? { change: change.variables, error: change.error } : null}
            locked={codes.isPending}
            onChange={(next) => change.mutate(next)}
          />
          <ChangeControls>
            <CartCodesPanel
              cart={cart.data}
              change={codes}
              locked={change.isPending}
              customerName={customerName ?? customerReference}
            />
          </ChangeControls>
          {(cart.data.items?.length ?? 0) > 0 && (
            <p>
              {changesAllowed ? (
                <Link
                  className="button button--primary"
                  to={checkoutPath(customerReference, cartId)}
                >
                  {t('checkout.start')}
                </Link>
              ) : (
                // A link cannot be disabled: in view mode the way to checkout is a button that cannot be pressed.
                <button
                  type="button"
                  className="button button--primary"
                  disabled
                  title={t('mode.inertHint')}
                >
                  {t('checkout.start')}
                </button>
              )}
            </p>
          )}
          <ProductFinder
            currency={cart.data.currency}
            adding={change.isPending || codes.isPending}
            onAdd={(product, quantity) =>
              change.mutateAsync({ kind: 'add', sku: product.sku, name: product.name, quantity })
            }
          />
          <ChangeControls>
            <DeleteCartButton
              customerReference={customerReference}
              cart={cart.data}
              customerName={customerName ?? customerReference}
              disabled={change.isPending || codes.isPending}
              onDeleted={(name) =>
                void navigate(customerPath(customerReference), { state: { deletedCart: name } })
              }
            />
          </ChangeControls>
        </>
      )}
    </div>
  );
}
