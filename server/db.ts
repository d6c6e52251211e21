import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ensureCustomerSearchIndex, registerCustomerSearchFunctions } from './customer-search';
import { generateCustomers } from './generated-customers';
import { hashPassword } from './passwords';

const SEED_DIR = fileURLToPath(new URL('./seed-data/', import.meta.url));

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  locale TEXT NOT NULL,
  is_agent INTEGER NOT NULL CHECK (is_agent IN (0, 1))
);
CREATE TABLE IF NOT EXISTS customers (
  id INTEGER PRIMARY KEY,
  customer_reference TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  salutation TEXT,
  gender TEXT,
  date_of_birth TEXT,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- The search's whole-reference match, in any letter case (see customer-search.ts).
CREATE UNIQUE INDEX IF NOT EXISTS customers_reference_nocase
  ON customers (customer_reference COLLATE NOCASE);
-- One row per POST /agent-customer-impersonation-access-tokens: who acted as whom, from when to
-- when. ended_at is set when the session's refresh token is revoked; a session left to expire
-- ends with its last token (impersonation_tokens.expires_at). reason is for the audit to come.
CREATE TABLE IF NOT EXISTS impersonation_sessions (
  id INTEGER PRIMARY KEY,
  id_agent INTEGER NOT NULL REFERENCES users (id),
  id_customer INTEGER NOT NULL REFERENCES customers (id),
  customer_reference TEXT NOT NULL,
  reason TEXT,
  started_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE INDEX IF NOT EXISTS impersonation_sessions_agent
  ON impersonation_sessions (id_agent, started_at);
CREATE INDEX IF NOT EXISTS impersonation_sessions_customer
  ON impersonation_sessions (id_customer, started_at);
-- Every access token issued for a session (the first one and each refresh), by its jti: the
-- agent is not in Spryker's sub, so this is how a request with the token finds its agent.
CREATE TABLE IF NOT EXISTS impersonation_tokens (
  jti TEXT PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES impersonation_sessions (id),
  issued_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS impersonation_tokens_session ON impersonation_tokens (session_id);
CREATE TABLE IF NOT EXISTS refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  subject TEXT NOT NULL,
  sub TEXT NOT NULL,
  scopes TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  created_at INTEGER NOT NULL,
  -- Set for an impersonation token and kept by every rotation of it: the token's lineage.
  impersonation_session_id INTEGER REFERENCES impersonation_sessions (id)
);
CREATE INDEX IF NOT EXISTS refresh_tokens_subject ON refresh_tokens (subject);
CREATE TABLE IF NOT EXISTS login_attempts (
  ip TEXT NOT NULL,
  username TEXT NOT NULL,
  count INTEGER NOT NULL,
  first_failed_at INTEGER NOT NULL,
  blocked_until INTEGER,
  PRIMARY KEY (ip, username)
);
`;

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  if (header === undefined) return [];
  return body.map((cells) =>
    Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])),
  );
}

export function readSeedCsv(
  fileName: string,
  columns: readonly string[],
): Record<string, string>[] {
  const records = parseCsv(readFileSync(resolve(SEED_DIR, fileName), 'utf8'));
  const first = records[0];
  const missing = first === undefined ? columns : columns.filter((column) => !(column in first));
  if (missing.length > 0) {
    throw new Error(`seed-data/${fileName} lacks the column(s) ${missing.join(', ')}.`);
  }
  return records;
}

function column(record: Record<string, string>, name: string): string {
  return record[name] ?? '';
}

function emptyToNull(value: string): string | null {
  return value === '' ? null : value;
}

async function seedUsers(db: Database.Database): Promise<void> {
  const records = readSeedCsv('users.csv', [
    'username',
    'password',
    'first_name',
    'last_name',
    'locale',
    'is_agent',
  ]);
  // Hash before the transaction: better-sqlite3 transactions cannot span an await.
  const rows = await Promise.all(
    records.map(async (record, index) => ({
      id: index + 1,
      username: column(record, 'username'),
      passwordHash: await hashPassword(column(record, 'password')),
      firstName: column(record, 'first_name'),
      lastName: column(record, 'last_name'),
      locale: column(record, 'locale'),
      isAgent: column(record, 'is_agent') === '1' ? 1 : 0,
    })),
  );
  const insert = db.prepare(
    `INSERT OR IGNORE INTO users (id, username, password_hash, first_name, last_name, locale, is_agent)
     VALUES (@id, @username, @passwordHash, @firstName, @lastName, @locale, @isAgent)`,
  );
  db.transaction(() => {
    for (const row of rows) insert.run(row);
  }).immediate();
}

function seedCustomers(db: Database.Database): void {
  const records = readSeedCsv('customers.csv', [
    'customer_reference',
    'email',
    'salutation',
    'first_name',
    'last_name',
    'gender',
    'date_of_birth',
    'password',
    'registered',
  ]);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO customers (id, customer_reference, email, first_name, last_name,
       salutation, gender, date_of_birth, password_hash, created_at, updated_at)
     VALUES (@id, @reference, @email, @firstName, @lastName, @salutation, @gender, @dateOfBirth,
       @passwordHash, @createdAt, @createdAt)`,
  );
  db.transaction(() => {
    for (const record of records) {
      const reference = column(record, 'customer_reference');
      const idMatch = /^DE--(\d+)$/.exec(reference);
      if (idMatch?.[1] === undefined) {
        throw new Error(`seed-data/customers.csv: unexpected customer reference "${reference}".`);
      }
      const registered = column(record, 'registered');
      insert.run({
        id: Number(idMatch[1]),
        reference,
        email: column(record, 'email'),
        firstName: column(record, 'first_name'),
        lastName: column(record, 'last_name'),
        salutation: emptyToNull(column(record, 'salutation')),
        gender: emptyToNull(column(record, 'gender')),
        dateOfBirth: emptyToNull(column(record, 'date_of_birth')),
        passwordHash: column(record, 'password'),
        // Spryker's timestamp format; the demo data only knows the registration day.
        createdAt: /^\d{4}-\d{2}-\d{2}$/.test(registered)
          ? `${registered} 00:00:00.000000`
          : '1970-01-01 00:00:00.000000',
      });
    }
  }).immediate();
}

