import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGlue } from '../glue';
import type { RunningGlue } from '../glue';
import {
  AGENT,
  CART_ATTRIBUTES,
  CUSTOMER,
  errorBody,
  freshDatabasePath,
  ADDRESS_ATTRIBUTES,
} from '../platform/test-support';
import type { TokenAttributes, TokenDocument } from '../platform/test-support';
import { LeakWatch, expectErrorDocument } from './helpers';
import { SONIA_ADDRESS } from '../features/checkout/checkout-fixtures';
import { deliver, returnRequest } from '../features/returns/return-fixtures';

const CANON = '005_30663301';
const FAILED_REFRESH = errorBody('004', 401, 'Failed to refresh token.');
const AGENT_FAILED = errorBody('4101', 401, 'Failed to authenticate an agent.');
const BLOCKED = errorBody(
  '4401',
  429,
  'Too many log in attempts from your address. Please wait 6 minutes before trying again.',
);

// Real sockets: every client is its own connection, as the console's tabs and agents are.
let running: RunningGlue;
const logLines: string[] = [];
const leaks = new LeakWatch();

beforeEach(async () => {
  logLines.length = 0;
  running = await startGlue(
    { dbPath: await freshDatabasePath(), port: 0 },
    { log: (line) => logLines.push(line) },
  );
});

afterEach(async () => {
  await running.close();
  for (const line of logLines) leaks.expectClean('log', line);
  expect(logLines).toEqual([]);
});

interface Answer {
  status: number;
  body: unknown;
}

async function call(
  method: string,
  path: string,
  { token, body, language }: { token?: string; body?: unknown; language?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/vnd.api+json' };
  if (language !== undefined) headers['Accept-Language'] = language;
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${running.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  leaks.expectClean(`${method} ${path}`, text.replace(/"(accessToken|refreshToken)":"[^"]*"/g, ''));
  if (response.status >= 400) expectErrorDocument(response.status, response.headers, text);
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

async function pair(path: string, attributes: unknown, token?: string): Promise<TokenAttributes> {
  const type = path.slice(1);
  const answer = await call('POST', path, { token, body: { data: { type, attributes } } });
  expect(answer.status).toBe(201);
  return leaks.remember((answer.body as TokenDocument).data.attributes);
}

const signInAgent = (): Promise<TokenAttributes> => pair('/agent-access-tokens', AGENT);
const signInCustomer = (): Promise<TokenAttributes> => pair('/access-tokens', CUSTOMER);
const impersonate = async (): Promise<TokenAttributes> =>
  pair(
    '/agent-customer-impersonation-access-tokens',
    { customerReference: 'DE--21' },
    (await signInAgent()).accessToken,
  );

async function newCart(token: string): Promise<string> {
  const answer = await call('POST', '/carts', {
    token,
    body: { data: { type: 'carts', attributes: CART_ATTRIBUTES } },
  });
  expect(answer.status).toBe(201);
  return (answer.body as { data: { id: string } }).data.id;
}

const addItem = (token: string, cartId: string, quantity: number): Promise<Answer> =>
  call('POST', `/carts/${cartId}/items`, {
    token,
    body: { data: { type: 'items', attributes: { sku: CANON, quantity } } },
  });

/** §9.1's checkout of the cart to Sonia's address. */
const checkout = (token: string, idCart: string): Promise<Answer> =>
  call('POST', '/checkout', {
    token,
    body: {
      data: {
        type: 'checkout',
        attributes: {
          idCart,
          billingAddress: SONIA_ADDRESS,
          shippingAddress: SONIA_ADDRESS,
          shipment: { idShipmentMethod: 2 },
          payments: [{ paymentProviderName: 'DummyPayment', paymentMethodName: 'Invoice' }],
        },
      },
    },
  });

async function quantityIn(token: string, cartId: string): Promise<number | undefined> {
  const answer = await call('GET', `/carts/${cartId}?include=items`, { token });
  const included = (answer.body as { included?: { attributes: { quantity: number } }[] }).included;
  return included?.[0]?.attributes.quantity;
}

describe('concurrent writes to one cart', () => {
  it('holds the exact sum when 25 clients add the same SKU at once', async () => {
    const customer = await signInCustomer();
    const agentAsCustomer = await impersonate();
    const cartId = await newCart(customer.accessToken);
    // Half through the customer's own token, half through an agent's impersonation token.
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        addItem(i % 2 === 0 ? customer.accessToken : agentAsCustomer.accessToken, cartId, i + 1),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(25).fill(201));
    expect(await quantityIn(customer.accessToken, cartId)).toBe((25 * 26) / 2);
    // Every impersonated change is audited once, with the quantities it saw.
    const audited = running.glue.db
      .prepare<[], { before: number | null; after: number }>(
        `SELECT quantity_before AS before, quantity_after AS after FROM impersonation_audit
         WHERE success = 1 AND resource = 'items' ORDER BY id`,
      )
      .all();
    expect(audited).toHaveLength(12);
    for (const { before, after } of audited) expect(after - (before ?? 0)).toBeGreaterThan(0);
  });

  it('lets no burst push a line past the maximum: acknowledged adds sum to the quantity', async () => {
    const customer = await signInCustomer();
    const cartId = await newCart(customer.accessToken);
    // 20 × 100,000 against a cap of 1,000,000 per line: exactly 10 can be added.
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => addItem(customer.accessToken, cartId, 100_000)),
    );
    const added = answers.filter((answer) => answer.status === 201).length;
    expect(added).toBe(10);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer).toEqual({
        status: 422,
        body: errorBody('113', 422, 'Cart item could not be added.'),
      });
    }
    expect(await quantityIn(customer.accessToken, cartId)).toBe(1_000_000);
  });

  it('adds items to many carts at once without mixing them up', async () => {
    const customer = await signInCustomer();
    const carts = await Promise.all(Array.from({ length: 5 }, () => newCart(customer.accessToken)));
    await Promise.all(
      carts.flatMap((cartId, c) =>
        Array.from({ length: 5 }, () => addItem(customer.accessToken, cartId, c + 1)),
      ),
    );
    for (const [c, cartId] of carts.entries()) {
      expect(await quantityIn(customer.accessToken, cartId)).toBe(5 * (c + 1));
    }
  });

  it('leaves no orphan items when adds race the deletion of their cart', async () => {
    const customer = await signInCustomer();
    const cartId = await newCart(customer.accessToken);
    const adds = Array.from({ length: 10 }, () => addItem(customer.accessToken, cartId, 1));
    const removal = call('DELETE', `/carts/${cartId}`, { token: customer.accessToken });
    const answers = await Promise.all([...adds, removal]);
    expect(answers.at(-1)?.status).toBe(204);
    // An add either landed before the deletion or found no cart (101).
    for (const answer of answers.slice(0, -1)) expect([201, 404]).toContain(answer.status);
    const db = running.glue.db;
    expect(
      db
        .prepare('SELECT COUNT(*) FROM cart_items WHERE cart_id NOT IN (SELECT id FROM carts)')
        .pluck()
        .get(),
    ).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect((await call('GET', `/carts/${cartId}`, { token: customer.accessToken })).status).toBe(
      404,
    );
  });
});

