import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENT, CART_ATTRIBUTES, CUSTOMER, freshDatabasePath } from '../platform/test-support';
import type { TokenAttributes, TokenDocument } from '../platform/test-support';
import { SONIA_ADDRESS } from '../features/checkout/checkout-fixtures';
import { deliver, returnRequest } from '../features/returns/return-fixtures';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'glue-crash-test-'));
const children = new Set<ChildProcess>();
const CANON = '005_30663301';

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

interface Stand {
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
}

/** `node --import tsx server/main.ts` on the file, as `npm run glue` runs it; its URL once up. */
async function start(dbPath: string, env: Record<string, string> = {}): Promise<Stand> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, GLUE_DB: dbPath, GLUE_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => children.delete(child));
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`the stand-in exited: ${stderr}`)));
  });
  return { url, child, exited };
}

async function post(url: string, path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/vnd.api+json',
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
}

async function signInPair(
  url: string,
  path: string,
  attributes: unknown,
  token?: string,
): Promise<TokenAttributes> {
  const response = await post(url, path, { data: { type: path.slice(1), attributes } }, token);
  expect(response.status).toBe(201);
  return ((await response.json()) as TokenDocument).data.attributes;
}

async function signIn(url: string, path: string, attributes: unknown): Promise<string> {
  return (await signInPair(url, path, attributes)).accessToken;
}

const refreshBody = (refreshToken: string): unknown => ({
  data: { type: 'refresh-tokens', attributes: { refreshToken } },
});

