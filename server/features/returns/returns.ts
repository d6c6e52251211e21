import type Database from 'better-sqlite3';
import type { Actor, AuditEntry, ImpersonationAudit } from '../agents/audit';
import { salesTimestamp } from '../orders/orders';
import type { OrderItemAttributes, Orders } from '../orders/orders';
import { propelUuid } from '../../platform/uuid';

/** spryker/sales-return 1.6.0 `SalesReturnConfig`: what a returned item's state becomes. */
export const WAITING_FOR_RETURN = 'waiting for return';

export interface ReturnItemRequest {
  salesOrderItemUuid: string;
  reason: string | null;
}

export interface ReturnItem {
  uuid: string;
  reason: string | null;
  orderItemUuid: string;
  orderReference: string;
}

export interface CustomerReturn {
  returnReference: string;
  store: string;
  customerReference: string;
  returnTotals: { refundTotal: number; remunerationTotal: number };
  items: ReturnItem[];
}

interface ReturnRow {
  id: number;
  return_reference: string;
  store: string;
  customer_reference: string;
}

interface ReturnItemRow {
  uuid: string;
  reason: string | null;
  order_item_uuid: string;
  order_reference: string;
  remuneration_amount: number;
  canceled_amount: number;
}

interface CandidateRow {
  id: number;
  order_reference: string;
  sku: string;
  store: string;
  currency: string;
}

/**
 * The customer's returns (§12). `create` checks and writes under one write lock: every item the
 * customer's, returnable (shipped or delivered, ordered at most 30 days ago, in no return yet),
 * of one currency and of the store named; any failure creates nothing (3601). A return made through
 * an impersonation token is recorded in the audit trail inside its transaction.
 */
export class Returns {
  readonly #db: Database.Database;
  readonly #orders: Orders;
  readonly #audit: ImpersonationAudit;
  readonly #clock: () => number;
  readonly #candidate: Database.Statement<[string, number], CandidateRow>;
  readonly #count: Database.Statement<[number], number>;
  readonly #insertReturn: Database.Statement;
  readonly #insertItem: Database.Statement;
  readonly #setItemUuid: Database.Statement;
  readonly #setState: Database.Statement;
  readonly #byReference: Database.Statement<[string, number], ReturnRow>;
  readonly #ofCustomer: Database.Statement<[number], ReturnRow>;
  readonly #items: Database.Statement<[number], ReturnItemRow>;

