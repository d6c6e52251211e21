import type Database from 'better-sqlite3';
import type { AuditEntry } from './audit';
import type { Page } from '../../platform/jsonapi';

/** One change an agent made, or tried, in a session: a row of impersonation_audit. */
export interface SessionChange {
  at: string;
  method: AuditEntry['method'];
  resource: AuditEntry['resource'];
  cartId: string | null;
  cartName: string | null;
  sku: string | null;
  quantityBefore: number | null;
  quantityAfter: number | null;
  success: boolean;
  status: number;
  errorCode: string | null;
  /** The order a checkout placed (§9.4); null for any other change. */
  orderReference: string | null;
  /** The code a cart-code change named (§10); null for any other change. */
  code: string | null;
  /**
   * A wishlist change's wishlist (§11), by UUID and name; only on rows of `wishlists` and
   * `wishlist-items`, so the other rows keep the keys they always had.
   */
  wishlistId?: string | null;
  wishlistName?: string | null;
}

/** A session as GET /agent-impersonation-sessions answers it, keys in the answer's order. */
export interface SessionAttributes {
  agentUsername: string;
  customerReference: string;
  customerName: string;
  reason: string | null;
  startedAt: string;
  endedAt: string | null;
  /** When the session can no longer be kept alive: its live refresh token's expiry. */
  expiresAt: string | null;
  changes: SessionChange[];
}

export interface ImpersonationSession {
  id: number;
  attributes: SessionAttributes;
}

export interface SessionFilter {
  /** A whole customer reference, in any letter case; null for every customer. */
  customerReference: string | null;
  /** Inclusive bounds on the start, in seconds since the epoch; null for none. */
  startedFrom: number | null;
  startedTo: number | null;
}

interface SessionRow {
  id: number;
  agent_username: string;
  customer_reference: string;
  first_name: string;
  last_name: string;
  reason: string | null;
  started_at: number;
  ended_at: number | null;
  expires_at: number | null;
}

interface ChangeRow {
  session_id: number;
  method: AuditEntry['method'];
  resource: AuditEntry['resource'];
  cart_uuid: string | null;
  cart_name: string | null;
  sku: string | null;
  quantity_before: number | null;
  quantity_after: number | null;
  order_reference: string | null;
  code: string | null;
  wishlist_uuid: string | null;
  wishlist_name: string | null;
  success: number;
  status: number;
  error_code: string | null;
  created_at: number;
}

interface Bounds {
  reference: string;
  from: number;
  to: number;
}

interface PageBounds extends Bounds {
  limit: number;
  offset: number;
}

// A rotation revokes the old refresh token as it stores the new one, so a live session has
// exactly one unrevoked token; an ended one has none.
const COLUMNS = `s.id AS id, u.username AS agent_username, s.customer_reference AS customer_reference,
  c.first_name AS first_name, c.last_name AS last_name, s.reason AS reason,
  s.started_at AS started_at, s.ended_at AS ended_at,
  (SELECT max(r.expires_at) FROM refresh_tokens AS r
    WHERE r.impersonation_session_id = s.id AND r.revoked_at IS NULL) AS expires_at`;
const FROM = `FROM impersonation_sessions AS s
  JOIN users AS u ON u.id = s.id_agent
  JOIN customers AS c ON c.id = s.id_customer`;
// One customer's sessions come from impersonation_sessions_customer, everyone's from
// impersonation_sessions_started: both in started_at order, the rowid breaking ties.
const EVERY_CUSTOMER = 's.started_at BETWEEN @from AND @to';
const ONE_CUSTOMER = `s.id_customer = (SELECT id FROM customers
    WHERE customer_reference = @reference COLLATE NOCASE)
  AND s.started_at BETWEEN @from AND @to`;
const NEWEST_FIRST = 'ORDER BY s.started_at DESC, s.id DESC LIMIT @limit OFFSET @offset';

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

function change(row: ChangeRow): SessionChange {
  const entry = cartChange(row);
  return row.resource === 'wishlists' || row.resource === 'wishlist-items'
    ? { ...entry, wishlistId: row.wishlist_uuid, wishlistName: row.wishlist_name }
    : entry;
}

function cartChange(row: ChangeRow): SessionChange {
  return {
    at: iso(row.created_at),
    method: row.method,
    resource: row.resource,
    cartId: row.cart_uuid,
    cartName: row.cart_name,
    sku: row.sku,
    quantityBefore: row.quantity_before,
    quantityAfter: row.quantity_after,
    success: row.success === 1,
    status: row.status,
    errorCode: row.error_code,
    orderReference: row.order_reference,
    code: row.code,
  };
}

