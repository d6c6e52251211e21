import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerSearch, shortGramTokens } from './customer-search';
import type { CustomerSummary } from './customer-search';
import { openDatabase } from '../../platform/db';

const GENERATED = 1500;
let db: Database.Database;
let search: CustomerSearch;
let everyone: CustomerSummary[];

const scratch = mkdtempSync(join(tmpdir(), 'glue-search-test-'));

beforeAll(async () => {
  db = await openDatabase(':memory:', { seedCustomers: GENERATED });
  search = new CustomerSearch(db);
  everyone = search.search(null, { offset: 0, limit: 1_000_000 }).customers;
});

afterAll(() => {
  db.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** §3.2 spelled out over every customer, without any index: what the search must answer. */
function naive(customers: CustomerSummary[], query: string): CustomerSummary[] {
  const lower = query.toLowerCase();
  return customers.filter(
    (c) =>
      c.email.toLowerCase().includes(lower) ||
      c.firstName.toLowerCase().includes(lower) ||
      c.lastName.toLowerCase().includes(lower) ||
      c.customerReference.toLowerCase() === lower,
  );
}

const refs = (customers: CustomerSummary[]): string[] => customers.map((c) => c.customerReference);

describe('CustomerSearch against a scan of every customer', () => {
  it('has the demo customers and the generated ones', () => {
    expect(everyone).toHaveLength(21 + GENERATED);
  });

  it.each([
    'a',
    'e',
    'M',
    '.',
    '@',
    '-',
    ' ',
    "'",
    'ü',
    'Ü',
    'ö',
    'ł',
    'ş',
    'é',
    'ma',
    'MA',
    'zz',
    'ue',
    'mar',
    'MAR',
    'müller',
    'MÜLLER',
    'muller',
    'mueller',
    'schäfer',
    'SCHÄFER',
    'łukasz',
    'ŁUKASZ',
    'yılmaz',
    'dvořák',
    'garcía',
    "o'brien",
    'de vries',
    'gmail',
    '.com',
    '@web.de',
    'anna.',
    'sonia@acme.com',
    'de--21',
    'DE--2',
    'DE--100',
    'de--1521',
    'DE--1522',
    'nobody-at-all',
  ])('answers %j as the scan does, on every page', (query) => {
    const expected = naive(everyone, query);
    const limit = 7;
    const first = search.search(query, { offset: 0, limit });
    expect(first.total).toBe(expected.length);
    expect(refs(first.customers)).toEqual(refs(expected.slice(0, limit)));
    for (const offset of [5, Math.max(expected.length - 3, 0), expected.length + 2]) {
      const page = search.search(query, { offset, limit });
      expect(refs(page.customers)).toEqual(refs(expected.slice(offset, offset + limit)));
      expect(page.total).toBe(expected.length);
    }
  });

  it('keeps umlauts apart from plain letters, in any letter case', () => {
    const mueller = refs(search.search('müller', { offset: 0, limit: 10_000 }).customers);
    const muller = refs(search.search('muller', { offset: 0, limit: 10_000 }).customers);
    expect(mueller.length).toBeGreaterThan(0);
    expect(refs(search.search('MÜLLER', { offset: 0, limit: 10_000 }).customers)).toEqual(mueller);
    // Sarah Muller (DE--17) has no umlaut.
    expect(muller).toContain('DE--17');
    expect(mueller).not.toContain('DE--17');
    expect(refs(search.search('Ü', { offset: 0, limit: 10_000 }).customers)).toEqual(
      refs(search.search('ü', { offset: 0, limit: 10_000 }).customers),
    );
  });
});

describe('the index follows the customers table', () => {
  let own: Database.Database;
  let ownSearch: CustomerSearch;

  beforeAll(async () => {
    own = await openDatabase(':memory:');
    ownSearch = new CustomerSearch(own);
  });

  afterAll(() => own.close());

  const find = (query: string): string[] =>
    refs(ownSearch.search(query, { offset: 0, limit: 100 }).customers);

  it('finds a customer added later, by name, by two letters and by reference', () => {
    own
      .prepare(
        `INSERT INTO customers (id, customer_reference, email, first_name, last_name,
           password_hash, created_at, updated_at)
         VALUES (500, 'DE--500', 'zoë.quixote@example.com', 'Zoë', 'Quixote', 'x', '', '')`,
      )
      .run();
    expect(find('quixote')).toEqual(['DE--500']);
    expect(find('QX')).toEqual([]);
    expect(find('xo')).toEqual(['DE--500']);
    expect(find('ZOË')).toEqual(['DE--500']);
    expect(find('ë')).toEqual(['DE--500']);
    expect(find('de--500')).toEqual(['DE--500']);
  });

  it('forgets a changed name and finds the new one', () => {
    own.prepare("UPDATE customers SET last_name = 'Wagnerová' WHERE id = 21").run();
    expect(find('wagnerová')).toEqual(['DE--21']);
    expect(find('vá')).toEqual(['DE--21']);
    own.prepare("UPDATE customers SET email = 'sonia.w@acme.com' WHERE id = 21").run();
    expect(find('sonia@')).toEqual([]);
    expect(find('sonia.w@')).toEqual(['DE--21']);
  });

  it('forgets a deleted customer', () => {
    own.prepare('DELETE FROM customers WHERE id = 500').run();
    expect(find('quixote')).toEqual([]);
    expect(find('xo')).toEqual([]);
    expect(find('DE--500')).toEqual([]);
  });
});

describe('a whole reference among text matches', () => {
  let own: Database.Database;
  let ownSearch: CustomerSearch;

  beforeAll(async () => {
    own = await openDatabase(':memory:');
    ownSearch = new CustomerSearch(own);
    // Three customers whose e-mails hold "de--10"; DE--10 itself (Alexa) matches by reference only.
    own.prepare("UPDATE customers SET email = 'de--10.fan@acme.com' WHERE id = 5").run();
    own.prepare("UPDATE customers SET email = 'de--100@acme.com' WHERE id = 15").run();
    own.prepare("UPDATE customers SET email = 'x.de--10@acme.com' WHERE id = 20").run();
  });

  afterAll(() => own.close());

  it('slots the reference’s customer in by id on every page', () => {
    const merged = ['DE--5', 'DE--10', 'DE--15', 'DE--20'];
    for (const query of ['DE--10', 'de--10']) {
      for (let limit = 1; limit <= 5; limit++) {
        for (let offset = 0; offset <= 5; offset++) {
          const result = ownSearch.search(query, { offset, limit });
          expect({ offset, limit, total: result.total, page: refs(result.customers) }).toEqual({
            offset,
            limit,
            total: 4,
            page: merged.slice(offset, offset + limit),
          });
        }
      }
    }
  });

  it('counts a customer once when they match by reference and by text', () => {
    own.prepare("UPDATE customers SET email = 'de--10@ottom.de' WHERE id = 10").run();
    const result = ownSearch.search('de--10', { offset: 0, limit: 10 });
    expect(result.total).toBe(4);
    expect(refs(result.customers)).toEqual(['DE--5', 'DE--10', 'DE--15', 'DE--20']);
  });
});

describe('query plans', () => {
  const tableScan = /^SCAN (c|customers)\b/;

  it.each(['mar', 'sonia@acme.com', 'müller', 'DE--21', 'de--1500'])(
    'finds "%s" through the FTS index and the reference index, never a scan of customers',
    (query) => {
      const plan = search.explain(query);
      expect(plan.filter((line) => tableScan.test(line))).toEqual([]);
      expect(plan).toContain(
        'SEARCH c USING INDEX customers_reference_nocase (customer_reference=?)',
      );
      expect(plan).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)');
      const virtual = plan.filter((line) => line.startsWith('SCAN '));
      expect(virtual.length).toBeGreaterThan(0);
      // Every virtual-table step is driven by the MATCH (an "M" in FTS5's index string).
      for (const line of virtual) {
        expect(line).toMatch(/^SCAN customer_search_trigrams VIRTUAL TABLE INDEX \d+:=?M/);
      }
    },
  );

  it.each(['m', 'ma', 'ü'])('finds "%s" through the 1–2 character index', (query) => {
    const plan = search.explain(query);
    expect(plan.filter((line) => tableScan.test(line))).toEqual([]);
    for (const line of plan.filter((l) => l.startsWith('SCAN '))) {
      expect(line).toMatch(/^SCAN customer_search_grams(_vocab)? VIRTUAL TABLE INDEX /);
    }
  });

  it('counts 1–2 character matches from the vocabulary’s term index (a term = constraint)', () => {
    const vocab = search.explain('ma').filter((line) => line.includes('_vocab'));
    // fts5vocab sets 0x100 in idxNum for "term = ?".
    const idxNum = Number(/INDEX (\d+):/.exec(vocab[0] ?? '')?.[1]);
    expect(idxNum & 0x100).toBe(0x100);
  });
});

describe('shortGramTokens', () => {
  it('gives one token per distinct 1- and 2-character substring, within each field only', () => {
    // "ab" + "ba": a, b, ab, ba (the fields' boundary makes no "bb").
    expect(shortGramTokens('ab', 'ba').trim().split(' ')).toHaveLength(4);
    expect(shortGramTokens('AB')).toBe(shortGramTokens('ab'));
    expect(shortGramTokens('😀x').trim().split(' ')).toHaveLength(3);
  });
});

describe('databases from before the index', () => {
  it('builds the index and adds the session column when an older database opens', async () => {
    const path = join(scratch, 'part-one.sqlite');
    const old = new Database(path);
    old.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT NOT NULL, first_name TEXT NOT NULL, last_name TEXT NOT NULL,
        locale TEXT NOT NULL, is_agent INTEGER NOT NULL CHECK (is_agent IN (0, 1)));
      CREATE TABLE customers (id INTEGER PRIMARY KEY, customer_reference TEXT NOT NULL UNIQUE,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE, first_name TEXT NOT NULL,
        last_name TEXT NOT NULL, salutation TEXT, gender TEXT, date_of_birth TEXT,
        password_hash TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE refresh_tokens (token_hash TEXT PRIMARY KEY, subject TEXT NOT NULL,
        sub TEXT NOT NULL, scopes TEXT NOT NULL, expires_at INTEGER NOT NULL,
        revoked_at INTEGER, created_at INTEGER NOT NULL);
      INSERT INTO users VALUES (1, 'admin@spryker.com', 'x', 'Admin', 'Spryker', 'en_US', 1);
      INSERT INTO customers (id, customer_reference, email, first_name, last_name,
        password_hash, created_at, updated_at)
      VALUES (7, 'DE--7', 'anne.boleyn@acme.com', 'Anne', 'Boleyn', 'x', '', '');
    `);
    old.close();
    const reopened = await openDatabase(path);
    try {
      const found = new CustomerSearch(reopened).search('boley', { offset: 0, limit: 10 });
      expect(refs(found.customers)).toEqual(['DE--7']);
      const columns = reopened
        .prepare<[], string>("SELECT name FROM pragma_table_info('refresh_tokens')")
        .pluck()
        .all();
      expect(columns).toContain('impersonation_session_id');
    } finally {
      reopened.close();
    }
  });

  it('rebuilds the index when its recorded version differs', async () => {
    const path = join(scratch, 'stale.sqlite');
    const first = await openDatabase(path);
    first.exec('DELETE FROM customer_search_trigrams');
    first.prepare("UPDATE meta SET value = 'old' WHERE key = 'customer_search_index'").run();
    expect(new CustomerSearch(first).search('wagner', { offset: 0, limit: 10 }).total).toBe(0);
    first.close();
    const second = await openDatabase(path);
    try {
      expect(new CustomerSearch(second).search('wagner', { offset: 0, limit: 10 }).total).toBe(1);
    } finally {
      second.close();
    }
  });
});

describe('the answer cache', () => {
  const page = { offset: 0, limit: 10 };
  const insert = (target: Database.Database, id: number, lastName: string) =>
    target
      .prepare(
        `INSERT INTO customers (id, customer_reference, email, first_name, last_name,
           password_hash, created_at, updated_at) VALUES (?, ?, ?, 'Zora', ?, 'x', '', '')`,
      )
      .run(id, `DE--${id}`, `zora.${id}@example.org`, lastName);

  it('answers a repeated search from the cache, and forgets it when this connection writes', () => {
    const first = search.search('quixotic', page);
    expect(search.search('quixotic', page)).toBe(first);
    insert(db, 900_001, 'Quixotic');
    expect(refs(search.search('quixotic', page).customers)).toEqual(['DE--900001']);
  });

  it('forgets it when another connection writes the same file', async () => {
    const path = join(scratch, 'shared.sqlite');
    const mine = await openDatabase(path);
    const theirs = await openDatabase(path);
    try {
      const shared = new CustomerSearch(mine);
      expect(shared.search('xanthippe', page).total).toBe(0);
      insert(theirs, 900_002, 'Xanthippe');
      expect(shared.search('xanthippe', page).total).toBe(1);
    } finally {
      mine.close();
      theirs.close();
    }
  });
});
