import type Database from 'better-sqlite3';
import type { Page } from '../../platform/jsonapi';

/**
 * The agent's customer search (contract §3.2) over an index, never a scan of the customers:
 *
 * - 3 or more characters: an FTS5 table with the trigram tokenizer over email, first and last
 *   name. A quoted phrase of trigrams is a substring match; `case_sensitive 0` folds case with
 *   SQLite's Unicode tables, so "MÜLLER" finds "Müller" (diacritics are kept: not "Muller").
 * - 1 or 2 characters, which trigrams cannot find: a second FTS5 table whose tokens are every
 *   distinct 1- and 2-character substring (in lower case) of the three fields, one token per
 *   substring, stored as rowid lists only (detail=none). Its fts5vocab table answers the count.
 * - A customer reference matches only whole: an index on customer_reference COLLATE NOCASE.
 *
 * Both FTS tables are contentless (the customers table holds the text) and kept in sync by
 * triggers. The 1–2 character tokens come from the SQL function customer_search_grams, so every
 * connection that writes customers must first call registerCustomerSearchFunctions.
 */

/** Bump to rebuild the index on the next open of an existing database. */
export const CUSTOMER_SEARCH_INDEX_VERSION = '1';
const META_KEY = 'customer_search_index';

const TRIGRAMS = 'customer_search_trigrams';
const GRAMS = 'customer_search_grams';
const GRAMS_VOCAB = 'customer_search_grams_vocab';
const GRAMS_FUNCTION = 'customer_search_grams';

// Code points run to 0x10FFFF, so (first + 1) * 0x110000 + second never collides with a single one.
const CODE_POINTS = 0x110000;

function gramKey(first: number, second: number | null): number {
  return second === null ? first : (first + 1) * CODE_POINTS + second;
}

function codePoints(text: string): number[] {
  const points: number[] = [];
  for (const char of text) points.push(char.codePointAt(0) ?? 0);
  return points;
}

/** The index tokens of every distinct 1- and 2-character substring of each field, in lower case. */
export function shortGramTokens(...fields: readonly string[]): string {
  // Numbers, not strings, in the set: this runs once per customer when a database is seeded.
  const keys = new Set<number>();
  for (const field of fields) {
    const lower = field.toLowerCase();
    let previous = -1;
    for (let i = 0; i < lower.length; i++) {
      const point = lower.codePointAt(i) ?? 0;
      if (point > 0xffff) i++;
      keys.add(gramKey(point, null));
      if (previous >= 0) keys.add(gramKey(previous, point));
      previous = point;
    }
  }
  let tokens = '';
  for (const key of keys) tokens += `${key.toString(36)} `;
  return tokens;
}

/** Makes customer_search_grams(email, first_name, last_name) known to this connection. */
export function registerCustomerSearchFunctions(db: Database.Database): void {
  db.function(GRAMS_FUNCTION, { deterministic: true }, (email, firstName, lastName) =>
    shortGramTokens(...[email, firstName, lastName].map((value) => String(value ?? ''))),
  );
}

const INDEX_SQL = `
DROP TRIGGER IF EXISTS customers_search_insert;
DROP TRIGGER IF EXISTS customers_search_update;
DROP TRIGGER IF EXISTS customers_search_delete;
DROP TABLE IF EXISTS ${GRAMS_VOCAB};
DROP TABLE IF EXISTS ${TRIGRAMS};
DROP TABLE IF EXISTS ${GRAMS};
CREATE VIRTUAL TABLE ${TRIGRAMS} USING fts5(email, first_name, last_name,
  content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 0');
CREATE VIRTUAL TABLE ${GRAMS} USING fts5(grams,
  content = '', contentless_delete = 1, detail = none, tokenize = 'ascii');
CREATE VIRTUAL TABLE ${GRAMS_VOCAB} USING fts5vocab(${GRAMS}, 'row');
-- One statement each: FTS5 flushes at every statement, so row-by-row inserts would be slow.
INSERT INTO ${TRIGRAMS} (rowid, email, first_name, last_name)
  SELECT id, email, first_name, last_name FROM customers;
INSERT INTO ${GRAMS} (rowid, grams)
  SELECT id, ${GRAMS_FUNCTION}(email, first_name, last_name) FROM customers;
INSERT INTO ${TRIGRAMS} (${TRIGRAMS}) VALUES ('optimize');
INSERT INTO ${GRAMS} (${GRAMS}) VALUES ('optimize');
CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN
  INSERT INTO ${TRIGRAMS} (rowid, email, first_name, last_name)
    VALUES (new.id, new.email, new.first_name, new.last_name);
  INSERT INTO ${GRAMS} (rowid, grams)
    VALUES (new.id, ${GRAMS_FUNCTION}(new.email, new.first_name, new.last_name));
END;
CREATE TRIGGER customers_search_update AFTER UPDATE OF id, email, first_name, last_name
  ON customers BEGIN
  DELETE FROM ${TRIGRAMS} WHERE rowid = old.id;
  DELETE FROM ${GRAMS} WHERE rowid = old.id;
  INSERT INTO ${TRIGRAMS} (rowid, email, first_name, last_name)
    VALUES (new.id, new.email, new.first_name, new.last_name);
  INSERT INTO ${GRAMS} (rowid, grams)
    VALUES (new.id, ${GRAMS_FUNCTION}(new.email, new.first_name, new.last_name));
END;
CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
  DELETE FROM ${TRIGRAMS} WHERE rowid = old.id;
  DELETE FROM ${GRAMS} WHERE rowid = old.id;
END;
`;

