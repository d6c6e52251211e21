/**
 * What the returns tests need beyond the demo's few returnable items (§12): orders of Sonia's that
 * were delivered, to return as often as a test likes.
 */
import type Database from 'better-sqlite3';
import { document } from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';
import { CAMERA, CANON, cartWith, consoleRequest, submit } from '../checkout/checkout-fixtures';

/** An order item as GET /orders/{ref} answers it: what the returns tests read of it. */
export interface OrderItem {
  uuid: string;
  sku: string;
  state: string;
  isReturnable: boolean;
  refundableAmount: number;
}

/**
 * The order's items move on to `delivered`, as the shop's OMS would take them there in days: the
 * stand-in has no OMS, and a placed order stays `payment pending` (§9.3).
 */
export function deliver(db: Database.Database, orderReference: string): void {
  db.prepare(
    `UPDATE order_items SET state = 'delivered'
     WHERE order_id = (SELECT id FROM orders WHERE order_reference = ?)`,
  ).run(orderReference);
}

/**
 * Places §9.1's order of a cart holding these lines (a line below 10 units is one order item per
 * unit) for the customer `headers` name, and delivers it; its reference and returnable items.
 */
export async function deliveredOrder(
  t: TestGlue,
  headers: Record<string, string>,
  lines: readonly (readonly [sku: string, quantity: number])[] = [
    [CANON, 1],
    [CAMERA, 1],
  ],
): Promise<{ orderReference: string; items: OrderItem[] }> {
  const cartId = await cartWith(t, headers, lines);
  const placed = await submit(t, 'checkout', consoleRequest(cartId), headers);
  if (placed.status !== 201) throw new Error(`placing an order: ${await placed.text()}`);
  const { orderReference } = (
    (await placed.json()) as { data: { attributes: { orderReference: string } } }
  ).data.attributes;
  deliver(t.glue.db, orderReference);
  const order = await t.send('GET', `/orders/${orderReference}`, { headers });
  const { items } = ((await order.json()) as { data: { attributes: { items: OrderItem[] } } }).data
    .attributes;
  return { orderReference, items };
}

/** §12's request document: these items of the store. */
export function returnRequest(items: unknown, store: unknown = 'DE'): unknown {
  return document('returns', { store, returnItems: items });
}
