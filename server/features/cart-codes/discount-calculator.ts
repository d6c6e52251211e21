/**
 * How Spryker turns the cart's applied codes into money (contract §10): a percentage discount's
 * amount and its share of each item (spryker/discount 9.41.0 `PercentageType`, `Distributor`,
 * `DiscountableItemTransformer`), each item's discount aggregations (spryker/calculation
 * `DiscountAmountAggregator`), and what gift cards pay (spryker/payment 5.26.0
 * `PaymentCalculator`). Pure functions over integer cents; PHP's float arithmetic is followed
 * step by step, so the cents come out as Spryker's.
 */
import { phpRound } from '../../platform/pricing';
import type { LineDiscount } from '../../platform/pricing';

/** `spy_discount.calculator_plugin`: the two calculators of `DiscountDependencyProvider`. */
export const CALCULATOR_TYPES = [
  'PLUGIN_CALCULATOR_PERCENTAGE',
  'PLUGIN_CALCULATOR_FIXED',
] as const;
export type CalculatorType = (typeof CALCULATOR_TYPES)[number];

export function isCalculatorType(value: unknown): value is CalculatorType {
  return value === 'PLUGIN_CALCULATOR_PERCENTAGE' || value === 'PLUGIN_CALCULATOR_FIXED';
}

/** A fixed-amount discount's amount in one currency (`spy_discount_amount`); either may be unset. */
export interface MoneyValue {
  currency: string;
  grossAmount: number | null;
  netAmount: number | null;
}

/** An item line a discount may take from: its unit price in the cart's price mode. */
export interface DiscountableLine {
  unitPrice: number;
  quantity: number;
}

/**
 * `PercentageType::calculateDiscount()`: per line round(unitPrice × quantity × percent / 100),
 * the rounding remainder carried to the next line. `amount` is Spryker's (500 = 5 %); a
 * percentage above 100 is taken as 100.
 */
export function percentageAmount(lines: readonly DiscountableLine[], amount: number): number {
  const percent = Math.min(amount / 100, 100);
  if (percent <= 0) return 0;
  let roundingError = 0;
  let total = 0;
  for (const line of lines) {
    const exact = (line.unitPrice * line.quantity * percent) / 100;
    const withError = exact + roundingError;
    const rounded = phpRound(withError);
    roundingError = withError - rounded;
    total += rounded;
  }
  return total > 0 ? total : 0;
}

/**
 * `Distributor` with `DiscountableItemTransformer`: the discount's total shared out unit by unit,
 * each unit its price's share, the remainder carried on through every unit of every line. The
 * total is at most the lines' worth. One list of unit amounts per line, in the lines' order.
 */
export function distribute(lines: readonly DiscountableLine[], totalDiscount: number): number[][] {
  const totalAmount = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  if (totalAmount <= 0 || totalDiscount <= 0) return lines.map(() => []);
  const total = Math.min(totalDiscount, totalAmount);
  let roundingError = 0;
  return lines.map((line) => {
    const share = line.unitPrice / totalAmount;
    const units: number[] = [];
    for (let unit = 0; unit < line.quantity; unit++) {
      const exact = total * share + roundingError;
      const rounded = phpRound(exact);
      roundingError = exact - rounded;
      units.push(rounded);
    }
    return units;
  });
}

/** One discount's part of one line: the amount each unit got. */
export interface LineShare {
  idDiscount: number;
  units: readonly number[];
}

/** What a line's discounts come to, and what each discount took from it. */
export interface AggregatedLine {
  discount: LineDiscount;
  /** Per discount, what it took from the line's unit and sum, capped at what they were worth. */
  taken: Map<number, LineDiscount>;
}

/**
 * `DiscountAmountAggregator` for one line: the unit aggregation counts each discount once, with
 * its first unit's amount; the sum counts every unit's amount. Neither goes above the line's
 * unit or sum price; a discount that would is cut to what is left.
 */
export function aggregateLine(
  unitPrice: number,
  sumPrice: number,
  shares: readonly LineShare[],
): AggregatedLine {
  const cut = (amount: number, aggregated: number, max: number): number =>
    aggregated + amount <= max ? amount : Math.max(max - aggregated, 0);
  const taken = new Map<number, LineDiscount>();
  const takenBy = (idDiscount: number): LineDiscount => {
    const existing = taken.get(idDiscount) ?? { unit: 0, sum: 0 };
    taken.set(idDiscount, existing);
    return existing;
  };
  let unit = 0;
  const counted = new Set<number>();
  for (const share of shares) {
    const own = takenBy(share.idDiscount);
    if (counted.has(share.idDiscount)) continue;
    counted.add(share.idDiscount);
    const applied = cut(share.units[0] ?? 0, unit, unitPrice);
    unit += applied;
    own.unit = applied;
  }
  let sum = 0;
  for (const share of shares) {
    const own = takenBy(share.idDiscount);
    for (const amount of share.units) {
      const applied = cut(amount, sum, sumPrice);
      sum += applied;
      own.sum += applied;
    }
  }
  return { discount: { unit, sum }, taken };
}

/**
 * `PaymentCalculator::applyLimitedAmountPayments()`: each gift card, in the order they were added,
 * pays what it holds or what is still to pay, whichever is less. The amounts, in that order, and
 * what is left for the customer's own payment (`priceToPay`).
 */
export function giftCardPayments(
  grandTotal: number,
  actualValues: readonly number[],
): { amounts: number[]; priceToPay: number } {
  let priceToPay = grandTotal;
  const amounts = actualValues.map((available) => {
    if (available >= priceToPay) {
      const amount = Math.max(priceToPay, 0);
      priceToPay = 0;
      return amount;
    }
    priceToPay -= available;
    return available;
  });
  return { amounts, priceToPay: Math.max(priceToPay, 0) };
}
