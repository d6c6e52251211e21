import { describe, expect, it } from 'vitest';
import { cartDocumentSchema, toCart } from './cart-schemas';

const item = (sku: string, quantity: number, unitPrice: number) => ({
  type: 'items',
  id: sku,
  attributes: {
    sku,
    quantity,
    groupKey: sku,
    abstractSku: sku.split('_')[0],
    amount: null,
    calculations: { unitPrice, sumPrice: unitPrice * quantity, taxRate: 19 },
  },
  links: { self: `http://glue/carts/c1/items/${sku}` },
});

const document = {
  data: {
    type: 'carts',
    id: 'c1',
    attributes: {
      name: 'Weekly',
      isDefault: true,
      priceMode: 'GROSS_MODE',
      currency: 'EUR',
      store: 'DE',
      totals: {
        expenseTotal: 0,
        discountTotal: 0,
        taxTotal: 5909,
        subtotal: 37010,
        grandTotal: 37010,
        priceToPay: 37010,
      },
      discounts: [],
      thresholds: [],
    },
    relationships: {
      items: {
        data: [
          { type: 'items', id: '005_30663301' },
          { type: 'items', id: '155_30149933' },
        ],
      },
    },
  },
  included: [
    item('155_30149933', 2, 8005),
    item('005_30663301', 3, 7000),
    { type: 'concrete-products', id: 'x' },
  ],
};

describe('toCart', () => {
  it('joins the included items in relationship order and counts their quantities', () => {
    const parsed = cartDocumentSchema.parse(document);
    const cart = toCart(parsed.data, parsed.included);
    expect(cart).toMatchObject({
      id: 'c1',
      name: 'Weekly',
      isDefault: true,
      currency: 'EUR',
      itemCount: 5,
    });
    expect(cart.totals).toEqual({
      subtotal: 37010,
      taxTotal: 5909,
      grandTotal: 37010,
      discountTotal: 0,
      expenseTotal: 0,
    });
    expect(cart.items).toEqual([
      {
        sku: '005_30663301',
        groupKey: '005_30663301',
        quantity: 3,
        unitPrice: 7000,
        sumPrice: 21000,
      },
      {
        sku: '155_30149933',
        groupKey: '155_30149933',
        quantity: 2,
        unitPrice: 8005,
        sumPrice: 16010,
      },
    ]);
  });

  it('has no items (rather than none) when the cart was read without ?include=items', () => {
    const withoutItems: Partial<typeof document.data> = { ...document.data };
    delete withoutItems.relationships;
    const cart = toCart(cartDocumentSchema.parse({ data: withoutItems }).data, undefined);
    expect(cart.items).toBeNull();
    expect(cart.itemCount).toBe(0);
  });

  it('refuses a document whose totals are not numbers', () => {
    const broken = structuredClone(document);
    (broken.data.attributes.totals as Record<string, unknown>).grandTotal = '37010';
    expect(cartDocumentSchema.safeParse(broken).success).toBe(false);
  });
});
