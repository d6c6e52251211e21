import { describe, expect, it } from 'vitest';
import { phpRound } from '../../platform/pricing';
import {
  aggregateLine,
  distribute,
  giftCardPayments,
  percentageAmount,
} from './discount-calculator';

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