async function newCart(url: string, token: string): Promise<string> {
  const response = await post(
    url,
    '/carts',
    { data: { type: 'carts', attributes: CART_ATTRIBUTES } },
    token,
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

/** §9.1's checkout of the cart to Sonia's address, as the console sends it. */
function checkoutDocument(idCart: string | undefined): unknown {
  const attributes = {
    idCart,
    billingAddress: SONIA_ADDRESS,
    shippingAddress: SONIA_ADDRESS,
    shipment: { idShipmentMethod: 2 },
    payments: [{ paymentProviderName: 'DummyPayment', paymentMethodName: 'Invoice' }],
  };
  return { data: { type: 'checkout', attributes } };
}

/** Sonia's own token, and an agent's impersonation token acting as her. */
async function soniaAndAgent(url: string): Promise<{ token: string; asCustomer: string }> {
  const token = await signIn(url, '/access-tokens', CUSTOMER);
  const agent = await signIn(url, '/agent-access-tokens', AGENT);
  const asCustomer = (
    await signInPair(
      url,
      '/agent-customer-impersonation-access-tokens',
      { customerReference: 'DE--21' },
      agent,
    )
  ).accessToken;
  return { token, asCustomer };
}

/** Rows of `from` (a table, maybe with a WHERE) in the file; null while it cannot be read yet. */
function countRows(dbPath: string, from: string): number | null {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(`SELECT count(*) FROM ${from}`).pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Bytes in the file's write-ahead log; 0 before there is one. */
function walBytes(dbPath: string): number {
  return statSync(`${dbPath}-wal`, { throwIfNoEntry: false })?.size ?? 0;
}

function integrity(dbPath: string): unknown {
  const db = new Database(dbPath);
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

describe('SIGKILL in the middle of a burst of writes', () => {
  it('keeps every acknowledged change, and the database intact', async () => {
    // A seeded copy: the first start would otherwise spend seconds making keys and customers.
    const dbPath = join(scratch, 'crash.sqlite');
    copyFileSync(await freshDatabasePath(), dbPath);
    const first = await start(dbPath);
    const customer = await signInPair(first.url, '/access-tokens', CUSTOMER);
    const token = customer.accessToken;
    const agent = await signIn(first.url, '/agent-access-tokens', AGENT);
    const asCustomer = await signInPair(
      first.url,
      '/agent-customer-impersonation-access-tokens',
      { customerReference: 'DE--21' },
      agent,
    );
    const cartId = await newCart(first.url, token);

    let sent = 0;
    let acknowledged = 0;
    const byAgent = { sent: 0, acknowledged: 0 };
    // The refresh token chain: the last one answered, and the one it replaced.
    let lastRefresh = customer.refreshToken;
    let spentRefresh: string | null = null;
    let rotationInFlight = false;
    const ackedCarts: string[] = [];
    const refused: number[] = [];
    let killed = false;
    const kill = (): void => {
      if (killed) return;
      killed = true;
      first.child.kill('SIGKILL');
    };
    const item = { data: { type: 'items', attributes: { sku: CANON, quantity: 1 } } };
    // Eight clients add one unit at a time, half of them agents acting as the customer; a ninth
    // creates carts and a tenth rotates refresh tokens. Each counts what it was told.
    const adder = async (n: number): Promise<void> => {
      const viaAgent = n % 2 === 1;
      while (!killed) {
        sent += 1;
        if (viaAgent) byAgent.sent += 1;
        try {
          const bearerToken = viaAgent ? asCustomer.accessToken : token;
          const response = await post(first.url, `/carts/${cartId}/items`, item, bearerToken);
          if (response.status === 201) {
            acknowledged += 1;
            if (viaAgent) byAgent.acknowledged += 1;
          } else refused.push(response.status);
          // The kill comes from inside the burst, with requests still in flight.
          if (acknowledged >= 60) kill();
        } catch {
          return;
        }
      }
    };
    const creator = async (): Promise<void> => {
      while (!killed) {
        try {
          const response = await post(
            first.url,
            '/carts',
            { data: { type: 'carts', attributes: { ...CART_ATTRIBUTES, name: 'Burst' } } },
            token,
          );
          if (response.status !== 201) refused.push(response.status);
          else {
            ackedCarts.push(((await response.json()) as { data: { id: string } }).data.id);
          }
        } catch {
          return;
        }
      }
    };
    const rotator = async (): Promise<void> => {
      while (!killed) {
        rotationInFlight = true;
        try {
          const response = await post(first.url, '/refresh-tokens', refreshBody(lastRefresh));
          if (response.status !== 201) refused.push(response.status);
          else {
            spentRefresh = lastRefresh;
            lastRefresh = ((await response.json()) as TokenDocument).data.attributes.refreshToken;
            rotationInFlight = false;
          }
        } catch {
          return;
        }
      }
    };
    const timer = setTimeout(kill, 15_000);
    await Promise.all([...Array.from({ length: 8 }, (_, n) => adder(n)), creator(), rotator()]);
    clearTimeout(timer);
    await first.exited;
    expect(refused).toEqual([]);
    expect(acknowledged).toBeGreaterThanOrEqual(60);
    expect(sent).toBeGreaterThan(acknowledged);

    // Straight after the crash, before anything reopens it.
    expect(integrity(dbPath)).toBe('ok');
    // Each impersonated add is audited in its own transaction: acknowledged ones all are.
    const audited = countRows(
      dbPath,
      "impersonation_audit WHERE success = 1 AND resource = 'items' AND method = 'POST'",
    );
    expect(audited).toBeGreaterThanOrEqual(byAgent.acknowledged);
    expect(audited).toBeLessThanOrEqual(byAgent.sent);
    expect(byAgent.acknowledged).toBeGreaterThan(0);

    const second = await start(dbPath);
    const again = await signIn(second.url, '/access-tokens', CUSTOMER);
    const response = await fetch(`${second.url}/carts/${cartId}?include=items`, {
      headers: { Authorization: `Bearer ${again}` },
    });
    expect(response.status).toBe(200);
    const cart = (await response.json()) as { included?: { attributes: { quantity: number } }[] };
    const quantity = cart.included?.[0]?.attributes.quantity ?? 0;
    // At least what was acknowledged; at most what was sent (some in flight may have landed).
    expect(quantity).toBeGreaterThanOrEqual(acknowledged);
    expect(quantity).toBeLessThanOrEqual(sent);
    for (const id of ackedCarts) {
      const found = await fetch(`${second.url}/carts/${id}`, {
        headers: { Authorization: `Bearer ${again}` },
      });
      expect(found.status).toBe(200);
    }
    // A spent refresh token stays spent; the last one answered works unless a later rotation
    // was already under way when the kill came.
    expect(spentRefresh).not.toBeNull();
    const spent = await post(second.url, '/refresh-tokens', refreshBody(spentRefresh ?? ''));
    expect(spent.status).toBe(401);
    const last = await post(second.url, '/refresh-tokens', refreshBody(lastRefresh));
    expect(rotationInFlight ? [201, 401] : [201]).toContain(last.status);
    // The agent signs in as before: keys and users survived too.
    await signIn(second.url, '/agent-access-tokens', AGENT);
    second.child.kill('SIGTERM');
    await second.exited;
    expect(integrity(dbPath)).toBe('ok');
  }, 60_000);

  it('keeps every acknowledged order whole, and its cart gone, after a kill among checkouts', async () => {
    const dbPath = join(scratch, 'checkout-crash.sqlite');
    copyFileSync(await freshDatabasePath(), dbPath);
    const first = await start(dbPath);
    const token = await signIn(first.url, '/access-tokens', CUSTOMER);
    const carts: string[] = [];
    for (let i = 0; i < 40; i++) {
      const cartId = await newCart(first.url, token);
      const item = { data: { type: 'items', attributes: { sku: CANON, quantity: 3 } } };
      expect((await post(first.url, `/carts/${cartId}/items`, item, token)).status).toBe(201);
      carts.push(cartId);
    }
    const ordersBefore = countRows(dbPath, 'orders') ?? 0;
    const acknowledged: string[] = [];
    const refused: number[] = [];
    let killed = false;
    // Four clients check the carts out one after another; the kill comes from inside the burst.
    const client = async (n: number): Promise<void> => {
      for (let i = n; i < carts.length && !killed; i += 4) {
        try {
          const response = await post(first.url, '/checkout', checkoutDocument(carts[i]), token);
          if (response.status !== 201) refused.push(response.status);
          else {
            const body = (await response.json()) as {
              data: { attributes: { orderReference: string } };
            };
            acknowledged.push(body.data.attributes.orderReference);
          }
          if (acknowledged.length >= 10 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch {
          return;
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(client));
    if (!killed) first.child.kill('SIGKILL');
    await first.exited;
    expect(refused).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    expect(integrity(dbPath)).toBe('ok');

    const db = new Database(dbPath, { readonly: true });
    try {
      const placed = db
        .prepare<[number], string>('SELECT order_reference FROM orders WHERE id > ? ORDER BY id')
        .pluck()
        .all(ordersBefore);
      for (const reference of acknowledged) expect(placed).toContain(reference);
      // Every order there is whole: its three items and its delivery; no cart of it is left.
      const whole = db
        .prepare<[number], { items: number; shipments: number }>(
          `SELECT (SELECT count(*) FROM order_items WHERE order_id = o.id) AS items,
             (SELECT count(*) FROM order_shipments WHERE order_id = o.id) AS shipments
           FROM orders AS o WHERE o.id > ?`,
        )
        .all(ordersBefore);
      for (const order of whole) expect(order).toEqual({ items: 3, shipments: 1 });
      const left = db
        .prepare<[string], number>(
          'SELECT count(*) FROM carts WHERE uuid IN (SELECT value FROM json_each(?))',
        )
        .pluck()
        .get(JSON.stringify(carts));
      expect((left ?? 0) + placed.length).toBe(carts.length);
    } finally {
      db.close();
    }
  }, 60_000);

  it('counts a voucher use with every order that survives a kill among checkouts, and none without', async () => {
    const dbPath = join(scratch, 'voucher-crash.sqlite');
    copyFileSync(await freshDatabasePath(), dbPath);
    // Unlimited uses, so every order is discounted: its count is the number of orders with it.
    const setup = new Database(dbPath);
    setup.exec("UPDATE discount_vouchers SET max_number_of_uses = 0 WHERE code = 'sprykerku2f'");
    setup.close();
    const first = await start(dbPath);
    const token = await signIn(first.url, '/access-tokens', CUSTOMER);
    const carts: string[] = [];
    for (let i = 0; i < 30; i++) {
      const cartId = await newCart(first.url, token);
      const item = { data: { type: 'items', attributes: { sku: '058_24245592', quantity: 2 } } };
      expect((await post(first.url, `/carts/${cartId}/items`, item, token)).status).toBe(201);
      const code = { data: { type: 'cart-codes', attributes: { code: 'sprykerku2f' } } };
      expect((await post(first.url, `/carts/${cartId}/cart-codes`, code, token)).status).toBe(201);
      carts.push(cartId);
    }
    const ordersBefore = countRows(dbPath, 'orders') ?? 0;
    let acknowledged = 0;
    let killed = false;
    const client = async (n: number): Promise<void> => {
      for (let i = n; i < carts.length && !killed; i += 3) {
        try {
          const response = await post(first.url, '/checkout', checkoutDocument(carts[i]), token);
          if (response.status === 201) acknowledged += 1;
          if (acknowledged >= 8 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch {
          return;
        }
      }
    };
    await Promise.all([0, 1, 2].map(client));
    if (!killed) first.child.kill('SIGKILL');
    await first.exited;
    expect(integrity(dbPath)).toBe('ok');
    const db = new Database(dbPath, { readonly: true });
    try {
      const placed = db
        .prepare<[number], number>('SELECT count(*) FROM orders WHERE id > ?')
        .pluck()
        .get(ordersBefore);
      expect(placed).toBeGreaterThanOrEqual(acknowledged);
      // Each order's two discounted units, and one use of the voucher for it: no more, no less.
      const discounted = db
        .prepare<[number], number>(
          `SELECT count(*) FROM order_item_discounts AS d JOIN order_items AS i
             ON i.id = d.order_item_id WHERE i.order_id > ?`,
        )
        .pluck()
        .get(ordersBefore);
      expect(discounted).toBe(2 * (placed ?? 0));
      const uses = db
        .prepare<[], number>(
          "SELECT number_of_uses FROM discount_vouchers WHERE code = 'sprykerku2f'",
        )
        .pluck()
        .get();
      expect(uses).toBe(placed);
    } finally {
      db.close();
    }
  }, 60_000);

  it('keeps every acknowledged wishlist and item after a kill among wishlist writes (§11)', async () => {
    const dbPath = join(scratch, 'crash-wishlists.sqlite');
    copyFileSync(await freshDatabasePath(), dbPath);
    const first = await start(dbPath);
    const { token, asCustomer } = await soniaAndAgent(first.url);
    const SKUS = [CANON, '058_24245592', '033_32125568'];
    let names = 0;
    let killed = false;
    const refused: number[] = [];
    // Each acknowledged wishlist, with the SKUs acknowledged in it; and what agents were told.
    const acked = new Map<string, Set<string>>();
    const byAgent = { sent: 0, acknowledged: 0 };
    const kill = (): void => {
      if (killed) return;
      killed = true;
      first.child.kill('SIGKILL');
    };
    const writer = async (n: number): Promise<void> => {
      const viaAgent = n % 2 === 1;
      const bearerToken = viaAgent ? asCustomer : token;
      while (!killed) {
        try {
          if (viaAgent) byAgent.sent += 1;
          const made = await post(
            first.url,
            '/wishlists',
            { data: { type: 'wishlists', attributes: { name: `Burst ${++names}` } } },
            bearerToken,
          );
          if (made.status !== 201) {
            refused.push(made.status);
            continue;
          }
          if (viaAgent) byAgent.acknowledged += 1;
          const id = ((await made.json()) as { data: { id: string } }).data.id;
          const items = new Set<string>();
          acked.set(id, items);
          for (const sku of SKUS) {
            const added = await post(
              first.url,
              `/wishlists/${id}/wishlist-items`,
              { data: { type: 'wishlist-items', attributes: { sku } } },
              bearerToken,
            );
            if (added.status === 201) items.add(sku);
            else refused.push(added.status);
          }
          if (acked.size >= 40) kill();
        } catch {
          return;
        }
      }
    };
    const timer = setTimeout(kill, 15_000);
    await Promise.all(Array.from({ length: 6 }, (_, n) => writer(n)));
    clearTimeout(timer);
    await first.exited;
    expect(refused).toEqual([]);
    expect(acked.size).toBeGreaterThanOrEqual(40);
    expect(integrity(dbPath)).toBe('ok');
    const audited = countRows(
      dbPath,
      "impersonation_audit WHERE success = 1 AND resource = 'wishlists' AND method = 'POST'",
    );
    expect(audited).toBeGreaterThanOrEqual(byAgent.acknowledged);
    expect(audited).toBeLessThanOrEqual(byAgent.sent);
    // No item outlives its wishlist, whatever was in flight.
    expect(
      countRows(dbPath, 'wishlist_items WHERE id_wishlist NOT IN (SELECT id FROM wishlists)'),
    ).toBe(0);

    const second = await start(dbPath);
    const again = await signIn(second.url, '/access-tokens', CUSTOMER);
    for (const [id, skus] of acked) {
      const response = await fetch(`${second.url}/wishlists/${id}?include=wishlist-items`, {
        headers: { Authorization: `Bearer ${again}` },
      });
      expect(response.status).toBe(200);
      const wishlist = (await response.json()) as {
        data: { attributes: { numberOfItems: number } };
        included?: { id: string }[];
      };
      const held = new Set((wishlist.included ?? []).map((item) => item.id));
      for (const sku of skus) expect(held.has(sku)).toBe(true);
      expect(wishlist.data.attributes.numberOfItems).toBe(held.size);
    }
    second.child.kill('SIGTERM');
    await second.exited;
    expect(integrity(dbPath)).toBe('ok');
  }, 60_000);

  it('keeps every overlap whole, on both sides, after a kill among agents starting to act as one customer (issue 14)', async () => {
    const dbPath = join(scratch, 'crash-overlaps.sqlite');
    copyFileSync(await freshDatabasePath(), dbPath);
    const first = await start(dbPath);
    const agent = await signIn(first.url, '/agent-access-tokens', AGENT);
    let killed = false;
    const refused: number[] = [];
    // The sessions' first tokens as they were acknowledged, and the mode switches each got.
    const started: string[] = [];
    let switches = 0;
    const kill = (): void => {
      if (killed) return;
      killed = true;
      first.child.kill('SIGKILL');
    };
    const tab = async (): Promise<void> => {
      while (!killed) {
        try {
          const made = await post(
            first.url,
            '/agent-customer-impersonation-access-tokens',
            {
              data: {
                type: 'agent-customer-impersonation-access-tokens',
                attributes: { customerReference: 'DE--21' },
              },
            },
            agent,
          );
          if (made.status !== 201) {
            refused.push(made.status);
            continue;
          }
          const { accessToken } = ((await made.json()) as TokenDocument).data.attributes;
          started.push(accessToken);
          const switched = await post(
            first.url,
            '/agent-impersonation-session-events',
            {
              data: {
                type: 'agent-impersonation-session-events',
                attributes: { event: 'change-mode', mode: 'change' },
              },
            },
            accessToken,
          );
          if (switched.status === 201) switches += 1;
          else refused.push(switched.status);
          if (started.length >= 40) kill();
        } catch {
          return;
        }
      }
    };
    const timer = setTimeout(kill, 15_000);
    await Promise.all(Array.from({ length: 6 }, () => tab()));
    clearTimeout(timer);
    await first.exited;
    expect(refused).toEqual([]);
    expect(started.length).toBeGreaterThanOrEqual(40);
    expect(integrity(dbPath)).toBe('ok');
    const sessions = countRows(dbPath, 'impersonation_sessions') ?? 0;
    expect(sessions).toBeGreaterThanOrEqual(started.length);
    // Every session whole: its token, and one joined-by row for each session open before it
    // (all of them are still open), so n sessions hold exactly n(n-1)/2 overlaps.
    expect(
      countRows(
        dbPath,
        'impersonation_sessions WHERE id NOT IN (SELECT session_id FROM impersonation_tokens)',
      ),
    ).toBe(0);
    expect(countRows(dbPath, "impersonation_session_events WHERE event = 'joined-by'")).toBe(
      (sessions * (sessions - 1)) / 2,
    );
    expect(
      countRows(dbPath, "impersonation_session_events WHERE event = 'change-mode'"),
    ).toBeGreaterThanOrEqual(switches);

    const second = await start(dbPath);
    const again = await signIn(second.url, '/agent-access-tokens', AGENT);
    const response = await fetch(
      `${second.url}/agent-impersonation-sessions?customerReference=DE--21&open=true&page[limit]=100`,
      { headers: { Authorization: `Bearer ${again}` } },
    );
    expect(response.status).toBe(200);
    const listed = (
      (await response.json()) as {
        data: {
          id: string;
          attributes: {
            events: { event: string; sessionId?: string }[];
            alongside: { sessionId: string }[];
          };
        }[];
      }
    ).data;
    expect(listed).toHaveLength(sessions);
    const ids = listed.map((session) => session.id).sort((a, b) => Number(a) - Number(b));
    for (const session of listed) {
      const earlier = ids.filter((id) => Number(id) < Number(session.id));
      const later = ids.filter((id) => Number(id) > Number(session.id));
      expect(session.attributes.alongside.map((older) => older.sessionId)).toEqual(earlier);
      expect(
        session.attributes.events
          .filter((event) => event.event === 'joined-by')
          .map((event) => event.sessionId),
      ).toEqual(later);
    }
    second.child.kill('SIGTERM');
    await second.exited;
    expect(integrity(dbPath)).toBe('ok');
  }, 60_000);

  it('keeps every acknowledged return whole, and its items returned once, after a kill among returns (§12)', async () => {
    const dbPath = join(scratch, 'crash-returns.sqlite');
    copyFileSync(await freshDatabasePath(), dbPath);
    const first = await start(dbPath);
    const { token, asCustomer } = await soniaAndAgent(first.url);
    // Eight orders of nine units, 72 order items (§9.4 splits below 10), delivered.
    const orderReferences: string[] = [];
    for (let i = 0; i < 8; i++) {
      const cartId = await newCart(first.url, token);
      const item = { data: { type: 'items', attributes: { sku: CANON, quantity: 9 } } };
      expect((await post(first.url, `/carts/${cartId}/items`, item, token)).status).toBe(201);
      const placed = await post(first.url, '/checkout', checkoutDocument(cartId), token);
      expect(placed.status).toBe(201);
      orderReferences.push(
        ((await placed.json()) as { data: { attributes: { orderReference: string } } }).data
          .attributes.orderReference,
      );
    }
    // The stand-in's other connection waits out this one (busy_timeout): it is idle meanwhile.
    const setup = new Database(dbPath);
    for (const reference of orderReferences) deliver(setup, reference);
    const waiting = setup
      .prepare<[string], string>(
        `SELECT i.uuid FROM order_items AS i JOIN orders AS o ON o.id = i.order_id
         WHERE o.order_reference IN (SELECT value FROM json_each(?)) ORDER BY i.id`,
      )
      .pluck()
      .all(JSON.stringify(orderReferences));
    setup.close();
    expect(waiting).toHaveLength(72);

    let killed = false;
    const refused: number[] = [];
    // Each acknowledged return with the order items it was told it returns.
    const acked = new Map<string, string[]>();
    const kill = (): void => {
      if (killed) return;
      killed = true;
      first.child.kill('SIGKILL');
    };
    // Six clients, half of them agents, return the next one or two items each time.
    const returner = async (n: number): Promise<void> => {
      const bearerToken = n % 2 === 1 ? asCustomer : token;
      while (!killed) {
        const uuids = waiting.splice(0, 1 + (n % 2));
        if (uuids.length === 0) return;
        try {
          const response = await post(
            first.url,
            '/returns',
            returnRequest(uuids.map((uuid) => ({ salesOrderItemUuid: uuid, reason: 'Damaged' }))),
            bearerToken,
          );
          if (response.status !== 201) refused.push(response.status);
          else acked.set(((await response.json()) as { data: { id: string } }).data.id, uuids);
          if (acked.size >= 25) kill();
        } catch {
          return;
        }
      }
    };
    const timer = setTimeout(kill, 15_000);
    await Promise.all(Array.from({ length: 6 }, (_, n) => returner(n)));
    clearTimeout(timer);
    if (!killed) first.child.kill('SIGKILL');
    await first.exited;
    expect(refused).toEqual([]);
    expect(acked.size).toBeGreaterThanOrEqual(25);
    expect(integrity(dbPath)).toBe('ok');

    const db = new Database(dbPath, { readonly: true });
    try {
      // Every acknowledged return is there with exactly the items it was told.
      const itemsOf = db.prepare<[string], string>(
        `SELECT i.uuid FROM return_items AS ri JOIN returns AS r ON r.id = ri.return_id
         JOIN order_items AS i ON i.id = ri.order_item_id
         WHERE r.return_reference = ? ORDER BY i.id`,
      );
      for (const [reference, uuids] of acked) {
        expect(itemsOf.pluck().all(reference), reference).toEqual(uuids);
      }
      // Whatever was in flight: no return without items, every returned item waiting for return
      // and in one return, every other item still delivered; the references R1…Rn, none twice.
      expect(
        db
          .prepare<[], number>(
            'SELECT count(*) FROM returns WHERE id NOT IN (SELECT return_id FROM return_items)',
          )
          .pluck()
          .get(),
      ).toBe(0);
      const states = db
        .prepare<[string], { state: string; returns: number }>(
          `SELECT i.state, (SELECT count(*) FROM return_items WHERE order_item_id = i.id) AS returns
           FROM order_items AS i JOIN orders AS o ON o.id = i.order_id
           WHERE o.order_reference IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(orderReferences));
      for (const row of states) {
        expect([
          { state: 'waiting for return', returns: 1 },
          { state: 'delivered', returns: 0 },
        ]).toContainEqual(row);
      }
      const references = db
        .prepare<[], string>('SELECT return_reference FROM returns ORDER BY id')
        .pluck()
        .all();
      expect(references).toEqual(references.map((_, i) => `DE--21-R${i + 1}`));
    } finally {
      db.close();
    }

    // After a restart the customer reads them all, and the next return takes the next number.
    const second = await start(dbPath);
    const again = await signIn(second.url, '/access-tokens', CUSTOMER);
    const listed = await fetch(`${second.url}/returns`, {
      headers: { Authorization: `Bearer ${again}` },
    });
    expect(listed.status).toBe(200);
    const ids = ((await listed.json()) as { data: { id: string }[] }).data.map(({ id }) => id);
    for (const reference of acked.keys()) expect(ids).toContain(reference);
    const next = await post(
      second.url,
      '/returns',
      returnRequest([{ salesOrderItemUuid: waiting.at(-1), reason: 'Damaged' }]),
      again,
    );
    expect(next.status).toBe(201);
    expect(((await next.json()) as { data: { id: string } }).data.id).toBe(
      `DE--21-R${ids.length + 1}`,
    );
    second.child.kill('SIGTERM');
    await second.exited;
    expect(integrity(dbPath)).toBe('ok');
  }, 60_000);

  it('finishes creating the database after a kill in the middle of its first seed', async () => {
    const seed = 100_000;
    const dbPath = join(scratch, 'seed.sqlite');
    const env = { GLUE_SEED_CUSTOMERS: String(seed) };
    const first = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: { ...process.env, GLUE_DB: dbPath, GLUE_PORT: '0', ...env },
      stdio: 'ignore',
    });
    children.add(first);
    const exited = new Promise<void>((resolve) => first.once('exit', () => resolve()));
    // The seed is one transaction: the schema alone writes well under 1 MiB to the WAL, so a
    // WAL past that means the seed's pages are spilling into it, and the kill lands mid-seed.
    const deadline = Date.now() + 20_000;
    while (walBytes(dbPath) < 1024 * 1024 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    first.kill('SIGKILL');
    await exited;
    // Nothing of the seed was kept, not even the demo customers without the generated ones.
    expect(countRows(dbPath, 'customers')).toBe(0);
    expect(countRows(dbPath, 'users')).toBe(0);
    expect(integrity(dbPath)).toBe('ok');

    const second = await start(dbPath, env);
    second.child.kill('SIGTERM');
    await second.exited;
    expect(integrity(dbPath)).toBe('ok');
    expect(countRows(dbPath, 'customers')).toBe(21 + seed);
  }, 60_000);
});
