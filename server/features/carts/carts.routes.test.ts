import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSeedCsv } from '../../platform/db';
import {
  CART_ATTRIBUTES,
  addItem,
  bearer,
  createCart,
  document,
  errorBody,
  makeTestGlue,
  signInAsCustomerThroughAgent,
  signInCustomer,
  signInCustomerWith,
  snapshot,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

const CART_NOT_FOUND = errorBody('101', 404, 'Cart with given uuid not found.');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The demo prices, read here from the CSV rather than through the stand-in. */
const PRICES = new Map(
  readSeedCsv('products.csv', ['concrete_sku', 'gross_price_eur_cents']).map((record) => [
    record.concrete_sku ?? '',
    Number(record.gross_price_eur_cents),
  ]),
);

/** The calculations Glue adds beyond the contract's prices: no product options, no discounts. */
function aggregations(unit: number, sum: number, unitTax: number, sumTax: number) {
  return {
    unitTaxAmountFullAggregation: unitTax,
    sumTaxAmountFullAggregation: sumTax,
    sumSubtotalAggregation: sum,
    unitSubtotalAggregation: unit,
    unitProductOptionPriceAggregation: 0,
    sumProductOptionPriceAggregation: 0,
    unitDiscountAmountAggregation: 0,
    sumDiscountAmountAggregation: 0,
    unitDiscountAmountFullAggregation: 0,
    sumDiscountAmountFullAggregation: 0,
  };
}

/** What a cart item carries that the demo shop never fills. */
const UNUSED_ITEM_ATTRIBUTES = {
  configuredBundle: null,
  configuredBundleItem: null,
  productConfigurationInstance: null,
  selectedProductOptions: [],
};

function priceOf(sku: string): number {
  const price = PRICES.get(sku);
  if (price === undefined) throw new Error(`no price for ${sku}`);
  return price;
}

interface ItemResource {
  type: string;
  id: string;
  attributes: {
    sku: string;
    quantity: number;
    calculations: Record<string, number>;
  };
  links: { self: string };
}

interface CartResource {
  type: string;
  id: string;
  attributes: {
    name: string;
    isDefault: boolean;
    priceMode: string;
    totals: Record<string, number>;
  };
  relationships?: { items: { data: { type: string; id: string }[] } };
  links: { self: string };
}

interface CartsDocument {
  data: CartResource[];
  links: { self: string };
  included?: ItemResource[];
}

let t: TestGlue;
let sonia: Record<string, string>;

beforeEach(async () => {
  t = await makeTestGlue();
  sonia = bearer((await signInCustomer(t)).accessToken);
});

afterEach(() => t.close());

async function carts(headers = sonia, query = ''): Promise<CartsDocument> {
  const response = await t.send('GET', `/carts${query}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as CartsDocument;
}

const postCart = (attributes: unknown, headers = sonia): Promise<Response> =>
  t.post('/carts', document('carts', attributes), { headers });

describe('GET /carts', () => {
  it('answers an empty collection for a demo customer, who starts with no carts', async () => {
    const response = await t.send('GET', '/carts', { headers: sonia });
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    expect(await statusAndBody(response)).toEqual({
      status: 200,
      body: { data: [], links: { self: 'http://glue.test/carts' } },
    });
    // …with ?include=items too, and the query in the self link.
    expect(await carts(sonia, '?include=items')).toEqual({
      data: [],
      links: { self: 'http://glue.test/carts?include=items' },
    });
  });

  it('lists the customer’s carts, oldest first, and only theirs', async () => {
    const first = await createCart(t, sonia, { name: 'First' });
    const second = await createCart(t, sonia, { name: 'Second' });
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    const bills = await createCart(t, bill, { name: 'Bill’s' });
    expect((await carts()).data.map((cart) => [cart.id, cart.attributes.name])).toEqual([
      [first, 'First'],
      [second, 'Second'],
    ]);
    expect((await carts(bill)).data.map((cart) => cart.id)).toEqual([bills]);
  });
});

describe('POST /carts', () => {
  it('answers 201 with the new, empty cart', async () => {
    const response = await postCart(CART_ATTRIBUTES);
    const { status, body } = await statusAndBody(response);
    expect(status).toBe(201);
    const { data } = body as { data: CartResource };
    expect(data.id).toMatch(UUID);
    expect(body).toEqual({
      data: {
        type: 'carts',
        id: data.id,
        attributes: {
          name: 'Weekly shopping',
          isDefault: true,
          priceMode: 'GROSS_MODE',
          currency: 'EUR',
          store: 'DE',
          totals: {
            expenseTotal: 0,
            discountTotal: 0,
            taxTotal: 0,
            subtotal: 0,
            grandTotal: 0,
            priceToPay: 0,
            shipmentTotal: 0,
          },
          discounts: [],
          thresholds: [],
        },
        links: { self: `http://glue.test/carts/${data.id}` },
      },
    });
    expect(Object.keys(data)).toEqual(['type', 'id', 'attributes', 'links']);
    expect(Object.keys(data.attributes)).toEqual([
      'name',
      'isDefault',
      'priceMode',
      'currency',
      'store',
      'totals',
      'discounts',
      'thresholds',
    ]);
    // What POST answered is what GET answers.
    const read = await t.send('GET', `/carts/${data.id}`, { headers: sonia });
    expect(await statusAndBody(read)).toEqual({ status: 200, body });
  });

  it('makes the first cart the default one, and the next ones not', async () => {
    const first = await createCart(t, sonia);
    const second = await createCart(t, sonia);
    expect(
      (await carts()).data.map((cart) => ({ id: cart.id, isDefault: cart.attributes.isDefault })),
    ).toEqual([
      { id: first, isDefault: true },
      { id: second, isDefault: false },
    ]);
  });

  it('takes NET_MODE as well', async () => {
    const response = await postCart({ ...CART_ATTRIBUTES, priceMode: 'NET_MODE' });
    expect(await statusAndBody(response)).toMatchObject({
      status: 201,
      body: { data: { attributes: { priceMode: 'NET_MODE' } } },
    });
  });

  it.each([
    ['no name', {}],
    ['a null name', { name: null }],
    ['an empty name', { name: '' }],
    ['a blank name', { name: '   ' }],
  ])('names a cart with %s "Shopping cart"', async (_name, name) => {
    const { name: _drop, ...rest } = CART_ATTRIBUTES;
    const response = await postCart({ ...rest, ...name });
    expect(await statusAndBody(response)).toMatchObject({
      status: 201,
      body: { data: { attributes: { name: 'Shopping cart' } } },
    });
  });

  it('keeps a name of 255 characters, and any characters, as given', async () => {
    for (const name of ['x'.repeat(255), ' Geburtstag 🎂 für Oma ', '<b>&amp;</b>']) {
      const response = await postCart({ ...CART_ATTRIBUTES, name });
      expect(await statusAndBody(response)).toMatchObject({
        status: 201,
        body: { data: { attributes: { name } } },
      });
    }
  });

  const e = (code: string, detail: string): { code: string; status: number; detail: string } => ({
    code,
    status: 422,
    detail,
  });
  const PRICE_MODE_MISSING = e('118', 'Price mode is missing.');
  const PRICE_MODE_INCORRECT = e('119', 'Price mode is incorrect.');
  const CURRENCY_MISSING = e('116', 'Currency is missing.');
  const CURRENCY_INCORRECT = e('117', 'Currency is incorrect.');
  const STORE_INVALID = e('112', 'Store data is invalid.');
  const FAILED = e('107', 'Failed to create cart.');

  it.each([
    ['no priceMode', { priceMode: undefined }, [PRICE_MODE_MISSING]],
    ['an empty priceMode', { priceMode: '' }, [PRICE_MODE_MISSING]],
    ['a null priceMode', { priceMode: null }, [PRICE_MODE_MISSING]],
    ['an unknown priceMode', { priceMode: 'GROSS' }, [PRICE_MODE_INCORRECT]],
    ['a lower-case priceMode', { priceMode: 'gross_mode' }, [PRICE_MODE_INCORRECT]],
    ['a number as priceMode', { priceMode: 1 }, [PRICE_MODE_INCORRECT]],
    ['no currency', { currency: undefined }, [CURRENCY_MISSING]],
    ['an empty currency', { currency: '' }, [CURRENCY_MISSING]],
    ['another currency', { currency: 'USD' }, [CURRENCY_INCORRECT]],
    ['a lower-case currency', { currency: 'eur' }, [CURRENCY_INCORRECT]],
    ['no store', { store: undefined }, [STORE_INVALID]],
    ['another store', { store: 'AT' }, [STORE_INVALID]],
    ['a list as store', { store: ['DE'] }, [STORE_INVALID]],
    ['a name of 256 characters', { name: 'x'.repeat(256) }, [FAILED]],
    ['a number as name', { name: 42 }, [FAILED]],
    ['an object as name', { name: { en: 'x' } }, [FAILED]],
    [
      'nothing but a name',
      { priceMode: undefined, currency: undefined, store: undefined },
      [PRICE_MODE_MISSING, CURRENCY_MISSING, STORE_INVALID],
    ],
    [
      'everything wrong',
      { priceMode: 'X', currency: 'USD', store: 'US', name: 'x'.repeat(300) },
      [PRICE_MODE_INCORRECT, CURRENCY_INCORRECT, STORE_INVALID, FAILED],
    ],
  ])('answers 422 for %s, and creates nothing', async (_name, change, errors) => {
    const before = snapshot(t.glue);
    const response = await postCart({ ...CART_ATTRIBUTES, ...change });
    expect(await statusAndBody(response)).toEqual({ status: 422, body: { errors } });
    expect(snapshot(t.glue)).toBe(before);
  });

  it.each([
    ['a wrong type', JSON.stringify(document('cart', CART_ATTRIBUTES)), 'Invalid type.'],
    ['no JSON', '{"data":', 'Post data is invalid.'],
    ['no attributes', JSON.stringify({ data: { type: 'carts' } }), 'Post data is invalid.'],
  ])('answers 400 for %s', async (_name, body, detail) => {
    const response = await t.post('/carts', body, { headers: sonia });
    expect(await statusAndBody(response)).toEqual({
      status: 400,
      body: errorBody(null, 400, detail),
    });
  });
});

