/**
 * §10's arithmetic checked against a computation of its own, in exact integer fractions where
 * the stand-in follows PHP's floats: the percentage per line with the remainder carried, each
 * unit's share with the remainder carried, the VAT inside what is left to pay of each line, the
 * gift cards paying in the order they were added.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addItem,
  bearer,
  createCart,
  document,
  makeTestGlue,
  signInCustomer,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

// §10a: what vouchers.csv's "5% off white" selects, and other products, with their prices.
const WHITE: Record<string, number> = {
  '058_24245592': 3454,
  '063_29231675': 19700,
  '156_32018944': 20012,
  '174_27253016': 35711,
  '026_21748904': 4200,
  '029_26976109': 41024,
};
const OTHER: Record<string, number> = {
  '005_30663301': 7000,
  '155_30149933': 8005,
  '066_23294028': 39353,
};
const PRICES = { ...WHITE, ...OTHER };
const CARDS: Record<string, number> = { 'GC-DEMO0050-26': 5000, 'GC-DEMO0100-26': 10000 };

/** n / d rounded half away from zero, for integers, d > 0. */
function roundDiv(n: number, d: number): number {
  const magnitude = Math.abs(n);
  const quotient = Math.floor(magnitude / d);
  const rounded = 2 * (magnitude - quotient * d) >= d ? quotient + 1 : quotient;
  return n < 0 ? -rounded : rounded;
}

interface Expected {
  totals: Record<string, number>;
  lines: Record<string, { unitDiscount: number; sumDiscount: number; sumTax: number }>;
  discount: number;
  giftCards: number[];
}

/** What §10 says the cart comes to, line by line, for 5 % off the white lines. */
function expectedCart(
  lines: readonly [sku: string, quantity: number][],
  cards: readonly string[],
  voucher: boolean,
): Expected {
  const white = voucher ? lines.filter(([sku]) => sku in WHITE) : [];
  // The percentage, per line, remainder in hundredths of a cent carried to the next line.
  let carried = 0;
  let discount = 0;
  for (const [sku, quantity] of white) {
    const exact = (PRICES[sku] ?? 0) * quantity * 5 + carried;
    const rounded = roundDiv(exact, 100);
    carried = exact - rounded * 100;
    discount += rounded;
  }
  // Each unit's share of it, in fractions of the white lines' worth, remainder carried on.
  const worth = white.reduce((sum, [sku, quantity]) => sum + (PRICES[sku] ?? 0) * quantity, 0);
  const shares = new Map<string, number[]>();
  let remainder = 0;
  for (const [sku, quantity] of white) {
    const units: number[] = [];
    for (let unit = 0; unit < quantity; unit++) {
      const exact = discount * (PRICES[sku] ?? 0) + remainder;
      const rounded = roundDiv(exact, worth);
      remainder = exact - rounded * worth;
      units.push(rounded);
    }
    shares.set(sku, units);
  }
  const result: Expected['lines'] = {};
  let subtotal = 0;
  let taxTotal = 0;
  let discountTotal = 0;
  for (const [sku, quantity] of lines) {
    const sum = (PRICES[sku] ?? 0) * quantity;
    const units = shares.get(sku) ?? [];
    const sumDiscount = units.reduce((total, amount) => total + amount, 0);
    const sumTax = roundDiv((sum - sumDiscount) * 19, 119);
    result[sku] = { unitDiscount: units[0] ?? 0, sumDiscount, sumTax };
    subtotal += sum;
    taxTotal += sumTax;
    discountTotal += sumDiscount;
  }
  const grandTotal = subtotal - discountTotal;
  let left = grandTotal;
  const giftCards = cards.map((code) => {
    const paid = Math.min(CARDS[code] ?? 0, left);
    left -= paid;
    return paid;
  });
  return {
    totals: {
      expenseTotal: 0,
      discountTotal,
      taxTotal,
      subtotal,
      grandTotal,
      priceToPay: left,
      shipmentTotal: 0,
    },
    lines: result,
    discount: discountTotal,
    giftCards,
  };
}

