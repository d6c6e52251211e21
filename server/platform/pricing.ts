/**
 * Money arithmetic for carts and orders, in integer cents (minor units of EUR).
 *
 * The demo prices are gross prices (server/platform/seed-data/products.csv) and contain German VAT of 19 %.
 * The tax share of an amount is computed once per line, on the line's sum, and rounded to the
 * cent: round(sumGross × 19 / 119). The cart's or order's tax total is the sum of the line shares,
 * so it matches what a customer adds up from the lines. A discounted line's tax is the VAT in what
 * is left to pay of it (contract §10: tax follows the discounted price).
 */

export const STORE = 'DE';
export const CURRENCY = 'EUR';
export const TAX_RATE = 19;

export const PRICE_MODES = ['GROSS_MODE', 'NET_MODE'] as const;
export type PriceMode = (typeof PRICE_MODES)[number];

export function isPriceMode(value: unknown): value is PriceMode {
  return value === 'GROSS_MODE' || value === 'NET_MODE';
}

/** `php_round_helper()` for PHP_ROUND_HALF_UP: halves away from zero. */
function roundHalfAwayFromZero(value: number): number {
  return value >= 0 ? Math.floor(value + 0.5) : Math.ceil(value - 0.5);
}

/**
 * PHP's round() to a whole number (7.x–8.3, ext/standard/math.c `_php_math_round()`): a value
 * from 1 to 1e14 is first pre-rounded to the 15 significant digits a double holds, by multiplying
 * it by 10^(14 − ⌊log10 |value|⌋) in doubles, rounding and dividing back, so 172.49999999999997
 * counts as 172.5; then halves are rounded away from zero. A value below 1 is not pre-rounded.
 */
export function phpRound(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const precision = 14 - Math.floor(Math.log10(Math.abs(value)));
  if (precision > 0 && precision < 15) {
    const scale = 10 ** precision;
    return roundHalfAwayFromZero(roundHalfAwayFromZero(value * scale) / scale);
  }
  return roundHalfAwayFromZero(value);
}

/**
 * The VAT contained in a gross amount, rounded half away from zero (Math.round, on the positive
 * amounts used here). 119 = 7 × 17 has no factor 2, so the exact quotient never ends in .5.
 */
export function taxShareOfGross(gross: number): number {
  return Math.round((gross * TAX_RATE) / (100 + TAX_RATE));
}

/** The VAT added on top of a net amount, rounded the same way. */
export function taxOnNet(net: number): number {
  return Math.round((net * TAX_RATE) / 100);
}

/** A line's aggregations beyond its prices, key order as Spryker's schema. */
interface LineAggregations {
  unitTaxAmountFullAggregation: number;
  sumTaxAmountFullAggregation: number;
  sumSubtotalAggregation: number;
  unitSubtotalAggregation: number;
  unitProductOptionPriceAggregation: number;
  sumProductOptionPriceAggregation: number;
  unitDiscountAmountAggregation: number;
  sumDiscountAmountAggregation: number;
  unitDiscountAmountFullAggregation: number;
  sumDiscountAmountFullAggregation: number;
}

/** One cart item's `calculations`: the contract's keys in its order (§5), then the aggregations. */
export interface ItemCalculations extends LineAggregations {
  unitPrice: number;
  sumPrice: number;
  unitGrossPrice: number;
  sumGrossPrice: number;
  unitNetPrice: number;
  sumNetPrice: number;
  taxRate: number;
  unitPriceToPayAggregation: number;
  sumPriceToPayAggregation: number;
}

/** What a line's discounts take off it: the first unit's share and the whole line's (§10). */
export interface LineDiscount {
  unit: number;
  sum: number;
}

export const NO_DISCOUNT: LineDiscount = { unit: 0, sum: 0 };

/** The aggregations of a line without product options (the demo shop sells none). */
function aggregations(
  unitPrice: number,
  sumPrice: number,
  unitTax: number,
  sumTax: number,
  discount: LineDiscount,
): LineAggregations {
  return {
    unitTaxAmountFullAggregation: unitTax,
    sumTaxAmountFullAggregation: sumTax,
    sumSubtotalAggregation: sumPrice,
    unitSubtotalAggregation: unitPrice,
    unitProductOptionPriceAggregation: 0,
    sumProductOptionPriceAggregation: 0,
    unitDiscountAmountAggregation: discount.unit,
    sumDiscountAmountAggregation: discount.sum,
    unitDiscountAmountFullAggregation: discount.unit,
    sumDiscountAmountFullAggregation: discount.sum,
  };
}

