import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFixedVoucher } from '../features/cart-codes/cart-code-fixtures';
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
  signInCustomer,
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

describe('the catalog and order seed', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'glue-db-test-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  // §10: every table of the cart codes, each after the ones that refer to it.
  const DROP_CART_CODE_TABLES = `DROP TABLE cart_codes; DROP TABLE order_item_discounts;
    DROP TABLE gift_card_balance_log; DROP TABLE gift_cards; DROP TABLE discount_vouchers;
    DROP TABLE discount_collector_skus; DROP TABLE discount_amounts; DROP TABLE discounts;`;
  const cartCodeSeed = (database: Database.Database): unknown[] =>
    [
      'discounts ORDER BY id',
      'discount_collector_skus ORDER BY discount_id, sku',
      'discount_vouchers ORDER BY id',
      'gift_cards ORDER BY id',
      'gift_card_balance_log ORDER BY id',
    ].map((from) => database.prepare(`SELECT * FROM ${from}`).all());

  // The discounts table's definition from its columns on: `(id INTEGER PRIMARY KEY, …)`.
  const columnsSql = (database: Database.Database): string =>
    String(
      database.prepare("SELECT sql FROM sqlite_master WHERE name = 'discounts'").pluck().get(),
    ).replace(/^[^(]*/, '');

  const everything = (database: Database.Database): unknown[] =>
    [
      'product_abstracts ORDER BY position',
      'product_concretes ORDER BY position',
      'orders ORDER BY id',
      'order_items ORDER BY id',
    ].map((from) => database.prepare(`SELECT * FROM ${from}`).all());

  it('holds every product of products.csv with its abstract product and gross price', () => {
    const csv = readSeedCsv('products.csv', ['concrete_sku', 'abstract_sku', 'name_en']);
    expect(csv).toHaveLength(60);
    const rows = db
      .prepare<[], { sku: string; abstract_sku: string; name: string; gross_price: number }>(
        'SELECT sku, abstract_sku, name, gross_price, net_price FROM product_concretes ORDER BY position',
      )
      .all();
    expect(rows).toEqual(
      csv.map((record) => ({
        sku: record.concrete_sku,
        abstract_sku: record.abstract_sku,
        name: record.name_en,
        gross_price: Number(record.gross_price_eur_cents),
        net_price: null,
      })),
    );
    const abstracts = db
      .prepare<[], { sku: string; name: string }>('SELECT sku, name FROM product_abstracts')
      .all();
    expect(abstracts).toHaveLength(new Set(csv.map((record) => record.abstract_sku)).size);
    expect(abstracts).toContainEqual({ sku: '130', name: 'Lenovo ThinkStation P300' });
  });

  // The demo orders are dated relative to the day a database is made: one clock for each test's
  // openings, so a seed again on reopening gives the same orders.
  const clock = (): number => START_SECONDS * 1000;

  it('seeds a database made before the catalog existed, once, and leaves it alone after', async () => {
    const path = join(scratch, 'older.sqlite');
    const first = await openDatabase(path, { clock });
    const seeded = everything(first);
    // What a part-2 database lacks: the new tables (the cart codes' first, which refer to them).
    first.exec(`${DROP_CART_CODE_TABLES}
      DROP TABLE product_concrete_names; DROP TABLE product_abstract_names;
      DROP TABLE impersonation_audit; DROP TABLE cart_items; DROP TABLE carts;
      DROP TABLE order_items; DROP TABLE orders; DROP TABLE product_concretes;
      DROP TABLE product_abstracts;`);
    first.close();
    const reopened = await openDatabase(path, { clock });
    expect(everything(reopened)).toEqual(seeded);
    reopened.close();
    const again = await openDatabase(path, { clock });
    expect(everything(again)).toEqual(seeded);
    expect(again.prepare('SELECT count(*) FROM product_concretes').pluck().get()).toBe(60);
    again.close();
  });

  it('gives the orders of a database made before items had UUIDs their UUIDs and carriers', async () => {
    const path = join(scratch, 'before-uuids.sqlite');
    const first = await openDatabase(path);
    const seeded = everything(first);
    first.exec(`DROP INDEX order_items_uuid; ALTER TABLE order_items DROP COLUMN uuid;
      ALTER TABLE orders DROP COLUMN shipment_carrier;`);
    first.close();
    const reopened = await openDatabase(path);
    expect(everything(reopened)).toEqual(seeded);
    reopened.close();
  });

  it('gives a database made before checkout its deliveries table and payment columns', async () => {
    const path = join(scratch, 'before-checkout.sqlite');
    const first = await openDatabase(path);
    const seeded = everything(first);
    first.exec(`DROP TABLE order_shipments; ALTER TABLE order_items DROP COLUMN shipment_id;
      ALTER TABLE orders DROP COLUMN payment_provider; ALTER TABLE orders DROP COLUMN payment_method;`);
    first.close();
    const reopened = await openDatabase(path);
    expect(everything(reopened)).toEqual(seeded);
    expect(reopened.prepare('SELECT count(*) FROM order_shipments').pluck().get()).toBe(0);
    expect(
      reopened
        .prepare('SELECT count(*) FROM orders WHERE payment_provider IS NOT NULL')
        .pluck()
        .get(),
    ).toBe(0);
    reopened.close();
  });

  it('gives a database made before cart codes their tables, seeded, and the audit its code', async () => {
    const path = join(scratch, 'before-cart-codes.sqlite');
    const first = await openDatabase(path, { clock });
    const seeded = cartCodeSeed(first);
    first.exec(`${DROP_CART_CODE_TABLES} ALTER TABLE impersonation_audit DROP COLUMN code;`);
    first.close();
    const reopened = await openDatabase(path, { clock });
    expect(cartCodeSeed(reopened)).toEqual(seeded);
    expect(
      reopened
        .prepare(
          "SELECT count(*) FROM pragma_table_info('impersonation_audit') WHERE name = 'code'",
        )
        .pluck()
        .get(),
    ).toBe(1);
    reopened.close();
  });

  it('lets the discounts of a database made before fixed amounts take them, its rows kept', async () => {
    const path = join(scratch, 'before-fixed-amounts.sqlite');
    const first = await openDatabase(path, { clock });
    const seeded = cartCodeSeed(first);
    // The table as the first cart codes made it: the percentage calculator alone.
    const older = columnsSql(first).replace(
      /CHECK \(calculator IN \([^)]*\)\)/,
      "CHECK (calculator = 'PLUGIN_CALCULATOR_PERCENTAGE')",
    );
    expect(older).not.toContain('PLUGIN_CALCULATOR_FIXED');
    first.pragma('foreign_keys = OFF');
    first.exec(`DROP TABLE discount_amounts; CREATE TABLE older_discounts ${older};
      INSERT INTO older_discounts SELECT * FROM discounts; DROP TABLE discounts;
      ALTER TABLE older_discounts RENAME TO discounts;`);
    first.close();
    const reopened = await openDatabase(path, { clock });
    expect(cartCodeSeed(reopened)).toEqual(seeded);
    expect(columnsSql(reopened)).toContain('PLUGIN_CALCULATOR_FIXED');
    expect(reopened.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(reopened.pragma('foreign_key_check')).toEqual([]);
    insertFixedVoucher(reopened);
    expect(
      reopened
        .prepare('SELECT gross_amount FROM discount_amounts WHERE currency = ?')
        .pluck()
        .get('EUR'),
    ).toBe(500);
    reopened.close();
    // Made again once: a second opening finds the table as it is now.
    const again = await openDatabase(path, { clock });
    expect(again.prepare('SELECT count(*) FROM discount_amounts').pluck().get()).toBe(2);
    again.close();
  });

  it('gives a database made before customer addresses their table, empty', async () => {
    const path = join(scratch, 'before-addresses.sqlite');
    const first = await openDatabase(path, { clock });
    first.exec(`DROP TABLE customer_addresses`);
    first.close();
    const reopened = await openDatabase(path, { clock });
    expect(reopened.prepare('SELECT count(*) FROM customer_addresses').pluck().get()).toBe(0);
    const indexes = reopened
      .prepare<[], string>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer_addresses' AND sql IS NOT NULL ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual([
      'customer_addresses_customer',
      'customer_addresses_one_default_billing',
      'customer_addresses_one_default_shipping',
    ]);
    reopened.close();
  });

  it('seeds the stores, their currencies, locales and countries, countries by ISO2 code', () => {
    expect(
      db.prepare('SELECT id, name, default_currency, default_locale FROM stores').all(),
    ).toEqual([
      { id: 1, name: 'DE', default_currency: 'EUR', default_locale: 'en_US' },
      { id: 2, name: 'AT', default_currency: 'EUR', default_locale: 'en_US' },
    ]);
    expect(db.prepare('SELECT id, iso2_code FROM countries ORDER BY id').all()).toEqual([
      { id: 1, iso2_code: 'AT' },
      { id: 2, iso2_code: 'CH' },
      { id: 3, iso2_code: 'DE' },
    ]);
    const countriesOf = (store: string): unknown[] =>
      db
        .prepare<[string], string>(
          `SELECT c.iso2_code FROM store_countries AS x JOIN countries AS c ON c.id = x.country_id
           JOIN stores AS s ON s.id = x.store_id WHERE s.name = ? ORDER BY c.id`,
        )
        .pluck()
        .all(store);
    expect(countriesOf('DE')).toEqual(['CH', 'DE']);
    expect(countriesOf('AT')).toEqual(['AT']);
    expect(
      db
        .prepare('SELECT store_id, currency_code FROM store_currencies ORDER BY store_id, position')
        .all(),
    ).toEqual([
      { store_id: 1, currency_code: 'EUR' },
      { store_id: 1, currency_code: 'CHF' },
      { store_id: 2, currency_code: 'EUR' },
      { store_id: 2, currency_code: 'CHF' },
    ]);
  });

  it('names every product in en_US and de_DE, from products.csv and products-de.csv', () => {
    const german = readSeedCsv('products-de.csv', ['concrete_sku', 'name_de_DE']);
    const names = db
      .prepare<[], { sku: string; locale: string; name: string }>(
        'SELECT sku, locale, name FROM product_concrete_names ORDER BY locale, sku',
      )
      .all();
    expect(names.filter((row) => row.locale === 'de_DE')).toEqual(
      german
        .map((record) => ({
          sku: record.concrete_sku ?? '',
          locale: 'de_DE',
          name: record.name_de_DE,
        }))
        .sort((a, b) => (a.sku < b.sku ? -1 : 1)),
    );
    expect(names.filter((row) => row.locale === 'en_US')).toHaveLength(60);
    expect(
      db
        .prepare('SELECT locale, name FROM product_abstract_names WHERE sku = ? ORDER BY locale')
        .all('666'),
    ).toEqual([
      { locale: 'de_DE', name: 'Geschenkgutschein' },
      { locale: 'en_US', name: 'Gift Card 5000' },
    ]);
  });

  it('names the products of a database made before the names existed, once', async () => {
    const path = join(scratch, 'no-names.sqlite');
    const first = await openDatabase(path);
    const names = (database: Database.Database): unknown[] =>
      ['product_abstract_names', 'product_concrete_names'].map((table) =>
        database.prepare(`SELECT * FROM ${table} ORDER BY sku, locale`).all(),
      );
    const seeded = names(first);
    first.exec('DROP TABLE product_abstract_names; DROP TABLE product_concrete_names;');
    first.close();
    const reopened = await openDatabase(path);
    expect(names(reopened)).toEqual(seeded);
    reopened.close();
  });

  it('adds the stores to a database made before they existed, once', async () => {
    const path = join(scratch, 'no-stores.sqlite');
    const first = await openDatabase(path);
    const stores = (database: Database.Database): unknown[] =>
      [
        'stores',
        'currencies',
        'store_currencies',
        'store_locales',
        'countries',
        'store_countries',
      ].map((table) => database.prepare(`SELECT * FROM ${table}`).all());
    const seeded = stores(first);
    const rest = everything(first);
    first.exec(`DROP TABLE store_countries; DROP TABLE countries; DROP TABLE store_locales;
      DROP TABLE store_currencies; DROP TABLE stores; DROP TABLE currencies;`);
    first.close();
    const reopened = await openDatabase(path);
    expect(stores(reopened)).toEqual(seeded);
    expect(everything(reopened)).toEqual(rest);
    reopened.close();
    const again = await openDatabase(path);
    expect(stores(again)).toEqual(seeded);
    again.close();
  });

  it('gives the orders of a database made before updated_at existed their created_at', async () => {
    const path = join(scratch, 'no-updated-at.sqlite');
    const first = await openDatabase(path);
    const seeded = everything(first);
    first.exec('ALTER TABLE orders DROP COLUMN updated_at');
    first.close();
    const reopened = await openDatabase(path);
    expect(everything(reopened)).toEqual(seeded);
    expect(
      reopened.prepare('SELECT count(*) FROM orders WHERE updated_at <> created_at').pluck().get(),
    ).toBe(0);
    reopened.close();
  });

  it('adds the demo orders to a database that has products but no orders', async () => {
    const path = join(scratch, 'no-orders.sqlite');
    const first = await openDatabase(path, { clock });
    const seeded = everything(first);
    first.exec('DELETE FROM order_items; DELETE FROM orders;');
    first.close();
    const reopened = await openDatabase(path, { clock });
    const [, , orders, items] = everything(reopened) as unknown[][];
    const [, , seededOrders, seededItems] = seeded as unknown[][];
    // New rowids, same orders.
    const withoutIds = (rows: unknown[] | undefined): unknown[] =>
      (rows ?? []).map((row) => {
        const { id: _id, order_id: _orderId, ...rest } = row as Record<string, unknown>;
        return rest;
      });
    expect(withoutIds(orders)).toEqual(withoutIds(seededOrders));
    expect(withoutIds(items)).toEqual(withoutIds(seededItems));
    reopened.close();
  });

  it('keeps the orders of a database made before references were DE--<n>, and answers them', async () => {
    const path = join(scratch, 'ord-references.sqlite');
    const first = await openDatabase(path, { clock });
    // The references and dates the demo orders had then.
    first.exec(`UPDATE orders SET order_reference = 'DE--ORD-' || (1000 + id),
      created_at = '2025-' || substr(created_at, 6), updated_at = '2025-' || substr(created_at, 6)`);
    const older = everything(first);
    first.close();
    const reopened = await openDatabase(path, { clock: () => Date.now() });
    expect(everything(reopened)).toEqual(older);
    reopened.close();
    const t = await makeTestGlue({ dbPath: path });
    try {
      const reference = t.glue.db
        .prepare<[], string>('SELECT order_reference FROM orders WHERE id_customer = 21 LIMIT 1')
        .pluck()
        .get();
      expect(reference).toMatch(/^DE--ORD-10\d\d$/);
      const headers = bearer((await signInCustomer(t)).accessToken);
      const response = await t.send('GET', `/orders/${reference}`, { headers });
      expect(response.status).toBe(200);
    } finally {
      t.close();
    }
  });
});