interface CartDocument {
  data: {
    attributes: {
      totals: Record<string, number>;
      discounts: { amount: number; code: string }[];
    };
  };
  included?: { type: string; id: string; attributes: Record<string, unknown> }[];
}

let t: TestGlue;
let sonia: Record<string, string>;

beforeAll(async () => {
  t = await makeTestGlue();
  sonia = bearer((await signInCustomer(t)).accessToken);
});

afterAll(() => t.close());

/** A new cart with the lines and codes; GET /carts/{id}?include=items as it then answers. */
async function cartWithCodes(
  lines: readonly [string, number][],
  codes: readonly string[],
): Promise<CartDocument> {
  const cartId = await createCart(t, sonia);
  for (const [sku, quantity] of lines) {
    expect((await addItem(t, sonia, cartId, { sku, quantity })).status).toBe(201);
  }
  for (const code of codes) {
    const response = await t.post(`/carts/${cartId}/cart-codes`, document('cart-codes', { code }), {
      headers: sonia,
    });
    expect({ code, status: response.status }).toEqual({ code, status: 201 });
  }
  const response = await t.send('GET', `/carts/${cartId}?include=items`, { headers: sonia });
  return (await response.json()) as CartDocument;
}

function expectMatches(body: CartDocument, expected: Expected): void {
  expect(body.data.attributes.totals).toEqual(expected.totals);
  expect(body.data.attributes.discounts.map((discount) => discount.amount)).toEqual(
    expected.discount > 0 ? [expected.discount] : [],
  );
  for (const item of body.included ?? []) {
    const line = expected.lines[item.id];
    expect({ sku: item.id, calculations: item.attributes.calculations }).toMatchObject({
      sku: item.id,
      calculations: {
        unitDiscountAmountAggregation: line?.unitDiscount,
        sumDiscountAmountAggregation: line?.sumDiscount,
        sumTaxAmountFullAggregation: line?.sumTax,
      },
    });
  }
}

describe('a percentage voucher and gift cards together (§10)', () => {
  it('comes to what the contract’s rules give, line by line, for a mixed cart', async () => {
    const lines: [string, number][] = [
      ['058_24245592', 3],
      ['005_30663301', 2],
      ['026_21748904', 1],
      ['063_29231675', 2],
    ];
    const codes = ['sprykerku2f', 'GC-DEMO0050-26', 'GC-DEMO0100-26'];
    const expected = expectedCart(lines, codes.slice(1), true);
    // Worked by hand: 518.1 → 518, 210.1 → 210, 1970.1 → 1970; 67962 − 2698 = 65264.
    expect(expected.totals).toMatchObject({
      subtotal: 67962,
      discountTotal: 2698,
      grandTotal: 65264,
      priceToPay: 50264,
    });
    expectMatches(await cartWithCodes(lines, codes), expected);
  });

  it('lets the second card pay nothing once the first covers the cart', async () => {
    const lines: [string, number][] = [['058_24245592', 1]];
    const codes = ['sprykerku2f', 'GC-DEMO0100-26', 'GC-DEMO0050-26'];
    const expected = expectedCart(lines, codes.slice(1), true);
    expect(expected.giftCards).toEqual([3281, 0]);
    expectMatches(await cartWithCodes(lines, codes), expected);
  });

  it('holds for any cart of the demo products, with or without the voucher and the cards', async () => {
    const line = fc.tuple(fc.constantFrom(...Object.keys(PRICES)), fc.integer({ min: 1, max: 25 }));
    const cart = fc.record({
      lines: fc.uniqueArray(line, { minLength: 1, maxLength: 5, selector: ([sku]) => sku }),
      voucher: fc.boolean(),
      cards: fc.subarray(Object.keys(CARDS)),
    });
    await fc.assert(
      fc.asyncProperty(cart, async ({ lines, voucher, cards }) => {
        const applies = voucher && lines.some(([sku]) => sku in WHITE);
        const codes = [...(applies ? ['sprykerku2f'] : []), ...cards];
        expectMatches(await cartWithCodes(lines, codes), expectedCart(lines, cards, applies));
      }),
      { seed: 10, numRuns: 40 },
    );
  });
});
