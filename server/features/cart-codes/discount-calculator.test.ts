import { describe, expect, it } from 'vitest';
import { phpRound } from '../../platform/pricing';
import {
  aggregateLine,
  applyingDiscounts,
  distribute,
  distributeDiscounts,
  fixedAmount,
  giftCardPayments,
  orderDiscounts,
  percentageAmount,
} from './discount-calculator';
import type { CollectedDiscount } from './discount-calculator';

describe('phpRound', () => {
  it('rounds halves away from zero, as PHP does', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 172.7, 172.4].map(phpRound)).toEqual([
      1, 2, 3, -1, -2, 173, 172,
    ]);
  });

  it('takes a float a hair under a half as the half it stands for (15 significant digits)', () => {
    expect(phpRound(172.49999999999997)).toBe(173);
    expect(Math.round(172.49999999999997)).toBe(172);
    expect(phpRound(0.30000000000000004)).toBe(0);
  });

  it('pre-rounds in doubles, as math.c multiplies by 10^(14 − ⌊log10⌋), not by decimal digits', () => {
    // PHP 8.2's round() gives 54818: 54817.499999999949 × 1e10 is 548174999999999.5 in doubles.
    expect(phpRound(54817.499999999949)).toBe(54818);
    expect(Number((54817.499999999949).toPrecision(15))).toBe(54817.4999999999);
    // Below 1 nothing is pre-rounded: PHP's own 0.49999999999999994 + 0.5 comes to 1.
    expect(phpRound(0.49999999999999994)).toBe(1);
  });
});

describe('percentageAmount (PercentageType)', () => {
  it('takes 5 % of §10’s example: 172.7 → 173', () => {
    expect(percentageAmount([{ unitPrice: 3454, quantity: 1 }], 500)).toBe(173);
  });

  it('rounds per line and carries the remainder to the next line', () => {
    // 172.7 → 173 (−0.3); 172.7 − 0.3 = 172.4 → 172 (+0.4); 172.7 + 0.4 = 173.1 → 173.
    const units = Array.from({ length: 3 }, () => ({ unitPrice: 3454, quantity: 1 }));
    expect(percentageAmount(units, 500)).toBe(518);
    // One line of three: 518.1 → 518.
    expect(percentageAmount([{ unitPrice: 3454, quantity: 3 }], 500)).toBe(518);
    // 0.25 + 0.25 = 0.5 → 1: a remainder lost without the carry.
    const pennies = [
      { unitPrice: 5, quantity: 1 },
      { unitPrice: 5, quantity: 1 },
    ];
    expect(percentageAmount(pennies, 500)).toBe(1);
  });

  it('takes nothing of nothing, and at most everything', () => {
    expect(percentageAmount([], 500)).toBe(0);
    expect(percentageAmount([{ unitPrice: 3454, quantity: 1 }], 0)).toBe(0);
    expect(percentageAmount([{ unitPrice: 3454, quantity: 2 }], 20_000)).toBe(6908);
  });
});

describe('fixedAmount (FixedType)', () => {
  const amounts = [
    { currency: 'CHF', grossAmount: null, netAmount: null },
    { currency: 'EUR', grossAmount: 500, netAmount: 420 },
  ];

  it('takes the amount of the cart’s currency, gross in GROSS_MODE and net in NET_MODE', () => {
    expect(fixedAmount(amounts, 'EUR', 'GROSS_MODE')).toBe(500);
    expect(fixedAmount(amounts, 'EUR', 'NET_MODE')).toBe(420);
  });

  it('takes nothing in a currency it has no amount for, or whose amount is unset', () => {
    expect(fixedAmount(amounts, 'CHF', 'GROSS_MODE')).toBe(0);
    expect(fixedAmount(amounts, 'USD', 'GROSS_MODE')).toBe(0);
    expect(fixedAmount([], 'EUR', 'GROSS_MODE')).toBe(0);
    // The demo's discount_2 has a gross amount alone: nothing off a NET_MODE cart.
    const grossOnly = [{ currency: 'EUR', grossAmount: 500, netAmount: null }];
    expect(fixedAmount(grossOnly, 'EUR', 'NET_MODE')).toBe(0);
    expect(
      fixedAmount([{ currency: 'EUR', grossAmount: 0, netAmount: 0 }], 'EUR', 'GROSS_MODE'),
    ).toBe(0);
  });

  it('takes its amount whatever the items cost: the Distributor caps it', () => {
    expect(
      fixedAmount(
        [{ currency: 'EUR', grossAmount: 100_000, netAmount: null }],
        'EUR',
        'GROSS_MODE',
      ),
    ).toBe(100_000);
  });
});

