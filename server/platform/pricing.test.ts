import { describe, expect, it } from 'vitest';
import { cartTotals, isPriceMode, priceLine, taxOnNet, taxShareOfGross } from './pricing';

/** A line's aggregations without product options or discounts. */
const aggregations = (unitPrice: number, sumPrice: number, unitTax: number, sumTax: number) => ({
  unitTaxAmountFullAggregation: unitTax,
  sumTaxAmountFullAggregation: sumTax,
  sumSubtotalAggregation: sumPrice,
  unitSubtotalAggregation: unitPrice,
  unitProductOptionPriceAggregation: 0,
  sumProductOptionPriceAggregation: 0,
  unitDiscountAmountAggregation: 0,
  sumDiscountAmountAggregation: 0,
  unitDiscountAmountFullAggregation: 0,
  sumDiscountAmountFullAggregation: 0,
});

describe('taxShareOfGross', () => {
  it('is the 19 % VAT contained in a gross amount, rounded to the cent', () => {
    expect(taxShareOfGross(21000)).toBe(3353); // 3352.94…
    expect(taxShareOfGross(16010)).toBe(2556); // 2556.22…
    expect(taxShareOfGross(11900)).toBe(1900);
    expect(taxShareOfGross(7000)).toBe(1118); // 1117.64…
    expect(taxShareOfGross(0)).toBe(0);
    expect(taxShareOfGross(1)).toBe(0); // 0.16
    expect(taxShareOfGross(4)).toBe(1); // 0.64
  });

  it('matches the formula for every amount up to 10,000 cents', () => {
    for (let gross = 0; gross <= 10_000; gross++) {
      const exact = (gross * 19) / 119;
      const share = taxShareOfGross(gross);
      expect(Math.abs(share - exact)).toBeLessThan(0.5);
      expect(Number.isInteger(share)).toBe(true);
    }
  });
});

describe('taxOnNet', () => {
  it('is 19 % on top of a net amount, rounded', () => {
    expect(taxOnNet(10000)).toBe(1900);
    expect(taxOnNet(5882)).toBe(1118); // 1117.58
    expect(taxOnNet(3)).toBe(1); // 0.57
  });
});

describe('priceLine in GROSS_MODE', () => {
  it('prices three Canon IXUS 175 at 70.00 each', () => {
    expect(priceLine(7000, 3, 'GROSS_MODE')).toEqual({
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
      sumTax: 3353,
    });
  });

  it('keeps the contract’s key order in calculations, then Spryker’s aggregations', () => {
    expect(Object.keys(priceLine(8005, 2, 'GROSS_MODE').calculations)).toEqual([
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
});

describe('priceLine in NET_MODE', () => {
  it('derives the net unit price from the gross one and adds 19 % on the net sum', () => {
    // 7000 gross → 5882 net per unit; 3 units 17646 net, tax round(3352.74) = 3353.
    expect(priceLine(7000, 3, 'NET_MODE')).toEqual({
      calculations: {
        unitPrice: 5882,
        sumPrice: 17646,
        unitGrossPrice: 5882 + 1118,
        sumGrossPrice: 17646 + 3353,
        unitNetPrice: 5882,
        sumNetPrice: 17646,
        taxRate: 19,
        unitPriceToPayAggregation: 7000,
        sumPriceToPayAggregation: 20999,
        // Net prices: the subtotal aggregates the net amounts, the tax is on top.
        ...aggregations(5882, 17646, 1118, 3353),
      },
      sumTax: 3353,
    });
  });
});

describe('cartTotals', () => {
  it('adds the lines’ sums and tax shares: the console’s example cart', () => {
    const lines = [priceLine(7000, 3, 'GROSS_MODE'), priceLine(8005, 2, 'GROSS_MODE')];
    const totals = cartTotals(lines, 'GROSS_MODE');
    expect(totals).toEqual({
      expenseTotal: 0,
      discountTotal: 0,
      taxTotal: 3353 + 2556,
      subtotal: 37010,
      grandTotal: 37010,
      priceToPay: 37010,
      shipmentTotal: 0,
    });
    expect(Object.keys(totals)).toEqual([
      'expenseTotal',
      'discountTotal',
      'taxTotal',
      'subtotal',
      'grandTotal',
      'priceToPay',
      'shipmentTotal',
    ]);
  });

  it('sums the per-line rounded shares, not the share of the rounded sum', () => {
    // Each line of 1 cent has a share of 0; the sum of 4 cents would have 1.
    const lines = [1, 1, 1, 1].map((price) => priceLine(price, 1, 'GROSS_MODE'));
    expect(cartTotals(lines, 'GROSS_MODE')).toMatchObject({ subtotal: 4, taxTotal: 0 });
  });

  it('is all zeros for an empty cart', () => {
    expect(cartTotals([], 'GROSS_MODE')).toEqual({
      expenseTotal: 0,
      discountTotal: 0,
      taxTotal: 0,
      subtotal: 0,
      grandTotal: 0,
      priceToPay: 0,
      shipmentTotal: 0,
    });
  });

  it('adds the tax to the net subtotal in NET_MODE', () => {
    const lines = [priceLine(7000, 3, 'NET_MODE'), priceLine(8005, 2, 'NET_MODE')];
    const totals = cartTotals(lines, 'NET_MODE');
    const subtotal = 17646 + 2 * (8005 - 1278);
    const tax = 3353 + taxOnNet(2 * (8005 - 1278));
    expect(totals).toEqual({
      expenseTotal: 0,
      discountTotal: 0,
      taxTotal: tax,
      subtotal,
      grandTotal: subtotal + tax,
      priceToPay: subtotal + tax,
      shipmentTotal: 0,
    });
  });
});

describe('isPriceMode', () => {
  it('knows exactly GROSS_MODE and NET_MODE', () => {
    expect(isPriceMode('GROSS_MODE')).toBe(true);
    expect(isPriceMode('NET_MODE')).toBe(true);
    for (const value of ['gross_mode', 'GROSS', '', null, 1, ['GROSS_MODE']]) {
      expect(isPriceMode(value)).toBe(false);
    }
  });
});
