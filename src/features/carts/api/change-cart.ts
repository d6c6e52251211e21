import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useGlueSession, type GlueSession } from '../../../lib/glue-session';
import { cartQueries } from './cart-queries';
import { cartDocumentSchema, toCart, type Cart } from './cart-schemas';

export type CartChange =
  | { kind: 'add'; sku: string; quantity: number }
  | { kind: 'set-quantity'; groupKey: string; quantity: number }
  | { kind: 'remove'; groupKey: string };

/** Sends one change of a cart's items; answers the cart as Glue holds it afterwards (null after a removal). */
export async function changeCart(
  session: GlueSession,
  cartId: string,
  change: CartChange,
): Promise<Cart | null> {
  const cartPath = `/carts/${encodeURIComponent(cartId)}/items`;
  if (change.kind === 'remove') {
    await session.asCustomer({
      method: 'DELETE',
      path: `${cartPath}/${encodeURIComponent(change.groupKey)}`,
    });
    return null;
  }
  const document = await session.asCustomer(
    change.kind === 'add'
      ? {
          method: 'POST',
          path: `${cartPath}?include=items`,
          body: {
            data: { type: 'items', attributes: { sku: change.sku, quantity: change.quantity } },
          },
          schema: cartDocumentSchema,
        }
      : {
          method: 'PATCH',
          path: `${cartPath}/${encodeURIComponent(change.groupKey)}?include=items`,
          body: { data: { type: 'items', attributes: { quantity: change.quantity } } },
          schema: cartDocumentSchema,
        },
  );
  return toCart(document.data, document.included);
}

/** Changes a cart; whatever the outcome, the screen ends up showing what Glue really holds. */
export function useChangeCart(customerReference: string, cartId: string) {
  const session = useGlueSession();
  const queryClient = useQueryClient();
  const detail = cartQueries.detail(session, customerReference, cartId);
  return useMutation({
    mutationFn: (change: CartChange) => changeCart(session, cartId, change),
    onSuccess: (cart) => {
      if (cart) queryClient.setQueryData(detail.queryKey, cart);
    },
    onSettled: (cart) =>
      Promise.all([
        // Glue's answer already is the cart; refetch only when there was none (removal, failure).
        cart ? undefined : queryClient.invalidateQueries({ queryKey: detail.queryKey }),
        queryClient.invalidateQueries({
          queryKey: cartQueries.list(session, customerReference).queryKey,
        }),
      ]),
  });
}
