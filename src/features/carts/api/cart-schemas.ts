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
  // Vouchers first, then the shop's own cart rules (`code: null`); amounts in minor units (§10).
  discounts: z.optional(
    z.array(
      // A discount Glue sends without `code` shows as the shop's own, not as a failed cart.
      z.object({
        displayName: z.string(),
        amount: z.number(),
        code: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
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

/** An included gift card (§10): a payment, not a discount; `actualValue` is its balance. */
const giftCardResourceSchema = z.object({
  type: z.literal('gift-cards'),
  id: z.string(),
  attributes: z.looseObject({
    code: z.string(),
    value: z.number(),
    actualValue: z.number(),
  }),
});

export const cartResourceSchema = z.object({
  type: z.literal('carts'),
  id: z.string(),
  attributes: cartAttributesSchema,
  relationships: z.optional(
    z.object({
      items: z.optional(relationshipSchema),
      'gift-cards': z.optional(relationshipSchema),
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

/**
 * What a cart is read with, in one request: its items, their products for the names, and its
 * gift cards (the one kind of code its attributes leave out).
 */
export const CART_INCLUDE = 'include=items,concrete-products,gift-cards';

export interface CartItem {
  sku: string;
  /** The product's name, from the included concrete product; null when Glue sent none. */
  name: string | null;
  groupKey: string;
  quantity: number;
  unitPrice: number;
  sumPrice: number;
}

/** A discount the cart gets: from a voucher code, or one of the shop's rules (`code: null`). */
export interface CartDiscount {
  displayName: string;
  /** What it takes off, in minor units. */
  amount: number;
  code: string | null;
}

/** A gift card applied to the cart, and what it pays of a total (cards pay in the order added). */
export interface CartGiftCard {
  code: string;
  value: number;
  /** What the card holds now, before this cart. */
  balance: number;
  /** What it pays of the cart's grand total. */
  pays: number;
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
    /** The grand total less what gift cards pay. */
    priceToPay: number;
  };
  discounts: CartDiscount[];
  giftCards: CartGiftCard[];
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

/** What each card pays of `total`: as much as it holds of what is still to pay, in order. */
export function giftCardPayments<T extends { balance: number }>(
  cards: readonly T[],
  total: number,
): (T & { pays: number })[] {
  let left = Math.max(total, 0);
  return cards.map((card) => {
    const pays = Math.min(Math.max(card.balance, 0), left);
    left -= pays;
    return { ...card, pays };
  });
}

/** The cart's gift cards, in the order its relationship names them, from those that parse. */
function giftCardsOf(resource: CartResource, included: Included) {
  return (resource.relationships?.['gift-cards']?.data ?? []).flatMap(({ id }) => {
    const parsed = giftCardResourceSchema.safeParse(
      included?.find((r) => r.type === 'gift-cards' && 'id' in r && r.id === id),
    );
    if (!parsed.success) return [];
    const { code, value, actualValue } = parsed.data.attributes;
    return [{ code, value, balance: actualValue }];
  });
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
  const grandTotal = totals?.grandTotal ?? 0;
  const giftCards = giftCardPayments(giftCardsOf(resource, included), grandTotal);
  const paidByCards = giftCards.reduce((sum, card) => sum + card.pays, 0);
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
      grandTotal,
      discountTotal: totals?.discountTotal ?? 0,
      expenseTotal: totals?.expenseTotal ?? 0,
      // The shop's figure; a Glue that sends none has it from the cards.
      priceToPay: totals?.priceToPay ?? grandTotal - paidByCards,
    },
    discounts: (attributes.discounts ?? []).map((discount) => ({
      ...discount,
      code: discount.code ?? null,
    })),
    giftCards,
    items,
    itemCount: items?.reduce((sum, item) => sum + item.quantity, 0) ?? 0,
  };
}
