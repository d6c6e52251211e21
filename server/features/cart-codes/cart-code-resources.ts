/**
 * The resources a cart includes for its codes (§10): `vouchers` (cart-codes-rest-api 1.4.1
 * `VoucherRestResponseBuilder`, `DiscountMapper`), `cart-rules` (none: the stand-in seeds no cart
 * rule, §5) and `gift-cards` (gift-cards-rest-api 1.0.0 `GiftCardRestResponseBuilder`). Both kinds
 * of code link to the route that removes them, `<base>/carts/{cartId}/cart-codes/{code}`.
 */
import { resourceObject } from '../../platform/jsonapi';
import type { ResourceObject } from '../../platform/jsonapi';
import type { AppliedGiftCard, AppliedVoucher } from './cart-pricing';

export const CART_CODES_TYPE = 'cart-codes';
export const VOUCHERS_TYPE = 'vouchers';
export const CART_RULES_TYPE = 'cart-rules';
export const GIFT_CARDS_TYPE = 'gift-cards';

/** `RestDiscountsAttributes`, key order as Spryker's schema. */
// A type, not an interface: a resource's attributes are a plain record (jsonapi.ts).
export type DiscountAttributes = {
  amount: number;
  code: string | null;
  discountType: 'voucher' | 'cart_rule';
  displayName: string;
  isExclusive: boolean;
  expirationDateTime: string;
  discountPromotionAbstractSku: null;
  discountPromotionQuantity: null;
};

/** A discount's `valid_to` as Glue shows it: `2037-12-31 11:59:00.000000` (§10). */
export function expirationDateTime(validTo: string): string {
  return `${validTo}.000000`;
}

function codeLink(base: string, cartUuid: string, code: string): string {
  return `${base}/carts/${encodeURIComponent(cartUuid)}/${CART_CODES_TYPE}/${encodeURIComponent(code)}`;
}

/** A cart's applied voucher as `include=vouchers` shows it. */
export function voucherResource(
  base: string,
  cartUuid: string,
  { voucher, amount }: AppliedVoucher,
): ResourceObject<DiscountAttributes> {
  const resource = resourceObject<DiscountAttributes>(base, VOUCHERS_TYPE, voucher.code, {
    amount,
    code: voucher.code,
    discountType: 'voucher',
    displayName: voucher.discount.displayName,
    isExclusive: voucher.discount.isExclusive,
    expirationDateTime: expirationDateTime(voucher.discount.validTo),
    // The demo's vouchers give no promotional product.
    discountPromotionAbstractSku: null,
    discountPromotionQuantity: null,
  });
  return { ...resource, links: { self: codeLink(base, cartUuid, voucher.code) } };
}

/** `RestGiftCardsAttributes`, key order as Spryker's schema. */
export type GiftCardAttributes = {
  code: string;
  name: string;
  value: number;
  currencyIsoCode: string;
  actualValue: number;
  isActive: boolean;
};

/** A cart's applied gift card as `include=gift-cards` shows it: what it holds, not what it pays. */
export function giftCardResource(
  base: string,
  cartUuid: string,
  { giftCard }: AppliedGiftCard,
): ResourceObject<GiftCardAttributes> {
  const resource = resourceObject<GiftCardAttributes>(base, GIFT_CARDS_TYPE, giftCard.code, {
    code: giftCard.code,
    name: giftCard.name,
    value: giftCard.value,
    currencyIsoCode: giftCard.currency,
    actualValue: giftCard.actualValue,
    isActive: giftCard.isActive,
  });
  return { ...resource, links: { self: codeLink(base, cartUuid, giftCard.code) } };
}
