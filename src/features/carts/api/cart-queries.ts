import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { customerKey } from '../../../lib/customer-data-key';
import type { GlueSession } from '../../../lib/glue-session';
import { CART_INCLUDE, cartDocumentSchema, cartsDocumentSchema, toCart } from './cart-schemas';

export const cartQueries = {
  all: (customerReference: string) => [...customerKey(customerReference), 'carts'] as const,
  list: (session: GlueSession, customerReference: string) =>
    queryOptions({
      queryKey: [...cartQueries.all(customerReference), 'list'],
      meta: { translatedByGlue: true },
      queryFn: async ({ signal }) => {
        const document = await session.asCustomer({
          path: `/carts?${CART_INCLUDE}`,
          schema: cartsDocumentSchema,
          signal,
        });
        return document.data.map((cart) => toCart(cart, document.included));
      },
    }),
  detail: (session: GlueSession, customerReference: string, cartId: string, client?: QueryClient) =>
    queryOptions({
      queryKey: [...cartQueries.all(customerReference), 'detail', cartId],
      meta: { translatedByGlue: true },
      // The list was read with its items and their names: a cart opened from it needs no request.
      initialData: () =>
        client
          ?.getQueryData(cartQueries.list(session, customerReference).queryKey)
          ?.find((cart) => cart.id === cartId),
      initialDataUpdatedAt: () =>
        client?.getQueryState(cartQueries.list(session, customerReference).queryKey)?.dataUpdatedAt,
      queryFn: async ({ signal }) => {
        const document = await session.asCustomer({
          path: `/carts/${encodeURIComponent(cartId)}?${CART_INCLUDE}`,
          schema: cartDocumentSchema,
          signal,
        });
        return toCart(document.data, document.included);
      },
    }),
};
