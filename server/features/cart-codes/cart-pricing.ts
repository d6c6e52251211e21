/**
 * A cart priced with the codes it holds (contract §10): which vouchers and gift cards apply right
 * now, what each voucher takes off which line, and what the gift cards pay. Carts are priced when
 * read, so a code that stops applying (its item removed, the voucher used up by another order)
 * simply takes nothing, and takes again once it applies, as Spryker's recalculation does with its
 * `usedNotAppliedVoucherCodes`.
 */
import { GIFT_CARD_ABSTRACT_SKU } from '../checkout/shipment-methods';
import { NO_DISCOUNT, cartTotals, priceLine, unitPriceOf } from '../../platform/pricing';
import type { CartTotals, LineDiscount, PriceMode, PricedLine } from '../../platform/pricing';
import {
  aggregateLine,
  applyingDiscounts,
  distributeDiscounts,
  fixedAmount,
  giftCardPayments,
  orderDiscounts,
  percentageAmount,
} from './discount-calculator';
import type { CollectedDiscount, DiscountableLine } from './discount-calculator';
import type { Cart, CartItem } from '../carts/carts';
import type { CartCode, GiftCard, Voucher } from './cart-codes';

/** A line to price: a cart item, or one unit of it as the order splits it (§9.4). */
export interface LineToPrice {
  sku: string;
  abstractSku: string;
  quantity: number;
  /** The product's DEFAULT gross price. */
  grossPrice: number;
}

/** What a cart holds that pricing looks at. */
export interface CodesContext {
  store: string;
  currency: string;
  priceMode: PriceMode;
  /** The cart's codes in the order they were added. */
  codes: readonly CartCode[];
  /** When the cart was read, in milliseconds since the epoch: vouchers are valid for a time. */
  at: number;
}

export interface AppliedVoucher {
  voucher: Voucher;
  /** What it takes off the cart, in cents (§10 `discounts[].amount`). */
  amount: number;
}

export interface AppliedGiftCard {
  giftCard: GiftCard;
  /** What it pays of the grand total (§10: `min(actualValue, what is still to pay)`). */
  amount: number;
}

/** One line, priced, and what each discount took from it (for the order's sales discounts). */
export interface PricedLineWithShares<L extends LineToPrice> {
  line: L;
  priced: PricedLine;
  /** Per voucher shared out (by discount id), what it took from this line's unit and sum. */
  taken: ReadonlyMap<number, LineDiscount>;
}

export interface PricedCart<L extends LineToPrice> {
  lines: PricedLineWithShares<L>[];
  totals: CartTotals;
  /**
   * In the order Spryker shares them out (§10): by priority, then the larger calculated amount,
   * then by code.
   */
  vouchers: AppliedVoucher[];
  /**
   * Every voucher shared out over the lines, in that order, applying or not: what the items'
   * discounts hold, and so what an order records (`DiscountOrderSaver` saves each item's).
   */
  shared: Voucher[];
  /** In the order they were added. */
  giftCards: AppliedGiftCard[];
}

/** Spryker's `YYYY-MM-DD HH:MM:SS` timestamps, taken as UTC. */
function timestampMs(value: string): number {
  return Date.parse(`${value.replace(' ', 'T')}Z`);
}

function isGiftCardProduct(line: LineToPrice): boolean {
  return line.abstractSku === GIFT_CARD_ABSTRACT_SKU;
}

/**
 * `VoucherValidator::isUsable()` and the discount's own checks in `Discount::calculate()`: voucher
 * and discount active, not used up (`0` = unlimited; uses are counted when an order is placed),
 * valid now, the cart's store. The decision rule and collector are looked at with the lines.
 */
export function isVoucherUsable(voucher: Voucher, context: CodesContext): boolean {
  const { discount } = voucher;
  const usedUp = voucher.maxNumberOfUses > 0 && voucher.numberOfUses >= voucher.maxNumberOfUses;
  return (
    voucher.isActive &&
    discount.isActive &&
    !usedUp &&
    discount.store === context.store &&
    timestampMs(discount.validFrom) <= context.at &&
    context.at <= timestampMs(discount.validTo)
  );
}

/**
 * The decision rules the seed holds: `sku = "*"` holds for a cart with any item. The seed refuses
 * any other (db.ts), so no rule is silently read as true.
 */
function decisionRuleHolds(rule: string, lines: readonly LineToPrice[]): boolean {
  return rule === 'sku = "*"' && lines.length > 0;
}

/**
 * `GiftCardIsActiveDecisionRulePlugin`, `GiftCardCurrencyMatchDecisionRulePlugin`, the demo
 * shop's balance rule, and `GiftCardCalculator::hasGiftCardProducts()`.
 */
export function isGiftCardUsable(
  giftCard: GiftCard,
  context: CodesContext,
  lines: readonly LineToPrice[],
): boolean {
  return (
    giftCard.isActive &&
    giftCard.currency === context.currency &&
    giftCard.actualValue > 0 &&
    !lines.some(isGiftCardProduct)
  );
}

