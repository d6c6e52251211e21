/**
 * How Spryker turns the cart's applied codes into money (contract §10): a discount's amount
 * (spryker/discount 9.41.0 `PercentageType`, `FixedType`), the order several discounts are
 * shared out in (`Calculator`, `CollectedDiscountSorter`), each one's share of each item
 * (`Distributor`, `DiscountableItemTransformer`), each item's discount aggregations
 * (spryker/calculation 4.13.0 `DiscountAmountAggregator`), and what gift cards pay
 * (spryker/payment 5.26.0 `PaymentCalculator`). Pure functions over integer cents; PHP's float
 * arithmetic is followed step by step, so the cents come out as Spryker's.
 */
import { phpRound } from '../../platform/pricing';
import type { LineDiscount, PriceMode } from '../../platform/pricing';

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
 * `FixedType::calculateDiscount()`: the amount of the cart's currency, gross or net as the cart's
 * price mode is, whatever the items cost (the `Distributor` caps it). A currency whose gross and
 * net are both unset counts as absent (`DiscountEntityMapper`); an unset or non-positive amount
 * takes nothing.
 */
export function fixedAmount(
  moneyValues: readonly MoneyValue[],
  currency: string,
  priceMode: PriceMode,
): number {
  const value = moneyValues.find(
    (candidate) =>
      candidate.currency === currency &&
      (candidate.grossAmount !== null || candidate.netAmount !== null),
  );
  const amount = priceMode === 'NET_MODE' ? value?.netAmount : value?.grossAmount;
  return amount !== undefined && amount !== null && amount > 0 ? amount : 0;
}

/** One discount's part of one line: the amount each unit got. */
export interface LineShare {
  idDiscount: number;
  units: readonly number[];
}

/**
 * `Distributor::distributeDiscountAmountToDiscountableItems()` with
 * `DiscountableItemTransformer::transformSplittableDiscountableItem()`: the discount's total,
 * at most the lines' worth at their unit prices, shared out unit by unit, each unit the share of
 * its line's iteration price (its unit price, unless a percentage discount's priority lowers it)
 * in that worth, the rounding remainder carried from unit to unit and line to line, starting
 * from `roundingError`. A total or a worth of 0 shares nothing out and leaves the remainder as it
 * was.
 */
function shareOut(
  lines: readonly DiscountableLine[],
  iterationPrices: readonly number[],
  totalDiscount: number,
  roundingError: number,
): { units: number[][]; roundingError: number } {
  const totalAmount = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  if (totalAmount <= 0 || totalDiscount <= 0) return { units: lines.map(() => []), roundingError };
  const total = Math.min(totalDiscount, totalAmount);
  let carried = roundingError;
  const units = lines.map((line, index) => {
    const share = (iterationPrices[index] ?? line.unitPrice) / totalAmount;
    const amounts: number[] = [];
    for (let unit = 0; unit < line.quantity; unit++) {
      const exact = total * share + carried;
      const rounded = phpRound(exact);
      carried = exact - rounded;
      amounts.push(rounded);
    }
    return amounts;
  });
  return { units, roundingError: carried };
}

/**
 * One discount alone through the `Distributor`: its total shared out unit by unit, each unit its
 * price's share, the remainder carried on through every unit of every line. The total is at most
 * the lines' worth. One list of unit amounts per line, in the lines' order.
 */
export function distribute(lines: readonly DiscountableLine[], totalDiscount: number): number[][] {
  const unitPrices = lines.map((line) => line.unitPrice);
  return shareOut(lines, unitPrices, totalDiscount, 0).units;
}

/** A discount as the `Calculator` hands it to the `Distributor`: calculated and collected. */
export interface CollectedDiscount {
  idDiscount: number;
  calculator: CalculatorType;
  /** `spy_discount.priority`: the lower the number, the earlier (1 … 9999). */
  priority: number;
  isExclusive: boolean;
  /** What its calculator came to, before it is shared out. */
  amount: number;
  /** The indexes of the lines its collector selected, in the cart's order. */
  lines: readonly number[];
}

/**
 * `CollectedDiscountSorter::sort()`, then `Calculator::filterExclusiveDiscounts()`: by priority,
 * the lower number first; a tie by the calculated amount, the larger first; a tie of both as they
 * came (PHP's `usort` is stable). Then, when any of them is exclusive, the first exclusive one
 * alone.
 */
