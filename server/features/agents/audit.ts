import type Database from 'better-sqlite3';
import { GlueError } from '../../platform/errors';
import type { Impersonation } from '../../platform/tokens';

/** What an agent did, or tried, through an impersonation token. */
export interface AuditEntry {
  method: 'POST' | 'PATCH' | 'DELETE';
  /**
   * The resource changed: `carts`, `items`, `checkout` (an order placed from the cart), or a code
   * applied or removed through `cart-codes` or `vouchers` (§10), a wishlist made, renamed or
   * deleted (`wishlists`) or a product added to or removed from one (`wishlist-items`, §11), a
   * return made (`returns`, §12) or a restore-password mail asked for
   * (`customer-forgotten-password`, §13).
   */
  resource:
    | 'carts'
    | 'items'
    | 'checkout'
    | 'cart-codes'
    | 'vouchers'
    | 'wishlists'
    | 'wishlist-items'
    | 'returns'
    | 'customer-forgotten-password';
  cartUuid: string | null;
  cartName?: string | null;
  sku?: string | null;
  quantityBefore?: number | null;
  quantityAfter?: number | null;
  /** The order a checkout placed, or the order(s) a return's items came from. */
  orderReference?: string | null;
  /** The voucher or gift-card code a cart-code change named. */
  code?: string | null;
  /** The wishlist a wishlist change named (§11), by UUID; `cartUuid` is null then. */
  wishlistUuid?: string | null;
  /** Its name: the new one for a POST or PATCH that worked, else the one it had. */
  wishlistName?: string | null;
  /** The return a POST /returns made (§12); null when it failed. */
  returnReference?: string | null;
}

/** Who acted: the customer, and the impersonation session when an agent acted as them. */
export interface Actor {
  idCustomer: number;
  impersonation: Impersonation | null;
}

/**
 * The impersonation audit trail (table impersonation_audit). A change that worked is recorded by
 * the code that makes it, inside the change's own transaction; a request that failed is recorded
 * afterwards, on its own, with the status and code it was answered with. Changes a customer makes
 * with their own token are not recorded.
 */
export class ImpersonationAudit {
  readonly #insert: Database.Statement;
  readonly #clock: () => number;

  constructor(db: Database.Database, clock: () => number) {
    this.#clock = clock;
    this.#insert = db.prepare(
      `INSERT INTO impersonation_audit (session_id, id_agent, id_customer, method, resource,
         cart_uuid, cart_name, sku, quantity_before, quantity_after, order_reference, code,
         wishlist_uuid, wishlist_name, return_reference, success, status, error_code, created_at)
       VALUES (@sessionId, @idAgent, @idCustomer, @method, @resource, @cartUuid, @cartName, @sku,
         @quantityBefore, @quantityAfter, @orderReference, @code, @wishlistUuid, @wishlistName,
         @returnReference, @success, @status, @errorCode, @createdAt)`,
    );
  }

  #record(actor: Actor, entry: AuditEntry, status: number, errorCode: string | null): void {
    if (actor.impersonation === null) return;
    this.#insert.run({
      sessionId: actor.impersonation.sessionId,
      idAgent: actor.impersonation.idAgent,
      idCustomer: actor.idCustomer,
      method: entry.method,
      resource: entry.resource,
      cartUuid: entry.cartUuid,
      cartName: entry.cartName ?? null,
      sku: entry.sku ?? null,
      quantityBefore: entry.quantityBefore ?? null,
      quantityAfter: entry.quantityAfter ?? null,
      orderReference: entry.orderReference ?? null,
      code: entry.code ?? null,
      wishlistUuid: entry.wishlistUuid ?? null,
      wishlistName: entry.wishlistName ?? null,
      returnReference: entry.returnReference ?? null,
      success: errorCode === null && status < 400 ? 1 : 0,
      status,
      errorCode,
      createdAt: Math.floor(this.#clock() / 1000),
    });
  }

  /** Call inside the transaction that made the change. */
  recordSuccess(actor: Actor, entry: AuditEntry, status: number): void {
    this.#record(actor, entry, status, null);
  }

  /**
   * Runs a request's work and, when it fails, records the failure (with what `entry` knows by
   * then: the work may fill in the SKU it read) before passing the error on.
   */
  async guard<T>(actor: Actor, entry: AuditEntry, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      try {
        this.recordFailure(actor, entry, error);
      } catch {
        // Nothing was changed; the request's own error is the one to answer and to log.
      }
      throw error;
    }
  }

  /** Call after the failed request's transaction (if any) rolled back. */
  recordFailure(actor: Actor, entry: AuditEntry, error: unknown): void {
    if (!(error instanceof GlueError)) {
      this.#record(actor, entry, 500, null);
      return;
    }
    // Every error's code, comma-separated (a 422 may have several); none for Glue's generic ones.
    const codes = error.errors.flatMap((spec) => (spec.code === undefined ? [] : [spec.code]));
    this.#record(actor, entry, error.status, codes.length === 0 ? null : codes.join(','));
  }
}