describe('distribute (Distributor)', () => {
  it('gives each unit its price’s share, the remainder carried through every unit', () => {
    expect(distribute([{ unitPrice: 3454, quantity: 2 }], 345)).toEqual([[173, 172]]);
    // 518 / 3 = 172.67 → 173 (−0.33), 172.33 → 172 (+0.33), 173.
    expect(distribute([{ unitPrice: 3454, quantity: 3 }], 518)).toEqual([[173, 172, 173]]);
    const shared = distribute(
      [
        { unitPrice: 1000, quantity: 1 },
        { unitPrice: 3000, quantity: 2 },
      ],
      350,
    );
    expect(shared).toEqual([[50], [150, 150]]);
  });

  it('never gives out more than the lines are worth', () => {
    expect(distribute([{ unitPrice: 100, quantity: 2 }], 1000)).toEqual([[100, 100]]);
    expect(distribute([{ unitPrice: 100, quantity: 1 }], 0)).toEqual([[]]);
  });

  it('shares a fixed 5 EUR over the units by price, the remainder carried, to the cent', () => {
    // 500 × 3454 / 9408 = 183.57 → 184 (−0.43); 183.57 − 0.43 = 183.14 → 183 (+0.14);
    // 500 × 2500 / 9408 = 132.87 + 0.14 = 133.01 → 133. 184 + 183 + 133 = 500.
    const lines = [
      { unitPrice: 3454, quantity: 2 },
      { unitPrice: 2500, quantity: 1 },
    ];
    expect(distribute(lines, 500)).toEqual([[184, 183], [133]]);
  });

  it('cuts a fixed amount above the items’ worth to that worth', () => {
    const lines = [
      { unitPrice: 100, quantity: 2 },
      { unitPrice: 50, quantity: 1 },
    ];
    expect(distribute(lines, 500)).toEqual([[100, 100], [50]]);
  });

  it('shares a net amount over net unit prices in NET_MODE', () => {
    // Net 2903 and 2101 (gross 3454 and 2500 less their VAT), 4.20 EUR net off:
    // 420 × 2903 / 5004 = 243.66 → 244 (−0.34); 176.34 − 0.34 = 176.00 → 176.
    const net = fixedAmount(
      [{ currency: 'EUR', grossAmount: 500, netAmount: 420 }],
      'EUR',
      'NET_MODE',
    );
    const lines = [
      { unitPrice: 2903, quantity: 1 },
      { unitPrice: 2101, quantity: 1 },
    ];
    expect(distribute(lines, net)).toEqual([[244], [176]]);
  });
});

describe('orderDiscounts (CollectedDiscountSorter, Calculator::filterExclusiveDiscounts)', () => {
  const discount = (
    name: string,
    priority: number,
    amount: number,
    isExclusive = false,
  ): { name: string; priority: number; amount: number; isExclusive: boolean } => ({
    name,
    priority,
    amount,
    isExclusive,
  });
  const names = (ordered: { name: string }[]): string[] => ordered.map(({ name }) => name);

  it('puts the lower priority number first, a tie the larger amount first, a tie of both as given', () => {
    const collected = [
      discount('5% off white', 9999, 345),
      discount('5 EUR off', 100, 500),
      discount('1 EUR off', 9999, 100),
      discount('6 EUR off', 9999, 600),
      discount('another 1 EUR off', 9999, 100),
    ];
    expect(names(orderDiscounts(collected))).toEqual([
      '5 EUR off',
      '6 EUR off',
      '5% off white',
      '1 EUR off',
      'another 1 EUR off',
    ]);
  });

  it('keeps the first exclusive discount alone, in that order', () => {
    const collected = [
      discount('5% off white', 9999, 345),
      discount('exclusive 1 EUR', 9999, 100, true),
      discount('exclusive 2 EUR', 9999, 200, true),
    ];
    expect(names(orderDiscounts(collected))).toEqual(['exclusive 2 EUR']);
    expect(names(orderDiscounts([discount('nothing yet', 1, 0, true), ...collected]))).toEqual([
      'nothing yet',
    ]);
  });
});

