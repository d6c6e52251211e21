import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { message, useT } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import { useDeleteCart } from '../api/delete-cart';
import type { Cart } from '../api/cart-schemas';

interface DeleteCartButtonProps {
  customerReference: string;
  cart: Cart;
  /** Whose cart, for the question asked first. */
  customerName: string;
  /** `name`: the cart's, as the agent knew it, for the carts list to say what went. */
  onDeleted: (name: string) => void;
  disabled: boolean;
}

/** "Delete cart", asked first: whose, how many items, and that it cannot be undone. */
export function DeleteCartButton({
  customerReference,
  cart,
  customerName,
  onDeleted,
  disabled,
}: DeleteCartButtonProps) {
  const t = useT();
  const remove = useDeleteCart(customerReference, cart);
  const [asking, setAsking] = useState(false);
  const name = cart.name ?? t('carts.unnamed');

  return (
    <>
      <p>
        <button
          type="button"
          className="button button--danger"
          disabled={disabled || remove.isPending}
          onClick={() => setAsking(true)}
        >
          {remove.isPending ? t('cartScreen.deleting') : t('cartScreen.delete')}
        </button>
      </p>
      {remove.isError && (
        <ErrorNotice
          error={remove.error}
          text={message('cartScreen.deleteFailed', { name, error: describeError(remove.error) })}
        />
      )}
      <ConfirmDialog
        open={asking}
        title={t('cartScreen.deleteConfirm.title', { name })}
        confirmLabel={t('cartScreen.deleteConfirm.delete')}
        onConfirm={() => {
          setAsking(false);
          remove.mutate(undefined, { onSuccess: () => onDeleted(name) });
        }}
        onCancel={() => setAsking(false)}
      >
        <p>
          {t('cartScreen.deleteConfirm.body', {
            name,
            customer: customerName,
            count: cart.itemCount,
          })}
        </p>
      </ConfirmDialog>
    </>
  );
}
