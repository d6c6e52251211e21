import { useMutation } from '@tanstack/react-query';
import { GlueError } from '../../../lib/glue-errors';
import { useGlueSession, type GlueSession } from '../../../lib/glue-session';
import { NO_ITEM, failedWith, useSessionLog, type CartCode } from '../../activity/session-log';
import { useCartCache } from '../../carts/api/change-cart';
import { CART_INCLUDE, cartDocumentSchema, toCart, type Cart } from '../../carts/api/cart-schemas';

export type CodeChange = { kind: 'apply' | 'remove'; code: string };

/** What a code does in a cart: a voucher's discount, or what a gift card pays; null if neither. */
export function effectOf(cart: Cart, code: string): Omit<CartCode, 'code' | 'currency'> | null {
  const discount = cart.discounts.find((entry) => entry.code === code);
  if (discount) return { kind: 'voucher', amount: discount.amount };
  const card = cart.giftCards.find((entry) => entry.code === code);
  if (card) return { kind: 'gift-card', amount: card.pays };
  return null;
}

/**
 * Applies a code (answers the cart as Glue holds it then) or removes one (answers null: Glue's
 * 204 has no body). One code per request, as §10 has it.
 */
export async function changeCode(
  session: GlueSession,
  cartId: string,
  change: CodeChange,
): Promise<Cart | null> {
  const path = `/carts/${encodeURIComponent(cartId)}/cart-codes`;
  if (change.kind === 'remove') {
    await session.asCustomer({
      method: 'DELETE',
      path: `${path}/${encodeURIComponent(change.code)}`,
    });
    return null;
  }
  const document = await session.asCustomer({
    method: 'POST',
    path: `${path}?${CART_INCLUDE}`,
    body: { data: { type: 'cart-codes', attributes: { code: change.code } } },
    schema: cartDocumentSchema,
  });
  return toCart(document.data, document.included);
}

/**
 * Applies or removes a voucher or gift-card code; the screen then shows the cart Glue holds.
 * Each goes into the session's activity with what the code took off or paid.
 */
export function useChangeCode(customerReference: string, cartId: string) {
  const session = useGlueSession();
  const log = useSessionLog();
  const cache = useCartCache(customerReference, cartId);
  return useMutation({
    mutationFn: (change: CodeChange) => changeCode(session, cartId, change),
    onMutate: async (change) => {
      const cart = await cache.hold();
      // A removal names what the code did until now; an applied code is known by the answer.
      const before = change.kind === 'remove' && cart ? effectOf(cart, change.code) : null;
      const currency = cart?.currency ?? '';
      const entryId = log.begin({
        action: change.kind === 'apply' ? 'apply-code' : 'remove-code',
        cartId,
        cartName: cart?.name ?? null,
        ...NO_ITEM,
        address: null,
        code: { code: change.code, kind: null, amount: null, currency, ...before },
      });
      return { entryId, currency };
    },
    onSuccess: (cart, change, context) => {
      cache.keep(cart);
      const effect = cart ? effectOf(cart, change.code) : null;
      log.settle(context.entryId, {
        status: 'done',
        ...(effect && { code: { code: change.code, currency: context.currency, ...effect } }),
      });
    },
    onError: (error, _change, context) => {
      log.settle(context?.entryId ?? null, failedWith(error));
    },
    // A code refused (3302) left the cart as it was: nothing to read again.
    onSettled: (cart, error) =>
      cache.refresh(Boolean(cart) || (error instanceof GlueError && error.code === '3302')),
  });
}