describe('distributeDiscounts (Calculator::distributeDiscountAmount)', () => {
  const lines = [
    { unitPrice: 3454, quantity: 2 },
    { unitPrice: 2500, quantity: 1 },
  ];
  const fixed = (priority: number): CollectedDiscount => ({
    idDiscount: 90,
    calculator: 'PLUGIN_CALCULATOR_FIXED',
    priority,
    isExclusive: false,
    amount: 500,
    lines: [0, 1],
  });
  // 5 % of the white line: 345.4 → 345.
  const percentage: CollectedDiscount = {
    idDiscount: 3,
    calculator: 'PLUGIN_CALCULATOR_PERCENTAGE',
    priority: 9999,
    isExclusive: false,
    amount: 345,
    lines: [0],
  };

  it('shares a percentage after a discount of a lower priority number by what that left of the price', () => {
    // The fixed one first: 184, 183 and 133, nothing left over. The percentage then shares its
    // 345 by 3454 − 184 = 3270 of 6908: 345 × 3270 / 6908 = 163.31 → 163 (+0.31), 163.62 → 164.
    expect(distributeDiscounts(lines, [fixed(100), percentage])).toEqual([
      [
        { idDiscount: 90, units: [184, 183] },
        { idDiscount: 3, units: [163, 164] },
      ],
      [{ idDiscount: 90, units: [133] }],
    ]);
  });

  it('shares a percentage after one of the same priority by the whole price', () => {
    // 345 × 3454 / 6908 = 172.5 → 173 (−0.5), 172.
    expect(distributeDiscounts(lines, [fixed(9999), percentage])).toEqual([
      [
        { idDiscount: 90, units: [184, 183] },
        { idDiscount: 3, units: [173, 172] },
      ],
      [{ idDiscount: 90, units: [133] }],
    ]);
  });

  it('shares a fixed amount by the whole price, whatever came before it', () => {
    const first: CollectedDiscount = { ...percentage, priority: 1 };
    expect(distributeDiscounts(lines, [first, fixed(100)])).toEqual([
      [
        { idDiscount: 3, units: [173, 172] },
        { idDiscount: 90, units: [184, 183] },
      ],
      [{ idDiscount: 90, units: [133] }],
    ]);
  });

  it('carries the rounding remainder from one discount to the next', () => {
    const two = [
      { unitPrice: 1000, quantity: 1 },
      { unitPrice: 2500, quantity: 1 },
    ];
    const discounts: CollectedDiscount[] = [
      { ...fixed(1), amount: 100, lines: [0, 1] },
      { ...percentage, priority: 2, amount: 50, lines: [0] },
      { ...fixed(3), idDiscount: 91, amount: 100, lines: [0, 1] },
    ];
    // 1 EUR: 28.57 → 29 (−0.43), 71.43 − 0.43 = 71. 5 % of 1000 = 50, shared by 1000 − 29 = 971:
    // 48.55 → 49, −0.45 left over. The second 1 EUR starts from it: 28.57 − 0.45 = 28.12 → 28
    // (+0.12), 71.43 + 0.12 = 71.55 → 72 (alone it would be 29 and 71).
    expect(distributeDiscounts(two, discounts)).toEqual([
      [
        { idDiscount: 90, units: [29] },
        { idDiscount: 3, units: [49] },
        { idDiscount: 91, units: [28] },
      ],
      [
        { idDiscount: 90, units: [71] },
        { idDiscount: 91, units: [72] },
      ],
    ]);
    expect(distribute(two, 100)).toEqual([[29], [71]]);
  });

  it('shares out nothing of a discount that came to nothing, and leaves the rest as it was', () => {
    const none: CollectedDiscount = { ...fixed(1), amount: 0 };
    expect(distributeDiscounts(lines, [none, percentage])).toEqual([
      [{ idDiscount: 3, units: [173, 172] }],
      [],
    ]);
  });
});

