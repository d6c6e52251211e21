import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import {
  ensureCustomerSearchIndex,
  registerCustomerSearchFunctions,
} from '../features/agents/customer-search';
import { generateDemoOrders } from '../features/orders/demo-orders';
import type {
  DemoOrderCustomer,
  DemoOrderProduct,
  DemoShipmentMethod,
} from '../features/orders/demo-orders';
import { salesOrderItemUuid } from '../features/orders/orders';
import { generateCustomers } from '../features/customers/generated-customers';
import { hashPassword } from './passwords';
import { CURRENCY, STORE } from './pricing';

const SEED_DIR = fileURLToPath(new URL('./seed-data/', import.meta.url));

// spy_discount's columns as the stand-in keeps them (§10): also what migrate() rebuilds a table
// of an older database with, whose calculator allowed the percentage alone.
const DISCOUNTS_COLUMNS = `
  id INTEGER PRIMARY KEY,
  discount_key TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  description TEXT NOT NULL,
  discount_type TEXT NOT NULL CHECK (discount_type = 'voucher'),
  calculator TEXT NOT NULL
    CHECK (calculator IN ('PLUGIN_CALCULATOR_PERCENTAGE', 'PLUGIN_CALCULATOR_FIXED')),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  store TEXT NOT NULL,
  decision_rule TEXT NOT NULL,
  collector TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  is_active INTEGER NOT NULL CHECK (is_active IN (0, 1)),
  is_exclusive INTEGER NOT NULL CHECK (is_exclusive IN (0, 1)),
  priority INTEGER NOT NULL
`;

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
-- §13: every mail the stand-in would send (it sends none), for GET /agent-outbox-mails. A
-- restore-password mail carries the key Spryker stores on the customer and the link it builds.
CREATE TABLE IF NOT EXISTS mail_outbox (
  id INTEGER PRIMARY KEY,
  id_customer INTEGER NOT NULL REFERENCES customers (id),
  recipient TEXT NOT NULL,
  type TEXT NOT NULL,
  subject TEXT NOT NULL,
  restore_password_key TEXT,
  restore_password_link TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mail_outbox_recipient ON mail_outbox (recipient COLLATE NOCASE, id);
-- §12: the return reasons (seed-data/return-reasons.csv), one row per reason and locale.
CREATE TABLE IF NOT EXISTS return_reasons (
  position INTEGER NOT NULL,
  locale TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (position, locale)
);
-- §12: a customer's returns, <customerReference>-R<n>, and what each returns: one order item
-- each, and an order item in one return at most (UNIQUE), so two returns of it cannot both win.
CREATE TABLE IF NOT EXISTS returns (
  id INTEGER PRIMARY KEY,
  return_reference TEXT NOT NULL UNIQUE,
  id_customer INTEGER NOT NULL REFERENCES customers (id),
  store TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS returns_customer ON returns (id_customer, id);
CREATE TABLE IF NOT EXISTS return_items (
  id INTEGER PRIMARY KEY,
  return_id INTEGER NOT NULL REFERENCES returns (id),
  order_item_id INTEGER NOT NULL UNIQUE REFERENCES order_items (id),
  uuid TEXT NOT NULL UNIQUE,
  reason TEXT,
  remuneration_amount INTEGER NOT NULL,
  canceled_amount INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS return_items_return ON return_items (return_id, id);
-- The search's whole-reference match, in any letter case (see customer-search.ts).
CREATE UNIQUE INDEX IF NOT EXISTS customers_reference_nocase
  ON customers (customer_reference COLLATE NOCASE);
-- One row per POST /agent-customer-impersonation-access-tokens: who acted as whom, why, from when
-- to when. ended_at is set when the session's refresh token is revoked; a session left to expire
-- ends with its last token (impersonation_tokens.expires_at). reason is the agent's, cleaned up.
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
-- GET /agent-impersonation-sessions without a customer: newest first (the rowid breaks ties).
CREATE INDEX IF NOT EXISTS impersonation_sessions_started
  ON impersonation_sessions (started_at);
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
-- The catalog, from seed-data/products.csv: abstract products, their concrete products and the
-- concrete products' DEFAULT prices in EUR cents (gross; net only where the data has one).
CREATE TABLE IF NOT EXISTS product_abstracts (
  sku TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  position INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS product_concretes (
  sku TEXT PRIMARY KEY,
  abstract_sku TEXT NOT NULL REFERENCES product_abstracts (sku),
  name TEXT NOT NULL,
  gross_price INTEGER NOT NULL CHECK (gross_price >= 0),
  net_price INTEGER CHECK (net_price >= 0),
  position INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS product_concretes_abstract
  ON product_concretes (abstract_sku, position);
-- The products' names in each locale of the store (§7.2): en_US from products.csv, de_DE from
-- products-de.csv. A product without a name in a locale is shown with its name above.
CREATE TABLE IF NOT EXISTS product_abstract_names (
  sku TEXT NOT NULL REFERENCES product_abstracts (sku),
  locale TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (sku, locale)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS product_concrete_names (
  sku TEXT NOT NULL REFERENCES product_concretes (sku),
  locale TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (sku, locale)
) WITHOUT ROWID;
-- A customer's carts (Spryker's quotes). Exactly one of a customer's carts is the default one
-- while they have any. Prices are not stored: a cart is priced when it is read.
CREATE TABLE IF NOT EXISTS carts (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  id_customer INTEGER NOT NULL REFERENCES customers (id),
  name TEXT NOT NULL,
  price_mode TEXT NOT NULL CHECK (price_mode IN ('GROSS_MODE', 'NET_MODE')),
  currency TEXT NOT NULL,
  store TEXT NOT NULL,
  is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS carts_customer ON carts (id_customer, id);
CREATE UNIQUE INDEX IF NOT EXISTS carts_one_default ON carts (id_customer) WHERE is_default = 1;
-- One row per concrete product in a cart; the group key is the SKU. id orders the items as added.
CREATE TABLE IF NOT EXISTS cart_items (
  id INTEGER PRIMARY KEY,
  cart_id INTEGER NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  sku TEXT NOT NULL REFERENCES product_concretes (sku),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  UNIQUE (cart_id, sku)
);
-- Placed orders, with the names and prices of the day and both addresses (JSON objects).
CREATE TABLE IF NOT EXISTS orders (
  id INTEGER PRIMARY KEY,
  order_reference TEXT NOT NULL UNIQUE,
  id_customer INTEGER NOT NULL REFERENCES customers (id),
  created_at TEXT NOT NULL,
  -- GET /orders?sort=updatedAt; a demo order has not changed since it was placed.
  updated_at TEXT NOT NULL,
  store TEXT NOT NULL,
  currency TEXT NOT NULL,
  price_mode TEXT NOT NULL,
  shipment_method TEXT NOT NULL,
  -- Nullable, as in the databases made before it that migrate() gives it to.
  shipment_carrier TEXT,
  shipment_price INTEGER NOT NULL,
  billing_address TEXT NOT NULL,
  shipping_address TEXT NOT NULL,
  -- As the checkout request named them (§9.4); null for a demo order, paid by DummyPayment Invoice.
  payment_provider TEXT,
  payment_method TEXT
);
CREATE INDEX IF NOT EXISTS orders_customer ON orders (id_customer, created_at, id);
-- The deliveries of an order placed through checkout (§9.3), one per shipment of the request,
-- each with its address; a demo order has none and is its own one shipment (orders.shipment_*).
CREATE TABLE IF NOT EXISTS order_shipments (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  method TEXT NOT NULL,
  carrier TEXT NOT NULL,
  price INTEGER NOT NULL,
  shipping_address TEXT NOT NULL,
  requested_delivery_date TEXT
);
CREATE INDEX IF NOT EXISTS order_shipments_order ON order_shipments (order_id, id);
CREATE TABLE IF NOT EXISTS order_items (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_gross_price INTEGER NOT NULL,
  state TEXT NOT NULL,
  -- Spryker's UUID of the item (salesOrderItemUuid), set once its id is known; unique (migrate()).
  uuid TEXT,
  -- The delivery it goes with; null for a demo order's items (migrate() adds it to older files).
  shipment_id INTEGER REFERENCES order_shipments (id)
);
CREATE INDEX IF NOT EXISTS order_items_order ON order_items (order_id, id);
-- The voucher discounts of §10a (seed-data/vouchers.csv): Spryker's spy_discount with its one
-- voucher pool, active as the discount is. amount is PLUGIN_CALCULATOR_PERCENTAGE's (500 = 5 %);
-- a PLUGIN_CALCULATOR_FIXED discount takes its discount_amounts instead. valid_from and valid_to
-- are UTC. The stand-in seeds no cart rule (§5).
CREATE TABLE IF NOT EXISTS discounts (${DISCOUNTS_COLUMNS});
-- A fixed-amount discount's amount in each currency (spy_discount_amount), in cents: gross_amount
-- for a GROSS_MODE cart, net_amount for a NET_MODE one; unset takes nothing. The seed has none.
CREATE TABLE IF NOT EXISTS discount_amounts (
  id INTEGER PRIMARY KEY,
  discount_id INTEGER NOT NULL REFERENCES discounts (id),
  currency TEXT NOT NULL REFERENCES currencies (code),
  gross_amount INTEGER CHECK (gross_amount >= 0),
  net_amount INTEGER CHECK (net_amount >= 0),
  UNIQUE (discount_id, currency)
);
-- What a discount's collector (attribute.color = "white") selects among the stand-in's
-- products, which carry no attributes: the SKUs vouchers.csv lists for it.
CREATE TABLE IF NOT EXISTS discount_collector_skus (
  discount_id INTEGER NOT NULL REFERENCES discounts (id),
  sku TEXT NOT NULL REFERENCES product_concretes (sku),
  PRIMARY KEY (discount_id, sku)
) WITHOUT ROWID;
-- A use is counted when an order is placed with the code (§10); 0 uses allowed = unlimited.
CREATE TABLE IF NOT EXISTS discount_vouchers (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  discount_id INTEGER NOT NULL REFERENCES discounts (id),
  voucher_batch INTEGER NOT NULL,
  max_number_of_uses INTEGER NOT NULL CHECK (max_number_of_uses >= 0),
  number_of_uses INTEGER NOT NULL CHECK (number_of_uses >= 0),
  is_active INTEGER NOT NULL CHECK (is_active IN (0, 1))
);
-- The gift cards of §10a (seed-data/gift-card-codes.csv), value in cents of their currency.
CREATE TABLE IF NOT EXISTS gift_cards (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  value INTEGER NOT NULL CHECK (value >= 0),
  currency TEXT NOT NULL,
  is_active INTEGER NOT NULL CHECK (is_active IN (0, 1))
);
-- What was spent of a gift card (spy_gift_card_balance_log): actualValue = value − Σ value. A row
-- is an order's gift-card payment; order_id is null for what the demo's spent card paid before.
CREATE TABLE IF NOT EXISTS gift_card_balance_log (
  id INTEGER PRIMARY KEY,
  gift_card_id INTEGER NOT NULL REFERENCES gift_cards (id),
  order_id INTEGER REFERENCES orders (id),
  value INTEGER NOT NULL CHECK (value >= 0)
);
CREATE INDEX IF NOT EXISTS gift_card_balance_log_card ON gift_card_balance_log (gift_card_id);
CREATE INDEX IF NOT EXISTS gift_card_balance_log_order ON gift_card_balance_log (order_id)
  WHERE order_id IS NOT NULL;
-- The codes a cart holds, each a voucher or a gift card; id orders them as they were added.
CREATE TABLE IF NOT EXISTS cart_codes (
  id INTEGER PRIMARY KEY,
  cart_id INTEGER NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  voucher_id INTEGER REFERENCES discount_vouchers (id),
  gift_card_id INTEGER REFERENCES gift_cards (id),
  CHECK ((voucher_id IS NULL) <> (gift_card_id IS NULL)),
  UNIQUE (cart_id, voucher_id),
  UNIQUE (cart_id, gift_card_id)
);
-- What each discount took from an order item when it was placed (spy_sales_discount): amount is
-- the item's whole share, unit_amount its unitDiscountAmountAggregation.
CREATE TABLE IF NOT EXISTS order_item_discounts (
  id INTEGER PRIMARY KEY,
  order_item_id INTEGER NOT NULL REFERENCES order_items (id),
  discount_id INTEGER NOT NULL,
  display_name TEXT NOT NULL,
  description TEXT NOT NULL,
  voucher_code TEXT,
  unit_amount INTEGER NOT NULL CHECK (unit_amount >= 0),
  amount INTEGER NOT NULL CHECK (amount >= 0)
);
CREATE INDEX IF NOT EXISTS order_item_discounts_item ON order_item_discounts (order_item_id, id);
-- Every change made with an impersonation token (carts, their items, their codes, checkouts), for
-- the audit trail: which session (and so which agent) did what to which customer's cart, and
-- whether it worked; order_reference is the order a checkout placed (or a return's items came
-- from), code the voucher or gift card a cart-code change named, return_reference the return made.
-- A change that worked is written in the same transaction as the change itself; a request that
-- failed afterwards, with success 0, its HTTP status and its error codes (comma-separated).
CREATE TABLE IF NOT EXISTS impersonation_audit (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES impersonation_sessions (id),
  id_agent INTEGER NOT NULL,
  id_customer INTEGER NOT NULL,
  method TEXT NOT NULL,
  resource TEXT NOT NULL,
  cart_uuid TEXT,
  cart_name TEXT,
  sku TEXT,
  quantity_before INTEGER,
  quantity_after INTEGER,
  order_reference TEXT,
  code TEXT,
  wishlist_uuid TEXT,
  wishlist_name TEXT,
  return_reference TEXT,
  success INTEGER NOT NULL CHECK (success IN (0, 1)),
  status INTEGER NOT NULL,
  error_code TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS impersonation_audit_session ON impersonation_audit (session_id, id);
-- What happened to a session besides changes, oldest first by id: the agent switched between
-- looking and changing (event 'change-mode', mode 'view' or 'change'), or another session of the
-- same customer started while this one was open (event 'joined-by', other_session_id the new
-- one). One 'joined-by' row is both sides of an overlap: the older session was joined, the newer
-- started alongside it; it is written in the transaction that starts the newer session.
CREATE TABLE IF NOT EXISTS impersonation_session_events (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES impersonation_sessions (id),
  event TEXT NOT NULL CHECK (event IN ('change-mode', 'joined-by')),
  mode TEXT CHECK (mode IN ('view', 'change')),
  other_session_id INTEGER REFERENCES impersonation_sessions (id),
  created_at INTEGER NOT NULL,
  CHECK ((event = 'change-mode') = (mode IS NOT NULL)),
  CHECK ((event = 'joined-by') = (other_session_id IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS impersonation_session_events_session
  ON impersonation_session_events (session_id, id);
-- A session's 'alongside': the overlaps it started with, found from its side.
CREATE INDEX IF NOT EXISTS impersonation_session_events_other
  ON impersonation_session_events (other_session_id, id) WHERE other_session_id IS NOT NULL;
-- The stores of the region (§7.1): seed-data/stores.csv with currencies.csv, and the countries
-- of countries.csv with the stores each belongs to. position keeps each list in import order.
CREATE TABLE IF NOT EXISTS currencies (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stores (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  default_currency TEXT NOT NULL REFERENCES currencies (code),
  default_locale TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS store_currencies (
  store_id INTEGER NOT NULL REFERENCES stores (id),
  currency_code TEXT NOT NULL REFERENCES currencies (code),
  position INTEGER NOT NULL,
  PRIMARY KEY (store_id, currency_code)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS store_locales (
  store_id INTEGER NOT NULL REFERENCES stores (id),
  locale TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (store_id, locale)
) WITHOUT ROWID;
-- Spryker numbers the countries as it installs them, in the order of CLDR's territories.json.
CREATE TABLE IF NOT EXISTS countries (
  id INTEGER PRIMARY KEY,
  iso2_code TEXT NOT NULL UNIQUE,
  iso3_code TEXT NOT NULL,
  name TEXT NOT NULL,
  postal_code_mandatory INTEGER NOT NULL CHECK (postal_code_mandatory IN (0, 1)),
  postal_code_regex TEXT
);
CREATE TABLE IF NOT EXISTS store_countries (
  store_id INTEGER NOT NULL REFERENCES stores (id),
  country_id INTEGER NOT NULL REFERENCES countries (id),
  PRIMARY KEY (store_id, country_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS login_attempts (
  ip TEXT NOT NULL,
  username TEXT NOT NULL,
  count INTEGER NOT NULL,
  first_failed_at INTEGER NOT NULL,
  blocked_until INTEGER,
  PRIMARY KEY (ip, username)
);
-- The customers' saved addresses (§8); the demo data has none. id orders a customer's addresses
-- as they were created and is never used twice (AUTOINCREMENT): the UUID is made from it, as
-- Spryker's UUID behaviour makes it. A customer has at most one default shipping and one default
-- billing address; deleting it leaves the customer without that default.
CREATE TABLE IF NOT EXISTS customer_addresses (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  id_customer INTEGER NOT NULL REFERENCES customers (id),
  salutation TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  address1 TEXT NOT NULL,
  address2 TEXT NOT NULL,
  address3 TEXT,
  zip_code TEXT NOT NULL,
  city TEXT NOT NULL,
  iso2_code TEXT NOT NULL,
  company TEXT,
  phone TEXT,
  is_default_shipping INTEGER NOT NULL CHECK (is_default_shipping IN (0, 1)),
  is_default_billing INTEGER NOT NULL CHECK (is_default_billing IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS customer_addresses_customer ON customer_addresses (id_customer, id);
CREATE UNIQUE INDEX IF NOT EXISTS customer_addresses_one_default_shipping
  ON customer_addresses (id_customer) WHERE is_default_shipping = 1;
CREATE UNIQUE INDEX IF NOT EXISTS customer_addresses_one_default_billing
  ON customer_addresses (id_customer) WHERE is_default_billing = 1;
-- The customers' wishlists (§11); the demo data has none. id orders a customer's wishlists as
-- they were created (Spryker sets no sort: rows come by id) and is never used twice, so the UUID
-- made from it, as Spryker's UUID behaviour makes it (key fk_customer.id_wishlist), is never
-- reused. A name is unique per customer: checked in the writing transaction, MariaDB's way (§11).
CREATE TABLE IF NOT EXISTS wishlists (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  id_customer INTEGER NOT NULL REFERENCES customers (id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS wishlists_customer ON wishlists (id_customer, id);
-- A wishlist's items: one per concrete SKU; deleting the wishlist deletes them.
CREATE TABLE IF NOT EXISTS wishlist_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  id_wishlist INTEGER NOT NULL REFERENCES wishlists (id) ON DELETE CASCADE,
  sku TEXT NOT NULL REFERENCES product_concretes (sku),
  created_at TEXT NOT NULL,
  UNIQUE (id_wishlist, sku)
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

interface UserRow {
  id: number;
  username: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  locale: string;
  isAgent: number;
}

/** users.csv with the passwords hashed: before the seed, whose transaction cannot span an await. */
async function hashUsers(): Promise<UserRow[]> {
  const records = readSeedCsv('users.csv', [
    'username',
    'password',
    'first_name',
    'last_name',
    'locale',
    'is_agent',
  ]);
  return Promise.all(
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
}

function seedUsers(db: Database.Database, rows: readonly UserRow[]): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO users (id, username, password_hash, first_name, last_name, locale, is_agent)
     VALUES (@id, @username, @passwordHash, @firstName, @lastName, @locale, @isAgent)`,
  );
  for (const row of rows) insert.run(row);
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
}

/** GLUE_SEED_CUSTOMERS: generated customers after the demo ones. */
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
  for (const customer of customers) insert.run(customer);
}

function centsColumn(record: Record<string, string>, name: string, fileName: string): number {
  const value = column(record, name);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new Error(`seed-data/${fileName}: "${value}" in ${name} is not a whole number of cents.`);
  }
  return Number(value);
}

/** The catalog from products.csv: each abstract product named as its first concrete product. */
function seedProducts(db: Database.Database): void {
  const fileName = 'products.csv';
  const records = readSeedCsv(fileName, [
    'concrete_sku',
    'abstract_sku',
    'name_en',
    'gross_price_eur_cents',
    'net_price_eur_cents',
  ]);
  const insertAbstract = db.prepare(
    'INSERT OR IGNORE INTO product_abstracts (sku, name, position) VALUES (?, ?, ?)',
  );
  const insertConcrete = db.prepare(
    `INSERT OR IGNORE INTO product_concretes (sku, abstract_sku, name, gross_price, net_price,
       position)
     VALUES (@sku, @abstractSku, @name, @grossPrice, @netPrice, @position)`,
  );
  records.forEach((record, position) => {
    const abstractSku = column(record, 'abstract_sku');
    const name = column(record, 'name_en');
    const net = column(record, 'net_price_eur_cents');
    insertAbstract.run(abstractSku, name, position);
    insertConcrete.run({
      sku: column(record, 'concrete_sku'),
      abstractSku,
      name,
      grossPrice: centsColumn(record, 'gross_price_eur_cents', fileName),
      netPrice: net === '' ? null : centsColumn(record, 'net_price_eur_cents', fileName),
      position,
    });
  });
}

/**
 * The products' names per locale: en_US as the catalog has them (products.csv), de_DE from
 * products-de.csv (`name_de_DE` the concrete name, `abstract_name_de_DE` the abstract one).
 */
function seedProductNames(db: Database.Database): void {
  const fileName = 'products-de.csv';
  const german = readSeedCsv(fileName, [
    'concrete_sku',
    'abstract_sku',
    'name_de_DE',
    'abstract_name_de_DE',
  ]);
  db.exec(`INSERT INTO product_abstract_names (sku, locale, name)
      SELECT sku, 'en_US', name FROM product_abstracts;
    INSERT INTO product_concrete_names (sku, locale, name)
      SELECT sku, 'en_US', name FROM product_concretes;`);
  const insertAbstract = db.prepare(
    `INSERT OR IGNORE INTO product_abstract_names (sku, locale, name) VALUES (?, 'de_DE', ?)`,
  );
  const insertConcrete = db.prepare(
    `INSERT INTO product_concrete_names (sku, locale, name) VALUES (?, 'de_DE', ?)`,
  );
  for (const record of german) {
    insertAbstract.run(column(record, 'abstract_sku'), column(record, 'abstract_name_de_DE'));
    insertConcrete.run(column(record, 'concrete_sku'), column(record, 'name_de_DE'));
  }
}

/**
 * The demo customers' order history (demo-orders.ts), dated relative to `createdAtMs`, the day
 * the database is created; none for generated customers.
 */
function seedDemoOrders(db: Database.Database, createdAtMs: number): void {
  const findCustomer = db.prepare<[string], DemoOrderCustomer>(
    `SELECT id, salutation, first_name AS firstName, last_name AS lastName
     FROM customers WHERE customer_reference = ?`,
  );
  const customers = readSeedCsv('customers.csv', ['customer_reference']).flatMap((record) => {
    const customer = findCustomer.get(column(record, 'customer_reference'));
    return customer === undefined ? [] : [customer];
  });
  const products = db
    .prepare<[], DemoOrderProduct>(
      'SELECT sku, name, gross_price AS grossPrice FROM product_concretes ORDER BY position',
    )
    .all();
  const orders = generateDemoOrders(customers, products, readShipmentMethods(), createdAtMs);
  const insertOrder = db.prepare(
    `INSERT INTO orders (order_reference, id_customer, created_at, updated_at, store, currency,
       price_mode, shipment_method, shipment_carrier, shipment_price, billing_address,
       shipping_address)
     VALUES (@reference, @idCustomer, @createdAt, @createdAt, '${STORE}', '${CURRENCY}', 'GROSS_MODE',
       @shipmentMethod, @shipmentCarrier, @shipmentPrice, @billingAddress, @shippingAddress)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO order_items (order_id, sku, name, quantity, unit_gross_price, state)
     VALUES (@orderId, @sku, @name, @quantity, @unitGrossPrice, @state)`,
  );
  const setItemUuid = db.prepare('UPDATE order_items SET uuid = ? WHERE id = ?');
  for (const order of orders) {
    const { lastInsertRowid } = insertOrder.run({
      reference: order.reference,
      idCustomer: order.idCustomer,
      createdAt: order.createdAt,
      shipmentMethod: order.shipmentMethod,
      shipmentCarrier: order.shipmentCarrier,
      shipmentPrice: order.shipmentPrice,
      billingAddress: JSON.stringify(order.billingAddress),
      shippingAddress: JSON.stringify(order.shippingAddress),
    });
    for (const item of order.items) {
      const id = Number(insertItem.run({ orderId: lastInsertRowid, ...item }).lastInsertRowid);
      setItemUuid.run(salesOrderItemUuid(id), id);
    }
  }
}

/** seed-data/shipment-methods.csv: the demo shop's shipment methods of store DE. */
function readShipmentMethods(): DemoShipmentMethod[] {
  const fileName = 'shipment-methods.csv';
  return readSeedCsv(fileName, [
    'shipment_method_key',
    'carrier_name',
    'name',
    'gross_price_eur_cents_de',
  ]).map((record) => ({
    key: column(record, 'shipment_method_key'),
    name: column(record, 'name'),
    carrierName: column(record, 'carrier_name'),
    grossPrice: centsColumn(record, 'gross_price_eur_cents_de', fileName),
  }));
}

function columnsOf(db: Database.Database, table: string): string[] {
  return db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck().all(table);
}

/** A `|`-separated list of a seed column; empty parts are not values. */
function listColumn(record: Record<string, string>, name: string): string[] {
  return column(record, name)
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * The stores with their currencies and locales (stores.csv, currencies.csv) and the countries
 * (countries.csv, whose `stores` column names the stores a country belongs to). Spryker installs
 * every CLDR territory in the order of `data/cldr/en/territories.json`, which lists them by code:
 * the countries are numbered in ISO2 order, which is the order a store answers them in (spryker/
 * country 4.4.0 `Business/Internal/Install.php`).
 */
function seedStores(db: Database.Database): void {
  const currencies = readSeedCsv('currencies.csv', ['code', 'name']);
  const stores = readSeedCsv('stores.csv', [
    'name',
    'default_currency',
    'currencies',
    'default_locale',
    'locales',
  ]);
  const countries = readSeedCsv('countries.csv', [
    'iso2_code',
    'iso3_code',
    'name',
    'postal_code_mandatory',
    'postal_code_regex',
    'stores',
  ]);
  const insertCurrency = db.prepare('INSERT INTO currencies (code, name) VALUES (?, ?)');
  for (const record of currencies)
    insertCurrency.run(column(record, 'code'), column(record, 'name'));
  const insertStore = db.prepare(
    'INSERT INTO stores (id, name, default_currency, default_locale) VALUES (?, ?, ?, ?)',
  );
  const insertStoreCurrency = db.prepare(
    'INSERT INTO store_currencies (store_id, currency_code, position) VALUES (?, ?, ?)',
  );
  const insertStoreLocale = db.prepare(
    'INSERT INTO store_locales (store_id, locale, position) VALUES (?, ?, ?)',
  );
  const storeIds = new Map<string, number>();
  stores.forEach((record, index) => {
    const id = index + 1;
    const name = column(record, 'name');
    const locales = listColumn(record, 'locales');
    const defaultLocale = column(record, 'default_locale');
    if (!locales.includes(defaultLocale)) {
      throw new Error(`seed-data/stores.csv: ${name}'s default locale is not among its locales.`);
    }
    insertStore.run(id, name, column(record, 'default_currency'), defaultLocale);
    listColumn(record, 'currencies').forEach((code, position) => {
      insertStoreCurrency.run(id, code, position);
    });
    locales.forEach((locale, position) => insertStoreLocale.run(id, locale, position));
    storeIds.set(name, id);
  });
  const insertCountry = db.prepare(
    `INSERT INTO countries (id, iso2_code, iso3_code, name, postal_code_mandatory,
       postal_code_regex)
     VALUES (@id, @iso2Code, @iso3Code, @name, @postalCodeMandatory, @postalCodeRegex)`,
  );
  const insertStoreCountry = db.prepare(
    'INSERT INTO store_countries (store_id, country_id) VALUES (?, ?)',
  );
  const byCode = [...countries].sort((a, b) =>
    column(a, 'iso2_code') < column(b, 'iso2_code') ? -1 : 1,
  );
  byCode.forEach((record, index) => {
    const id = index + 1;
    insertCountry.run({
      id,
      iso2Code: column(record, 'iso2_code'),
      iso3Code: column(record, 'iso3_code'),
      name: column(record, 'name'),
      postalCodeMandatory: column(record, 'postal_code_mandatory') === 'true' ? 1 : 0,
      postalCodeRegex: emptyToNull(column(record, 'postal_code_regex')),
    });
    for (const store of listColumn(record, 'stores')) {
      const storeId = storeIds.get(store);
      if (storeId === undefined) {
        throw new Error(`seed-data/countries.csv: unknown store "${store}".`);
      }
      insertStoreCountry.run(storeId, id);
    }
  });
}

// The decision rules the stand-in evaluates (cart-codes/cart-pricing.ts); any other is refused.
const KNOWN_DECISION_RULES: ReadonlySet<string> = new Set(['sku = "*"']);
const SKU_PATTERN = /^\d+_\d+$/;

function wholeNumberColumn(record: Record<string, string>, name: string, fileName: string): number {
  const value = column(record, name);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new Error(`seed-data/${fileName}: "${value}" in ${name} is not a whole number.`);
  }
  return Number(value);
}

/** `1`/`0` of a seed column as SQLite's boolean; anything else is refused. */
function flagColumn(record: Record<string, string>, name: string, fileName: string): number {
  const value = column(record, name);
  if (value !== '0' && value !== '1') {
    throw new Error(`seed-data/${fileName}: "${value}" in ${name} is not 0 or 1.`);
  }
  return Number(value);
}

/**
 * §10a's vouchers (vouchers.csv): each discount once, with the SKUs its collector selects (the
 * `applies_to_standin_skus` that are in the catalog), then its codes. Only the percentage
 * calculator and the decision rules the stand-in evaluates are accepted: vouchers.csv has no
 * columns for a fixed discount's amounts per currency (discount_amounts), which the B2C demo data
 * gives only cart rules.
 */
function seedVouchers(db: Database.Database): void {
  const fileName = 'vouchers.csv';
  const records = readSeedCsv(fileName, [
    'code',
    'discount_key',
    'id_discount',
    'display_name',
    'description',
    'discount_type',
    'calculator_type',
    'amount',
    'store',
    'decision_rule',
    'collector',
    'applies_to_standin_skus',
    'valid_from',
    'valid_to',
    'is_active',
    'is_exclusive',
    'priority',
    'voucher_batch',
    'max_number_of_uses',
    'number_of_uses',
  ]);
  const insertDiscount = db.prepare(
    `INSERT OR IGNORE INTO discounts (id, discount_key, display_name, description, discount_type,
       calculator, amount, store, decision_rule, collector, valid_from, valid_to, is_active,
       is_exclusive, priority)
     VALUES (@id, @key, @displayName, @description, @discountType, @calculator, @amount, @store,
       @decisionRule, @collector, @validFrom, @validTo, @isActive, @isExclusive, @priority)`,
  );
  const insertSku = db.prepare(
    `INSERT OR IGNORE INTO discount_collector_skus (discount_id, sku)
     SELECT ?, sku FROM product_concretes WHERE sku = ?`,
  );
  const insertVoucher = db.prepare(
    `INSERT INTO discount_vouchers (code, discount_id, voucher_batch, max_number_of_uses,
       number_of_uses, is_active)
     VALUES (@code, @discountId, @batch, @maxUses, @uses, 1)`,
  );
  for (const record of records) {
    const decisionRule = column(record, 'decision_rule');
    if (!KNOWN_DECISION_RULES.has(decisionRule)) {
      throw new Error(`seed-data/${fileName}: the decision rule ${decisionRule} is not evaluated.`);
    }
    const calculator = column(record, 'calculator_type');
    if (calculator !== 'PLUGIN_CALCULATOR_PERCENTAGE') {
      throw new Error(
        `seed-data/${fileName}: the calculator ${calculator} is not seeded (no amounts per currency).`,
      );
    }
    const id = wholeNumberColumn(record, 'id_discount', fileName);
    insertDiscount.run({
      id,
      key: column(record, 'discount_key'),
      displayName: column(record, 'display_name'),
      description: column(record, 'description'),
      discountType: column(record, 'discount_type'),
      calculator,
      amount: wholeNumberColumn(record, 'amount', fileName),
      store: column(record, 'store'),
      decisionRule,
      collector: column(record, 'collector'),
      validFrom: column(record, 'valid_from'),
      validTo: column(record, 'valid_to'),
      isActive: flagColumn(record, 'is_active', fileName),
      isExclusive: flagColumn(record, 'is_exclusive', fileName),
      priority: wholeNumberColumn(record, 'priority', fileName),
    });
    // The column also holds a note where no product matches; only SKUs are read from it.
    for (const sku of column(record, 'applies_to_standin_skus').split(/\s+/)) {
      if (SKU_PATTERN.test(sku)) insertSku.run(id, sku);
    }
    insertVoucher.run({
      code: column(record, 'code'),
      discountId: id,
      batch: wholeNumberColumn(record, 'voucher_batch', fileName),
      maxUses: wholeNumberColumn(record, 'max_number_of_uses', fileName),
      uses: wholeNumberColumn(record, 'number_of_uses', fileName),
    });
  }
}

/**
 * §10a's gift cards (gift-card-codes.csv); a card whose `actual_value_cents` is below its value
 * was spent by an earlier order the demo data does not hold: one balance log row without an order.
 */
function seedGiftCards(db: Database.Database): void {
  const fileName = 'gift-card-codes.csv';
  const records = readSeedCsv(fileName, [
    'code',
    'name',
    'value_cents',
    'currency',
    'actual_value_cents',
    'is_active',
  ]);
  const insertCard = db.prepare(
    `INSERT INTO gift_cards (code, name, value, currency, is_active)
     VALUES (@code, @name, @value, @currency, @isActive)`,
  );
  const insertSpent = db.prepare(
    'INSERT INTO gift_card_balance_log (gift_card_id, order_id, value) VALUES (?, NULL, ?)',
  );
  for (const record of records) {
    const value = centsColumn(record, 'value_cents', fileName);
    const actual = centsColumn(record, 'actual_value_cents', fileName);
    if (actual > value) {
      throw new Error(
        `seed-data/${fileName}: ${column(record, 'code')} holds more than its value.`,
      );
    }
    const { lastInsertRowid } = insertCard.run({
      code: column(record, 'code'),
      name: column(record, 'name'),
      value,
      currency: column(record, 'currency'),
      isActive: flagColumn(record, 'is_active', fileName),
    });
    if (actual < value) insertSpent.run(lastInsertRowid, value - actual);
  }
}

/** seed-data/return-reasons.csv: the demo shop's return reasons in en_US and de_DE (§12). */
function seedReturnReasons(db: Database.Database): void {
  const fileName = 'return-reasons.csv';
  const insert = db.prepare(
    'INSERT INTO return_reasons (position, locale, reason) VALUES (?, ?, ?)',
  );
  for (const record of readSeedCsv(fileName, ['position', 'reason_en_US', 'reason_de_DE'])) {
    const position = wholeNumberColumn(record, 'position', fileName);
    insert.run(position, 'en_US', column(record, 'reason_en_US'));
    insert.run(position, 'de_DE', column(record, 'reason_de_DE'));
  }
}

/** Columns added after a database may have been created; each added once, when missing. */
function migrate(db: Database.Database): void {
  const columns = columnsOf(db, 'refresh_tokens');
  if (!columns.includes('impersonation_session_id')) {
    db.exec(
      'ALTER TABLE refresh_tokens ADD COLUMN impersonation_session_id INTEGER REFERENCES impersonation_sessions (id)',
    );
  }
  // Checked and added under the write lock, column and values at once: a start killed half-way,
  // or two processes opening one file, leave no order without its updated_at.
  db.transaction(() => {
    const orderColumns = db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('orders')")
      .all()
      .map((column) => column.name);
    if (!orderColumns.includes('updated_at')) {
      db.exec(`ALTER TABLE orders ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
        UPDATE orders SET updated_at = created_at;`);
    }
  }).immediate();
  // Here, not in SCHEMA: an older database gets the column only just above. A session's tokens,
  // for when it can still be kept alive (GET /agent-impersonation-sessions).
  db.exec(
    `CREATE INDEX IF NOT EXISTS refresh_tokens_session ON refresh_tokens (impersonation_session_id)
       WHERE impersonation_session_id IS NOT NULL`,
  );
  if (!columnsOf(db, 'orders').includes('shipment_carrier')) {
    db.exec('ALTER TABLE orders ADD COLUMN shipment_carrier TEXT');
  }
  // Orders stored before the carrier was: the demo method of that name and price carried them.
  const carrierOf = db.prepare(
    'UPDATE orders SET shipment_carrier = ? WHERE shipment_carrier IS NULL AND shipment_method = ? AND shipment_price = ?',
  );
  for (const method of readShipmentMethods()) {
    carrierOf.run(method.carrierName, method.name, method.grossPrice);
  }
  if (!columnsOf(db, 'order_items').includes('uuid')) {
    db.exec('ALTER TABLE order_items ADD COLUMN uuid TEXT');
  }
  const withoutUuid = db
    .prepare<[], number>('SELECT id FROM order_items WHERE uuid IS NULL')
    .pluck()
    .all();
  const setItemUuid = db.prepare('UPDATE order_items SET uuid = ? WHERE id = ?');
  for (const id of withoutUuid) setItemUuid.run(salesOrderItemUuid(id), id);
  // What a return names (§12): one item per UUID.
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS order_items_uuid ON order_items (uuid)');
  // Checkout (§9): the payment as sent, and each item's delivery. Null in an older file's orders,
  // which are demo orders: DummyPayment Invoice, one shipment. Checked and added under the write
  // lock, so two processes opening one older file add each column once.
  db.transaction(() => {
    const orderColumns = columnsOf(db, 'orders');
    for (const column of ['payment_provider', 'payment_method']) {
      if (!orderColumns.includes(column)) db.exec(`ALTER TABLE orders ADD COLUMN ${column} TEXT`);
    }
    if (!columnsOf(db, 'order_items').includes('shipment_id')) {
      db.exec(
        'ALTER TABLE order_items ADD COLUMN shipment_id INTEGER REFERENCES order_shipments (id)',
      );
    }
    if (!columnsOf(db, 'impersonation_audit').includes('order_reference')) {
      db.exec('ALTER TABLE impersonation_audit ADD COLUMN order_reference TEXT');
    }
    // Cart codes (§10): the code an agent applied or removed.
    if (!columnsOf(db, 'impersonation_audit').includes('code')) {
      db.exec('ALTER TABLE impersonation_audit ADD COLUMN code TEXT');
    }
    // Wishlists (§11): the wishlist an agent changed, by UUID and name.
    for (const column of ['wishlist_uuid', 'wishlist_name']) {
      if (!columnsOf(db, 'impersonation_audit').includes(column)) {
        db.exec(`ALTER TABLE impersonation_audit ADD COLUMN ${column} TEXT`);
      }
    }
    // Returns (§12): the return an agent made.
    if (!columnsOf(db, 'impersonation_audit').includes('return_reference')) {
      db.exec('ALTER TABLE impersonation_audit ADD COLUMN return_reference TEXT');
    }
  }).immediate();
  // Fixed-amount discounts (§10): the discounts of a database made before them allow the
  // percentage calculator alone. SQLite changes no CHECK in place, so the table is made again
  // with its rows (sqlite.org/lang_altertable.html), foreign keys off while it is swapped; checked
  // again under the write lock, so two processes opening one older file swap it once.
  if (discountsAllowPercentageOnly(db)) {
    db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        if (!discountsAllowPercentageOnly(db)) return;
        const columns = columnsOf(db, 'discounts').join(', ');
        db.exec(`CREATE TABLE discounts_rebuilt (${DISCOUNTS_COLUMNS});
          INSERT INTO discounts_rebuilt (${columns}) SELECT ${columns} FROM discounts;
          DROP TABLE discounts;
          ALTER TABLE discounts_rebuilt RENAME TO discounts;`);
        if ((db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error('discounts: a row refers to a discount that is not there.');
        }
      }).immediate();
    } finally {
      db.pragma('foreign_keys = ON');
    }
  }
}

/** Whether the discounts table is one made before fixed-amount discounts (see migrate()). */
function discountsAllowPercentageOnly(db: Database.Database): boolean {
  const sql = db
    .prepare<[], string>(
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'discounts'",
    )
    .pluck()
    .get();
  return sql !== undefined && !sql.includes('PLUGIN_CALCULATOR_FIXED');
}

// The tables the seed fills, each only when it is empty.
const SEEDED_TABLES = [
  'users',
  'customers',
  'product_concretes',
  'product_concrete_names',
  'orders',
  'stores',
  'discounts',
  'gift_cards',
  'return_reasons',
] as const;

function isEmpty(db: Database.Database, table: (typeof SEEDED_TABLES)[number]): boolean {
  return db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined;
}

export interface OpenDatabaseOptions {
  /** Generated customers to add when the database is new (GLUE_SEED_CUSTOMERS). */
  seedCustomers?: number;
  log?: (line: string) => void;
  /**
   * Milliseconds since the epoch, like Date.now (the stand-in's clock): the demo orders are dated
   * relative to the day it reads when they are seeded.
   */
  clock?: () => number;
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
    const generated = options.seedCustomers ?? 0;
    let hadCustomers = !isEmpty(db, 'customers');
    if (SEEDED_TABLES.some((table) => isEmpty(db, table))) {
      const users = isEmpty(db, 'users') ? await hashUsers() : [];
      // One transaction: a start killed half-way through the seed leaves it all undone, and the
      // next start seeds it all again. Each table is checked again inside the write lock, so two
      // processes opening one new file seed it once; a database made before the catalog and
      // orders existed gets just those.
      db.transaction(() => {
        if (isEmpty(db, 'users')) seedUsers(db, users);
        hadCustomers = !isEmpty(db, 'customers');
        if (!hadCustomers) {
          seedCustomers(db);
          if (generated > 0) seedGeneratedCustomers(db, generated);
        }
        if (isEmpty(db, 'product_concretes')) seedProducts(db);
        if (isEmpty(db, 'product_concrete_names')) seedProductNames(db);
        if (isEmpty(db, 'orders')) seedDemoOrders(db, (options.clock ?? Date.now)());
        if (isEmpty(db, 'stores')) seedStores(db);
        if (isEmpty(db, 'discounts')) seedVouchers(db);
        if (isEmpty(db, 'gift_cards')) seedGiftCards(db);
        if (isEmpty(db, 'return_reasons')) seedReturnReasons(db);
      }).immediate();
    }
    if (hadCustomers && generated > 0) {
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
