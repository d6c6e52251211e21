import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addItem,
  bearer,
  createCart,
  document,
  errorBody,
  makeTestGlue,
  patch,
  signInAsCustomerThroughAgent,
  signInCustomer,
  signInCustomerWith,
  snapshot,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

const BASE = 'http://glue.test';
const CART_NOT_FOUND = errorBody('101', 404, 'Cart with given uuid not found.');
const CANT_BE_ADDED = errorBody('3302', 422, "Cart code can't be added.");
const NOT_IN_CART = errorBody('3301', 422, 'Cart code not found in cart.');
const CODE_BLANK = errorBody('901', 422, 'code => This value should not be blank.');
const CODE_MISSING = errorBody('901', 422, 'code => This field is missing.');
const NO_ID = errorBody(null, 400, 'Resource id is not specified.');
const INVALID_TYPE = errorBody(null, 400, 'Invalid type.');

// §10a: the white Acer Liquid Jade (3454) and its voucher; other demo codes.
const JADE = '058_24245592';
const CANON = '005_30663301';
const GIFT_CARD_PRODUCT = '666_133';
const WHITE_VOUCHER = 'sprykerku2f';
const OTHER_WHITE_VOUCHER = 'sprykercu2d';
const INTEL_VOUCHER = 'intelcorebe1de2fa3g';
const CARD_50 = 'GC-DEMO0050-26';
const CARD_100 = 'GC-DEMO0100-26';
const SPENT_CARD = 'GC-DEMOSPNT-26';
const CHF_CARD = 'GC-DEMOCHF0-26';

interface CartAttributes {
  totals: Record<string, number>;
  discounts: { displayName: string; amount: number; code: string | null }[];
}

interface CartDocument {
  data: {
    type: string;
    id: string;
    attributes: CartAttributes;
    relationships?: Record<string, { data: { type: string; id: string }[] }>;
    links: { self: string };
  };
  included?: { type: string; id: string; attributes: Record<string, unknown> }[];
}

let t: TestGlue;
let sonia: Record<string, string>;
let cartId: string;

beforeEach(async () => {
  t = await makeTestGlue();
  sonia = bearer((await signInCustomer(t)).accessToken);
  cartId = await createCart(t, sonia);
});

afterEach(() => t.close());

function applyCode(
  code: unknown,
  { id = cartId, headers = sonia, route = 'cart-codes', query = '' } = {},
): Promise<Response> {
  return t.post(`/carts/${id}/${route}${query}`, document(route, { code }), { headers });
}

function removeCode(
  code: string,
  { id = cartId, headers = sonia, route = 'cart-codes' } = {},
): Promise<Response> {
  return t.send('DELETE', `/carts/${id}/${route}/${encodeURIComponent(code)}`, { headers });
}