export function orderDiscounts<
  D extends Pick<CollectedDiscount, 'priority' | 'amount' | 'isExclusive'>,
>(collected: readonly D[]): D[] {
  const sorted = [...collected].sort((a, b) => a.priority - b.priority || b.amount - a.amount);
  const exclusive = sorted.find((discount) => discount.isExclusive);
  return exclusive === undefined ? sorted : [exclusive];
}

/**
 * `Calculator::distributeDiscountAmount()`: each discount in turn shared out over the lines it
 * collected, by one `Distributor`, whose rounding remainder is carried on from one discount to
 * the next. A fixed discount shares out by the unit prices. A percentage discount shares out its
 * total (taken of the undiscounted prices) by each line's iteration price: the unit price less
 * the first unit's share of each discount of a lower priority number already on the line
 * (`DiscountableItemTransformer::calculatePriorityIterationUnitPrice()`), over the undiscounted
 * worth. Per line, each discount's share, in the order they were shared out.
 */
export function distributeDiscounts(
  lines: readonly DiscountableLine[],
  discounts: readonly CollectedDiscount[],
): LineShare[][] {
  const shares: LineShare[][] = lines.map(() => []);
  const priorities = new Map(discounts.map((discount) => [discount.idDiscount, discount.priority]));
  let roundingError = 0;
  for (const discount of discounts) {
    const own = discount.lines.map((index) => lines[index] ?? { unitPrice: 0, quantity: 0 });
    const iterationPrices = discount.lines.map((index, position) => {
      const unitPrice = own[position]?.unitPrice ?? 0;
      if (discount.calculator !== 'PLUGIN_CALCULATOR_PERCENTAGE') return unitPrice;
      return (shares[index] ?? [])
        .filter((share) => (priorities.get(share.idDiscount) ?? 0) < discount.priority)
        .reduce((price, share) => price - (share.units[0] ?? 0), unitPrice);
    });
    const shared = shareOut(own, iterationPrices, discount.amount, roundingError);
    roundingError = shared.roundingError;
    shared.units.forEach((units, position) => {
      const index = discount.lines[position] ?? 0;
      if (units.length > 0) shares[index]?.push({ idDiscount: discount.idDiscount, units });
    });
  }
  return shares;
}

/**
 * `CollectedDiscountItemFilter::filter()`: which of the discounts shared out apply. Each product
 * (`keys`, Spryker's item id) is worth its first line's sum at first; the discounts' unit shares,
 * in the order they were shared out, use that worth up. A line whose worth was used up before a
 * share of the discount is no line of the discount's, and a share beyond what is left is cut to
 * it, the discount's amount reduced by the rest. A discount with no line left, or whose amount as
 * calculated, less those cuts, is not above 0, does not apply: it is not among the cart's
 * discounts, though what it took stays taken (the aggregations count every share).
 */
export function applyingDiscounts(
  lines: readonly DiscountableLine[],
  keys: readonly string[],
  discounts: readonly CollectedDiscount[],
  shares: readonly (readonly LineShare[])[],
): Set<number> {
  const remaining = new Map<string, number>();
  const applying = new Set<number>();
  for (const discount of discounts) {
    let reduction = 0;
    let applicableLines = 0;
    for (const index of discount.lines) {
      const key = keys[index] ?? '';
      const line = lines[index] ?? { unitPrice: 0, quantity: 0 };
      if (!remaining.has(key)) remaining.set(key, line.unitPrice * line.quantity);
      let applicable = true;
      for (const share of shares[index] ?? []) {
        if (share.idDiscount !== discount.idDiscount) continue;
        for (const amount of share.units) {
          const left = remaining.get(key) ?? 0;
          if (left === 0) {
            applicable = false;
            reduction += amount;
          } else if (amount <= left) {
            remaining.set(key, left - amount);
          } else {
            reduction += amount - left;
            remaining.set(key, 0);
          }
        }
      }
      if (applicable) applicableLines += 1;
    }
    if (applicableLines > 0 && discount.amount - reduction > 0) applying.add(discount.idDiscount);
  }
  return applying;
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