/** The impersonation sessions and what was done in them, read for the audit trail. */
export class ImpersonationSessions {
  readonly #db: Database.Database;
  readonly #countAll: Database.Statement<Bounds, number>;
  readonly #countOfCustomer: Database.Statement<Bounds, number>;
  readonly #pageAll: Database.Statement<PageBounds, SessionRow>;
  readonly #pageOfCustomer: Database.Statement<PageBounds, SessionRow>;
  readonly #byId: Database.Statement<[number], SessionRow>;
  readonly #changes: Database.Statement<[string], ChangeRow>;
  readonly #readPage: (
    filter: SessionFilter,
    page: Page,
  ) => { total: number; sessions: ImpersonationSession[] };
  readonly #find: (id: number) => ImpersonationSession | null;

  constructor(db: Database.Database) {
    this.#db = db;
    const count = (where: string): Database.Statement<Bounds, number> =>
      db
        .prepare<Bounds, number>(`SELECT count(*) FROM impersonation_sessions AS s WHERE ${where}`)
        .pluck();
    this.#countAll = count(EVERY_CUSTOMER);
    this.#countOfCustomer = count(ONE_CUSTOMER);
    this.#pageAll = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE ${EVERY_CUSTOMER} ${NEWEST_FIRST}`);
    this.#pageOfCustomer = db.prepare(
      `SELECT ${COLUMNS} ${FROM} WHERE ${ONE_CUSTOMER} ${NEWEST_FIRST}`,
    );
    this.#byId = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE s.id = ?`);
    // Every session of a page in one statement: the ids go in as one JSON array.
    this.#changes = db.prepare(`SELECT session_id, method, resource, cart_uuid, cart_name, sku,
        quantity_before, quantity_after, order_reference, code, wishlist_uuid, wishlist_name, success, status, error_code,
        created_at
      FROM impersonation_audit WHERE session_id IN (SELECT value FROM json_each(?))
      ORDER BY session_id, id`);
    // One read transaction: the count, the page and its changes agree with each other.
    this.#readPage = db.transaction((filter: SessionFilter, page: Page) => {
      const bounds: Bounds = {
        reference: filter.customerReference ?? '',
        from: filter.startedFrom ?? Number.MIN_SAFE_INTEGER,
        to: filter.startedTo ?? Number.MAX_SAFE_INTEGER,
      };
      const oneCustomer = filter.customerReference !== null;
      const total = (oneCustomer ? this.#countOfCustomer : this.#countAll).get(bounds) ?? 0;
      const rows = (oneCustomer ? this.#pageOfCustomer : this.#pageAll).all({
        ...bounds,
        limit: page.limit,
        offset: page.offset,
      });
      return { total, sessions: this.#withChanges(rows) };
    });
    this.#find = db.transaction((id: number) => {
      const row = this.#byId.get(id);
      return row === undefined ? null : (this.#withChanges([row])[0] ?? null);
    });
  }

  #withChanges(rows: readonly SessionRow[]): ImpersonationSession[] {
    const changes = new Map<number, SessionChange[]>(rows.map((row) => [row.id, []]));
    if (rows.length > 0) {
      for (const row of this.#changes.all(JSON.stringify(rows.map(({ id }) => id)))) {
        changes.get(row.session_id)?.push(change(row));
      }
    }
    return rows.map((row) => ({
      id: row.id,
      attributes: {
        agentUsername: row.agent_username,
        customerReference: row.customer_reference,
        customerName: `${row.first_name} ${row.last_name}`,
        reason: row.reason,
        startedAt: iso(row.started_at),
        endedAt: row.ended_at === null ? null : iso(row.ended_at),
        expiresAt: row.ended_at !== null || row.expires_at === null ? null : iso(row.expires_at),
        changes: changes.get(row.id) ?? [],
      },
    }));
  }

  /** One page of the sessions that pass the filter, newest first, and how many pass in all. */
  page(filter: SessionFilter, page: Page): { total: number; sessions: ImpersonationSession[] } {
    return this.#readPage(filter, page);
  }

  /** The session with that id, or null. */
  find(id: number): ImpersonationSession | null {
    return this.#find(id);
  }

  /** EXPLAIN QUERY PLAN of every statement page() and find() run, for tests. */
  explain(): Record<string, string[]> {
    const plan = (statement: Database.Statement, parameters: unknown): string[] =>
      this.#db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${statement.source}`)
        .all(parameters)
        .map((row) => row.detail);
    const bounds = { reference: 'DE--21', from: 0, to: 1 };
    const page = { ...bounds, limit: 10, offset: 0 };
    return {
      countAll: plan(this.#countAll, bounds),
      countOfCustomer: plan(this.#countOfCustomer, bounds),
      pageAll: plan(this.#pageAll, page),
      pageOfCustomer: plan(this.#pageOfCustomer, page),
      byId: plan(this.#byId, [1]),
      changes: plan(this.#changes, ['[1,2]']),
    };
  }
}
