/**
 * What the cart-code tests insert into a database: a fixed-amount voucher discount, as Spryker's
 * own API tests insert vouchers into its database (the B2C demo data has fixed amounts only for
 * cart rules, §10a). Its collector is `sku = "*"`: every product of the catalog.
 */
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { document } from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';
import { consoleRequest, submit } from '../checkout/checkout-fixtures';

export interface FixedVoucher {
  code: string;
  idDiscount: number;
  displayName: string;
  description: string;
  /** Cents of EUR for a GROSS_MODE cart; null: unset. */
  grossAmount: number | null;
  /** Cents of EUR for a NET_MODE cart; null: unset. */
  netAmount: number | null;
  priority: number;
  isExclusive: boolean;
}

/** "5 EUR off", calculated before the seed's "5% off white" (priority 9999). */
export const FIVE_EUR_OFF: FixedVoucher = {
  code: 'eur5off',
  idDiscount: 90,
  displayName: '5 EUR off',
  description: 'Get €5 off your order with voucher code',
  grossAmount: 500,
  netAmount: 420,
  priority: 100,
  isExclusive: false,
};

/**
 * The discount with its pool's one code, valid now and until 2037, unlimited uses, for store DE;
 * its amount for EUR as given and none for CHF (as the demo's discount_amount.csv leaves CHF).
 */
export function insertFixedVoucher(
  db: Database.Database,
  overrides: Partial<FixedVoucher> = {},
): FixedVoucher {
  const voucher = { ...FIVE_EUR_OFF, ...overrides };
  db.transaction(() => {
    db.prepare(
      `INSERT INTO discounts (id, discount_key, display_name, description, discount_type,
         calculator, amount, store, decision_rule, collector, valid_from, valid_to, is_active,
         is_exclusive, priority)
       VALUES (@idDiscount, @key, @displayName, @description, 'voucher', 'PLUGIN_CALCULATOR_FIXED',
         0, 'DE', 'sku = "*"', 'sku = "*"', '2016-01-01 00:00:00', '2037-12-31 00:00:00', 1,
         @isExclusive, @priority)`,
    ).run({
      idDiscount: voucher.idDiscount,
      key: `discount_test_${voucher.idDiscount}`,
      displayName: voucher.displayName,
      description: voucher.description,
      isExclusive: voucher.isExclusive ? 1 : 0,
      priority: voucher.priority,
    });
    const amount = db.prepare(
      `INSERT INTO discount_amounts (discount_id, currency, gross_amount, net_amount)
       VALUES (?, ?, ?, ?)`,
    );
    amount.run(voucher.idDiscount, 'EUR', voucher.grossAmount, voucher.netAmount);
    amount.run(voucher.idDiscount, 'CHF', null, null);
    db.prepare(
      'INSERT INTO discount_collector_skus (discount_id, sku) SELECT ?, sku FROM product_concretes',
    ).run(voucher.idDiscount);
    db.prepare(
      `INSERT INTO discount_vouchers (code, discount_id, voucher_batch, max_number_of_uses,
         number_of_uses, is_active)
       VALUES (?, ?, 1, 0, 0, 1)`,
    ).run(voucher.code, voucher.idDiscount);
  })();
  return voucher;
}

/** An order as GET /orders/{ref} answers it: what the cart-code tests read of it. */
export interface OrderAttributes {
  totals: Record<string, number>;
  items: {
    sku: string;
    quantity: number;
    unitDiscountAmountAggregation: number;
    sumDiscountAmountAggregation: number;
    unitPriceToPayAggregation: number;
    sumPriceToPayAggregation: number;
    unitTaxAmountFullAggregation: number;
    sumTaxAmountFullAggregation: number;
    refundableAmount: number;
    calculatedDiscounts: unknown[];
  }[];
  payments: unknown[];
  calculatedDiscounts: unknown;
}

/** POST /carts/{id}/cart-codes with the code, as the customer `headers` name. */
export function applyCode(
  t: TestGlue,
  headers: Record<string, string>,
  cartId: string,
  code: string,
): Promise<Response> {
  return t.post(`/carts/${cartId}/cart-codes`, document('cart-codes', { code }), { headers });
}

/** Places the console's order from the cart; the order as GET /orders/{ref} answers it. */
export async function placeOrder(
  t: TestGlue,
  headers: Record<string, string>,
  cartId: string,
): Promise<OrderAttributes> {
  const response = await submit(t, 'checkout', consoleRequest(cartId), headers);
  const text = await response.text();
  expect({ status: response.status, text }).toMatchObject({ status: 201 });
  const { orderReference } = (
    JSON.parse(text) as { data: { attributes: { orderReference: string } } }
  ).data.attributes;
  const order = await t.send('GET', `/orders/${orderReference}`, { headers });
  expect(order.status).toBe(200);
  return ((await order.json()) as { data: { attributes: OrderAttributes } }).data.attributes;
}