interface CartWithProducts {
  data: { id: string; relationships?: { items: { data: { id: string }[] } } };
  included?: {
    type: string;
    id: string;
    attributes: { quantity?: number };
    relationships?: Record<string, { data: { type: string; id: string }[] }>;
  }[];
}

/** A §5 cart answer with its items' products that holds together: every item with its product. */
function expectItemsWithProducts(body: CartWithProducts): number {
  const included = body.included ?? [];
  const items = included.filter((resource) => resource.type === 'items');
  const products = included.filter((resource) => resource.type === 'concrete-products');
  expect(included).toHaveLength(items.length + products.length);
  expect(products.map((product) => product.id).sort()).toEqual(items.map((item) => item.id).sort());
  expect(body.data.relationships?.items.data.map((ref) => ref.id) ?? []).toEqual(
    items.map((item) => item.id),
  );
  for (const item of items) {
    expect(item.relationships).toEqual({
      'concrete-products': { data: [{ type: 'concrete-products', id: item.id }] },
    });
    // Each product comes just before its item.
    expect(included[included.indexOf(item) - 1]).toMatchObject({
      type: 'concrete-products',
      id: item.id,
    });
  }
  return items.reduce((sum, item) => sum + (item.attributes.quantity ?? 0), 0);
}

describe('cart reads with items and products while the cart changes', () => {
  const SKUS = ['005_30663301', '066_23294028', '155_30149933', '211_123', '124_29866591'];

  it('answers every read and write with a cart whose items and products agree', async () => {
    const customer = await signInCustomer();
    const cartId = await newCart(customer.accessToken);
    const include = '?include=items,concrete-products';
    const writes = SKUS.flatMap((sku) =>
      Array.from({ length: 3 }, () =>
        call('POST', `/carts/${cartId}/items${include}`, {
          token: customer.accessToken,
          body: { data: { type: 'items', attributes: { sku, quantity: 1 } } },
        }),
      ),
    );
    const reads = Array.from({ length: 15 }, (_, i) =>
      call('GET', i % 3 === 0 ? `/carts${include}` : `/carts/${cartId}${include}`, {
        token: customer.accessToken,
      }),
    );
    const answers = await Promise.all([...writes, ...reads]);
    const seenTotals: number[] = [];
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(300);
      const body = answer.body as
        | CartWithProducts
        | { data: CartWithProducts['data'][]; included?: CartWithProducts['included'] };
      // GET /carts lists the customer’s only cart.
      const cart = Array.isArray(body.data)
        ? { data: body.data[0] ?? { id: cartId }, included: body.included }
        : (body as CartWithProducts);
      seenTotals.push(expectItemsWithProducts(cart));
    }
    // Every add was counted once: the last state holds them all.
    const last = await call('GET', `/carts/${cartId}${include}`, { token: customer.accessToken });
    expect(expectItemsWithProducts(last.body as CartWithProducts)).toBe(SKUS.length * 3);
    expect(Math.max(...seenTotals)).toBe(SKUS.length * 3);
  });
});

