import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession, type GlueSession } from '../../../lib/glue-session';
import { useSessionLog } from '../../activity/session-log';
import { cartQueries } from './cart-queries';
import { cartDocumentSchema, toCart } from './cart-schemas';

/** The demo shop's store, currency and price mode: what Spryker's B2C demo carts use. */
export const NEW_CART_DEFAULTS = { priceMode: 'GROSS_MODE', currency: 'EUR', store: 'DE' } as const;

export async function createCart(session: GlueSession, name: string) {
  const document = await session.asCustomer({
    method: 'POST',
    path: '/carts',
    body: { data: { type: 'carts', attributes: { name, ...NEW_CART_DEFAULTS } } },
    schema: cartDocumentSchema,
  });
  return toCart(document.data, document.included);
}

export function useCreateCart(customerReference: string) {
  const session = useGlueSession();
  const log = useSessionLog();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createCart(session, name),
    onMutate: (name) => ({
      entryId: log.begin({
        action: 'create-cart',
        cartId: null,
        cartName: name,
        sku: null,
        productName: null,
        quantityBefore: null,
        quantityAfter: null,
      }),
    }),
    onSuccess: (cart, _name, context) =>
      log.settle(context.entryId, { status: 'done', cartId: cart.id, cartName: cart.name }),
    onError: (error, _name, context) =>
      log.settle(context?.entryId ?? null, { status: 'failed', error: describeError(error) }),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: cartQueries.all(customerReference) }),
  });
}