describe('GET /carts/{id}', () => {
  it('answers 404 101 for an unknown cart and for another customer’s cart', async () => {
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    const bills = await createCart(t, bill);
    for (const id of [bills, 'no-such-cart', bills.toUpperCase()]) {
      const response = await t.send('GET', `/carts/${id}`, { headers: sonia });
      expect(await statusAndBody(response)).toEqual({ status: 404, body: CART_NOT_FOUND });
    }
    expect((await t.send('GET', `/carts/${bills}`, { headers: bill })).status).toBe(200);
  });

  it('has no relationships and nothing included without ?include=items', async () => {
    const id = await createCart(t, sonia);
    await addItem(t, sonia, id, { sku: '005_30663301', quantity: 1 });
    const { body } = await statusAndBody(await t.send('GET', `/carts/${id}`, { headers: sonia }));
    expect(Object.keys(body as object)).toEqual(['data']);
    expect(Object.keys((body as { data: object }).data)).toEqual([
      'type',
      'id',
      'attributes',
      'links',
    ]);
  });

  it('adds the items with ?include=items: relationships in the cart, resources in included', async () => {
    const id = await createCart(t, sonia);
    await addItem(t, sonia, id, { sku: '005_30663301', quantity: 3 });
    await addItem(t, sonia, id, { sku: '155_30149933', quantity: 2 });
    const { status, body } = await statusAndBody(
      await t.send('GET', `/carts/${id}?include=items`, { headers: sonia }),
    );
    expect(status).toBe(200);
    const document_ = body as { data: CartResource; included: ItemResource[] };
    expect(Object.keys(document_)).toEqual(['data', 'included']);
    expect(Object.keys(document_.data)).toEqual([
      'type',
      'id',
      'attributes',
      'relationships',
      'links',
    ]);
    expect(document_.data.relationships).toEqual({
      items: {
        data: [
          { type: 'items', id: '005_30663301' },
          { type: 'items', id: '155_30149933' },
        ],
      },
    });
    expect(document_.included).toEqual([
      {
        type: 'items',
        id: '005_30663301',
        attributes: {
          sku: '005_30663301',
          quantity: 3,
          groupKey: '005_30663301',
          abstractSku: '005',
          amount: null,
          calculations: {
            unitPrice: 7000,
            sumPrice: 21000,
            unitGrossPrice: 7000,
            sumGrossPrice: 21000,
            unitNetPrice: 7000 - 1118,
            sumNetPrice: 21000 - 3353,
            taxRate: 19,
            unitPriceToPayAggregation: 7000,
            sumPriceToPayAggregation: 21000,
            ...aggregations(7000, 21000, 1118, 3353),
          },
          ...UNUSED_ITEM_ATTRIBUTES,
        },
        links: { self: `http://glue.test/carts/${id}/items/005_30663301` },
      },
      {
        type: 'items',
        id: '155_30149933',
        attributes: {
          sku: '155_30149933',
          quantity: 2,
          groupKey: '155_30149933',
          abstractSku: '155',
          amount: null,
          calculations: {
            unitPrice: 8005,
            sumPrice: 16010,
            unitGrossPrice: 8005,
            sumGrossPrice: 16010,
            unitNetPrice: 8005 - 1278,
            sumNetPrice: 16010 - 2556,
            taxRate: 19,
            unitPriceToPayAggregation: 8005,
            sumPriceToPayAggregation: 16010,
            ...aggregations(8005, 16010, 1278, 2556),
          },
          ...UNUSED_ITEM_ATTRIBUTES,
        },
        links: { self: `http://glue.test/carts/${id}/items/155_30149933` },
      },
    ]);
    // The console's end-to-end example: 3 × 70.00 + 2 × 80.05.
    expect(document_.data.attributes.totals).toEqual({
      expenseTotal: 0,
      discountTotal: 0,
      taxTotal: 5909,
      subtotal: 37010,
      grandTotal: 37010,
      priceToPay: 37010,
      shipmentTotal: 0,
    });
  });

  it('writes the item attributes and calculations in the contract’s key order', async () => {
    const id = await createCart(t, sonia);
    await addItem(t, sonia, id, { sku: '005_30663301', quantity: 1 });
    const { body } = await statusAndBody(
      await t.send('GET', `/carts/${id}?include=items`, { headers: sonia }),
    );
    const { data, included } = body as { data: CartResource; included: ItemResource[] };
    // toEqual does not look at key order; §5 lists it, Spryker's schema the rest.
    expect(Object.keys(data.attributes.totals)).toEqual([
      'expenseTotal',
      'discountTotal',
      'taxTotal',
      'subtotal',
      'grandTotal',
      'priceToPay',
      'shipmentTotal',
    ]);
    const [item] = included;
    expect(Object.keys(item?.attributes ?? {})).toEqual([
      'sku',
      'quantity',
      'groupKey',
      'abstractSku',
      'amount',
      'calculations',
      ...Object.keys(UNUSED_ITEM_ATTRIBUTES),
    ]);
    expect(Object.keys(item?.attributes.calculations ?? {})).toEqual([
      'unitPrice',
      'sumPrice',
      'unitGrossPrice',
      'sumGrossPrice',
      'unitNetPrice',
      'sumNetPrice',
      'taxRate',
      'unitPriceToPayAggregation',
      'sumPriceToPayAggregation',
      ...Object.keys(aggregations(0, 0, 0, 0)),
    ]);
  });

  it('ignores includes it does not know, and reads a list of them', async () => {
    const id = await createCart(t, sonia);
    await addItem(t, sonia, id, { sku: '005_30663301', quantity: 1 });
    const unknown = await statusAndBody(
      await t.send('GET', `/carts/${id}?include=cart-rules`, { headers: sonia }),
    );
    expect(Object.keys(unknown.body as object)).toEqual(['data']);
    const listed = await statusAndBody(
      await t.send('GET', `/carts/${id}?include=cart-rules,%20items`, { headers: sonia }),
    );
    expect((listed.body as { included: unknown[] }).included).toHaveLength(1);
  });
});