/** A priced line: its calculations and its tax share, which the totals add up. */
export interface PricedLine {
  calculations: ItemCalculations;
  sumTax: number;
}

/** The line's unit price in the cart's price mode: what a discount is a percentage of. */
export function unitPriceOf(productGrossPrice: number, priceMode: PriceMode): number {
  return priceMode === 'GROSS_MODE'
    ? productGrossPrice
    : productGrossPrice - taxShareOfGross(productGrossPrice);
}

/**
 * A line of `quantity` units of a product whose DEFAULT gross price is `productGrossPrice`, less
 * what its discounts take off it.
 *
 * GROSS_MODE (what the demo shop uses): unit price = the gross price, sum = unit × quantity, net =
 * gross − tax share. NET_MODE: the demo data has no net prices, so the unit net price is derived
 * from the gross one (gross − its tax share); the line's tax is 19 % on the net sum and the gross
 * figures are net + tax. In both modes the prices stay undiscounted; the tax is that of what is
 * left to pay (Spryker's PriceToPayAggregator: gross − discount, or net + tax − discount).
 */
export function priceLine(
  productGrossPrice: number,
  quantity: number,
  priceMode: PriceMode,
  discount: LineDiscount = NO_DISCOUNT,
): PricedLine {
  if (priceMode === 'GROSS_MODE') {
    const unitGross = productGrossPrice;
    const sumGross = unitGross * quantity;
    const unitNet = unitGross - taxShareOfGross(unitGross);
    const sumNet = sumGross - taxShareOfGross(sumGross);
    const sumTax = taxShareOfGross(sumGross - discount.sum);
    const unitTax = taxShareOfGross(unitGross - discount.unit);
    return {
      calculations: {
        unitPrice: unitGross,
        sumPrice: sumGross,
        unitGrossPrice: unitGross,
        sumGrossPrice: sumGross,
        unitNetPrice: unitNet,
        sumNetPrice: sumNet,
        taxRate: TAX_RATE,
        unitPriceToPayAggregation: unitGross - discount.unit,
        sumPriceToPayAggregation: sumGross - discount.sum,
        ...aggregations(unitGross, sumGross, unitTax, sumTax, discount),
      },
      sumTax,
    };
  }
  const unitNet = unitPriceOf(productGrossPrice, priceMode);
  const sumNet = unitNet * quantity;
  const unitGross = unitNet + taxOnNet(unitNet);
  const sumGross = sumNet + taxOnNet(sumNet);
  const sumTax = taxOnNet(sumNet - discount.sum);
  const unitTax = taxOnNet(unitNet - discount.unit);
  return {
    calculations: {
      unitPrice: unitNet,
      sumPrice: sumNet,
      unitGrossPrice: unitGross,
      sumGrossPrice: sumGross,
      unitNetPrice: unitNet,
      sumNetPrice: sumNet,
      taxRate: TAX_RATE,
      unitPriceToPayAggregation: unitNet + unitTax - discount.unit,
      sumPriceToPayAggregation: sumNet + sumTax - discount.sum,
      ...aggregations(unitNet, sumNet, unitTax, sumTax, discount),
    },
    sumTax,
  };
}

/** A cart's `totals`, key order as Glue's. */
export interface CartTotals {
  expenseTotal: number;
  discountTotal: number;
  taxTotal: number;
  subtotal: number;
  grandTotal: number;
  priceToPay: number;
  /** The shipment expenses: none before checkout. */
  shipmentTotal: number;
}

/**
 * subtotal = Σ sumPrice; discountTotal = Σ the lines' discounts; taxTotal = Σ line tax shares;
 * grandTotal = Σ what each line leaves to pay (GROSS_MODE: subtotal − discountTotal; NET_MODE:
 * that + taxTotal); priceToPay = grandTotal less what gift cards pay (§10). No expenses or
 * shipment in a cart.
 */
export function cartTotals(
  lines: readonly PricedLine[],
  priceMode: PriceMode,
  paidByGiftCards = 0,
): CartTotals {
  let subtotal = 0;
  let discountTotal = 0;
  let taxTotal = 0;
  for (const line of lines) {
    subtotal += line.calculations.sumPrice;
    discountTotal += line.calculations.sumDiscountAmountFullAggregation;
    taxTotal += line.sumTax;
  }
  const grandTotal =
    priceMode === 'GROSS_MODE' ? subtotal - discountTotal : subtotal - discountTotal + taxTotal;
  return {
    expenseTotal: 0,
    discountTotal,
    taxTotal,
    subtotal,
    grandTotal,
    priceToPay: Math.max(grandTotal - paidByGiftCards, 0),
    shipmentTotal: 0,
  };
}