/** GLUE_SEED_CUSTOMERS: generated customers after the demo ones, in one transaction. */
function seedGeneratedCustomers(db: Database.Database, count: number): void {
  const lastId = db.prepare<[], number | null>('SELECT max(id) FROM customers').pluck().get();
  const emails = db.prepare<[], string>('SELECT email FROM customers').pluck().all();
  const customers = generateCustomers(count, (lastId ?? 0) + 1, emails);
  const insert = db.prepare(
    `INSERT INTO customers (id, customer_reference, email, first_name, last_name, salutation,
       gender, date_of_birth, password_hash, created_at, updated_at)
     VALUES (@id, @reference, @email, @firstName, @lastName, @salutation, @gender, @dateOfBirth,
       @passwordHash, @createdAt, @createdAt)`,
  );
  db.transaction(() => {
    for (const customer of customers) insert.run(customer);
  }).immediate();
}

/** Columns added after a database may have been created; each added once, when missing. */
function migrate(db: Database.Database): void {
  const columns = db
    .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('refresh_tokens')")
    .all()
    .map((column) => column.name);
  if (!columns.includes('impersonation_session_id')) {
    db.exec(
      'ALTER TABLE refresh_tokens ADD COLUMN impersonation_session_id INTEGER REFERENCES impersonation_sessions (id)',
    );
  }
}

function isEmpty(db: Database.Database, table: 'users' | 'customers'): boolean {
  return db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined;
}

export interface OpenDatabaseOptions {
  /** Generated customers to add when the database is new (GLUE_SEED_CUSTOMERS). */
  seedCustomers?: number;
  log?: (line: string) => void;
}

/** Opens (creating and seeding when new) the stand-in's database. */
export async function openDatabase(
  path: string,
  options: OpenDatabaseOptions = {},
): Promise<Database.Database> {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Before any write: the search index's triggers call it.
    registerCustomerSearchFunctions(db);
    db.exec(SCHEMA);
    migrate(db);
    if (isEmpty(db, 'users')) await seedUsers(db);
    const generated = options.seedCustomers ?? 0;
    if (isEmpty(db, 'customers')) {
      seedCustomers(db);
      if (generated > 0) seedGeneratedCustomers(db, generated);
    } else if (generated > 0) {
      options.log?.(
        `Glue stand-in: GLUE_SEED_CUSTOMERS=${generated} ignored, the database already has customers (seeding happens only when it is created).`,
      );
    }
    // After the seed, so a new database is indexed in bulk.
    ensureCustomerSearchIndex(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