describe('GET /carts?include=items', () => {
  it('gives each cart its relationships and puts all items in included', async () => {
    const full = await createCart(t, sonia, { name: 'Full' });
    const empty = await createCart(t, sonia, { name: 'Empty' });
    const other = await createCart(t, sonia, { name: 'Other' });
    await addItem(t, sonia, full, { sku: '005_30663301', quantity: 1 });
    await addItem(t, sonia, full, { sku: '066_23294028', quantity: 2 });
    await addItem(t, sonia, other, { sku: '155_30149933', quantity: 4 });
    const body = await carts(sonia, '?include=items');
    expect(body.links).toEqual({ self: 'http://glue.test/carts?include=items' });
    const [fullCart, emptyCart, otherCart] = body.data;
    expect(fullCart?.id).toBe(full);
    expect(fullCart?.relationships?.items.data.map((ref) => ref.id)).toEqual([
      '005_30663301',
      '066_23294028',
    ]);
    // Glue leaves out a relationship with nothing in it.
    expect(emptyCart?.id).toBe(empty);
    expect(emptyCart?.relationships).toBeUndefined();
    expect(otherCart?.relationships?.items.data).toEqual([{ type: 'items', id: '155_30149933' }]);
    expect(body.included?.map((item) => [item.links.self, item.attributes.quantity])).toEqual([
      [`http://glue.test/carts/${full}/items/005_30663301`, 1],
      [`http://glue.test/carts/${full}/items/066_23294028`, 2],
      [`http://glue.test/carts/${other}/items/155_30149933`, 4],
    ]);
    // Without ?include=items: no relationships, nothing included.
    const plain = await carts();
    expect(plain.included).toBeUndefined();
    expect(plain.data.every((cart) => cart.relationships === undefined)).toBe(true);
  });

  it('includes an item once per (type, id), the later cart’s, as Glue does', async () => {
    const first = await createCart(t, sonia, { name: 'First' });
    const second = await createCart(t, sonia, { name: 'Second' });
    await addItem(t, sonia, first, { sku: '005_30663301', quantity: 1 });
    await addItem(t, sonia, first, { sku: '066_23294028', quantity: 1 });
    await addItem(t, sonia, second, { sku: '005_30663301', quantity: 5 });
    const body = await carts(sonia, '?include=items');
    expect(body.data[0]?.relationships?.items.data.map((ref) => ref.id)).toEqual([
      '005_30663301',
      '066_23294028',
    ]);
    expect(body.data[1]?.relationships?.items.data.map((ref) => ref.id)).toEqual(['005_30663301']);
    expect(body.included?.map((item) => [item.id, item.attributes.quantity])).toEqual([
      ['005_30663301', 5],
      ['066_23294028', 1],
    ]);
  });
});

