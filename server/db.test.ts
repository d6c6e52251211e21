import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, parseCsv, readSeedCsv } from './db';
import { verifyPassword } from './passwords';
import {
  AGENT,
  CUSTOMER,
  START_SECONDS,
  bearer,
  document,
  makeTestGlue,
  signInAgent,
  tokenAttributes,
} from './test-support';

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

describe('GLUE_SEED_CUSTOMERS (seedCustomers)', () => {
  interface Row {
    id: number;
    customer_reference: string;
    email: string;
    first_name: string;
    last_name: string;
  }

  async function customersOf(seedCustomers: number): Promise<Record<string, unknown>[]> {
    const seeded = await openDatabase(':memory:', { seedCustomers });
    try {
      return seeded.prepare('SELECT * FROM customers ORDER BY id').all() as Record<
        string,
        unknown
      >[];
    } finally {
      seeded.close();
    }
  }

  it('adds N customers after the 21 demo ones, DE--22 onwards', async () => {
    const rows = (await customersOf(250)) as unknown as Row[];
    expect(rows).toHaveLength(271);
    expect(rows.slice(0, 21)).toEqual(
      (db.prepare('SELECT * FROM customers ORDER BY id').all() as Row[]).slice(0, 21),
    );
    expect(rows.map((row) => row.id)).toEqual(Array.from({ length: 271 }, (_, i) => i + 1));
    for (const row of rows) expect(row.customer_reference).toBe(`DE--${row.id}`);
    expect(rows[21]?.customer_reference).toBe('DE--22');
    expect(rows[270]?.customer_reference).toBe('DE--271');
  });

  it('gives the same customers for the same N, and a smaller N their start', async () => {
    const a = await customersOf(300);
    expect(await customersOf(300)).toEqual(a);
    expect(await customersOf(120)).toEqual(a.slice(0, 141));
  });

  it('adds none by default', async () => {
    expect(await customersOf(0)).toHaveLength(21);
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(21);
  });

  it('lets a generated customer sign in with change123, and the agent find them', async () => {
    const t = await makeTestGlue({ dbPath: ':memory:', seedCustomers: 40 });
    try {
      const customer = t.glue.db
        .prepare<[], Row>("SELECT * FROM customers WHERE customer_reference = 'DE--40'")
        .get();
      const signIn = await t.post(
        '/access-tokens',
        document('access-tokens', { username: customer?.email, password: 'change123' }),
      );
      expect((await tokenAttributes(signIn)).accessToken).toMatch(/^eyJ/);
      const agent = await signInAgent(t);
      const byName = await t.send(
        'GET',
        `/agent-customer-search?q=${encodeURIComponent(customer?.last_name ?? '')}&page[limit]=100`,
        { headers: bearer(agent.accessToken) },
      );
      const body = (await byName.json()) as {
        data: { attributes: { customers: { customerReference: string }[] } }[];
      };
      const found = body.data[0]?.attributes.customers.map((c) => c.customerReference);
      expect(found).toContain('DE--40');
      const byReference = await t.send('GET', '/agent-customer-search?q=de--40', {
        headers: bearer(agent.accessToken),
      });
      expect(await byReference.json()).toMatchObject({
        data: [
          {
            attributes: {
              customers: [
                {
                  customerReference: 'DE--40',
                  email: customer?.email,
                  firstName: customer?.first_name,
                  lastName: customer?.last_name,
                },
              ],
            },
          },
        ],
      });
      // The demo accounts are unchanged.
      expect((await t.post('/access-tokens', document('access-tokens', CUSTOMER))).status).toBe(
        201,
      );
      expect(
        (await t.post('/agent-access-tokens', document('agent-access-tokens', AGENT))).status,
      ).toBe(201);
      expect(t.now()).toBe(START_SECONDS);
    } finally {
      t.close();
    }
  });

  it('leaves an existing database alone, and says so', async () => {
    const t = await makeTestGlue({ seedCustomers: 5 });
    try {
      expect(t.glue.db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(21);
      expect(t.logLines).toEqual([
        'Glue stand-in: GLUE_SEED_CUSTOMERS=5 ignored, the database already has customers (seeding happens only when it is created).',
      ]);
    } finally {
      t.close();
    }
  });
});