/**
 * Builds the index from the customers table, in bulk, unless this version of it is there already
 * (a new database is indexed after its seed; an older one once, on its first open).
 */
export function ensureCustomerSearchIndex(db: Database.Database): void {
  const version = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
  if (version.get(META_KEY) === CUSTOMER_SEARCH_INDEX_VERSION) return;
  db.transaction(() => {
    // Another process may have built it while this one waited for the lock.
    if (version.get(META_KEY) === CUSTOMER_SEARCH_INDEX_VERSION) return;
    db.exec(INDEX_SQL);
    db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(META_KEY, CUSTOMER_SEARCH_INDEX_VERSION);
  }).immediate();
}

export interface CustomerSummary {
  id: number;
  customerReference: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface CustomerSearchResult {
  /** Every match, not just this page's: the page links need it. */
  total: number;
  customers: CustomerSummary[];
}

const SUMMARY_COLUMNS = `c.id AS id, c.customer_reference AS customerReference, c.email AS email,
  c.first_name AS firstName, c.last_name AS lastName`;

/** What one FTS table can answer for a match expression; every method is an index lookup. */
interface TextMatch {
  page(limit: number, offset: number): CustomerSummary[];
  count(): number;
  contains(id: number): boolean;
  countBefore(id: number): number;
}

interface TextStatements {
  page: Database.Statement<[string, number, number], CustomerSummary>;
  count: Database.Statement<[string], number>;
  contains: Database.Statement<[string, number, number], number>;
  countBefore: Database.Statement<[string, number], number>;
}

function textStatements(db: Database.Database, table: string): TextStatements {
  return {
    // FTS5 hands out rowids in ascending order, so ORDER BY rowid LIMIT stops after one page.
    page: db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM ${table} JOIN customers AS c ON c.id = ${table}.rowid
       WHERE ${table} MATCH ? ORDER BY ${table}.rowid LIMIT ? OFFSET ?`,
    ),
    count: db
      .prepare<[string], number>(`SELECT count(*) FROM ${table} WHERE ${table} MATCH ?`)
      .pluck(),
    // A range, not "rowid = ?": SQLite 3.53's FTS5 ignores a bound rowid = ? beside MATCH.
    contains: db
      .prepare<[string, number, number], number>(
        `SELECT 1 FROM ${table} WHERE ${table} MATCH ? AND rowid >= ? AND rowid <= ?`,
      )
      .pluck(),
    countBefore: db
      .prepare<[string, number], number>(
        `SELECT count(*) FROM ${table} WHERE ${table} MATCH ? AND rowid < ?`,
      )
      .pluck(),
  };
}

const SEARCH_CACHE_SIZE = 1000;

/** An FTS5 string: the whole query as one phrase, so no character is FTS syntax. */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Finds customers as §3.2 says, through the index only (see the top of this file). */
export class CustomerSearch {
  readonly #countAll: Database.Statement<[], number>;
  readonly #pageAll: Database.Statement<[number, number], CustomerSummary>;
  readonly #byReference: Database.Statement<[string], CustomerSummary>;
  readonly #trigrams: TextStatements;
  readonly #grams: TextStatements;
  readonly #gramCount: Database.Statement<[string], number>;
  readonly #db: Database.Database;
  readonly #dataVersion: Database.Statement<[], { changes: number; version: number }>;
  /** Recent answers; valid while the database is unchanged (see #cacheStamp). */
  readonly #cache = new Map<string, CustomerSearchResult>();
  #cacheStamp = '';

  constructor(db: Database.Database) {
    this.#db = db;
    // Changes by this connection, and data_version for commits by any other one.
    this.#dataVersion = db.prepare(
      'SELECT total_changes() AS changes, data_version AS version FROM pragma_data_version',
    );
    this.#countAll = db.prepare<[], number>('SELECT count(*) FROM customers').pluck();
    this.#pageAll = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM customers AS c ORDER BY c.id LIMIT ? OFFSET ?`,
    );
    this.#byReference = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM customers AS c WHERE c.customer_reference = ? COLLATE NOCASE`,
    );
    this.#trigrams = textStatements(db, TRIGRAMS);
    this.#grams = textStatements(db, GRAMS);
    // The number of rows holding one token, read from the index's own term statistics.
    this.#gramCount = db
      .prepare<[string], number>(`SELECT doc FROM ${GRAMS_VOCAB} WHERE term = ?`)
      .pluck();
  }

  /** The match for a substring query, or null when no customer's text can contain it. */
  #textMatch(query: string): TextMatch | null {
    // NUL never occurs in a name or e-mail, and FTS5 cannot parse it.
    if (query.includes('\u0000')) return null;
    const lower = query.toLowerCase();
    const points = codePoints(lower);
    if (points.length <= 2) {
      const token = gramKey(points[0] ?? 0, points[1] ?? null).toString(36);
      const statements = this.#grams;
      return {
        page: (limit, offset) => statements.page.all(token, limit, offset),
        count: () => this.#gramCount.get(token) ?? 0,
        contains: (id) => statements.contains.get(token, id, id) !== undefined,
        countBefore: (id) => statements.countBefore.get(token, id) ?? 0,
      };
    }
    const match = phrase(lower);
    const statements = this.#trigrams;
    return {
      page: (limit, offset) => statements.page.all(match, limit, offset),
      count: () => statements.count.get(match) ?? 0,
      contains: (id) => statements.contains.get(match, id, id) !== undefined,
      countBefore: (id) => statements.countBefore.get(match, id) ?? 0,
    };
  }

  /**
   * `query` null or "" finds every customer; order is by customer id. An agent types the same
   * few letters again and again, so answers are kept until the database next changes.
   */
  search(query: string | null, page: Page): CustomerSearchResult {
    const { changes, version } = this.#dataVersion.get()!;
    const stamp = `${changes}:${version}`;
    if (stamp !== this.#cacheStamp) {
      this.#cache.clear();
      this.#cacheStamp = stamp;
    }
    const key = JSON.stringify([query, page.limit, page.offset]);
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    const result = this.#search(query, page);
    // The oldest answer goes first once the cache is full (a Map keeps insertion order).
    if (this.#cache.size >= SEARCH_CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
    this.#cache.set(key, result);
    return result;
  }

  /** Forgets every kept answer, as a change to the database does: the bench times cold searches. */
  clearCache(): void {
    this.#cache.clear();
  }

  #search(query: string | null, page: Page): CustomerSearchResult {
    const { limit, offset } = page;
    if (query === null || query === '') {
      return { total: this.#countAll.get() ?? 0, customers: this.#pageAll.all(limit, offset) };
    }
    const text = this.#textMatch(query);
    const textTotal = text?.count() ?? 0;
    const byReference = this.#byReference.get(query);
    if (byReference === undefined || text?.contains(byReference.id) === true) {
      return { total: textTotal, customers: text?.page(limit, offset) ?? [] };
    }
    // The customer whose reference this is does not match by text: slot them in by id.
    const before = text?.countBefore(byReference.id) ?? 0;
    const fetched = text?.page(limit, offset > before ? offset - 1 : offset) ?? [];
    const customers =
      offset <= before
        ? [...fetched, byReference].sort((a, b) => a.id - b.id).slice(0, limit)
        : fetched;
    return { total: textTotal + 1, customers };
  }

  /** EXPLAIN QUERY PLAN of every statement search(query) may run, for tests. */
  explain(query: string | null): string[] {
    const plan = (sql: string, ...parameters: unknown[]): string[] =>
      this.#db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...parameters)
        .map((row) => row.detail);
    if (query === null || query === '') {
      return [...plan(this.#countAll.source), ...plan(this.#pageAll.source, 10, 0)];
    }
    const lower = query.toLowerCase();
    const short = codePoints(lower).length <= 2;
    const statements = short ? this.#grams : this.#trigrams;
    const match = short ? 'x' : phrase(lower);
    return [
      ...plan(this.#byReference.source, query),
      ...plan(statements.page.source, match, 10, 0),
      ...plan(statements.count.source, match),
      ...plan(statements.contains.source, match, 1, 1),
      ...plan(statements.countBefore.source, match, 1),
      ...(short ? plan(this.#gramCount.source, match) : []),
    ];
  }
}