/** What the discount's calculator makes of the lines it collected (`Calculator`'s plugins). */
function calculatedAmount(
  voucher: Voucher,
  lines: readonly DiscountableLine[],
  context: CodesContext,
): number {
  const { discount } = voucher;
  return discount.calculator === 'PLUGIN_CALCULATOR_FIXED'
    ? fixedAmount(discount.moneyValues, context.currency, context.priceMode)
    : percentageAmount(lines, discount.amount);
}

/**
 * The lines priced with the codes that apply (spryker/discount 9.41.0 `Discount::calculate()`,
 * `Calculator::calculate()`): every voucher discount that is usable and whose rule holds (one
 * voucher per discount: the first added), in the order of their codes (the voucher query's
 * `orderByCode()`), each calculated on the undiscounted prices of the lines its collector
 * selects (never a gift card; a discount that selects none is left out), then put in order and
 * the exclusive ones applied (`orderDiscounts`), shared out in that order
 * (`distributeDiscounts`) and aggregated per line, each line's discounts capped at its price;
 * the ones that apply are those `applyingDiscounts` leaves, each with what the lines gave it
 * (`DiscountAmountAggregator`). Then the gift cards pay, in the order they were added, what is
 * left of the grand total. `expenseTotal` is what an order adds to the lines (its shipments),
 * which the gift cards pay too; a cart has none.
 */
export function priceLines<L extends LineToPrice>(
  lines: readonly L[],
  context: CodesContext,
  expenseTotal = 0,
): PricedCart<L> {
  const discountable: DiscountableLine[] = lines.map((line) => ({
    unitPrice: unitPriceOf(line.grossPrice, context.priceMode),
    quantity: line.quantity,
  }));
  const vouchers: Voucher[] = [];
  const seenDiscounts = new Set<number>();
  for (const code of context.codes) {
    if (code.kind !== 'voucher' || seenDiscounts.has(code.voucher.discount.idDiscount)) continue;
    if (!isVoucherUsable(code.voucher, context)) continue;
    if (!decisionRuleHolds(code.voucher.discount.decisionRule, lines)) continue;
    seenDiscounts.add(code.voucher.discount.idDiscount);
    vouchers.push(code.voucher);
  }
  vouchers.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const collected = vouchers.flatMap((voucher): (CollectedDiscount & { voucher: Voucher })[] => {
    const { discount } = voucher;
    const selected = lines.flatMap((line, index) =>
      discount.collectorSkus.includes(line.sku) && !isGiftCardProduct(line) ? [index] : [],
    );
    if (selected.length === 0) return [];
    const own = selected.map((index) => discountable[index] ?? { unitPrice: 0, quantity: 0 });
    return [
      {
        voucher,
        idDiscount: discount.idDiscount,
        calculator: discount.calculator,
        priority: discount.priority,
        isExclusive: discount.isExclusive,
        amount: calculatedAmount(voucher, own, context),
        lines: selected,
      },
    ];
  });
  const ordered = orderDiscounts(collected);
  const shares = distributeDiscounts(discountable, ordered);
  const applying = applyingDiscounts(
    discountable,
    lines.map((line) => line.sku),
    ordered,
    shares,
  );
  const amounts = new Map<number, number>();
  const priced = lines.map((line, index) => {
    const unitPrice = discountable[index]?.unitPrice ?? 0;
    const own = shares[index] ?? [];
    const aggregated =
      own.length === 0
        ? { discount: NO_DISCOUNT, taken: new Map<number, LineDiscount>() }
        : aggregateLine(unitPrice, unitPrice * line.quantity, own);
    for (const [idDiscount, taken] of aggregated.taken) {
      amounts.set(idDiscount, (amounts.get(idDiscount) ?? 0) + taken.sum);
    }
    return {
      line,
      priced: priceLine(line.grossPrice, line.quantity, context.priceMode, aggregated.discount),
      taken: aggregated.taken,
    };
  });
  const giftCards = context.codes.flatMap((code) =>
    code.kind === 'gift-card' && isGiftCardUsable(code.giftCard, context, lines)
      ? [code.giftCard]
      : [],
  );
  const pricedLines = priced.map((line) => line.priced);
  const payments = giftCardPayments(
    cartTotals(pricedLines, context.priceMode).grandTotal + expenseTotal,
    giftCards.map((giftCard) => giftCard.actualValue),
  );
  const paid = payments.amounts.reduce((sum, amount) => sum + amount, 0);
  return {
    lines: priced,
    totals: cartTotals(pricedLines, context.priceMode, paid),
    vouchers: ordered.flatMap(({ voucher, idDiscount }) =>
      applying.has(idDiscount) ? [{ voucher, amount: amounts.get(idDiscount) ?? 0 }] : [],
    ),
    shared: ordered.map(({ voucher }) => voucher),
    giftCards: giftCards.map((giftCard, index) => ({
      giftCard,
      amount: payments.amounts[index] ?? 0,
    })),
  };
}

/** The cart priced as it was read: its items with the codes it holds, at the time it was read. */
export function priceCart(cart: Cart): PricedCart<CartItem> {
  return priceLines(cart.items, {
    store: cart.store,
    currency: cart.currency,
    priceMode: cart.priceMode,
    codes: cart.codes,
    at: cart.readAt,
  });
}
