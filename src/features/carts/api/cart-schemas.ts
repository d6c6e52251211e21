import * as z from 'zod/mini';

/** Cart totals in minor units of the cart's currency (§5). */
const totalsSchema = z.object({
  expenseTotal: z.optional(z.number()),
  discountTotal: z.optional(z.number()),
  taxTotal: z.number(),
  subtotal: z.number(),
  grandTotal: z.number(),
  priceToPay: z.optional(z.number()),
});

const cartAttributesSchema = z.object({
  name: z.nullable(z.optional(z.string())),
  isDefault: z.optional(z.boolean()),
  priceMode: z.string(),
  currency: z.string(),
  store: z.string(),
  totals: z.optional(totalsSchema),
});

const itemResourceSchema = z.object({
  type: z.literal('items'),
  id: z.string(),
  attributes: z.object({
    sku: z.string(),
    quantity: z.number(),
    groupKey: z.string(),
    abstractSku: z.optional(z.string()),
    calculations: z.object({
      unitPrice: z.number(),
      sumPrice: z.number(),
      unitPriceToPayAggregation: z.optional(z.number()),
      sumPriceToPayAggregation: z.optional(z.number()),
      taxRate: z.optional(z.number()),
    }),
  }),
});

export const cartResourceSchema = z.object({
  type: z.literal('carts'),
  id: z.string(),
  attributes: cartAttributesSchema,
  relationships: z.optional(
    z.object({
      items: z.optional(
        z.object({ data: z.array(z.object({ type: z.string(), id: z.string() })) }),
      ),
    }),
  ),
});

export const cartDocumentSchema = z.object({
  data: cartResourceSchema,
  included: z.optional(z.array(z.looseObject({ type: z.string() }))),
});

export const cartsDocumentSchema = z.object({
  data: z.array(cartResourceSchema),
  included: z.optional(z.array(z.looseObject({ type: z.string() }))),
});

export interface CartItem {
  sku: string;
  groupKey: string;
  quantity: number;
  unitPrice: number;
  sumPrice: number;
}

export interface Cart {
  id: string;
  name: string;
  isDefault: boolean;
  currency: string;
  priceMode: string;
  store: string;
  totals: {
    subtotal: number;
    taxTotal: number;
    grandTotal: number;
    discountTotal: number;
    expenseTotal: number;
  };
  /** Present when the cart was read with `?include=items`. */
  items: CartItem[] | null;
  itemCount: number;
}

type CartResource = z.infer<typeof cartResourceSchema>;
type Included = { type: string }[] | undefined;

/** From Glue's JSON:API cart (and its included items) to what the screens use. */
export function toCart(resource: CartResource, included: Included): Cart {
  const itemIds = resource.relationships?.items?.data.map((ref) => ref.id) ?? null;
  const items =
    itemIds === null
      ? null
      : itemIds.flatMap((id) => {
          const parsed = itemResourceSchema.safeParse(
            included?.find((r) => r.type === 'items' && 'id' in r && r.id === id),
          );
          if (!parsed.success) return [];
          const { sku, groupKey, quantity, calculations } = parsed.data.attributes;
          return [
            {
              sku,
              groupKey,
              quantity,
              unitPrice: calculations.unitPrice,
              sumPrice: calculations.sumPrice,
            },
          ];
        });
  const { attributes } = resource;
  const totals = attributes.totals;
  return {
    id: resource.id,
    name: attributes.name ?? 'Unnamed cart',
    isDefault: attributes.isDefault ?? false,
    currency: attributes.currency,
    priceMode: attributes.priceMode,
    store: attributes.store,
    totals: {
      subtotal: totals?.subtotal ?? 0,
      taxTotal: totals?.taxTotal ?? 0,
      grandTotal: totals?.grandTotal ?? 0,
      discountTotal: totals?.discountTotal ?? 0,
      expenseTotal: totals?.expenseTotal ?? 0,
    },
    items,
    itemCount: items?.reduce((sum, item) => sum + item.quantity, 0) ?? 0,
  };
}
