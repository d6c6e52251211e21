import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useGlueSession, type GlueSession } from '../../../lib/glue-session';
import { NO_ITEM, recorded, useSessionLog } from '../../activity/session-log';
import { cartQueries } from './cart-queries';
import type { Cart } from './cart-schemas';

/** Deletes a cart with its items (Glue answers 204, nothing more). */
export async function deleteCart(session: GlueSession, cartId: string): Promise<void> {
  await session.asCustomer({ method: 'DELETE', path: `/carts/${encodeURIComponent(cartId)}` });
}

/**
 * Deletes a cart, recorded in the session's log; whatever the outcome, the carts are read again,
 * so a refused deletion shows the cart as Glue still holds it.
 */
export function useDeleteCart(customerReference: string, cart: Pick<Cart, 'id' | 'name'>) {
  const session = useGlueSession();
  const log = useSessionLog();
  const queryClient = useQueryClient();
  const detailKey = cartQueries.detail(session, customerReference, cart.id).queryKey;
  return useMutation({
    mutationFn: () =>
      recorded(
        log,
        { action: 'delete-cart', cartId: cart.id, cartName: cart.name, ...NO_ITEM, address: null },
        () => deleteCart(session, cart.id),
      ),
    onSuccess: () => queryClient.removeQueries({ queryKey: detailKey }),
    onSettled: (_result, error) =>
      Promise.all([
        // Gone: the list alone is read again, not the cart that no longer exists.
        error ? queryClient.invalidateQueries({ queryKey: detailKey }) : undefined,
        queryClient.invalidateQueries({
          queryKey: cartQueries.list(session, customerReference).queryKey,
        }),
      ]),
  });
}
