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

const relationshipSchema = z.object({
  data: z.array(z.object({ type: z.string(), id: z.string() })),
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
  // With ?include=concrete-products: the item's product, `id` = its SKU (contract §5).
  relationships: z.optional(z.looseObject({ 'concrete-products': z.optional(relationshipSchema) })),
});

/** An included concrete product (§5a): what gives a cart item its name. */
const concreteProductResourceSchema = z.object({
  type: z.literal('concrete-products'),
  id: z.string(),
  attributes: z.looseObject({ sku: z.string(), name: z.string() }),
});

export const cartResourceSchema = z.object({
  type: z.literal('carts'),
  id: z.string(),
  attributes: cartAttributesSchema,
  relationships: z.optional(z.object({ items: z.optional(relationshipSchema) })),
});

export const cartDocumentSchema = z.object({
  data: cartResourceSchema,
  included: z.optional(z.array(z.looseObject({ type: z.string() }))),
});

export const cartsDocumentSchema = z.object({
  data: z.array(cartResourceSchema),
  included: z.optional(z.array(z.looseObject({ type: z.string() }))),
});

/** What a cart is read with: its items, and their products for the names (one request). */
export const CART_INCLUDE = 'include=items,concrete-products';

export interface CartItem {
  sku: string;
  /** The product's name, from the included concrete product; null when Glue sent none. */
  name: string | null;
  groupKey: string;
  quantity: number;
  unitPrice: number;
  sumPrice: number;
}

export interface Cart {
  id: string;
  /** Null when the cart has none: the screen says "Unnamed cart" in the agent's language. */
  name: string | null;
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

/** Product names by concrete SKU, from the included concrete products that parse. */
function productNames(included: Included): Map<string, string> {
  const names = new Map<string, string>();
  for (const resource of included ?? []) {
    if (resource.type !== 'concrete-products') continue;
    const parsed = concreteProductResourceSchema.safeParse(resource);
    if (!parsed.success) continue;
    // A blank name is no name: the SKU shows instead.
    const name = parsed.data.attributes.name.trim();
    if (name !== '') names.set(parsed.data.id, name);
  }
  return names;
}

/**
 * From Glue's JSON:API cart (and its included items and products) to what the screens use.
 * A Glue that answers without the products leaves the names null: the screens show the SKU.
 */
export function toCart(resource: CartResource, included: Included): Cart {
  const names = productNames(included);
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
          // The product the item names; its id is the SKU, so that is the fallback.
          const productId = parsed.data.relationships?.['concrete-products']?.data[0]?.id ?? sku;
          return [
            {
              sku,
              name: names.get(productId) ?? null,
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
    name: attributes.name ?? null,
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