describe('cart totals', () => {
  const taxOf = (gross: number): number => Math.round((gross * 19) / 119);

  it('follow the formulas for carts of every demo product', async () => {
    const skus = [...PRICES.keys()];
    // Five carts over all 60 products, quantities 1 to 7.
    for (let cartIndex = 0; cartIndex < 5; cartIndex++) {
      const id = await createCart(t, sonia, { name: `Cart ${cartIndex}` });
      const lines = skus
        .filter((_, index) => index % 5 === cartIndex)
        .map((sku, index) => ({ sku, quantity: ((index * 3 + cartIndex) % 7) + 1 }));
      for (const line of lines) {
        expect((await addItem(t, sonia, id, line)).status).toBe(201);
      }
      const { body } = await statusAndBody(
        await t.send('GET', `/carts/${id}?include=items`, { headers: sonia }),
      );
      const { data, included } = body as { data: CartResource; included: ItemResource[] };
      const subtotal = lines.reduce((sum, line) => sum + priceOf(line.sku) * line.quantity, 0);
      const taxTotal = lines.reduce(
        (sum, line) => sum + taxOf(priceOf(line.sku) * line.quantity),
        0,
      );
      expect(data.attributes.totals).toEqual({
        expenseTotal: 0,
        discountTotal: 0,
        taxTotal,
        subtotal,
        grandTotal: subtotal,
        priceToPay: subtotal,
        shipmentTotal: 0,
      });
      expect(included).toHaveLength(lines.length);
      for (const line of lines) {
        const item = included.find((resource) => resource.id === line.sku);
        const unit = priceOf(line.sku);
        const sum = unit * line.quantity;
        expect(item?.attributes.quantity).toBe(line.quantity);
        expect(item?.attributes.calculations).toEqual({
          unitPrice: unit,
          sumPrice: sum,
          unitGrossPrice: unit,
          sumGrossPrice: sum,
          unitNetPrice: unit - taxOf(unit),
          sumNetPrice: sum - taxOf(sum),
          taxRate: 19,
          unitPriceToPayAggregation: unit,
          sumPriceToPayAggregation: sum,
          ...aggregations(unit, sum, taxOf(unit), taxOf(sum)),
        });
      }
    }
  });

  it('follow the gift card’s 5,000.00 too: 3 of them and one camera', async () => {
    const id = await createCart(t, sonia);
    await addItem(t, sonia, id, { sku: '666_133', quantity: 3 });
    const response = await addItem(t, sonia, id, { sku: '003_26138343', quantity: 1 });
    expect(await statusAndBody(response)).toMatchObject({
      status: 201,
      body: {
        data: {
          attributes: {
            totals: {
              subtotal: 1_500_000 + 6500,
              taxTotal: taxOf(1_500_000) + taxOf(6500),
              grandTotal: 1_506_500,
              priceToPay: 1_506_500,
            },
          },
        },
      },
    });
    expect(taxOf(1_500_000)).toBe(239496);
  });

  it('add 19 % on the net prices in a NET_MODE cart', async () => {
    const id = await createCart(t, sonia, { priceMode: 'NET_MODE' });
    const response = await addItem(
      t,
      sonia,
      id,
      { sku: '005_30663301', quantity: 3 },
      '?include=items',
    );
    const { body } = await statusAndBody(response);
    const { data, included } = body as { data: CartResource; included: ItemResource[] };
    const unitNet = 7000 - taxOf(7000);
    const tax = Math.round((unitNet * 3 * 19) / 100);
    expect(data.attributes.totals).toEqual({
      expenseTotal: 0,
      discountTotal: 0,
      taxTotal: tax,
      subtotal: unitNet * 3,
      grandTotal: unitNet * 3 + tax,
      priceToPay: unitNet * 3 + tax,
      shipmentTotal: 0,
    });
    expect(included[0]?.attributes.calculations).toMatchObject({
      unitPrice: unitNet,
      sumPrice: unitNet * 3,
      unitNetPrice: unitNet,
      sumNetPrice: unitNet * 3,
    });
  });
});

