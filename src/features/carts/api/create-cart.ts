import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useGlueSession, type GlueSession } from '../../../lib/glue-session';
import { useRuntimeConfig, type PriceMode, type RuntimeConfig } from '../../../lib/runtime-config';
import { NO_ITEM, failedWith, useSessionLog, type SessionLog } from '../../activity/session-log';
import { cartQueries } from './cart-queries';
import { cartDocumentSchema, toCart, type Cart } from './cart-schemas';
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

/**
 * Makes a cart in the store Glue answers (asked for the first time a cart is made, then kept for
 * the session), in its default currency, and records it in the session's log.
 */
export async function createLoggedCart(
  session: GlueSession,
  queryClient: QueryClient,
  log: SessionLog,
  config: RuntimeConfig,
  name: string,
): Promise<Cart> {
  const entryId = log.begin({
    action: 'create-cart',
    cartId: null,
    cartName: name,
    ...NO_ITEM,
    address: null,
  });
  try {
    const store = await queryClient.fetchQuery(storeQueries.current(session, config.store));
    const cart = await createCart(session, name, {
      store: store.id,
      currency: store.defaultCurrency,
      priceMode: config.priceMode,
    });
    log.settle(entryId, { status: 'done', cartId: cart.id, cartName: cart.name });
    return cart;
  } catch (error) {
    log.settle(entryId, failedWith(error));
    throw error;
  }
}

export function useCreateCart(customerReference: string) {
  const session = useGlueSession();
  const log = useSessionLog();
  const queryClient = useQueryClient();
  const config = useRuntimeConfig();
  return useMutation({
    mutationFn: (name: string) => createLoggedCart(session, queryClient, log, config, name),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: cartQueries.all(customerReference) }),
  });
}
