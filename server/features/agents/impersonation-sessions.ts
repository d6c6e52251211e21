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
  /** The return a POST /returns made (§12), null when it failed; only on rows of `returns`. */
  returnReference?: string | null;
}

/** Looking only, or changing on purpose: what the agent told the console to do. */
export type SessionMode = 'view' | 'change';

export const SESSION_MODES: readonly SessionMode[] = ['view', 'change'];

/**
 * Something that happened to a session besides a change: the agent switched mode, or another
 * session of the same customer started while this one was open (`sessionId` the new one's).
 */
export type SessionEvent =
  | { at: string; event: 'change-mode'; mode: SessionMode }
  | { at: string; event: 'joined-by'; sessionId: string; agentUsername: string };

/** A session that was open, for the same customer, when this one started. */
export interface AlongsideSession {
  sessionId: string;
  agentUsername: string;
  startedAt: string;
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
  /** Oldest first. */
  events: SessionEvent[];
  /** The sessions open at its start, oldest first; each has a `joined-by` event naming this one. */
  alongside: AlongsideSession[];
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
  /** true: only open sessions (not ended, not expired); false: only the others; null: all. */
  open: boolean | null;
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
  return_reference: string | null;
  success: number;
  status: number;
  error_code: string | null;
  created_at: number;
}

interface EventRow {
  session_id: number;
  event: 'change-mode' | 'joined-by';
  mode: SessionMode | null;
  other_session_id: number | null;
  other_agent_username: string | null;
  created_at: number;
}

interface AlongsideRow {
  session_id: number;
  older_session_id: number;
  agent_username: string;
  started_at: number;
}

