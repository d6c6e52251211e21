import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, parseCsv, readSeedCsv } from './db';
import { verifyPassword } from './passwords';

let db: Database.Database;

beforeAll(async () => {
  db = await openDatabase(':memory:');
});

afterAll(() => db.close());

describe('seeding', () => {
  it('holds the demo customers in CSV order, DE--N with id N', () => {
    const csv = readSeedCsv('customers.csv', ['customer_reference']);
    const rows = db
      .prepare<[], { id: number; customer_reference: string }>(
        'SELECT id, customer_reference FROM customers ORDER BY id',
      )
      .all();
    expect(rows.map((row) => row.customer_reference)).toEqual(
      csv.map((row) => row.customer_reference),
    );
    expect(rows).toHaveLength(21);
    for (const row of rows) expect(row.customer_reference).toBe(`DE--${row.id}`);
  });

  it('keeps the customers’ fields', () => {
    expect(db.prepare('SELECT * FROM customers WHERE id = 21').get()).toMatchObject({
      customer_reference: 'DE--21',
      email: 'sonia@acme.com',
      first_name: 'Sonia',
      last_name: 'Wagner',
      password_hash: expect.stringMatching(/^\$2y\$10\$/) as unknown,
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} 00:00:00\.000000$/) as unknown,
    });
  });

  it('stores the back-office users’ passwords hashed with scrypt, never plain', async () => {
    const users = db
      .prepare<[], { id: number; username: string; password_hash: string; is_agent: number }>(
        'SELECT id, username, password_hash, is_agent FROM users ORDER BY id',
      )
      .all();
    expect(users.map(({ id, username, is_agent }) => ({ id, username, is_agent }))).toEqual([
      { id: 1, username: 'admin@spryker.com', is_agent: 1 },
      { id: 2, username: 'admin_de@spryker.com', is_agent: 0 },
    ]);
    for (const user of users) {
      expect(user.password_hash).toMatch(/^scrypt\$/);
      expect(user.password_hash).not.toContain('change123');
      expect(await verifyPassword(user.password_hash, 'change123')).toBe(true);
    }
    expect(JSON.stringify(db.prepare('SELECT * FROM users').all())).not.toContain('change123');
  });

  it('turns on foreign keys', () => {
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","line\nbreak"\r\n1,,3\n')).toEqual([
      { a: 'x, y', b: 'say "hi"', c: 'line\nbreak' },
      { a: '1', b: '', c: '3' },
    ]);
  });

  it('names a missing seed column', () => {
    expect(() => readSeedCsv('users.csv', ['username', 'shoe_size'])).toThrow(/shoe_size/);
  });
});
