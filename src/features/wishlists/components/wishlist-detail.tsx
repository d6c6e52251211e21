import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useFormat } from '../../../i18n/format';
import { message, useT, type Message } from '../../../i18n/translate';
import { GlueError, describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { useRuntimeConfig } from '../../../lib/runtime-config';
import { storeQueries } from '../../carts/api/get-stores';
import { useConcreteProduct } from '../../products/api/use-products';
import { ProductFinder } from '../../products/components/product-finder';
import {
  StillOnWishlistError,
  useAddToWishlist,
  useDeleteWishlist,
  useMoveToCart,
  useRemoveFromWishlist,
  useRenameWishlist,
  wishlistQueries,
  type WishlistItem,
  type WishlistWithItems,
} from '../api/wishlists';
import { MoveToCartDialog } from './move-to-cart-dialog';
import { WishlistNameForm } from './wishlist-name-form';
import { ChangeControls } from '../../session-mode/change-controls';

interface WishlistDetailProps {
  customerReference: string;
  wishlistId: string;
  /** Whose wishlist, for the questions asked before a change. */
  customerName: string;
  onDeleted: (name: string) => void;
}

/**
 * One wishlist: its products with names and prices; rename it, delete it (asked first), add a
 * product through the cart's finder, remove one, or move one into a cart.
 */
export function WishlistDetail({
  customerReference,
  wishlistId,
  customerName,
  onDeleted,
}: WishlistDetailProps) {
  const t = useT();
  const session = useGlueSession();
  const wishlist = useQuery(wishlistQueries.detail(session, customerReference, wishlistId));
  useDocumentTitle(
    wishlist.data
      ? t('wishlistScreen.title', { name: wishlist.data.name })
      : t('wishlistScreen.titleLoading'),
  );

  if (wishlist.isPending) return <p className="muted">{t('wishlistScreen.loading')}</p>;
  if (wishlist.isError) {
    return (
      <ErrorNotice
        error={wishlist.error}
        text={
          wishlist.error instanceof GlueError && wishlist.error.code === '201'
            ? message('wishlistScreen.notFound')
            : message('wishlistScreen.loadFailed', { error: describeError(wishlist.error) })
        }
      />
    );
  }
  return (
    <WishlistChanges
      customerReference={customerReference}
      wishlist={wishlist.data}
      customerName={customerName}
      onDeleted={onDeleted}
    />
  );
}

interface WishlistChangesProps {
  customerReference: string;
  wishlist: WishlistWithItems;
  customerName: string;
  onDeleted: (name: string) => void;
}

function WishlistChanges({
  customerReference,
  wishlist,
  customerName,
  onDeleted,
}: WishlistChangesProps) {
  const t = useT();
  const session = useGlueSession();
  const others = useQuery(wishlistQueries.list(session, customerReference));
  const rename = useRenameWishlist(customerReference, wishlist);
  const remove = useDeleteWishlist(customerReference, wishlist);
  const add = useAddToWishlist(customerReference, wishlist);
  const removeItem = useRemoveFromWishlist(customerReference, wishlist);
  const move = useMoveToCart(customerReference, wishlist);
  // Prices in the finder are in the store's default currency (§5a), asked once a session.
  const store = useQuery(storeQueries.current(session, useRuntimeConfig().store));
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [moving, setMoving] = useState<WishlistItem | null>(null);
  const [done, setDone] = useState<Message | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const busy = add.isPending || removeItem.isPending || move.isPending;
  const productOf = (item: WishlistItem) => item.name ?? item.sku;

  const failure = (() => {
    if (rename.isError)
      return message('wishlistScreen.renameFailed', { error: describeError(rename.error) });
    if (remove.isError)
      return message('wishlistScreen.deleteFailed', { error: describeError(remove.error) });
    if (add.isError)
      return message('wishlistScreen.addFailed', { error: describeError(add.error) });
    if (removeItem.isError) {
      return message('wishlistScreen.removeFailed', {
        product: removeItem.variables.name ?? removeItem.variables.sku,
        error: describeError(removeItem.error),
      });
    }
    if (move.isError) {
      const product = move.variables.product.name ?? move.variables.product.sku;
      return move.error instanceof StillOnWishlistError
        ? message('wishlistScreen.move.stillOnWishlist', {
            product,
            error: describeError(move.error.cause),
          })
        : message('wishlistScreen.move.failed', { product, error: describeError(move.error) });
    }
    return null;
  })();
  const failedWith =
    rename.error ?? remove.error ?? add.error ?? removeItem.error ?? move.error ?? null;

  return (
    <>
      <h1>{wishlist.name}</h1>
      <p className="muted">{t('wishlistScreen.count', { count: wishlist.numberOfItems })}</p>
      <p className="visually-hidden" role="status">
        {done ? t(done) : ''}
      </p>
      {failure && <ErrorNotice error={failedWith} text={failure} />}
      <ChangeControls>
        <div className="actions">
          {!renaming && (
            <button
              ref={renameButton}
              type="button"
              className="button"
              onClick={() => setRenaming(true)}
            >
              {t('wishlistScreen.rename')}
            </button>
          )}
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() => setDeleting(true)}
          >
            {remove.isPending ? t('wishlistScreen.deleting') : t('wishlistScreen.delete')}
          </button>
        </div>
      </ChangeControls>
      {renaming && (
        <WishlistNameForm
          label={t('wishlistScreen.rename.label')}
          submitLabel={t('wishlistScreen.rename.save')}
          busyLabel={t('wishlistScreen.rename.saving')}
          busy={rename.isPending}
          initialName={wishlist.name}
          taken={(others.data ?? []).filter((o) => o.id !== wishlist.id).map((o) => o.name)}
          onSubmit={(name) =>
            rename.mutateAsync(name).then(() => {
              setRenaming(false);
              setDone(message('wishlistScreen.renamed', { name }));
            })
          }
          onCancel={() => {
            setRenaming(false);
            queueMicrotask(() => renameButton.current?.focus());
          }}
        />
      )}

      <section className="panel" aria-labelledby="wishlist-items-title">
        <h2 id="wishlist-items-title">{t('wishlistScreen.items')}</h2>
        {wishlist.items.length === 0 ? (
          <p className="muted">{t('wishlistScreen.empty')}</p>
        ) : (
          <ChangeControls>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('wishlistScreen.column.product')}</th>
                  <th scope="col" className="num">
                    {t('wishlistScreen.column.price')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('wishlistScreen.column.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {wishlist.items.map((item) => (
                  <tr key={item.sku}>
                    <td>
                      {productOf(item)}
                      <div className="muted small mono">{item.sku}</div>
                    </td>
                    <td className="num">
                      <ItemPrice sku={item.sku} />
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy}
                        aria-label={t('wishlistScreen.move.label', { product: productOf(item) })}
                        onClick={() => setMoving(item)}
                      >
                        {t('wishlistScreen.move')}
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy}
                        aria-label={t('wishlistScreen.remove.label', { product: productOf(item) })}
                        onClick={() =>
                          removeItem.mutate(item, {
                            onSuccess: () =>
                              setDone(
                                message('wishlistScreen.removed', { product: productOf(item) }),
                              ),
                          })
                        }
                      >
                        {t('wishlistScreen.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChangeControls>
        )}
      </section>

      {store.data && (
        <ProductFinder
          currency={store.data.defaultCurrency}
          purpose="wishlist"
          adding={busy}
          onAdd={(product) =>
            add
              .mutateAsync(product)
              .then(() => setDone(message('wishlistScreen.added', { product: product.name })))
          }
        />
      )}

      <MoveToCartDialog
        customerReference={customerReference}
        item={moving}
        onCancel={() => setMoving(null)}
        onMove={(cart) => {
          const item = moving;
          setMoving(null);
          if (!item) return;
          move.mutate(
            { product: item, cartId: cart.id },
            {
              onSuccess: () =>
                setDone(
                  message('wishlistScreen.moved', {
                    product: productOf(item),
                    cart: cart.name ?? t('carts.unnamed'),
                  }),
                ),
            },
          );
        }}
      />
      <ConfirmDialog
        open={deleting}
        title={t('wishlistScreen.deleteConfirm.title', { name: wishlist.name })}
        confirmLabel={t('wishlistScreen.deleteConfirm.delete')}
        onConfirm={() => {
          setDeleting(false);
          remove.mutate(undefined, { onSuccess: () => onDeleted(wishlist.name) });
        }}
        onCancel={() => setDeleting(false)}
      >
        <p>
          {t('wishlistScreen.deleteConfirm.body', {
            name: wishlist.name,
            customer: customerName,
            count: wishlist.numberOfItems,
          })}
        </p>
      </ConfirmDialog>
    </>
  );
}

/** §11 prices no item: the price is the product's own (§5a), shared with the finder's cache. */
function ItemPrice({ sku }: { sku: string }) {
  const t = useT();
  const format = useFormat();
  const product = useConcreteProduct(sku);
  if (product.isPending) return <span className="muted">…</span>;
  if (product.isError || !product.data.price)
    return <span className="muted">{t('products.noPrice')}</span>;
  return (
    <>
      {format.money(product.data.price.amount, product.data.price.currency)}
      {product.data.isDiscontinued && (
        <div className="small field__error">{t('products.discontinued')}</div>
      )}
    </>
  );
}