describe('concurrent cart creation and deletion', () => {
  const defaults = async (token: string): Promise<number> => {
    const answer = await call('GET', '/carts', { token });
    const carts = (answer.body as { data: { attributes: { isDefault: boolean } }[] }).data;
    return carts.filter((cart) => cart.attributes.isDefault).length;
  };

  it('makes exactly one of many carts created at once the default', async () => {
    const customer = await signInCustomer();
    const ids = await Promise.all(Array.from({ length: 10 }, () => newCart(customer.accessToken)));
    expect(new Set(ids).size).toBe(10);
    expect(await defaults(customer.accessToken)).toBe(1);
  });

  it('keeps one default when the default cart is deleted while others are created', async () => {
    const customer = await signInCustomer();
    const first = await newCart(customer.accessToken);
    const answers = await Promise.all([
      call('DELETE', `/carts/${first}`, { token: customer.accessToken }),
      ...Array.from({ length: 5 }, () =>
        call('POST', '/carts', {
          token: customer.accessToken,
          body: { data: { type: 'carts', attributes: CART_ATTRIBUTES } },
        }),
      ),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([204, 201, 201, 201, 201, 201]);
    expect(await defaults(customer.accessToken)).toBe(1);
  });

  it('deletes a cart once when two clients delete it at once', async () => {
    const customer = await signInCustomer();
    const cartId = await newCart(customer.accessToken);
    const answers = await Promise.all([
      call('DELETE', `/carts/${cartId}`, { token: customer.accessToken }),
      call('DELETE', `/carts/${cartId}`, { token: customer.accessToken }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 404]);
    expect(answers.find((answer) => answer.status === 404)?.body).toEqual(
      errorBody('101', 404, 'Cart with given uuid not found.'),
    );
  });
});

describe('concurrent writes to one customer’s addresses (§8)', () => {
  const PATH = '/customers/DE--21/addresses';

  const post = (token: string, flags: Record<string, boolean> = {}): Promise<Answer> =>
    call('POST', PATH, {
      token,
      body: { data: { type: 'addresses', attributes: { ...ADDRESS_ATTRIBUTES, ...flags } } },
    });

  /** Each address as [uuid, default shipping, default billing]. */
  const addresses = async (token: string): Promise<[string, boolean, boolean][]> => {
    const answer = await call('GET', PATH, { token });
    expect(answer.status).toBe(200);
    type Address = {
      id: string;
      attributes: { isDefaultShipping: boolean; isDefaultBilling: boolean };
    };
    return (answer.body as { data: Address[] }).data.map((address) => [
      address.id,
      address.attributes.isDefaultShipping,
      address.attributes.isDefaultBilling,
    ]);
  };

  const idOf = (answer: Answer): string => (answer.body as { data: { id: string } }).data.id;

  it('leaves exactly one default when two POSTs with isDefaultShipping true race', async () => {
    const customer = await signInCustomer();
    const agentAsCustomer = await impersonate();
    expect((await post(customer.accessToken)).status).toBe(201);
    const answers = await Promise.all([
      post(customer.accessToken, { isDefaultShipping: true, isDefaultBilling: true }),
      post(agentAsCustomer.accessToken, { isDefaultShipping: true, isDefaultBilling: true }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    const list = await addresses(customer.accessToken);
    expect(list).toHaveLength(3);
    expect(list.filter(([, shipping]) => shipping)).toHaveLength(1);
    expect(list.filter(([, , billing]) => billing)).toHaveLength(1);
    // One of the two racing addresses holds both defaults.
    const [winner] = list.filter(([, shipping]) => shipping);
    expect(answers.map(idOf)).toContain(winner?.[0]);
  });

  it('makes exactly one of many first addresses created at once the default', async () => {
    const customer = await signInCustomer();
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(customer.accessToken)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(201));
    const list = await addresses(customer.accessToken);
    expect(new Set(list.map(([id]) => id)).size).toBe(10);
    // The first one created, which the list shows first.
    expect(list.filter(([, shipping, billing]) => shipping || billing)).toEqual([
      [list[0]?.[0], true, true],
    ]);
  });

  it('keeps at most one default when the default is deleted while others are created and flagged', async () => {
    const customer = await signInCustomer();
    const first = idOf(await post(customer.accessToken));
    const answers = await Promise.all([
      call('DELETE', `${PATH}/${first}`, { token: customer.accessToken }),
      ...Array.from({ length: 4 }, (_, i) =>
        post(customer.accessToken, { isDefaultShipping: i % 2 === 0 }),
      ),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([204, 201, 201, 201, 201]);
    const list = await addresses(customer.accessToken);
    expect(list).toHaveLength(4);
    expect(list.filter(([, shipping]) => shipping).length).toBeLessThanOrEqual(1);
    expect(list.filter(([, , billing]) => billing).length).toBeLessThanOrEqual(1);
    expect(running.glue.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('deletes an address once when two clients delete it at once', async () => {
    const customer = await signInCustomer();
    const id = idOf(await post(customer.accessToken));
    const answers = await Promise.all([
      call('DELETE', `${PATH}/${id}`, { token: customer.accessToken }),
      call('DELETE', `${PATH}/${id}`, { token: customer.accessToken }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 404]);
    expect(answers.find((answer) => answer.status === 404)?.body).toEqual(
      errorBody('404', 404, 'Address was not found.'),
    );
  });
});

describe('one refresh token used twice at once', () => {
  it.each([
    ['an agent', signInAgent],
    ['a customer', signInCustomer],
    ['an impersonation', impersonate],
  ])('rotates %s pair exactly once', async (_who, signIn) => {
    const { refreshToken } = await signIn();
    const body = { data: { type: 'refresh-tokens', attributes: { refreshToken } } };
    const answers = await Promise.all([
      call('POST', '/refresh-tokens', { body }),
      call('POST', '/refresh-tokens', { body }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 401]);
    expect(answers.find((answer) => answer.status === 401)?.body).toEqual(FAILED_REFRESH);
    // The winner's new pair works; the old token stays spent.
    const winner = (answers.find((answer) => answer.status === 201)?.body as TokenDocument).data
      .attributes;
    leaks.remember(winner);
    const next = { data: { type: 'refresh-tokens', attributes: winner } };
    expect((await call('POST', '/refresh-tokens', { body: next })).status).toBe(201);
    expect(await call('POST', '/refresh-tokens', { body })).toEqual({
      status: 401,
      body: FAILED_REFRESH,
    });
  });
});

describe('signing out while the same session refreshes', () => {
  it.each([
    ['a customer', signInCustomer, 'the rotation'],
    ['a customer', signInCustomer, 'the sign-out'],
    ['an impersonation', impersonate, 'the rotation'],
    ['an impersonation', impersonate, 'the sign-out'],
  ])('leaves %s no usable refresh token (%s sent first)', async (_who, signIn, first) => {
    const { accessToken, refreshToken } = await signIn();
    const body = { data: { type: 'refresh-tokens', attributes: { refreshToken } } };
    const rotate = (): Promise<Answer> => call('POST', '/refresh-tokens', { body });
    const signOut = (): Promise<Answer> =>
      call('DELETE', '/refresh-tokens/mine', { token: accessToken });
    const [rotation, signedOut] =
      first === 'the rotation'
        ? await Promise.all([rotate(), signOut()])
        : await Promise.all([signOut(), rotate()]).then(([out, rot]) => [rot, out] as const);
    expect(signedOut.status).toBe(204);
    // "mine" revokes every refresh token of the caller, also one a racing rotation just made.
    if (rotation.status === 201) {
      const next = leaks.remember((rotation.body as TokenDocument).data.attributes);
      const again = {
        data: { type: 'refresh-tokens', attributes: { refreshToken: next.refreshToken } },
      };
      expect(await call('POST', '/refresh-tokens', { body: again })).toEqual({
        status: 401,
        body: FAILED_REFRESH,
      });
    } else {
      expect(rotation).toEqual({ status: 401, body: FAILED_REFRESH });
    }
  });
});

describe('parallel wrong passwords for the agent', () => {
  const attempt = (password: string): Promise<Answer> =>
    call('POST', '/agent-access-tokens', {
      body: { data: { type: 'agent-access-tokens', attributes: { ...AGENT, password } } },
    });

  it('still locks out at the configured count (9): 20 at once, then the right one is refused', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(`wrong${i}`)));
    const failed = answers.filter((answer) => answer.status === 401);
    const blocked = answers.filter((answer) => answer.status === 429);
    expect({ failed: failed.length, blocked: blocked.length }).toEqual({ failed: 9, blocked: 11 });
    for (const answer of failed) expect(answer.body).toEqual(AGENT_FAILED);
    for (const answer of blocked) expect(answer.body).toEqual(BLOCKED);
    expect(await attempt(AGENT.password)).toEqual({ status: 429, body: BLOCKED });
  });

  it('counts only the failures when right passwords race the wrong ones', async () => {
    const passwords = Array.from({ length: 25 }, (_, i) =>
      i % 5 === 0 ? AGENT.password : `wrong${i}`,
    );
    const answers = await Promise.all(passwords.map(attempt));
    // Exactly 9 of the 20 wrong ones are checked and refused, whatever the rights did meanwhile.
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(9);
    expect(answers.filter((answer) => answer.status === 201).length).toBeLessThanOrEqual(5);
    expect(await attempt(AGENT.password)).toEqual({ status: 429, body: BLOCKED });
  });

  it('counts one agent however the username is written in a burst', async () => {
    const spellings = [
      'admin@spryker.com',
      'ADMIN@spryker.com',
      ' Admin@Spryker.com ',
      'admin@SPRYKER.COM',
    ];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('POST', '/agent-access-tokens', {
          body: {
            data: {
              type: 'agent-access-tokens',
              attributes: { username: spellings[i % spellings.length], password: `wrong${i}` },
            },
          },
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(9);
    expect(await attempt(AGENT.password)).toEqual({ status: 429, body: BLOCKED });
  });

  it('holds a configured count too (GLUE_LOCKOUT_ATTEMPTS=3)', async () => {
    await running.close();
    running = await startGlue(
      { dbPath: await freshDatabasePath(), port: 0, lockoutAttempts: 3 },
      { log: (line) => logLines.push(line) },
    );
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(`wrong${i}`)));
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(9);
    expect((await attempt(AGENT.password)).status).toBe(429);
  });
});

describe('checkouts at once (§9.3)', () => {
  const orderCount = (): number =>
    running.glue.db.prepare<[], number>('SELECT count(*) FROM orders').pluck().get() ?? 0;
  const reference = (answer: Answer): string =>
    (answer.body as { data: { attributes: { orderReference: string } } }).data.attributes
      .orderReference;

  it('places exactly one order when six clients check out one cart at once', async () => {
    const customer = await signInCustomer();
    const agentAsCustomer = await impersonate();
    const cartId = await newCart(customer.accessToken);
    expect((await addItem(customer.accessToken, cartId, 2)).status).toBe(201);
    const orders = orderCount();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        checkout(i % 2 === 0 ? customer.accessToken : agentAsCustomer.accessToken, cartId),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422, 422, 422, 422, 422]);
    for (const answer of answers.filter((a) => a.status === 422)) {
      expect(answer.body).toEqual(errorBody('1103', 422, 'Cart not found.'));
    }
    expect(orderCount()).toBe(orders + 1);
    const placed = answers.find((answer) => answer.status === 201);
    const order = await call('GET', `/orders/${placed === undefined ? '' : reference(placed)}`, {
      token: customer.accessToken,
    });
    const items = (order.body as { data: { attributes: { items: { quantity: number }[] } } }).data
      .attributes.items;
    expect(items.map((item) => item.quantity)).toEqual([1, 1]);
    expect((await call('GET', `/carts/${cartId}`, { token: customer.accessToken })).status).toBe(
      404,
    );
  });

  it('orders exactly the item changes acknowledged before the checkout, and refuses the later ones', async () => {
    const customer = await signInCustomer();
    const cartId = await newCart(customer.accessToken);
    expect((await addItem(customer.accessToken, cartId, 1)).status).toBe(201);
    // Sent in this order: adds, the checkout in their middle, more adds.
    const before = Array.from({ length: 6 }, () => addItem(customer.accessToken, cartId, 1));
    const placing = checkout(customer.accessToken, cartId);
    const after = Array.from({ length: 6 }, () => addItem(customer.accessToken, cartId, 1));
    const [placed, ...added] = await Promise.all([placing, ...before, ...after]);
    expect(placed?.status).toBe(201);
    // An add landed before the order (201) or found the cart gone (101).
    for (const answer of added) expect([201, 404]).toContain(answer.status);
    const acknowledged = added.filter((answer) => answer.status === 201).length;
    const order = await call('GET', `/orders/${placed === undefined ? '' : reference(placed)}`, {
      token: customer.accessToken,
    });
    const items = (order.body as { data: { attributes: { items: { quantity: number }[] } } }).data
      .attributes.items;
    expect(items.reduce((sum, item) => sum + item.quantity, 0)).toBe(1 + acknowledged);
  });

  it('numbers many orders placed at once one after another, none twice', async () => {
    const customer = await signInCustomer();
    const carts = await Promise.all(Array.from({ length: 8 }, () => newCart(customer.accessToken)));
    for (const cartId of carts) {
      expect((await addItem(customer.accessToken, cartId, 1)).status).toBe(201);
    }
    const first = orderCount() + 1;
    const answers = await Promise.all(
      carts.map((cartId) => checkout(customer.accessToken, cartId)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(201));
    expect(answers.map(reference).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `DE--${first + i}`).sort(),
    );
  });
});

describe('cart codes at once (§10)', () => {
  const JADE = '058_24245592';
  const WHITE_CODES = ['sprykerku2f', 'sprykercu2d', 'sprykerya1y'];
  const CANT_BE_ADDED = errorBody('3302', 422, "Cart code can't be added.");
  const applyCode = (token: string, cartId: string, code: string): Promise<Answer> =>
    call('POST', `/carts/${cartId}/cart-codes`, {
      token,
      body: { data: { type: 'cart-codes', attributes: { code } } },
    });
  /** A new cart of the customer's holding one white Acer Liquid Jade (3454). */
  async function jadeCart(token: string): Promise<string> {
    const cartId = await newCart(token);
    const added = await call('POST', `/carts/${cartId}/items`, {
      token,
      body: { data: { type: 'items', attributes: { sku: JADE, quantity: 1 } } },
    });
    expect(added.status).toBe(201);
    return cartId;
  }
  async function orderTotals(token: string, answer: Answer): Promise<Record<string, number>> {
    const { orderReference } = (answer.body as { data: { attributes: { orderReference: string } } })
      .data.attributes;
    const order = await call('GET', `/orders/${orderReference}`, { token });
    return (order.body as { data: { attributes: { totals: Record<string, number> } } }).data
      .attributes.totals;
  }
  const usesOf = (code: string): unknown =>
    running.glue.db
      .prepare('SELECT number_of_uses FROM discount_vouchers WHERE code = ?')
      .pluck()
      .get(code);

  it('applies each of many codes sent at once exactly once, one voucher of the discount', async () => {
    const customer = await signInCustomer();
    const agentAsCustomer = await impersonate();
    const cartId = await jadeCart(customer.accessToken);
    const codes = [...WHITE_CODES, WHITE_CODES[0] ?? '', 'GC-DEMO0050-26', 'GC-DEMO0100-26'];
    const answers = await Promise.all(
      codes.map((code, i) =>
        applyCode(i % 2 === 0 ? customer.accessToken : agentAsCustomer.accessToken, cartId, code),
      ),
    );
    const landed = WHITE_CODES.filter((code, i) => answers[i]?.status === 201);
    expect(landed).toHaveLength(1);
    codes.forEach((code, i) => {
      const answer = answers[i];
      if (code.startsWith('GC-') || code === landed[0]) expect(answer?.status).toBe(201);
      else expect(answer).toEqual({ status: 422, body: CANT_BE_ADDED });
    });
    const cart = await call('GET', `/carts/${cartId}`, { token: customer.accessToken });
    const attributes = (
      cart.body as {
        data: { attributes: { discounts: unknown[]; totals: Record<string, number> } };
      }
    ).data.attributes;
    expect(attributes.discounts).toEqual([
      { displayName: '5% off white', amount: 173, code: landed[0] },
    ]);
    expect(attributes.totals).toMatchObject({ grandTotal: 3281, priceToPay: 0 });
    expect(running.glue.db.prepare('SELECT count(*) FROM cart_codes').pluck().get()).toBe(3);
  });

  it('counts each use of a voucher once when orders are placed with it at once, never past its limit', async () => {
    const customer = await signInCustomer();
    // Three uses left of ten.
    running.glue.db.exec(
      "UPDATE discount_vouchers SET number_of_uses = 7 WHERE code = 'sprykerku2f'",
    );
    const carts: string[] = [];
    for (let i = 0; i < 6; i++) {
      const cartId = await jadeCart(customer.accessToken);
      expect((await applyCode(customer.accessToken, cartId, 'sprykerku2f')).status).toBe(201);
      carts.push(cartId);
    }
    const answers = await Promise.all(
      carts.map((cartId) => checkout(customer.accessToken, cartId)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
    const discounts = await Promise.all(
      answers.map(
        async (answer) => (await orderTotals(customer.accessToken, answer)).discountTotal,
      ),
    );
    expect(discounts.sort()).toEqual([0, 0, 0, 173, 173, 173]);
    expect(usesOf('sprykerku2f')).toBe(10);
  });

  it('orders a code exactly when it was applied before the checkout, and refuses it after', async () => {
    const customer = await signInCustomer();
    const agentAsCustomer = await impersonate();
    for (let round = 0; round < 6; round++) {
      const cartId = await jadeCart(customer.accessToken);
      const [placed, applied] = await Promise.all([
        checkout(customer.accessToken, cartId),
        applyCode(agentAsCustomer.accessToken, cartId, 'sprykerku2f'),
      ]);
      expect(placed?.status).toBe(201);
      const totals = await orderTotals(customer.accessToken, placed);
      if (applied?.status === 201) expect(totals.discountTotal).toBe(173);
      else {
        expect(applied).toEqual({
          status: 404,
          body: errorBody('101', 404, 'Cart with given uuid not found.'),
        });
        expect(totals.discountTotal).toBe(0);
      }
    }
    const ordered = running.glue.db
      .prepare(
        'SELECT count(DISTINCT i.order_id) FROM order_item_discounts AS d JOIN order_items AS i ON i.id = d.order_item_id',
      )
      .pluck()
      .get();
    expect(usesOf('sprykerku2f')).toBe(ordered);
  });

  it('lets a gift card pay what it holds once when two orders are placed with it at once', async () => {
    const customer = await signInCustomer();
    const carts = [await jadeCart(customer.accessToken), await jadeCart(customer.accessToken)];
    for (const cartId of carts) {
      expect((await applyCode(customer.accessToken, cartId, 'GC-DEMO0050-26')).status).toBe(201);
    }
    const answers = await Promise.all(
      carts.map((cartId) => checkout(customer.accessToken, cartId)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    const paid = running.glue.db
      .prepare<[], number>(
        `SELECT l.value FROM gift_card_balance_log AS l JOIN gift_cards AS g ON g.id = l.gift_card_id
         WHERE g.code = 'GC-DEMO0050-26' ORDER BY l.id`,
      )
      .pluck()
      .all();
    // 3454 + 590 from the first order, the 956 left from the second: never more than 5000.
    expect(paid).toEqual([4044, 956]);
  });
});

describe('wishlists at once (§11)', () => {
  const WHITE = '058_24245592';
  const NAME_TAKEN = errorBody('202', 400, 'A wishlist with the same name already exists.');
  const NOT_FOUND = errorBody('201', 404, "Can't find wishlist.");
  const CANT_ADD = errorBody('206', 422, "Can't add an item.");

  const newWishlist = (token: string, name: string): Promise<Answer> =>
    call('POST', '/wishlists', {
      token,
      body: { data: { type: 'wishlists', attributes: { name } } },
    });
  const addToWishlist = (token: string, id: string, sku: string): Promise<Answer> =>
    call('POST', `/wishlists/${id}/wishlist-items`, {
      token,
      body: { data: { type: 'wishlist-items', attributes: { sku } } },
    });
  const idOf = (answer: Answer): string => (answer.body as { data: { id: string } }).data.id;
  const itemRows = (): number =>
    running.glue.db.prepare<[], number>('SELECT count(*) FROM wishlist_items').pluck().get() ?? -1;

  it('makes one wishlist of a name when many clients create it at once (one name, one 201)', async () => {
    const customer = await signInCustomer();
    const agent = await impersonate();
    const tokens = [customer.accessToken, agent.accessToken];
    // The same name, in letter cases MariaDB's collation counts as the same.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        newWishlist(tokens[i % 2] ?? '', i % 3 === 0 ? 'Birthday gifts' : 'birthday GIFTS'),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer).toEqual({ status: 400, body: NAME_TAKEN });
    }
    const listed = await call('GET', '/wishlists', { token: customer.accessToken });
    expect((listed.body as { data: unknown[] }).data).toHaveLength(1);
  });

  it('holds one item when many clients add the same SKU at once, and counts it once', async () => {
    const customer = await signInCustomer();
    const agent = await impersonate();
    const id = idOf(await newWishlist(customer.accessToken, 'Shared'));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        addToWishlist(i % 2 === 0 ? customer.accessToken : agent.accessToken, id, WHITE),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    const one = await call('GET', `/wishlists/${id}?include=wishlist-items`, {
      token: customer.accessToken,
    });
    const body = one.body as {
      data: { attributes: { numberOfItems: number } };
      included: unknown[];
    };
    expect(body.data.attributes.numberOfItems).toBe(1);
    expect(body.included).toHaveLength(1);
    // Every agent's add is in the audit trail, the first and the ones that found it there alike.
    const audited = running.glue.db
      .prepare<[], number>(
        "SELECT count(*) FROM impersonation_audit WHERE resource = 'wishlist-items' AND success = 1",
      )
      .pluck()
      .get();
    expect(audited).toBe(10);
  });

  it('leaves no orphan item when adds race the deletion of the wishlist', async () => {
    const customer = await signInCustomer();
    for (let round = 0; round < 5; round += 1) {
      const id = idOf(await newWishlist(customer.accessToken, `Round ${round}`));
      const adds = [CANON, WHITE, CANON, WHITE].map((sku) =>
        addToWishlist(customer.accessToken, id, sku),
      );
      const deletion = call('DELETE', `/wishlists/${id}`, { token: customer.accessToken });
      const [deleted, ...added] = await Promise.all([deletion, ...adds]);
      expect(deleted).toEqual({ status: 204, body: null });
      for (const answer of added) {
        if (answer.status !== 201) expect(answer).toEqual({ status: 422, body: CANT_ADD });
      }
      expect(itemRows()).toBe(0);
      expect(await call('GET', `/wishlists/${id}`, { token: customer.accessToken })).toEqual({
        status: 404,
        body: NOT_FOUND,
      });
    }
  });

  it('deletes a wishlist once when two clients delete it at once', async () => {
    const customer = await signInCustomer();
    const agent = await impersonate();
    const id = idOf(await newWishlist(customer.accessToken, 'Once'));
    const answers = await Promise.all([
      call('DELETE', `/wishlists/${id}`, { token: customer.accessToken }),
      call('DELETE', `/wishlists/${id}`, { token: agent.accessToken }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 404]);
    expect(answers).toContainEqual({ status: 404, body: NOT_FOUND });
  });

  it('keeps names unique when renames race each other', async () => {
    const customer = await signInCustomer();
    const ids = [
      idOf(await newWishlist(customer.accessToken, 'First')),
      idOf(await newWishlist(customer.accessToken, 'Second')),
      idOf(await newWishlist(customer.accessToken, 'Third')),
    ];
    const answers = await Promise.all(
      ids.map((id) =>
        call('PATCH', `/wishlists/${id}`, {
          token: customer.accessToken,
          body: { data: { type: 'wishlists', attributes: { name: 'Everything' } } },
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    const names = running.glue.db
      .prepare<[], string>('SELECT name FROM wishlists ORDER BY id')
      .pluck()
      .all();
    expect(names.filter((name) => name === 'Everything')).toHaveLength(1);
  });
});

describe('returns at once (§12)', () => {
  const CANT_CREATE = errorBody('3601', 422, "Return can't be created.");

  /** A delivered order of Sonia's of `units` order items (§9.4 splits below 10); their UUIDs. */
  async function deliveredItems(token: string, units: number): Promise<string[]> {
    const cartId = await newCart(token);
    expect((await addItem(token, cartId, units)).status).toBe(201);
    const placed = await checkout(token, cartId);
    expect(placed.status).toBe(201);
    const { orderReference } = (placed.body as { data: { attributes: { orderReference: string } } })
      .data.attributes;
    deliver(running.glue.db, orderReference);
    const order = await call('GET', `/orders/${orderReference}`, { token });
    return (
      order.body as { data: { attributes: { items: { uuid: string }[] } } }
    ).data.attributes.items.map((item) => item.uuid);
  }

  const returnOf = (token: string, uuids: readonly string[]): Promise<Answer> =>
    call('POST', '/returns', {
      token,
      body: returnRequest(uuids.map((uuid) => ({ salesOrderItemUuid: uuid, reason: 'Damaged' }))),
    });
  /** The order items' states and how many returns hold each, as the database has them. */
  const returned = (uuids: readonly string[]): { state: string; returns: number }[] =>
    uuids.map(
      (uuid) =>
        running.glue.db
          .prepare<[string], { state: string; returns: number }>(
            `SELECT i.state, (SELECT count(*) FROM return_items WHERE order_item_id = i.id) AS returns
             FROM order_items AS i WHERE i.uuid = ?`,
          )
          .get(uuid) ?? { state: 'missing', returns: -1 },
    );

  it('returns an item once when many clients return it at once: one 201, every other 3601', async () => {
    const customer = await signInCustomer();
    const agent = await impersonate();
    const [uuid = ''] = await deliveredItems(customer.accessToken, 1);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        returnOf(i % 2 === 0 ? customer.accessToken : agent.accessToken, [uuid]),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer).toEqual({ status: 422, body: CANT_CREATE });
    }
    expect(returned([uuid])).toEqual([{ state: 'waiting for return', returns: 1 }]);
    const listed = await call('GET', '/returns', { token: customer.accessToken });
    expect((listed.body as { data: { id: string }[] }).data.map((r) => r.id)).toEqual([
      'DE--21-R1',
    ]);
  });

  it('creates one of two returns that share an item, and nothing of the other', async () => {
    const customer = await signInCustomer();
    const agent = await impersonate();
    for (let round = 0; round < 5; round += 1) {
      const [a = '', shared = '', b = ''] = await deliveredItems(customer.accessToken, 3);
      const answers = await Promise.all([
        returnOf(customer.accessToken, [a, shared]),
        returnOf(agent.accessToken, [shared, b]),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422]);
      expect(answers).toContainEqual({ status: 422, body: CANT_CREATE });
      // The refused return left its own item as it was: delivered, in no return.
      const won = answers[0]?.status === 201 ? [a, shared] : [shared, b];
      const lost = answers[0]?.status === 201 ? b : a;
      expect(returned(won)).toEqual(Array(2).fill({ state: 'waiting for return', returns: 1 }));
      expect(returned([lost])).toEqual([{ state: 'delivered', returns: 0 }]);
    }
  });

  it('numbers many returns made at once one after another, none twice', async () => {
    const customer = await signInCustomer();
    const agent = await impersonate();
    const uuids = await deliveredItems(customer.accessToken, 9);
    const answers = await Promise.all(
      uuids.map((uuid, i) =>
        returnOf(i % 2 === 0 ? customer.accessToken : agent.accessToken, [uuid]),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(9).fill(201));
    const references = answers.map((answer) => (answer.body as { data: { id: string } }).data.id);
    expect(references.sort()).toEqual(
      Array.from({ length: 9 }, (_, i) => `DE--21-R${i + 1}`).sort(),
    );
    expect(returned(uuids)).toEqual(Array(9).fill({ state: 'waiting for return', returns: 1 }));
  });
});

describe('return reasons read at once (§12)', () => {
  it('answers each of many reads at once in its own language', async () => {
    const languages = ['de-DE', 'en-US', 'de', 'fr'];
    const alone = await Promise.all(
      languages.map(async (language) => call('GET', '/return-reasons', { language })),
    );
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        call('GET', '/return-reasons', { language: languages[i % languages.length] }),
      ),
    );
    answers.forEach((answer, i) => expect(answer).toEqual(alone[i % languages.length]));
    expect(alone[0]).not.toEqual(alone[1]);
  });
});

describe('forgotten passwords at once (§13)', () => {
  const forgot = (email: string): Promise<Answer> =>
    call('POST', '/customer-forgotten-password', {
      body: { data: { type: 'customer-forgotten-password', attributes: { email } } },
    });
  interface Mail {
    id: string;
    attributes: { to: string; restorePasswordKey: string; restorePasswordLink: string };
  }
  const outbox = async (token: string, query = '?page[limit]=100'): Promise<Mail[]> => {
    const answer = await call('GET', `/agent-outbox-mails${query}`, { token });
    expect(answer.status).toBe(200);
    return (answer.body as { data: Mail[] }).data;
  };
  /** Newest first, each mail whole: its own key, and the link built from it. */
  const expectWhole = (mails: Mail[]): void => {
    const ids = mails.map((mail) => Number(mail.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    for (const { attributes } of mails) {
      expect(attributes.restorePasswordKey).toMatch(/^[0-9a-f]{32}$/);
      expect(attributes.restorePasswordLink).toBe(
        `http://yves.eu.spryker.local/password/restore?token=${attributes.restorePasswordKey}`,
      );
    }
  };

  it('writes one restore mail per request for a registered e-mail, each with its own key, none for an unknown one', async () => {
    const emails = Array.from({ length: 20 }, (_, i) =>
      i % 5 === 4 ? `nobody${i}@acme.com` : i % 2 === 0 ? 'sonia@acme.com' : 'SONIA@acme.com',
    );
    const answers = await Promise.all(emails.map(forgot));
    expect(answers).toEqual(Array(20).fill({ status: 204, body: null }));
    const mails = await outbox((await signInAgent()).accessToken);
    expect(mails).toHaveLength(16);
    expectWhole(mails);
    expect(new Set(mails.map((mail) => mail.attributes.to))).toEqual(new Set(['sonia@acme.com']));
    expect(new Set(mails.map((mail) => mail.attributes.restorePasswordKey)).size).toBe(16);
  });

  it('lists only whole mails, newest first, while mails are written', async () => {
    const agent = (await signInAgent()).accessToken;
    const writes = Array.from({ length: 12 }, () => forgot('sonia@acme.com'));
    const reads = Array.from({ length: 12 }, () => outbox(agent, '?page[limit]=5'));
    const [written, read] = await Promise.all([Promise.all(writes), Promise.all(reads)]);
    expect(written.map((answer) => answer.status)).toEqual(Array(12).fill(204));
    for (const mails of read) {
      expect(mails.length).toBeLessThanOrEqual(5);
      expectWhole(mails);
    }
    expect(await outbox(agent)).toHaveLength(12);
  });
});

describe('impersonation sessions at once (issue 14: never two agents unawares)', () => {
  interface Session {
    id: string;
    attributes: {
      endedAt: string | null;
      changes: { resource: string; success: boolean }[];
      events: { event: string; mode?: string; sessionId?: string }[];
      alongside: { sessionId: string }[];
    };
  }
  const sessionsOf = async (agent: string, query: string): Promise<Session[]> => {
    const answer = await call('GET', `/agent-impersonation-sessions${query}`, { token: agent });
    expect(answer.status).toBe(200);
    return (answer.body as { data: Session[] }).data;
  };
  const modeSwitch = (token: string, mode: string): Promise<Answer> =>
    call('POST', '/agent-impersonation-session-events', {
      token,
      body: {
        data: {
          type: 'agent-impersonation-session-events',
          attributes: { event: 'change-mode', mode },
        },
      },
    });
  /** Who joined each session, and whom each started alongside, by id. */
  const overlaps = (sessions: Session[]) => ({
    joinedBy: Object.fromEntries(
      sessions.map((session) => [
        session.id,
        session.attributes.events
          .filter((event) => event.event === 'joined-by')
          .map((event) => event.sessionId),
      ]),
    ),
    alongside: Object.fromEntries(
      sessions.map((session) => [
        session.id,
        session.attributes.alongside.map((older) => older.sessionId),
      ]),
    ),
  });

  it('records each overlap on both sides when many tabs start acting as one customer at once', async () => {
    // Every tab an agent of its own, signed in before the burst.
    const agents = await Promise.all(Array.from({ length: 8 }, () => signInAgent()));
    const started = await Promise.all(
      agents.map(({ accessToken }) =>
        call('POST', '/agent-customer-impersonation-access-tokens', {
          token: accessToken,
          body: {
            data: {
              type: 'agent-customer-impersonation-access-tokens',
              attributes: { customerReference: 'DE--21' },
            },
          },
        }),
      ),
    );
    expect(started.map((answer) => answer.status)).toEqual(Array(8).fill(201));
    const sessions = await sessionsOf(agents[0]?.accessToken ?? '', '?customerReference=DE--21');
    const ids = sessions.map((session) => session.id).reverse();
    expect(ids).toHaveLength(8);
    const { joinedBy, alongside } = overlaps(sessions);
    // One after another under the write lock: each found every earlier one open, and each
    // earlier one names every later one, oldest first, the same pairs from both sides.
    ids.forEach((id, index) => {
      expect({ id, alongside: alongside[id] }).toEqual({ id, alongside: ids.slice(0, index) });
      expect({ id, joinedBy: joinedBy[id] }).toEqual({ id, joinedBy: ids.slice(index + 1) });
    });
  });

  it('records no overlap with a session that is ended while another starts, or else records it whole', async () => {
    const ending = await impersonate();
    const agent = (await signInAgent()).accessToken;
    const [ended, joined] = await Promise.all([
      call('DELETE', `/refresh-tokens/${ending.refreshToken}`, { token: ending.accessToken }),
      call('POST', '/agent-customer-impersonation-access-tokens', {
        token: agent,
        body: {
          data: {
            type: 'agent-customer-impersonation-access-tokens',
            attributes: { customerReference: 'DE--21' },
          },
        },
      }),
    ]);
    expect([ended.status, joined.status]).toEqual([204, 201]);
    const sessions = await sessionsOf(agent, '?customerReference=DE--21');
    const { joinedBy, alongside } = overlaps(sessions);
    // Whichever came first, the two sides agree: both name the other, or neither does.
    expect(alongside['2']).toEqual(joinedBy['1']?.length === 1 ? ['1'] : []);
    expect(joinedBy['1']).toEqual(alongside['2']?.length === 1 ? ['2'] : []);
    expect(sessions.find((session) => session.id === '1')?.attributes.endedAt).not.toBeNull();
  });

  it('records every one of many mode switches sent at once, in the order they were taken', async () => {
    const session = await impersonate();
    const modes = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 'view' : 'change'));
    // Other tabs join the customer meanwhile: their joins go in between, none lost.
    const [answers, joins] = await Promise.all([
      Promise.all(modes.map((mode) => modeSwitch(session.accessToken, mode))),
      Promise.all(Array.from({ length: 3 }, () => impersonate())),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(201));
    expect(joins).toHaveLength(3);
    const taken = answers
      .map((answer) => (answer.body as { data: { id: string; attributes: { mode: string } } }).data)
      .sort((a, b) => Number(a.id) - Number(b.id));
    expect(new Set(taken.map((event) => event.id)).size).toBe(30);
    const agent = (await signInAgent()).accessToken;
    const [first] = await sessionsOf(agent, '?customerReference=DE--21&page[offset]=3');
    const events = first?.attributes.events ?? [];
    expect(
      events.filter((event) => event.event === 'change-mode').map((event) => event.mode),
    ).toEqual(taken.map((event) => event.attributes.mode));
    expect(events.filter((event) => event.event === 'joined-by')).toHaveLength(3);
    expect(events).toHaveLength(33);
  });

  it('records a return and a restore mail made at once through one session, each once', async () => {
    const session = await impersonate();
    const [forgotten, refused] = await Promise.all([
      Promise.all(
        Array.from({ length: 6 }, () =>
          call('POST', '/customer-forgotten-password', {
            token: session.accessToken,
            body: {
              data: {
                type: 'customer-forgotten-password',
                attributes: { email: 'sonia@acme.com' },
              },
            },
          }),
        ),
      ),
      Promise.all(
        Array.from({ length: 6 }, () =>
          call('POST', '/returns', {
            token: session.accessToken,
            body: returnRequest([{ salesOrderItemUuid: 'not-an-item', reason: 'Damaged' }]),
          }),
        ),
      ),
    ]);
    expect(forgotten.map((answer) => answer.status)).toEqual(Array(6).fill(204));
    expect(refused.map((answer) => answer.status)).toEqual(Array(6).fill(422));
    const [only] = await sessionsOf((await signInAgent()).accessToken, '');
    const changes = only?.attributes.changes ?? [];
    expect(changes.filter((change) => change.resource === 'customer-forgotten-password')).toEqual(
      Array(6).fill(expect.objectContaining({ success: true })),
    );
    expect(changes.filter((change) => change.resource === 'returns')).toEqual(
      Array(6).fill(expect.objectContaining({ success: false })),
    );
  });
});