describe('DELETE /carts/{id}', () => {
  it('answers 204 with an empty body, and the cart and its items are gone', async () => {
    const id = await createCart(t, sonia);
    await addItem(t, sonia, id, { sku: '005_30663301', quantity: 1 });
    const response = await t.send('DELETE', `/carts/${id}`, { headers: sonia });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(await statusAndBody(await t.send('GET', `/carts/${id}`, { headers: sonia }))).toEqual({
      status: 404,
      body: CART_NOT_FOUND,
    });
    expect(t.glue.db.prepare('SELECT count(*) FROM cart_items').pluck().get()).toBe(0);
    expect(await statusAndBody(await t.send('DELETE', `/carts/${id}`, { headers: sonia }))).toEqual(
      { status: 404, body: CART_NOT_FOUND },
    );
  });

  it('refuses another customer’s cart with 101 and leaves it alone', async () => {
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    const bills = await createCart(t, bill);
    const before = snapshot(t.glue);
    const response = await t.send('DELETE', `/carts/${bills}`, { headers: sonia });
    expect(await statusAndBody(response)).toEqual({ status: 404, body: CART_NOT_FOUND });
    expect(snapshot(t.glue)).toBe(before);
  });

  it('makes the oldest remaining cart the default when the default one goes', async () => {
    const first = await createCart(t, sonia, { name: 'First' });
    const second = await createCart(t, sonia, { name: 'Second' });
    const third = await createCart(t, sonia, { name: 'Third' });
    const defaults = async (): Promise<[string, boolean][]> =>
      (await carts()).data.map((cart) => [cart.attributes.name, cart.attributes.isDefault]);
    // Deleting one that is not the default changes nothing else.
    await t.send('DELETE', `/carts/${second}`, { headers: sonia });
    expect(await defaults()).toEqual([
      ['First', true],
      ['Third', false],
    ]);
    await t.send('DELETE', `/carts/${first}`, { headers: sonia });
    expect(await defaults()).toEqual([['Third', true]]);
    await t.send('DELETE', `/carts/${third}`, { headers: sonia });
    expect(await defaults()).toEqual([]);
    // With none left, the next new cart is the default again.
    await createCart(t, sonia, { name: 'Fourth' });
    expect(await defaults()).toEqual([['Fourth', true]]);
  });

  it.each(['DELETE', 'PATCH'])('answers %s /carts without an id with 400', async (method) => {
    for (const path of ['/carts', '/carts/']) {
      expect(await statusAndBody(await t.send(method, path, { headers: sonia }))).toEqual({
        status: 400,
        body: errorBody(null, 400, 'Resource id is not specified.'),
      });
    }
  });
});

