/**
 * Money arithmetic for carts and orders, in integer cents (minor units of EUR).
 *
 * The demo prices are gross prices (server/platform/seed-data/products.csv) and contain German VAT of 19 %.
 * The tax share of an amount is computed once per line, on the line's sum, and rounded to the
 * cent: round(sumGross × 19 / 119). The cart's or order's tax total is the sum of the line shares,
 * so it matches what a customer adds up from the lines.
 */

export const STORE = 'DE';
export const CURRENCY = 'EUR';
export const TAX_RATE = 19;

export const PRICE_MODES = ['GROSS_MODE', 'NET_MODE'] as const;
export type PriceMode = (typeof PRICE_MODES)[number];

export function isPriceMode(value: unknown): value is PriceMode {
  return value === 'GROSS_MODE' || value === 'NET_MODE';
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

/** The aggregations of a line without product options or discounts: the demo cart has neither. */
function aggregations(
  unitPrice: number,
  sumPrice: number,
  unitTax: number,
  sumTax: number,
): LineAggregations {
  return {
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
  };
}

/** A priced line: its calculations and its tax share, which the totals add up. */
export interface PricedLine {
  calculations: ItemCalculations;
  sumTax: number;
}

/**
 * A line of `quantity` units of a product whose DEFAULT gross price is `productGrossPrice`.
 *
 * GROSS_MODE (what the demo shop uses): unit price = the gross price, sum = unit × quantity, net =
 * gross − tax share. NET_MODE: the demo data has no net prices, so the unit net price is derived
 * from the gross one (gross − its tax share); the line's tax is 19 % on the net sum and the gross
 * figures are net + tax. In both modes the price to pay is the gross amount.
 */
export function priceLine(
  productGrossPrice: number,
  quantity: number,
  priceMode: PriceMode,
): PricedLine {
  if (priceMode === 'GROSS_MODE') {
    const unitGross = productGrossPrice;
    const sumGross = unitGross * quantity;
    const sumTax = taxShareOfGross(sumGross);
    const unitTax = taxShareOfGross(unitGross);
    const unitNet = unitGross - unitTax;
    const sumNet = sumGross - sumTax;
    return {
      calculations: {
        unitPrice: unitGross,
        sumPrice: sumGross,
        unitGrossPrice: unitGross,
        sumGrossPrice: sumGross,
        unitNetPrice: unitNet,
        sumNetPrice: sumNet,
        taxRate: TAX_RATE,
        unitPriceToPayAggregation: unitGross,
        sumPriceToPayAggregation: sumGross,
        ...aggregations(unitGross, sumGross, unitTax, sumTax),
      },
      sumTax,
    };
  }
  const unitNet = productGrossPrice - taxShareOfGross(productGrossPrice);
  const sumNet = unitNet * quantity;
  const sumTax = taxOnNet(sumNet);
  const unitTax = taxOnNet(unitNet);
  const unitGross = unitNet + unitTax;
  const sumGross = sumNet + sumTax;
  return {
    calculations: {
      unitPrice: unitNet,
      sumPrice: sumNet,
      unitGrossPrice: unitGross,
      sumGrossPrice: sumGross,
      unitNetPrice: unitNet,
      sumNetPrice: sumNet,
      taxRate: TAX_RATE,
      unitPriceToPayAggregation: unitGross,
      sumPriceToPayAggregation: sumGross,
      ...aggregations(unitNet, sumNet, unitTax, sumTax),
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
 * subtotal = Σ sumPrice; taxTotal = Σ line tax shares; no expenses, shipment or discounts in a cart.
 * GROSS_MODE: grandTotal = priceToPay = subtotal. NET_MODE: grandTotal = subtotal + taxTotal.
 */
export function cartTotals(lines: readonly PricedLine[], priceMode: PriceMode): CartTotals {
  let subtotal = 0;
  let taxTotal = 0;
  for (const line of lines) {
    subtotal += line.calculations.sumPrice;
    taxTotal += line.sumTax;
  }
  const grandTotal = priceMode === 'GROSS_MODE' ? subtotal : subtotal + taxTotal;
  return {
    expenseTotal: 0,
    discountTotal: 0,
    taxTotal,
    subtotal,
    grandTotal,
    priceToPay: grandTotal,
    shipmentTotal: 0,
  };
}
