import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
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
CREATE TABLE IF NOT EXISTS refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  subject TEXT NOT NULL,
  sub TEXT NOT NULL,
  scopes TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  created_at INTEGER NOT NULL
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

function isEmpty(db: Database.Database, table: 'users' | 'customers'): boolean {
  return db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined;
}

/** Opens (creating and seeding when new) the stand-in's database. */
export async function openDatabase(path: string): Promise<Database.Database> {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    if (isEmpty(db, 'users')) await seedUsers(db);
    if (isEmpty(db, 'customers')) seedCustomers(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