describe('a cart changed through an impersonation token is the customer’s own', () => {
  it('shows the customer, signed in themselves, the cart and items the agent made', async () => {
    const agentAsSonia = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    const id = await createCart(t, agentAsSonia, { name: 'Fixed by the agent' });
    await addItem(t, agentAsSonia, id, { sku: '005_30663301', quantity: 1 });
    await addItem(t, agentAsSonia, id, { sku: '066_23294028', quantity: 1 });
    await addItem(t, agentAsSonia, id, { sku: '155_30149933', quantity: 2 });
    await t.send('PATCH', `/carts/${id}/items/005_30663301`, {
      headers: { 'Content-Type': 'application/vnd.api+json', ...agentAsSonia },
      body: JSON.stringify(document('items', { quantity: 3 })),
    });
    await t.send('DELETE', `/carts/${id}/items/066_23294028`, { headers: agentAsSonia });

    // Sonia signs in with POST /access-tokens, as in the console's end-to-end test.
    const own = bearer((await signInCustomer(t)).accessToken);
    const seen = await carts(own, '?include=items');
    expect(seen.data.map((cart) => [cart.id, cart.attributes.name])).toEqual([
      [id, 'Fixed by the agent'],
    ]);
    expect(seen.data[0]?.attributes.totals.grandTotal).toBe(37010);
    expect(
      seen.included?.map((item) => ({
        sku: item.attributes.sku,
        quantity: item.attributes.quantity,
      })),
    ).toEqual([
      { sku: '005_30663301', quantity: 3 },
      { sku: '155_30149933', quantity: 2 },
    ]);
    expect(await carts(own, '?include=items')).toEqual(await carts(agentAsSonia, '?include=items'));
  });

  it('shows the agent the carts the customer made, and their changes to them', async () => {
    const id = await createCart(t, sonia, { name: 'Her own' });
    const agentAsSonia = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    await addItem(t, agentAsSonia, id, { sku: '005_30663301', quantity: 2 });
    await addItem(t, sonia, id, { sku: '005_30663301', quantity: 1 });
    const seen = await carts(agentAsSonia, '?include=items');
    expect(seen.data.map((cart) => cart.id)).toEqual([id]);
    expect(seen.included?.[0]?.attributes.quantity).toBe(3);
  });

  it('keeps an agent acting as another customer out of her cart on every endpoint', async () => {
    const id = await createCart(t, sonia, { name: 'Her own' });
    await addItem(t, sonia, id, { sku: '005_30663301', quantity: 1 });
    const agentAsBill = bearer((await signInAsCustomerThroughAgent(t, 'DE--4')).accessToken);
    const cartRows = (): unknown =>
      t.glue.db.prepare('SELECT * FROM carts LEFT JOIN cart_items ON cart_id = carts.id').all();
    const before = cartRows();
    const item = JSON.stringify(document('items', { sku: '005_30663301', quantity: 1 }));
    const quantity = JSON.stringify(document('items', { quantity: 5 }));
    const headers = { 'Content-Type': 'application/vnd.api+json', ...agentAsBill };
    for (const [method, path, body] of [
      ['GET', `/carts/${id}`, undefined],
      ['GET', `/carts/${id}?include=items`, undefined],
      ['POST', `/carts/${id}/items`, item],
      ['PATCH', `/carts/${id}/items/005_30663301`, quantity],
      ['DELETE', `/carts/${id}/items/005_30663301`, undefined],
      ['DELETE', `/carts/${id}`, undefined],
    ] as const) {
      const response = await t.send(method, path, {
        headers,
        ...(body === undefined ? {} : { body }),
      });
      expect({ method, path, ...(await statusAndBody(response)) }).toEqual({
        method,
        path,
        status: 404,
        body: CART_NOT_FOUND,
      });
    }
    expect((await carts(agentAsBill)).data).toEqual([]);
    expect(cartRows()).toEqual(before);
    // The four attempted changes are in the audit trail, as failed ones.
    const audited = t.glue.db
      .prepare('SELECT success, error_code FROM impersonation_audit ORDER BY id')
      .all();
    expect(audited).toEqual(Array.from({ length: 4 }, () => ({ success: 0, error_code: '101' })));
  });
});