  constructor(
    db: Database.Database,
    orders: Orders,
    audit: ImpersonationAudit,
    clock: () => number,
  ) {
    this.#db = db;
    this.#orders = orders;
    this.#audit = audit;
    this.#clock = clock;
    this.#candidate = db.prepare(`SELECT i.id, o.order_reference, i.sku, o.store, o.currency
      FROM order_items AS i JOIN orders AS o ON o.id = i.order_id
      WHERE i.uuid = ? AND o.id_customer = ?`);
    this.#count = db
      .prepare<[number], number>('SELECT count(*) FROM returns WHERE id_customer = ?')
      .pluck();
    this.#insertReturn = db.prepare(`INSERT INTO returns (return_reference, id_customer, store,
      created_at) VALUES (?, ?, ?, ?)`);
    this.#insertItem = db.prepare(`INSERT INTO return_items (return_id, order_item_id, uuid,
      reason, remuneration_amount, canceled_amount) VALUES (?, ?, ?, ?, ?, ?)`);
    this.#setItemUuid = db.prepare('UPDATE return_items SET uuid = ? WHERE id = ?');
    this.#setState = db.prepare('UPDATE order_items SET state = ? WHERE id = ?');
    const columns = `r.id, r.return_reference, r.store, c.customer_reference
      FROM returns AS r JOIN customers AS c ON c.id = r.id_customer`;
    this.#byReference = db.prepare(
      `SELECT ${columns} WHERE r.return_reference = ? AND r.id_customer = ?`,
    );
    this.#ofCustomer = db.prepare(`SELECT ${columns} WHERE r.id_customer = ? ORDER BY r.id`);
    this.#items = db.prepare(`SELECT ri.uuid, ri.reason, i.uuid AS order_item_uuid,
        o.order_reference, ri.remuneration_amount, ri.canceled_amount
      FROM return_items AS ri JOIN order_items AS i ON i.id = ri.order_item_id
        JOIN orders AS o ON o.id = i.order_id
      WHERE ri.return_id = ? ORDER BY ri.id`);
  }

  /**
   * What the audit trail says of a return asked for: the orders its items are from (distinct,
   * comma-separated, in the request's order), and the SKU when it names exactly one item. Only
   * the customer's own items are looked at; none known → both null.
   */
  describe(idCustomer: number, requested: readonly ReturnItemRequest[]): Partial<AuditEntry> {
    const rows = requested.flatMap((request) => {
      const row = this.#candidate.get(request.salesOrderItemUuid, idCustomer);
      return row === undefined ? [] : [row];
    });
    const orders = [...new Set(rows.map((row) => row.order_reference))];
    return {
      orderReference: orders.length === 0 ? null : orders.join(','),
      sku: requested.length === 1 ? (rows[0]?.sku ?? null) : null,
    };
  }

  /**
   * The new return's reference; null when it cannot be created (3601, nothing written). `entry`,
   * with the reference filled in, is what the audit trail records when it worked.
   */
  create(
    actor: Actor & { customerReference: string },
    store: string,
    requested: readonly ReturnItemRequest[],
    entry: AuditEntry,
  ): string | null {
    const { idCustomer, customerReference } = actor;
    return this.#db
      .transaction((): string | null => {
        const chosen: { row: CandidateRow; item: OrderItemAttributes; reason: string | null }[] =
          [];
        const seen = new Set<string>();
        for (const request of requested) {
          if (request.salesOrderItemUuid === '' || seen.has(request.salesOrderItemUuid))
            return null;
          seen.add(request.salesOrderItemUuid);
          const row = this.#candidate.get(request.salesOrderItemUuid, idCustomer);
          if (row === undefined) return null;
          const item = this.#orders
            .find(idCustomer, row.order_reference)
            ?.items.find((candidate) => candidate.uuid === request.salesOrderItemUuid);
          if (item === undefined || !item.isReturnable) return null;
          chosen.push({ row, item, reason: request.reason });
        }
        const first = chosen[0];
        if (first === undefined) return null;
        if (chosen.some(({ row }) => row.store !== store || row.currency !== first.row.currency)) {
          return null;
        }
        const reference = `${customerReference}-R${(this.#count.get(idCustomer) ?? 0) + 1}`;
        const { lastInsertRowid } = this.#insertReturn.run(
          reference,
          idCustomer,
          store,
          salesTimestamp(this.#clock()),
        );
        for (const { row, item, reason } of chosen) {
          const { lastInsertRowid: itemId } = this.#insertItem.run(
            lastInsertRowid,
            row.id,
            // Replaced by the Propel UUID of the row's id just below.
            `pending-${row.id}`,
            reason,
            item.refundableAmount,
            item.canceledAmount,
          );
          this.#setItemUuid.run(propelUuid(`sales_return_item.${Number(itemId)}`), itemId);
          this.#setState.run(WAITING_FOR_RETURN, row.id);
        }
        entry.returnReference = reference;
        this.#audit.recordSuccess(actor, entry, 201);
        return reference;
      })
      .immediate();
  }

  find(idCustomer: number, reference: string): CustomerReturn | null {
    const row = this.#byReference.get(reference, idCustomer);
    return row === undefined ? null : this.#toReturn(row);
  }

  list(idCustomer: number): CustomerReturn[] {
    return this.#ofCustomer.all(idCustomer).map((row) => this.#toReturn(row));
  }

  #toReturn(row: ReturnRow): CustomerReturn {
    const items = this.#items.all(row.id);
    return {
      returnReference: row.return_reference,
      store: row.store,
      customerReference: row.customer_reference,
      returnTotals: {
        refundTotal: items.reduce((sum, item) => sum + item.canceled_amount, 0),
        remunerationTotal: items.reduce((sum, item) => sum + item.remuneration_amount, 0),
      },
      items: items.map((item) => ({
        uuid: item.uuid,
        reason: item.reason,
        orderItemUuid: item.order_item_uuid,
        orderReference: item.order_reference,
      })),
    };
  }
}
