import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useGlueSession, type GlueSession } from '../../../lib/glue-session';
import { failedWith, useSessionLog, type SessionLog } from '../../activity/session-log';
import { cartQueries } from './cart-queries';
import { CART_INCLUDE, cartDocumentSchema, toCart, type Cart, type CartItem } from './cart-schemas';

export type CartChange =
  /** `name`: the product's, as the finder showed it, for the activity before Glue answers. */
  | { kind: 'add'; sku: string; name: string | null; quantity: number }
  | { kind: 'set-quantity'; groupKey: string; quantity: number }
  | { kind: 'remove'; groupKey: string };

/**
 * Sends one change of a cart's items; answers the cart as Glue holds it afterwards, with its
 * products' names (null after a removal, which answers nothing).
 */
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
          path: `${cartPath}?${CART_INCLUDE}`,
          body: {
            data: { type: 'items', attributes: { sku: change.sku, quantity: change.quantity } },
          },
          schema: cartDocumentSchema,
        }
      : {
          method: 'PATCH',
          path: `${cartPath}/${encodeURIComponent(change.groupKey)}?${CART_INCLUDE}`,
          body: { data: { type: 'items', attributes: { quantity: change.quantity } } },
          schema: cartDocumentSchema,
        },
  );
  return toCart(document.data, document.included);
}

/** The cart line a change is about: by SKU when adding, else by group key (not always the SKU). */
function matches(line: CartItem, change: CartChange): boolean {
  return change.kind === 'add' ? line.sku === change.sku : line.groupKey === change.groupKey;
}

const ACTIONS = {
  add: 'add-item',
  'set-quantity': 'change-quantity',
  remove: 'remove-item',
} as const;

const skuOf = (change: CartChange) => (change.kind === 'add' ? change.sku : change.groupKey);

/** Records a change as under way, with the quantity before and the one asked for. */
export function beginCartChange(
  log: SessionLog,
  cartId: string,
  cart: Cart | undefined,
  change: CartChange,
): number | null {
  const line = cart?.items?.find((item) => matches(item, change));
  const before = line?.quantity ?? 0;
  return log.begin({
    action: ACTIONS[change.kind],
    cartId,
    cartName: cart?.name ?? null,
    sku: line?.sku ?? skuOf(change),
    productName: line?.name ?? (change.kind === 'add' ? change.name : null),
    quantityBefore: before,
    quantityAfter:
      change.kind === 'add'
        ? before + change.quantity
        : change.kind === 'remove'
          ? 0
          : change.quantity,
    address: null,
  });
}

/** Records a change done, with the quantity the shop holds now (a removal answers no cart). */
export function settleCartChange(
  log: SessionLog,
  entryId: number | null,
  cart: Cart | null,
  change: CartChange,
): void {
  const after = cart?.items?.find((item) => matches(item, change))?.quantity ?? 0;
  log.settle(entryId, { status: 'done', quantityAfter: after });
}

/**
 * Where the answer to a change of a cart goes: into the cart's cache while the customer's session
 * runs, and a refetch only when Glue answered no cart (a removal, a failure).
 */
export function useCartCache(customerReference: string, cartId: string) {
  const session = useGlueSession();
  const queryClient = useQueryClient();
  const detail = cartQueries.detail(session, customerReference, cartId);
  return {
    /** The cart as the screen shows it, once no read on its way can overwrite the answer. */
    hold: async (): Promise<Cart | undefined> => {
      await queryClient.cancelQueries({ queryKey: detail.queryKey });
      return queryClient.getQueryData(detail.queryKey);
    },
    keep: (cart: Cart | null): void => {
      const acting = session.customer.getState();
      // An answer for a session that has ended goes nowhere near the cache.
      const current =
        acting.status === 'active' && acting.profile.customerReference === customerReference;
      if (cart && current) queryClient.setQueryData(detail.queryKey, cart);
    },
    /** `current`: the screen shows what Glue holds (it answered the cart, or changed nothing). */
    refresh: (current: boolean) =>
      Promise.all([
        current ? undefined : queryClient.invalidateQueries({ queryKey: detail.queryKey }),
        queryClient.invalidateQueries({
          queryKey: cartQueries.list(session, customerReference).queryKey,
        }),
      ]),
  };
}

/**
 * Changes a cart; whatever the outcome, the screen ends up showing what Glue really holds.
 * Each change goes into the session's activity, with the quantity before and after.
 */
export function useChangeCart(customerReference: string, cartId: string) {
  const session = useGlueSession();
  const log = useSessionLog();
  const cache = useCartCache(customerReference, cartId);
  return useMutation({
    mutationFn: (change: CartChange) => changeCart(session, cartId, change),
    onMutate: async (change) => ({
      entryId: beginCartChange(log, cartId, await cache.hold(), change),
    }),
    onSuccess: (cart, change, context) => {
      cache.keep(cart);
      settleCartChange(log, context.entryId, cart, change);
    },
    onError: (error, _change, context) => {
      log.settle(context?.entryId ?? null, failedWith(error));
    },
    onSettled: (cart) => cache.refresh(Boolean(cart)),
  });
}
