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

/** An included concrete product, as `?include=items,concrete-products` answers it (§5a). */
const product = (sku: string, name: string) => ({
  type: 'concrete-products',
  id: sku,
  attributes: { sku, name, description: '', isDiscontinued: false, productAbstractSku: '' },
  links: { self: `http://glue/concrete-products/${sku}` },
});

/** An item with its relationship to its concrete product. */
const withProduct = (resource: ReturnType<typeof item>) => ({
  ...resource,
  relationships: {
    'concrete-products': {
      data: [{ type: 'concrete-products', id: resource.attributes.sku }],
    },
  },
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
      priceToPay: 37010,
    });
    expect(cart.items).toEqual([
      {
        sku: '005_30663301',
        name: null,
        groupKey: '005_30663301',
        quantity: 3,
        unitPrice: 7000,
        sumPrice: 21000,
      },
      {
        sku: '155_30149933',
        name: null,
        groupKey: '155_30149933',
        quantity: 2,
        unitPrice: 8005,
        sumPrice: 16010,
      },
    ]);
  });

  it('names each item after its included concrete product', () => {
    const withProducts = structuredClone(document);
    withProducts.included = [
      withProduct(item('155_30149933', 2, 8005)),
      withProduct(item('005_30663301', 3, 7000)),
      product('005_30663301', 'Canon IXUS 175'),
      product('155_30149933', 'Lenovo IdeaPad Yoga 500'),
    ];
    const parsed = cartDocumentSchema.parse(withProducts);
    expect(toCart(parsed.data, parsed.included).items).toMatchObject([
      { sku: '005_30663301', name: 'Canon IXUS 175' },
      { sku: '155_30149933', name: 'Lenovo IdeaPad Yoga 500' },
    ]);
  });

  it('leaves the name null (the SKU shows) when a product is missing, broken or blank', () => {
    const tolerant = structuredClone(document);
    tolerant.included = [
      withProduct(item('155_30149933', 2, 8005)),
      withProduct(item('005_30663301', 3, 7000)),
      { type: 'concrete-products', id: '005_30663301' },
      product('155_30149933', '  '),
    ];
    const parsed = cartDocumentSchema.parse(tolerant);
    expect(toCart(parsed.data, parsed.included).items?.map((i) => i.name)).toEqual([null, null]);
  });

  it('finds a product by SKU when the item names no relationship', () => {
    const unlinked = structuredClone(document);
    unlinked.included = [
      item('155_30149933', 2, 8005),
      item('005_30663301', 3, 7000),
      product('155_30149933', 'Lenovo IdeaPad Yoga 500'),
    ];
    const parsed = cartDocumentSchema.parse(unlinked);
    expect(toCart(parsed.data, parsed.included).items?.map((i) => i.name)).toEqual([
      null,
      'Lenovo IdeaPad Yoga 500',
    ]);
  });

  it('has no items (rather than none) when the cart was read without ?include=items', () => {
    const withoutItems: Partial<typeof document.data> = { ...document.data };
    delete withoutItems.relationships;
    const cart = toCart(cartDocumentSchema.parse({ data: withoutItems }).data, undefined);
    expect(cart.items).toBeNull();
    expect(cart.itemCount).toBe(0);
  });

  it('lists the discounts and what each gift card pays, in the order Glue names them', () => {
    const coded = structuredClone(document) as unknown as {
      data: { attributes: Record<string, unknown>; relationships: Record<string, unknown> };
      included: unknown[];
    };
    // 37010 less a 1851 voucher and a 500 shop rule; the 300 card pays all, the 50000 one the rest.
    coded.data.attributes.totals = {
      ...document.data.attributes.totals,
      discountTotal: 2351,
      grandTotal: 34659,
      priceToPay: 0,
    };
    coded.data.attributes.discounts = [
      { displayName: '5% off white', amount: 1851, code: 'sprykerku2f' },
      { displayName: '5 EUR off', amount: 500, code: null },
    ];
    const card = (code: string, value: number, actualValue: number) => ({
      type: 'gift-cards',
      id: code,
      attributes: {
        code,
        name: 'Gift card',
        value,
        currencyIsoCode: 'EUR',
        actualValue,
        isActive: true,
      },
    });
    coded.data.relationships['gift-cards'] = {
      data: [
        { type: 'gift-cards', id: 'GC-SMALL' },
        { type: 'gift-cards', id: 'GC-BIG' },
        { type: 'gift-cards', id: 'GC-BROKEN' },
      ],
    };
    coded.included.push(card('GC-BIG', 50000, 50000), card('GC-SMALL', 5000, 300), {
      type: 'gift-cards',
      id: 'GC-BROKEN',
    });
    const parsed = cartDocumentSchema.parse(coded);
    const cart = toCart(parsed.data, parsed.included);
    expect(cart.discounts).toEqual(coded.data.attributes.discounts);
    expect(cart.giftCards).toEqual([
      { code: 'GC-SMALL', value: 5000, balance: 300, pays: 300 },
      { code: 'GC-BIG', value: 50000, balance: 50000, pays: 34359 },
    ]);
    expect(cart.totals).toMatchObject({ grandTotal: 34659, priceToPay: 0 });
  });

  it('refuses a document whose totals are not numbers', () => {
    const broken = structuredClone(document);
    (broken.data.attributes.totals as Record<string, unknown>).grandTotal = '37010';
    expect(cartDocumentSchema.safeParse(broken).success).toBe(false);
  });
});
