import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { Locale } from '../../../i18n/locales';
import { customerKey } from '../../../lib/customer-data-key';
import { useGlueSession, type GlueSession } from '../../../lib/glue-session';
import { useRuntimeConfig } from '../../../lib/runtime-config';
import { NO_ITEM, failedWith, useSessionLog } from '../../activity/session-log';
import { storeQueries } from '../../carts/api/get-stores';
import { orderQueries } from '../../orders/api/order-queries';

const reasonsDocumentSchema = z.object({
  data: z.array(z.object({ attributes: z.looseObject({ reason: z.string() }) })),
});

const returnResourceSchema = z.object({
  type: z.literal('returns'),
  id: z.string(),
  attributes: z.looseObject({
    returnTotals: z.looseObject({ refundTotal: z.number(), remunerationTotal: z.number() }),
  }),
  relationships: z.optional(
    z.looseObject({
      'return-items': z.optional(z.looseObject({ data: z.array(z.object({ id: z.string() })) })),
    }),
  ),
});

const includedSchema = z.union([
  z.object({
    type: z.literal('return-items'),
    id: z.string(),
    attributes: z.looseObject({ reason: z.nullable(z.string()), orderItemUuid: z.string() }),
  }),
  z.object({
    type: z.literal('order-items'),
    id: z.string(),
    attributes: z.looseObject({
      name: z.string(),
      sku: z.string(),
      quantity: z.number(),
      state: z.nullable(z.optional(z.string())),
    }),
  }),
  // Anything else Glue includes is not the console's business.
  z.looseObject({ type: z.string() }),
]);

const returnsDocumentSchema = z.object({
  data: z.array(returnResourceSchema),
  included: z.optional(z.array(includedSchema)),
});

const createdDocumentSchema = z.object({ data: returnResourceSchema });

export interface ReturnedItem {
  orderItemUuid: string;
  reason: string | null;
  name: string | null;
  sku: string | null;
  quantity: number | null;
  state: string | null;
}

export interface CustomerReturn {
  reference: string;
  remunerationTotal: number;
  items: ReturnedItem[];
}

/** Returns with their items and each item's order item: one request (§12's includes). */
const RETURNS_INCLUDE = 'include=return-items,order-items';

export const returnQueries = {
  all: (customerReference: string) => [...customerKey(customerReference), 'returns'] as const,
  list: (session: GlueSession, customerReference: string) =>
    queryOptions({
      queryKey: returnQueries.all(customerReference),
      queryFn: async ({ signal }) =>
        toReturns(
          await session.asCustomer({
            path: `/returns?${RETURNS_INCLUDE}`,
            schema: returnsDocumentSchema,
            signal,
          }),
        ),
    }),
  // The shop's reasons come in the language asked for (Accept-Language), so they are kept per language.
  reasons: (session: GlueSession, locale: Locale) =>
    queryOptions({
      queryKey: ['return-reasons', locale],
      queryFn: async ({ signal }) =>
        (
          await session.glue.request({
            path: '/return-reasons',
            schema: reasonsDocumentSchema,
            signal,
          })
        ).data.map((reason) => reason.attributes.reason),
      staleTime: Infinity,
    }),
};

export function toReturns(document: z.infer<typeof returnsDocumentSchema>): CustomerReturn[] {
  const included = document.included ?? [];
  const find = <T extends string>(type: T, id: string) =>
    included.find((resource) => resource.type === type && 'id' in resource && resource.id === id);
  return document.data.map((found) => ({
    reference: found.id,
    remunerationTotal: found.attributes.returnTotals.remunerationTotal,
    items: (found.relationships?.['return-items']?.data ?? []).flatMap(({ id }) => {
      const item = find('return-items', id);
      if (!item || item.type !== 'return-items' || !('attributes' in item)) return [];
      const attributes = item.attributes as { reason: string | null; orderItemUuid: string };
      const orderItem = find('order-items', attributes.orderItemUuid);
      const order =
        orderItem && 'attributes' in orderItem
          ? (orderItem.attributes as {
              name: string;
              sku: string;
              quantity: number;
              state?: string | null;
            })
          : null;
      return [
        {
          orderItemUuid: attributes.orderItemUuid,
          reason: attributes.reason,
          name: order?.name ?? null,
          sku: order?.sku ?? null,
          quantity: order?.quantity ?? null,
          state: order?.state ?? null,
        },
      ];
    }),
  }));
}

export interface ReturnRequest {
  orderReference: string;
  items: { uuid: string; name: string; sku: string }[];
  reason: string;
}

/** Creates one return of the ticked items, all with one reason; into the activity log. */
export function useCreateReturn(customerReference: string) {
  const session = useGlueSession();
  const log = useSessionLog();
  const queryClient = useQueryClient();
  const config = useRuntimeConfig();
  const refresh = (orderReference: string) =>
    Promise.all([
      // The returned items change state and are no longer returnable; the returns list grows.
      queryClient.invalidateQueries({
        queryKey: orderQueries.detail(session, customerReference, orderReference).queryKey,
      }),
      queryClient.invalidateQueries({ queryKey: returnQueries.all(customerReference) }),
    ]);
  return useMutation({
    mutationFn: async ({ items, reason }: ReturnRequest) => {
      // The store the customer's carts are made in; asked once a session.
      const store = await queryClient.fetchQuery(storeQueries.current(session, config.store));
      const created = await session.asCustomer({
        method: 'POST',
        path: '/returns',
        body: {
          data: {
            type: 'returns',
            attributes: {
              store: store.id,
              returnItems: items.map((item) => ({ salesOrderItemUuid: item.uuid, reason })),
            },
          },
        },
        schema: createdDocumentSchema,
      });
      return created.data;
    },
    onMutate: (request) => ({
      entryId: log.begin({
        action: 'create-return',
        cartId: null,
        cartName: null,
        ...NO_ITEM,
        productName: request.items.map((item) => `${item.name} (${item.sku})`).join(', '),
        address: null,
        returned: {
          reference: null,
          orderReference: request.orderReference,
          reason: request.reason,
        },
      }),
    }),
    onSuccess: async (created, request, context) => {
      log.settle(context.entryId, {
        status: 'done',
        returned: {
          reference: created.id,
          orderReference: request.orderReference,
          reason: request.reason,
        },
      });
      await refresh(request.orderReference);
    },
    onError: async (error, request, context) => {
      log.settle(context?.entryId ?? null, failedWith(error));
      // Glue's one 3601 says nothing of why: show the order as it is now.
      await refresh(request.orderReference);
    },
  });
}
