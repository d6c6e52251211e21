/**
 * §10 through checkout (§9): an order placed from a cart with a voucher carries its discount and
 * counts a use of it; a gift card pays part of the order and holds that much less after it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  createCart,
  document,
  errorBody,
  makeTestGlue,
  signInCustomer,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';
import { NOTEBOOK, cartWith } from '../checkout/checkout-fixtures';
import { applyCode, placeOrder } from './cart-code-fixtures';

const JADE = '058_24245592';
const WHITE_VOUCHER = 'sprykerku2f';
const CARD_50 = 'GC-DEMO0050-26';
const CARD_100 = 'GC-DEMO0100-26';
const DESCRIPTION = 'Get a 5% discount on all white products with voucher code';
const CANT_BE_ADDED = errorBody('3302', 422, "Cart code can't be added.");
// §9.4: Express, which the console's request sends, and the VAT in it.
const EXPRESS = 590;
const EXPRESS_TAX = 94;

let t: TestGlue;
let sonia: Record<string, string>;

beforeEach(async () => {
  t = await makeTestGlue();
  sonia = bearer((await signInCustomer(t)).accessToken);
});

afterEach(() => t.close());

const usesOf = (code: string): unknown =>
  t.glue.db
    .prepare('SELECT number_of_uses FROM discount_vouchers WHERE code = ?')
    .pluck()
    .get(code);

/** What is left on a gift card: as a cart that takes it shows it (§10 `gift-cards`). */
async function actualValueOf(code: string): Promise<unknown> {
  const cartId = await createCart(t, sonia);
  const response = await t.post(
    `/carts/${cartId}/cart-codes?include=gift-cards`,
    document('cart-codes', { code }),
    { headers: sonia },
  );
  expect(response.status).toBe(201);
  const body = (await response.json()) as { included: { attributes: { actualValue: number } }[] };
  return body.included[0]?.attributes.actualValue;
}

