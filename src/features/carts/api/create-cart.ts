import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useGlueSession, type GlueSession } from '../../../lib/glue-session';
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
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createCart(session, name),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: cartQueries.all(customerReference) }),
  });
}
