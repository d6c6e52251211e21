import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { message, useT } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { cartQueries } from '../../carts/api/cart-queries';
import type { Cart } from '../../carts/api/cart-schemas';
import type { WishlistItem } from '../api/wishlists';

interface MoveToCartDialogProps {
  customerReference: string;
  /** The item to move; null while the dialog is closed. */
  item: WishlistItem | null;
  onMove: (cart: Cart) => void;
  onCancel: () => void;
}

/** Which cart a wishlist item goes into: the customer's carts, the default one chosen first. */
export function MoveToCartDialog({
  customerReference,
  item,
  onMove,
  onCancel,
}: MoveToCartDialogProps) {
  const t = useT();
  const session = useGlueSession();
  // The carts are asked for only when a move is wanted, then kept like the Carts tab's.
  const carts = useQuery({
    ...cartQueries.list(session, customerReference),
    enabled: item !== null,
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const selectId = useId();
  const choice =
    carts.data?.find((cart) => cart.id === chosen) ??
    carts.data?.find((cart) => cart.isDefault) ??
    carts.data?.[0];
  const product = item ? (item.name ?? item.sku) : '';

  return (
    <ConfirmDialog
      open={item !== null}
      title={t('wishlistScreen.moveDialog.title', { product })}
      confirmLabel={t('wishlistScreen.moveDialog.move')}
      onConfirm={
        choice
          ? () => {
              setChosen(null);
              onMove(choice);
            }
          : undefined
      }
      onCancel={() => {
        setChosen(null);
        onCancel();
      }}
    >
      {carts.isPending && <p className="muted">{t('carts.loading')}</p>}
      {carts.isError && (
        <ErrorNotice
          error={carts.error}
          text={message('carts.loadFailed', { error: describeError(carts.error) })}
        />
      )}
      {carts.data?.length === 0 && <p>{t('wishlistScreen.moveDialog.noCart')}</p>}
      {choice && carts.data && (
        <>
          <label htmlFor={selectId}>{t('wishlistScreen.moveDialog.cart')}</label>
          <select
            id={selectId}
            value={choice.id}
            onChange={(event) => setChosen(event.target.value)}
          >
            {carts.data.map((cart) => (
              <option key={cart.id} value={cart.id}>
                {cart.name ?? t('carts.unnamed')}
                {cart.isDefault ? ` (${t('carts.default')})` : ''}
              </option>
            ))}
          </select>
          <p className="muted small">{t('wishlistScreen.moveDialog.body')}</p>
        </>
      )}
    </ConfirmDialog>
  );
}