async function cart(query = '', id = cartId, headers = sonia): Promise<CartDocument> {
  const response = await t.send('GET', `/carts/${id}${query}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as CartDocument;
}

async function add(sku: string, quantity: number, id = cartId): Promise<void> {
  expect((await addItem(t, sonia, id, { sku, quantity })).status).toBe(201);
}

describe('§10: the example, to the cent', () => {
  it('takes 5 % off the white Acer Liquid Jade: 3454 − 173 = 3281, VAT 524', async () => {
    await add(JADE, 1);
    const response = await applyCode(WHITE_VOUCHER);
    expect(response.status).toBe(201);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    expect(await response.json()).toEqual({
      data: {
        type: 'carts',
        id: cartId,
        attributes: {
          name: 'Weekly shopping',
          isDefault: true,
          priceMode: 'GROSS_MODE',
          currency: 'EUR',
          store: 'DE',
          totals: {
            expenseTotal: 0,
            discountTotal: 173,
            taxTotal: 524,
            subtotal: 3454,
            grandTotal: 3281,
            priceToPay: 3281,
            shipmentTotal: 0,
          },
          discounts: [{ displayName: '5% off white', amount: 173, code: WHITE_VOUCHER }],
          thresholds: [],
        },
        links: { self: `${BASE}/carts/${cartId}` },
      },
    });
  });

  it('recalculates the cart when the code is removed: no discount, 3454 to pay', async () => {
    await add(JADE, 1);
    expect((await applyCode(WHITE_VOUCHER)).status).toBe(201);
    const removed = await removeCode(WHITE_VOUCHER);
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    const { attributes } = (await cart()).data;
    expect(attributes.discounts).toEqual([]);
    expect(attributes.totals).toMatchObject({
      discountTotal: 0,
      grandTotal: 3454,
      taxTotal: 551,
      priceToPay: 3454,
    });
  });

  it("shows the item's discount aggregations and the voucher with include=items,vouchers", async () => {
    await add(JADE, 1);
    expect((await applyCode(WHITE_VOUCHER)).status).toBe(201);
    const body = await cart('?include=items,vouchers');
    expect(body.data.relationships).toEqual({
      items: { data: [{ type: 'items', id: JADE }] },
      vouchers: { data: [{ type: 'vouchers', id: WHITE_VOUCHER }] },
    });
    const [item, voucher] = body.included ?? [];
    expect(item?.attributes.calculations).toEqual({
      unitPrice: 3454,
      sumPrice: 3454,
      unitGrossPrice: 3454,
      sumGrossPrice: 3454,
      unitNetPrice: 2903,
      sumNetPrice: 2903,
      taxRate: 19,
      unitPriceToPayAggregation: 3281,
      sumPriceToPayAggregation: 3281,
      unitTaxAmountFullAggregation: 524,
      sumTaxAmountFullAggregation: 524,
      sumSubtotalAggregation: 3454,
      unitSubtotalAggregation: 3454,
      unitProductOptionPriceAggregation: 0,
      sumProductOptionPriceAggregation: 0,
      unitDiscountAmountAggregation: 173,
      sumDiscountAmountAggregation: 173,
      unitDiscountAmountFullAggregation: 173,
      sumDiscountAmountFullAggregation: 173,
    });
    expect(voucher).toEqual({
      type: 'vouchers',
      id: WHITE_VOUCHER,
      attributes: {
        amount: 173,
        code: WHITE_VOUCHER,
        discountType: 'voucher',
        displayName: '5% off white',
        isExclusive: false,
        expirationDateTime: '2037-12-31 11:59:00.000000',
        discountPromotionAbstractSku: null,
        discountPromotionQuantity: null,
      },
      links: { self: `${BASE}/carts/${cartId}/cart-codes/${WHITE_VOUCHER}` },
    });
  });
});

describe('POST /carts/{id}/cart-codes and /vouchers: what the answer holds', () => {
  it('answers the includes the cart supports on the code routes too, cart-rules always none', async () => {
    await add(JADE, 1);
    const response = await applyCode(WHITE_VOUCHER, {
      query: '?include=vouchers,cart-rules,gift-cards,items',
    });
    const body = (await response.json()) as CartDocument;
    expect(Object.keys(body.data.relationships ?? {})).toEqual(['items', 'vouchers']);
    expect(body.included?.map(({ type, id }) => [type, id])).toEqual([
      ['items', JADE],
      ['vouchers', WHITE_VOUCHER],
    ]);
    // The cart is not the requested type (cart-codes): its self link keeps no query (§1).
    expect(body.data.links.self).toBe(`${BASE}/carts/${cartId}`);
  });

  it('takes a gift card as a payment: the discounts stay, priceToPay is what is left', async () => {
    await add('155_30149933', 2);
    const response = await applyCode(CARD_50, { query: '?include=gift-cards' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as CartDocument;
    expect(body.data.attributes.discounts).toEqual([]);
    expect(body.data.attributes.totals).toMatchObject({
      discountTotal: 0,
      subtotal: 16010,
      grandTotal: 16010,
      taxTotal: 2556,
      priceToPay: 11010,
    });
    expect(body.data.relationships).toEqual({
      'gift-cards': { data: [{ type: 'gift-cards', id: CARD_50 }] },
    });
    expect(body.included).toEqual([
      {
        type: 'gift-cards',
        id: CARD_50,
        attributes: {
          code: CARD_50,
          name: 'Gift_card_5000',
          value: 5000,
          currencyIsoCode: 'EUR',
          actualValue: 5000,
          isActive: true,
        },
        links: { self: `${BASE}/carts/${cartId}/cart-codes/${CARD_50}` },
      },
    ]);
  });

  it('applies a gift card to an empty cart: 201, nothing to pay', async () => {
    const response = await applyCode(CARD_100);
    expect(response.status).toBe(201);
    const body = (await response.json()) as CartDocument;
    expect(body.data.attributes.totals).toMatchObject({ grandTotal: 0, priceToPay: 0 });
  });

  it('takes gift-card codes on /vouchers too, and voucher codes on /cart-codes', async () => {
    await add(JADE, 1);
    expect((await applyCode(CARD_50, { route: 'vouchers' })).status).toBe(201);
    expect((await applyCode(WHITE_VOUCHER, { route: 'cart-codes' })).status).toBe(201);
    const { attributes } = (await cart()).data;
    expect(attributes.totals).toMatchObject({ grandTotal: 3281, priceToPay: 0 });
  });

  it('answers the same cart when a code in it is posted again: one entry, the same amount', async () => {
    await add(JADE, 1);
    const first = await (await applyCode(WHITE_VOUCHER)).text();
    const before = snapshot(t.glue);
    const again = await applyCode(WHITE_VOUCHER);
    expect(again.status).toBe(201);
    expect(await again.text()).toBe(first);
    expect(snapshot(t.glue)).toBe(before);
    expect((await cart()).data.attributes.discounts).toHaveLength(1);
  });

  it('prices the cart with its codes on every cart answer: GET /carts, and the items routes', async () => {
    await add(JADE, 1);
    expect((await applyCode(WHITE_VOUCHER)).status).toBe(201);
    const list = (await (await t.send('GET', '/carts', { headers: sonia })).json()) as {
      data: CartDocument['data'][];
    };
    expect(list.data[0]?.attributes.totals).toMatchObject({ discountTotal: 173, grandTotal: 3281 });
    // A second unit: 5 % of 6908 = 345.4 → 345; each unit's share 172.7 → 173, then 172.
    const added = (await (
      await addItem(t, sonia, cartId, { sku: JADE, quantity: 1 }, '?include=items')
    ).json()) as CartDocument;
    expect(added.data.attributes.discounts).toEqual([
      { displayName: '5% off white', amount: 345, code: WHITE_VOUCHER },
    ]);
    expect(added.included?.[0]?.attributes.calculations).toMatchObject({
      unitDiscountAmountAggregation: 173,
      sumDiscountAmountAggregation: 345,
      unitPriceToPayAggregation: 3281,
      sumPriceToPayAggregation: 6563,
      unitTaxAmountFullAggregation: 524,
      sumTaxAmountFullAggregation: 1048,
    });
    const patched = (await (
      await patch(t, `/carts/${cartId}/items/${JADE}`, document('items', { quantity: 3 }), sonia)
    ).json()) as CartDocument;
    // 5 % of 10362 = 518.1 → 518.
    expect(patched.data.attributes.totals).toMatchObject({ discountTotal: 518, grandTotal: 9844 });
  });

  it('takes the percentage of the net price in NET_MODE, the VAT on what is left', async () => {
    const netCart = await createCart(t, sonia, { priceMode: 'NET_MODE' });
    await add(JADE, 1, netCart);
    const body = (await (await applyCode(WHITE_VOUCHER, { id: netCart })).json()) as CartDocument;
    // Net 3454 − 551 = 2903; 5 % = 145.15 → 145; VAT 19 % of 2758 = 524.02 → 524.
    expect(body.data.attributes.totals).toEqual({
      expenseTotal: 0,
      discountTotal: 145,
      taxTotal: 524,
      subtotal: 2903,
      grandTotal: 2903 - 145 + 524,
      priceToPay: 2903 - 145 + 524,
      shipmentTotal: 0,
    });
  });

  it('keeps a code that stops applying, and applies it again when it can', async () => {
    await add(JADE, 1);
    await add(CANON, 1);
    expect((await applyCode(WHITE_VOUCHER)).status).toBe(201);
    expect(
      (await t.send('DELETE', `/carts/${cartId}/items/${JADE}`, { headers: sonia })).status,
    ).toBe(204);
    expect((await cart()).data.attributes.discounts).toEqual([]);
    // Not among the cart's vouchers now: /vouchers refuses it.
    expect(await statusAndBody(await removeCode(WHITE_VOUCHER, { route: 'vouchers' }))).toEqual({
      status: 422,
      body: NOT_IN_CART,
    });
    await add(JADE, 1);
    expect((await cart()).data.attributes.discounts).toEqual([
      { displayName: '5% off white', amount: 173, code: WHITE_VOUCHER },
    ]);
  });

  it("shows the customer, signed in themselves, the codes the agent applied, and the agent the customer's", async () => {
    const agent = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    await add(JADE, 1);
    expect((await applyCode(WHITE_VOUCHER, { headers: agent })).status).toBe(201);
    expect((await cart()).data.attributes.totals.grandTotal).toBe(3281);
    expect((await applyCode(CARD_50)).status).toBe(201);
    expect((await cart('', cartId, agent)).data.attributes.totals.priceToPay).toBe(0);
  });

  it('lets a cart be deleted with its codes, and the codes apply to other carts still', async () => {
    await add(JADE, 1);
    expect((await applyCode(WHITE_VOUCHER)).status).toBe(201);
    expect((await t.send('DELETE', `/carts/${cartId}`, { headers: sonia })).status).toBe(204);
    expect(t.glue.db.prepare('SELECT count(*) FROM cart_codes').pluck().get()).toBe(0);
    const other = await createCart(t, sonia);
    await add(JADE, 1, other);
    expect((await applyCode(WHITE_VOUCHER, { id: other })).status).toBe(201);
  });
});

describe('§10 error table: every row, exact documents, nothing changed', () => {
  async function refused(response: Promise<Response>, status: number, body: unknown) {
    const before = snapshot(t.glue);
    expect(await statusAndBody(await response)).toEqual({ status, body });
    expect(snapshot(t.glue)).toBe(before);
  }

  it('answers 404 101 for an unknown cart, and for another customer’s', async () => {
    const other = bearer((await signInCustomerWith(t, 'spencor.hopkin@acme.com')).accessToken);
    const othersCart = await createCart(t, other);
    await add(JADE, 1);
    for (const route of ['cart-codes', 'vouchers']) {
      for (const id of ['f0000000-0000-4000-8000-000000000000', othersCart]) {
        await refused(applyCode(WHITE_VOUCHER, { id, route }), 404, CART_NOT_FOUND);
        await refused(removeCode(WHITE_VOUCHER, { id, route }), 404, CART_NOT_FOUND);
      }
    }
  });

  it('answers 422 3302 for a code it does not know, in any letter case but its own', async () => {
    await add(JADE, 1);
    for (const code of ['nosuchcode', 'SPRYKERKU2F', ' sprykerku2f', 'gc-demo0050-26']) {
      for (const route of ['cart-codes', 'vouchers']) {
        await refused(applyCode(code, { route }), 422, CANT_BE_ADDED);
      }
    }
  });

  it('answers 3302 for a voucher that does not apply: nothing it selects, an empty cart, a code that never applies', async () => {
    await refused(applyCode(WHITE_VOUCHER), 422, CANT_BE_ADDED);
    await add(CANON, 1);
    await refused(applyCode(WHITE_VOUCHER), 422, CANT_BE_ADDED);
    await add(JADE, 1);
    await refused(applyCode(INTEL_VOUCHER), 422, CANT_BE_ADDED);
  });

  it('answers 3302 for a voucher that is expired, not yet valid, inactive, used up or of another store', async () => {
    await add(JADE, 1);
    const changes = [
      "UPDATE discounts SET valid_to = '2020-01-01 00:00:00'",
      "UPDATE discounts SET valid_from = '2030-01-01 00:00:00'",
      'UPDATE discounts SET is_active = 0',
      'UPDATE discount_vouchers SET is_active = 0',
      'UPDATE discount_vouchers SET number_of_uses = max_number_of_uses',
      "UPDATE discounts SET store = 'AT'",
    ];
    for (const change of changes) {
      const restore = snapshot(t.glue);
      t.glue.db.exec('SAVEPOINT change');
      t.glue.db.exec(change);
      await refused(applyCode(WHITE_VOUCHER), 422, CANT_BE_ADDED);
      t.glue.db.exec('ROLLBACK TO change; RELEASE change');
      expect(snapshot(t.glue)).toBe(restore);
    }
    expect((await applyCode(WHITE_VOUCHER)).status).toBe(201);
  });

  it('answers 3302 for a second voucher of a discount the cart already has one of', async () => {
    await add(JADE, 1);
    expect((await applyCode(WHITE_VOUCHER)).status).toBe(201);
    await refused(applyCode(OTHER_WHITE_VOUCHER), 422, CANT_BE_ADDED);
    expect((await cart()).data.attributes.discounts).toEqual([
      { displayName: '5% off white', amount: 173, code: WHITE_VOUCHER },
    ]);
  });

  it('answers 3302 for a gift card that does not apply: spent, of another currency, inactive, or a cart with a gift-card product', async () => {
    await add(JADE, 1);
    await refused(applyCode(SPENT_CARD), 422, CANT_BE_ADDED);
    await refused(applyCode(CHF_CARD), 422, CANT_BE_ADDED);
    t.glue.db.exec(`UPDATE gift_cards SET is_active = 0 WHERE code = '${CARD_50}'`);
    await refused(applyCode(CARD_50), 422, CANT_BE_ADDED);
    await add(GIFT_CARD_PRODUCT, 1);
    await refused(applyCode(CARD_100), 422, CANT_BE_ADDED);
  });

  it('answers DELETE …/vouchers/{code} 3301 for a code not among the cart’s vouchers, a gift card’s included', async () => {
    await add(JADE, 1);
    expect((await applyCode(CARD_50)).status).toBe(201);
    await refused(removeCode(WHITE_VOUCHER, { route: 'vouchers' }), 422, NOT_IN_CART);
    await refused(removeCode(CARD_50, { route: 'vouchers' }), 422, NOT_IN_CART);
    await refused(removeCode('nosuchcode', { route: 'vouchers' }), 422, NOT_IN_CART);
    expect((await applyCode(WHITE_VOUCHER)).status).toBe(201);
    expect((await removeCode(WHITE_VOUCHER, { route: 'vouchers' })).status).toBe(204);
  });

  it('answers DELETE …/cart-codes/{code} 204 for a code not in the cart, and removes a gift card', async () => {
    await add(JADE, 1);
    const before = snapshot(t.glue);
    for (const code of ['nosuchcode', WHITE_VOUCHER, CARD_50]) {
      expect((await removeCode(code)).status).toBe(204);
    }
    expect(snapshot(t.glue)).toBe(before);
    expect((await applyCode(CARD_50)).status).toBe(201);
    expect((await removeCode(CARD_50)).status).toBe(204);
    expect((await cart()).data.attributes.totals.priceToPay).toBe(3454);
  });

  it('answers 901 for a blank or missing code, after the document checks', async () => {
    for (const route of ['cart-codes', 'vouchers']) {
      await refused(applyCode('', { route }), 422, CODE_BLANK);
      await refused(applyCode(null, { route }), 422, CODE_BLANK);
      await refused(
        t.post(`/carts/${cartId}/${route}`, document(route, {}), { headers: sonia }),
        422,
        CODE_MISSING,
      );
      await refused(
        t.post(`/carts/${cartId}/${route}`, document('items', { code: 'x' }), { headers: sonia }),
        400,
        INVALID_TYPE,
      );
    }
    await refused(
      applyCode({ nested: 'sprykerku2f' }),
      422,
      errorBody('901', 422, 'code => This value should be of type string.'),
    );
  });

  it('answers DELETE without a code 400 Resource id is not specified, with or without the slash', async () => {
    for (const route of ['cart-codes', 'vouchers']) {
      for (const path of [`/carts/${cartId}/${route}`, `/carts/${cartId}/${route}/`]) {
        await refused(t.send('DELETE', path, { headers: sonia }), 400, NO_ID);
      }
    }
  });
});

describe('cart codes in the impersonation audit trail', () => {
  it('records what the agent applied and removed, and what was refused, with the code', async () => {
    const agent = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    await add(JADE, 1);
    expect((await applyCode(WHITE_VOUCHER, { headers: agent })).status).toBe(201);
    expect((await applyCode(SPENT_CARD, { headers: agent, route: 'vouchers' })).status).toBe(422);
    expect((await removeCode(WHITE_VOUCHER, { headers: agent, route: 'vouchers' })).status).toBe(
      204,
    );
    expect((await applyCode('', { headers: agent })).status).toBe(422);
    // The customer's own changes are not audited.
    expect((await applyCode(CARD_50)).status).toBe(201);
    const rows = t.glue.db
      .prepare(
        `SELECT method, resource, cart_uuid AS cartUuid, cart_name AS cartName, code, success,
           status, error_code AS errorCode FROM impersonation_audit
         WHERE resource IN ('cart-codes', 'vouchers') ORDER BY id`,
      )
      .all();
    expect(rows).toEqual([
      {
        method: 'POST',
        resource: 'cart-codes',
        cartUuid: cartId,
        cartName: 'Weekly shopping',
        code: WHITE_VOUCHER,
        success: 1,
        status: 201,
        errorCode: null,
      },
      {
        method: 'POST',
        resource: 'vouchers',
        cartUuid: cartId,
        cartName: null,
        code: SPENT_CARD,
        success: 0,
        status: 422,
        errorCode: '3302',
      },
      {
        method: 'DELETE',
        resource: 'vouchers',
        cartUuid: cartId,
        cartName: 'Weekly shopping',
        code: WHITE_VOUCHER,
        success: 1,
        status: 204,
        errorCode: null,
      },
      {
        method: 'POST',
        resource: 'cart-codes',
        cartUuid: cartId,
        cartName: null,
        code: '',
        success: 0,
        status: 422,
        errorCode: '901',
      },
    ]);
  });
});