describe('an order placed with a voucher (§9.4, §10)', () => {
  it('carries the discount on each order item, on the order, in its totals, and counts a use', async () => {
    const cartId = await cartWith(t, sonia, [
      [JADE, 3],
      [NOTEBOOK, 1],
    ]);
    expect((await applyCode(t, sonia, cartId, WHITE_VOUCHER)).status).toBe(201);
    expect(usesOf(WHITE_VOUCHER)).toBe(0);
    const order = await placeOrder(t, sonia, cartId);
    // Split into units and priced again: 172.7 → 173, 172.4 → 172, 173.1 → 173 (518 in all),
    // each unit's share of 518 then 172.67 → 173, 172.33 → 172, 173.
    const shares = [173, 172, 173];
    const jades = order.items.filter((item) => item.sku === JADE);
    expect(jades.map((item) => [item.quantity, item.sumDiscountAmountAggregation])).toEqual(
      shares.map((share) => [1, share]),
    );
    for (const [index, item] of jades.entries()) {
      const share = shares[index] ?? 0;
      expect(item).toMatchObject({
        unitDiscountAmountAggregation: share,
        unitPriceToPayAggregation: 3454 - share,
        sumPriceToPayAggregation: 3454 - share,
        sumTaxAmountFullAggregation: Math.round(((3454 - share) * 19) / 119),
        refundableAmount: 3454 - share,
        calculatedDiscounts: [
          {
            unitAmount: share,
            sumAmount: share,
            displayName: '5% off white',
            description: DESCRIPTION,
            voucherCode: WHITE_VOUCHER,
            quantity: 1,
          },
        ],
      });
    }
    const notebook = order.items.find((item) => item.sku === NOTEBOOK);
    expect(notebook).toMatchObject({ sumDiscountAmountAggregation: 0, calculatedDiscounts: [] });
    const jadeTax = jades.reduce((sum, item) => sum + item.sumTaxAmountFullAggregation, 0);
    expect(order.totals).toEqual({
      expenseTotal: EXPRESS,
      discountTotal: 518,
      taxTotal: jadeTax + 1278 + EXPRESS_TAX,
      subtotal: 3 * 3454 + 8005,
      grandTotal: 3 * 3454 + 8005 + EXPRESS - 518,
      canceledTotal: 0,
      remunerationTotal: 0,
    });
    expect(order.calculatedDiscounts).toEqual({
      '5% off white': {
        unitAmount: null,
        sumAmount: 518,
        displayName: '5% off white',
        description: DESCRIPTION,
        voucherCode: WHITE_VOUCHER,
        quantity: 3,
      },
    });
    expect(order.payments).toEqual([
      {
        amount: 3 * 3454 + 8005 + EXPRESS - 518,
        paymentProvider: 'DummyPayment',
        paymentMethod: 'Invoice',
      },
    ]);
    expect(usesOf(WHITE_VOUCHER)).toBe(1);
    // The list shows the same totals.
    const list = (await (
      await t.send('GET', '/orders?sort=-createdAt', { headers: sonia })
    ).json()) as {
      data: { attributes: { totals: Record<string, number> } }[];
    };
    expect(list.data[0]?.attributes.totals).toEqual(order.totals);
  });

  it('answers 3302 for the voucher once its uses are used up, and prices carts holding it without it', async () => {
    t.glue.db.exec(
      `UPDATE discount_vouchers SET number_of_uses = 9 WHERE code = '${WHITE_VOUCHER}'`,
    );
    const holding = await cartWith(t, sonia, [[JADE, 1]]);
    expect((await applyCode(t, sonia, holding, WHITE_VOUCHER)).status).toBe(201);
    const ordered = await cartWith(t, sonia, [[JADE, 1]]);
    expect((await applyCode(t, sonia, ordered, WHITE_VOUCHER)).status).toBe(201);
    expect((await placeOrder(t, sonia, ordered)).totals.discountTotal).toBe(173);
    expect(usesOf(WHITE_VOUCHER)).toBe(10);
    const fresh = await cartWith(t, sonia, [[JADE, 1]]);
    expect(await statusAndBody(await applyCode(t, sonia, fresh, WHITE_VOUCHER))).toEqual({
      status: 422,
      body: CANT_BE_ADDED,
    });
    const response = await t.send('GET', `/carts/${holding}`, { headers: sonia });
    const held = (await response.json()) as {
      data: { attributes: { discounts: unknown[]; totals: Record<string, number> } };
    };
    expect(held.data.attributes.discounts).toEqual([]);
    expect(held.data.attributes.totals.grandTotal).toBe(3454);
    // Its order is placed without the discount, and counts no use.
    expect((await placeOrder(t, sonia, holding)).totals.discountTotal).toBe(0);
    expect(usesOf(WHITE_VOUCHER)).toBe(10);
  });

  it('does not count a voucher that the order was not discounted by', async () => {
    const cartId = await cartWith(t, sonia, [[JADE, 1]]);
    expect((await applyCode(t, sonia, cartId, WHITE_VOUCHER)).status).toBe(201);
    expect(
      (await t.send('DELETE', `/carts/${cartId}/items/${JADE}`, { headers: sonia })).status,
    ).toBe(204);
    const response = await t.post(
      `/carts/${cartId}/items`,
      document('items', { sku: NOTEBOOK, quantity: 1 }),
      {
        headers: sonia,
      },
    );
    expect(response.status).toBe(201);
    const order = await placeOrder(t, sonia, cartId);
    expect(order.calculatedDiscounts).toEqual([]);
    expect(usesOf(WHITE_VOUCHER)).toBe(0);
  });
});

describe('an order placed with gift cards (§9.4, §10)', () => {
  it('makes each gift card a payment of what it holds, the order’s own payment the rest', async () => {
    const cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    expect((await applyCode(t, sonia, cartId, CARD_50)).status).toBe(201);
    const order = await placeOrder(t, sonia, cartId);
    const grandTotal = 8005 + EXPRESS;
    expect(order.totals.grandTotal).toBe(grandTotal);
    expect(order.payments).toEqual([
      { amount: 5000, paymentProvider: 'GiftCard', paymentMethod: 'GiftCard' },
      { amount: grandTotal - 5000, paymentProvider: 'DummyPayment', paymentMethod: 'Invoice' },
    ]);
    // Spent: the card holds nothing now, so no cart takes it.
    const next = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    expect(await statusAndBody(await applyCode(t, sonia, next, CARD_50))).toEqual({
      status: 422,
      body: CANT_BE_ADDED,
    });
  });

  it('pays the shipment too, and leaves the rest on the card', async () => {
    const cartId = await cartWith(t, sonia, [[JADE, 1]]);
    expect((await applyCode(t, sonia, cartId, WHITE_VOUCHER)).status).toBe(201);
    expect((await applyCode(t, sonia, cartId, CARD_100)).status).toBe(201);
    const order = await placeOrder(t, sonia, cartId);
    const grandTotal = 3454 - 173 + EXPRESS;
    expect(order.payments).toEqual([
      { amount: grandTotal, paymentProvider: 'GiftCard', paymentMethod: 'GiftCard' },
      { amount: 0, paymentProvider: 'DummyPayment', paymentMethod: 'Invoice' },
    ]);
    expect(await actualValueOf(CARD_100)).toBe(10000 - grandTotal);
  });
});
