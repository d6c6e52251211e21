import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useGlueSession, type GlueSession } from '../../../lib/glue-session';
import { useRuntimeConfig, type PriceMode } from '../../../lib/runtime-config';
import { failedWith, useSessionLog } from '../../activity/session-log';
import { cartQueries } from './cart-queries';
import { cartDocumentSchema, toCart } from './cart-schemas';
import { storeQueries } from './get-stores';

/** Where a new cart lives and how it is priced (Glue refuses a cart without them, §5). */
export interface NewCartSettings {
  store: string;
  currency: string;
  priceMode: PriceMode;
}

export async function createCart(session: GlueSession, name: string, settings: NewCartSettings) {
  const document = await session.asCustomer({
    method: 'POST',
    path: '/carts',
    body: { data: { type: 'carts', attributes: { name, ...settings } } },
    schema: cartDocumentSchema,
  });
  return toCart(document.data, document.included);
}

export function useCreateCart(customerReference: string) {
  const session = useGlueSession();
  const log = useSessionLog();
  const queryClient = useQueryClient();
  const config = useRuntimeConfig();
  return useMutation({
    mutationFn: async (name: string) => {
      // The store is asked for here, the first time a cart is made, and kept for the session.
      const store = await queryClient.fetchQuery(storeQueries.current(session, config.store));
      return createCart(session, name, {
        store: store.id,
        currency: store.defaultCurrency,
        priceMode: config.priceMode,
      });
    },
    onMutate: (name) => ({
      entryId: log.begin({
        action: 'create-cart',
        cartId: null,
        cartName: name,
        sku: null,
        productName: null,
        quantityBefore: null,
        quantityAfter: null,
        address: null,
      }),
    }),
    onSuccess: (cart, _name, context) =>
      log.settle(context.entryId, { status: 'done', cartId: cart.id, cartName: cart.name }),
    onError: (error, _name, context) => log.settle(context?.entryId ?? null, failedWith(error)),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: cartQueries.all(customerReference) }),
  });
}