describe('applyingDiscounts (CollectedDiscountItemFilter)', () => {
  const fixed = (idDiscount: number, amount: number, lines: number[]): CollectedDiscount => ({
    idDiscount,
    calculator: 'PLUGIN_CALCULATOR_FIXED',
    priority: idDiscount,
    isExclusive: false,
    amount,
    lines,
  });

  it('keeps a discount whose share goes beyond what is left of a line, cut to it', () => {
    // 30 EUR off leaves 454 of 3454; 10 EUR off's 1000 goes 546 beyond: 1000 − 546 > 0.
    const lines = [{ unitPrice: 3454, quantity: 1 }];
    const discounts = [fixed(1, 3000, [0]), fixed(2, 1000, [0])];
    const shares = distributeDiscounts(lines, discounts);
    expect(applyingDiscounts(lines, ['058_24245592'], discounts, shares)).toEqual(new Set([1, 2]));
  });

  it('drops a discount whose line has nothing left at one of its shares', () => {
    // 60 EUR off takes 3000 of each Jade; 20 EUR off's first 1000 uses up the 908 left, its
    // second finds nothing: the line is not its, and it has no other.
    const lines = [{ unitPrice: 3454, quantity: 2 }];
    const discounts = [fixed(1, 6000, [0]), fixed(2, 2000, [0])];
    const shares = distributeDiscounts(lines, discounts);
    expect(shares).toEqual([
      [
        { idDiscount: 1, units: [3000, 3000] },
        { idDiscount: 2, units: [1000, 1000] },
      ],
    ]);
    expect(applyingDiscounts(lines, ['058_24245592'], discounts, shares)).toEqual(new Set([1]));
  });

  it('counts a product’s worth once: its first line’s, as Spryker keys it by the item’s id', () => {
    // The same Jade split into two order items: worth 3454 between them, not 6908.
    const lines = [
      { unitPrice: 3454, quantity: 1 },
      { unitPrice: 3454, quantity: 1 },
    ];
    const discounts = [fixed(1, 6000, [0, 1]), fixed(2, 2000, [0, 1])];
    const shares = distributeDiscounts(lines, discounts);
    const jade = '058_24245592';
    expect(applyingDiscounts(lines, [jade, jade], discounts, shares)).toEqual(new Set([1]));
    expect(applyingDiscounts(lines, [jade, 'another'], discounts, shares)).toEqual(new Set([1, 2]));
  });

  it('drops a discount that came to nothing', () => {
    const lines = [{ unitPrice: 3454, quantity: 1 }];
    const discounts = [fixed(1, 0, [0])];
    expect(applyingDiscounts(lines, ['058_24245592'], discounts, [[]])).toEqual(new Set());
  });
});

describe('aggregateLine (DiscountAmountAggregator)', () => {
  it('counts a discount once in the unit aggregation, every unit in the sum', () => {
    const line = aggregateLine(3454, 6908, [{ idDiscount: 3, units: [173, 172] }]);
    expect(line.discount).toEqual({ unit: 173, sum: 345 });
    expect(line.taken.get(3)).toEqual({ unit: 173, sum: 345 });
  });

  it('cuts what would take a line below zero', () => {
    const line = aggregateLine(100, 200, [
      { idDiscount: 3, units: [80, 80] },
      { idDiscount: 4, units: [50, 50] },
    ]);
    expect(line.discount).toEqual({ unit: 100, sum: 200 });
    expect(line.taken.get(4)).toEqual({ unit: 20, sum: 40 });
  });
});

describe('giftCardPayments (PaymentCalculator)', () => {
  it('lets each card pay what it holds, in order, until nothing is left to pay', () => {
    expect(giftCardPayments(16010, [5000])).toEqual({ amounts: [5000], priceToPay: 11010 });
    expect(giftCardPayments(3281, [10000, 5000])).toEqual({ amounts: [3281, 0], priceToPay: 0 });
    expect(giftCardPayments(12000, [5000, 10000])).toEqual({
      amounts: [5000, 7000],
      priceToPay: 0,
    });
    expect(giftCardPayments(0, [5000])).toEqual({ amounts: [0], priceToPay: 0 });
    expect(giftCardPayments(900, [])).toEqual({ amounts: [], priceToPay: 900 });
  });
});
