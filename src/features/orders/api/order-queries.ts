import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { customerKey } from '../../../lib/customer-data-key';
import type { GlueSession } from '../../../lib/glue-session';

export const ORDERS_PAGE_SIZE = 10;

const totalsSchema = z.looseObject({
  subtotal: z.number(),
  taxTotal: z.number(),
  grandTotal: z.number(),
  expenseTotal: z.optional(z.number()),
  discountTotal: z.optional(z.number()),
  canceledTotal: z.optional(z.number()),
});

const orderSummarySchema = z.object({
  id: z.string(),
  attributes: z.looseObject({
    createdAt: z.string(),
    currencyIsoCode: z.string(),
    priceMode: z.optional(z.string()),
    totals: totalsSchema,
    items: z.optional(z.array(z.looseObject({ quantity: z.number() }))),
  }),
});

const ordersDocumentSchema = z.object({
  data: z.array(orderSummarySchema),
  links: z.optional(
    z.looseObject({
      next: z.optional(z.string()),
      prev: z.optional(z.string()),
      last: z.optional(z.string()),
    }),
  ),
});

const addressSchema = z.nullable(
  z.optional(
    z.looseObject({
      salutation: z.nullable(z.optional(z.string())),
      firstName: z.nullable(z.optional(z.string())),
      lastName: z.nullable(z.optional(z.string())),
      address1: z.nullable(z.optional(z.string())),
      address2: z.nullable(z.optional(z.string())),
      address3: z.nullable(z.optional(z.string())),
      zipCode: z.nullable(z.optional(z.string())),
      city: z.nullable(z.optional(z.string())),
      country: z.nullable(z.optional(z.string())),
      iso2Code: z.nullable(z.optional(z.string())),
      company: z.nullable(z.optional(z.string())),
    }),
  ),
);

/** An order as GET /orders/{ref} answers it, and as POST /checkout?include=orders includes it. */
export const orderResourceSchema = z.object({
  id: z.string(),
  attributes: z.looseObject({
    createdAt: z.string(),
    currencyIsoCode: z.string(),
    totals: totalsSchema,
    items: z.array(
      z.looseObject({
        name: z.string(),
        sku: z.string(),
        quantity: z.number(),
        unitPrice: z.number(),
        sumPrice: z.number(),
        state: z.nullable(z.optional(z.string())),
        // What §12 adds to each item: the id a return names, and whether it may be returned.
        uuid: z.optional(z.string()),
        isReturnable: z.optional(z.boolean()),
      }),
    ),
    billingAddress: addressSchema,
    shippingAddress: addressSchema,
    // By display name, an object; `[]` when the order had no discount (contract §10).
    calculatedDiscounts: z.optional(
      z.union([
        z.array(z.unknown()),
        z.record(
          z.string(),
          z.looseObject({
            displayName: z.string(),
            sumAmount: z.number(),
            voucherCode: z.nullable(z.optional(z.string())),
          }),
        ),
      ]),
    ),
    payments: z.optional(z.array(z.looseObject({ amount: z.number(), paymentMethod: z.string() }))),
  }),
});

const orderDocumentSchema = z.object({ data: orderResourceSchema });

export type OrderDetail = z.infer<typeof orderDocumentSchema>['data'];
export type Address = NonNullable<z.infer<typeof addressSchema>>;

export interface OrderSummary {
  reference: string;
  createdAt: string;
  currency: string;
  grandTotal: number;
  /** null when the list holds no items, as Glue's does not (contract §5). */
  itemCount: number | null;
}

export const orderQueries = {
  all: (customerReference: string) => [...customerKey(customerReference), 'orders'] as const,
  page: (session: GlueSession, customerReference: string, offset: number) =>
    queryOptions({
      queryKey: [...orderQueries.all(customerReference), 'page', offset],
      queryFn: async ({ signal }) => {
        const params = new URLSearchParams({
          // Without a sort Spryker lists the oldest first (contract §5).
          sort: '-createdAt',
          'page[offset]': String(offset),
          'page[limit]': String(ORDERS_PAGE_SIZE),
        });
        const document = await session.asCustomer({
          path: `/orders?${params}`,
          schema: ordersDocumentSchema,
          signal,
        });
        const orders = document.data.map(toSummary);
        return {
          orders,
          hasNext: Boolean(document.links?.next),
          hasPrev: offset > 0,
          lastOffset: offsetOf(document.links?.last),
        };
      },
      placeholderData: keepPreviousData,
    }),
  detail: (session: GlueSession, customerReference: string, orderReference: string) =>
    queryOptions({
      queryKey: [...orderQueries.all(customerReference), 'detail', orderReference],
      queryFn: async ({ signal }) => {
        const document = await session.asCustomer({
          path: `/orders/${encodeURIComponent(orderReference)}`,
          schema: orderDocumentSchema,
          signal,
        });
        return document.data;
      },
    }),
};

function toSummary(order: z.infer<typeof orderSummarySchema>): OrderSummary {
  return {
    reference: order.id,
    createdAt: order.attributes.createdAt,
    currency: order.attributes.currencyIsoCode,
    grandTotal: order.attributes.totals.grandTotal,
    itemCount: order.attributes.items?.reduce((sum, item) => sum + item.quantity, 0) ?? null,
  };
}

/** The customer's latest order, or null: e.g. to find an order whose answer was lost. */
export async function newestOrder(session: GlueSession): Promise<OrderSummary | null> {
  const document = await session.asCustomer({
    path: '/orders?sort=-createdAt&page[offset]=0&page[limit]=1',
    schema: ordersDocumentSchema,
  });
  const order = document.data[0];
  return order ? toSummary(order) : null;
}

function offsetOf(link: string | undefined): number | null {
  if (!link) return null;
  const offset = Number(new URL(link, 'http://glue').searchParams.get('page[offset]'));
  return Number.isInteger(offset) ? offset : null;
}