interface Bounds {
  reference: string;
  from: number;
  to: number;
  /** 1, 0 or null: the open filter as SQLite compares it. */
  open: number | null;
  /** The stand-in's clock, in seconds: what "expired" is measured against. */
  now: number;
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
// Open: not ended, and its live refresh token (the one expiresAt is read from) not yet expired.
const IS_OPEN = `(s.ended_at IS NULL AND EXISTS (SELECT 1 FROM refresh_tokens AS r
    WHERE r.impersonation_session_id = s.id AND r.revoked_at IS NULL AND r.expires_at > @now))`;
const OPEN_FILTER = `(@open IS NULL OR ${IS_OPEN} = @open)`;
// One customer's sessions come from impersonation_sessions_customer, everyone's from
// impersonation_sessions_started: both in started_at order, the rowid breaking ties.
const EVERY_CUSTOMER = `s.started_at BETWEEN @from AND @to AND ${OPEN_FILTER}`;
const ONE_CUSTOMER = `s.id_customer = (SELECT id FROM customers
    WHERE customer_reference = @reference COLLATE NOCASE)
  AND s.started_at BETWEEN @from AND @to AND ${OPEN_FILTER}`;
const NEWEST_FIRST = 'ORDER BY s.started_at DESC, s.id DESC LIMIT @limit OFFSET @offset';

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

function change(row: ChangeRow): SessionChange {
  const entry = cartChange(row);
  if (row.resource === 'wishlists' || row.resource === 'wishlist-items') {
    return { ...entry, wishlistId: row.wishlist_uuid, wishlistName: row.wishlist_name };
  }
  return row.resource === 'returns' ? { ...entry, returnReference: row.return_reference } : entry;
}

function sessionEvent(row: EventRow): SessionEvent {
  const at = iso(row.created_at);
  if (row.event === 'change-mode' && row.mode !== null) {
    return { at, event: 'change-mode', mode: row.mode };
  }
  return {
    at,
    event: 'joined-by',
    sessionId: String(row.other_session_id),
    agentUsername: row.other_agent_username ?? '',
  };
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

/**
 * The impersonation sessions, what was done in them and what happened to them, for the audit
 * trail; and the two things written about a session besides its changes: the mode the agent
 * switched to, and the overlap with other open sessions of the customer when a session starts.
 */
export class ImpersonationSessions {
  readonly #db: Database.Database;
  readonly #clock: () => number;
  readonly #countAll: Database.Statement<Bounds, number>;
  readonly #countOfCustomer: Database.Statement<Bounds, number>;
  readonly #pageAll: Database.Statement<PageBounds, SessionRow>;
  readonly #pageOfCustomer: Database.Statement<PageBounds, SessionRow>;
  readonly #byId: Database.Statement<[number], SessionRow>;
  readonly #changes: Database.Statement<[string], ChangeRow>;
  readonly #events: Database.Statement<[string], EventRow>;
  readonly #alongside: Database.Statement<[string], AlongsideRow>;
  readonly #recordJoined: Database.Statement<{ sessionId: number; now: number }>;
  readonly #insertModeChange: Database.Statement;
  readonly #readPage: (
    filter: SessionFilter,
    page: Page,
  ) => { total: number; sessions: ImpersonationSession[] };
  readonly #find: (id: number) => ImpersonationSession | null;

  constructor(db: Database.Database, clock: () => number) {
    this.#db = db;
    this.#clock = clock;
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
        quantity_before, quantity_after, order_reference, code, wishlist_uuid, wishlist_name,
        return_reference, success, status, error_code, created_at
      FROM impersonation_audit WHERE session_id IN (SELECT value FROM json_each(?))
      ORDER BY session_id, id`);
    this.#events = db.prepare(`SELECT e.session_id, e.event, e.mode, e.other_session_id,
        u.username AS other_agent_username, e.created_at
      FROM impersonation_session_events AS e
        LEFT JOIN impersonation_sessions AS o ON o.id = e.other_session_id
        LEFT JOIN users AS u ON u.id = o.id_agent
      WHERE e.session_id IN (SELECT value FROM json_each(?))
      ORDER BY e.session_id, e.id`);
    // The same joined-by rows, read from the newer session's side.
    this.#alongside = db.prepare(`SELECT e.other_session_id AS session_id,
        e.session_id AS older_session_id, u.username AS agent_username, o.started_at
      FROM impersonation_session_events AS e
        JOIN impersonation_sessions AS o ON o.id = e.session_id
        JOIN users AS u ON u.id = o.id_agent
      WHERE e.other_session_id IN (SELECT value FROM json_each(?))
      ORDER BY e.other_session_id, e.id`);
    // One statement: every other open session of the new one's customer, oldest first.
    this.#recordJoined = db.prepare(`INSERT INTO impersonation_session_events
        (session_id, event, mode, other_session_id, created_at)
      SELECT s.id, 'joined-by', NULL, @sessionId, @now FROM impersonation_sessions AS s
      WHERE s.id_customer = (SELECT id_customer FROM impersonation_sessions WHERE id = @sessionId)
        AND s.id <> @sessionId AND ${IS_OPEN}
      ORDER BY s.started_at, s.id`);
    this.#insertModeChange = db.prepare(`INSERT INTO impersonation_session_events
        (session_id, event, mode, other_session_id, created_at)
      VALUES (?, 'change-mode', ?, NULL, ?)`);
    // One read transaction: the count, the page and its changes agree with each other.
    this.#readPage = db.transaction((filter: SessionFilter, page: Page) => {
      const bounds: Bounds = {
        reference: filter.customerReference ?? '',
        from: filter.startedFrom ?? Number.MIN_SAFE_INTEGER,
        to: filter.startedTo ?? Number.MAX_SAFE_INTEGER,
        open: filter.open === null ? null : Number(filter.open),
        now: this.#now(),
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

  #now(): number {
    return Math.floor(this.#clock() / 1000);
  }

  #withChanges(rows: readonly SessionRow[]): ImpersonationSession[] {
    const ids = JSON.stringify(rows.map(({ id }) => id));
    const grouped = <T>(all: () => T[], sessionOf: (row: T) => number): Map<number, T[]> => {
      const bySession = new Map<number, T[]>(rows.map((row) => [row.id, []]));
      if (rows.length > 0) for (const row of all()) bySession.get(sessionOf(row))?.push(row);
      return bySession;
    };
    const changes = grouped(
      () => this.#changes.all(ids),
      (row) => row.session_id,
    );
    const events = grouped(
      () => this.#events.all(ids),
      (row) => row.session_id,
    );
    const alongside = grouped(
      () => this.#alongside.all(ids),
      (row) => row.session_id,
    );
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
        changes: (changes.get(row.id) ?? []).map(change),
        events: (events.get(row.id) ?? []).map(sessionEvent),
        alongside: (alongside.get(row.id) ?? []).map((older) => ({
          sessionId: String(older.older_session_id),
          agentUsername: older.agent_username,
          startedAt: iso(older.started_at),
        })),
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

  /**
   * A session just started (call inside the transaction that starts it, `now` its start): every
   * other open session of its customer gets a `joined-by` event naming it, which is also the new
   * session's `alongside`. One row for both sides, so neither side is ever written alone.
   */
  recordStart(sessionId: number, now: number): void {
    this.#recordJoined.run({ sessionId, now });
  }

  /** The agent switched the session to `mode`: the event's id and time. */
  recordModeChange(sessionId: number, mode: SessionMode): { id: number; at: string } {
    const now = this.#now();
    const { lastInsertRowid } = this.#insertModeChange.run(sessionId, mode, now);
    return { id: Number(lastInsertRowid), at: iso(now) };
  }

  /** EXPLAIN QUERY PLAN of every statement page() and find() run, for tests. */
  explain(): Record<string, string[]> {
    const plan = (statement: Database.Statement, parameters: unknown): string[] =>
      this.#db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${statement.source}`)
        .all(parameters)
        .map((row) => row.detail);
    const bounds = { reference: 'DE--21', from: 0, to: 1, open: 1, now: 0 };
    const page = { ...bounds, limit: 10, offset: 0 };
    return {
      countAll: plan(this.#countAll, bounds),
      countOfCustomer: plan(this.#countOfCustomer, bounds),
      pageAll: plan(this.#pageAll, page),
      pageOfCustomer: plan(this.#pageOfCustomer, page),
      byId: plan(this.#byId, [1]),
      changes: plan(this.#changes, ['[1,2]']),
      events: plan(this.#events, ['[1,2]']),
      alongside: plan(this.#alongside, ['[1,2]']),
      recordJoined: plan(this.#recordJoined, { sessionId: 1, now: 0 }),
    };
  }
}
