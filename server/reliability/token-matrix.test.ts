import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addItem,
  bearer,
  createCart,
  document,
  errorBody,
  makeTestGlue,
  refresh,
  signInAgent,
  signInAsCustomerThroughAgent,
  signInCustomer,
  ADDRESS_ATTRIBUTES,
} from '../platform/test-support';
import type { TestGlue } from '../platform/test-support';
import { NOTEBOOK, cartWith, consoleRequest } from '../features/checkout/checkout-fixtures';
import { deliveredOrder, returnRequest } from '../features/returns/return-fixtures';
import {
  LeakWatch,
  appRoutes,
  expectErrorDocument,
  fillPath,
  routeKind,
  routeName,
  snapshotExcept,
} from './helpers';
import type { Route, RouteKind } from './helpers';

const CANON = '005_30663301';
// §10's example: a white product and the voucher that takes 5 % off it.
const WHITE = '058_24245592';
const VOUCHER = 'sprykerku2f';
const ACCESS_TTL = 28800;

const MISSING = errorBody('002', 403, 'Missing access token.');
const INVALID = errorBody('001', 401, 'Invalid access token.');
const AGENT_TOKEN_INVALID = errorBody('4102', 401, 'Agent access token is invalid.');
const AGENT_ONLY = errorBody('4103', 401, 'Action is available to agent user only.');
const UNAUTHORIZED = errorBody('802', 403, 'Unauthorized request.');
const POST_DATA_INVALID = errorBody(null, 400, 'Post data is invalid.');
const NO_ID = errorBody(null, 400, 'Resource id is not specified.');
const UUID_MISSING = errorBody('104', 400, 'Cart uuid is missing.');
const NO_USER = errorBody(
  '1105',
  400,
  'One of Authorization or X-Anonymous-Customer-Unique-Id headers is required.',
);
const CART_NOT_FOUND = errorBody('1103', 422, 'Cart not found.');
const NOT_THE_CUSTOMERS = errorBody('411', 403, 'Unauthorized request.');
const CUSTOMER_NOT_FOUND = errorBody('402', 404, 'Customer not found.');
const WISHLIST_NOT_FOUND = errorBody('201', 404, "Can't find wishlist.");

/**
 * What the caller presents: nothing, an invalid token in Authorization (`invalid`) or in
 * X-Agent-Authorization (`invalid-x`), an agent token in either header, or a token that acts as
 * the customer (their own or an impersonation token).
 */
type Who = 'none' | 'invalid' | 'invalid-x' | 'agent' | 'agent-x' | 'customer' | 'customer-x';

interface Column {
  name: string;
  who: Who;
  headers: () => Record<string, string>;
  /** An impersonation token that gets through: its refusals land in the audit trail. */
  audited?: true;
}

/** `undefined` body: any JSON:API document with `data` (a 200 whose content other tests check). */
interface Expected {
  status: number;
  body?: unknown;
}

// The column's tokens are issued in beforeAll, so the headers are read lazily.
const tokens: Record<string, string> = {};
const auth = (name: string): Record<string, string> => bearer(tokens[name] ?? '');
const agentHeader = (name: string): Record<string, string> => ({
  'X-Agent-Authorization': `Bearer ${tokens[name] ?? ''}`,
});

const COLUMNS: Column[] = [
  { name: 'no Authorization', who: 'none', headers: () => ({}) },
  { name: 'garbage Bearer', who: 'invalid', headers: () => ({ Authorization: 'Bearer garbage' }) },
  { name: 'Basic credentials', who: 'invalid', headers: () => ({ Authorization: 'Basic YTpi' }) },
  {
    name: 'bare agent token, no Bearer',
    who: 'invalid',
    headers: () => ({ Authorization: tokens.agent ?? '' }),
  },
  { name: 'agent token, signature tampered', who: 'invalid', headers: () => auth('tampered') },
  { name: 'expired agent token', who: 'invalid', headers: () => auth('expiredAgent') },
  { name: 'expired customer token', who: 'invalid', headers: () => auth('expiredCustomer') },
  {
    name: 'expired impersonation token',
    who: 'invalid',
    headers: () => auth('expiredImpersonation'),
  },
  {
    name: 'garbage X-Agent-Authorization',
    who: 'invalid-x',
    headers: () => ({ 'X-Agent-Authorization': 'Bearer garbage' }),
  },
  {
    name: 'expired agent token in X-Agent-Authorization',
    who: 'invalid-x',
    headers: () => agentHeader('expiredAgent'),
  },
  { name: 'agent token', who: 'agent', headers: () => auth('agent') },
  {
    name: 'agent token in X-Agent-Authorization',
    who: 'agent-x',
    headers: () => agentHeader('agent'),
  },
  {
    name: 'impersonation token in X-Agent-Authorization',
    who: 'customer-x',
    headers: () => agentHeader('impersonation'),
  },
  {
    name: 'customer token in X-Agent-Authorization',
    who: 'customer-x',
    headers: () => agentHeader('customer'),
  },
  {
    name: 'impersonation token',
    who: 'customer',
    headers: () => auth('impersonation'),
    audited: true,
  },
  { name: 'customer token', who: 'customer', headers: () => auth('customer') },
  // §4.2: revoking refresh tokens (ending the session) leaves issued access tokens valid.
  {
    name: 'impersonation token of an ended session',
    who: 'customer',
    headers: () => auth('endedImpersonation'),
    audited: true,
  },
  {
    name: 'customer token whose refresh tokens were revoked',
    who: 'customer',
    headers: () => auth('revokedCustomer'),
  },
];

/** Past authentication, with no body: GET 200, POST/PATCH 400 (§1), DELETE 204 (or 104). */
function admitted({ method, path }: Route): Expected {
  if (method === 'GET') return { status: 200 };
  if (method === 'POST' || method === 'PATCH') return { status: 400, body: POST_DATA_INVALID };
  // §5 104: the item routes with an empty cart id (`/carts//items/...`).
  if (path.includes('//')) return { status: 400, body: UUID_MISSING };
  return { status: 204, body: null };
}

/** §8's routes: `/customers/{ref}/addresses[/{uuid}]`, and those with an empty `{ref}`. */
function isAddressRoute({ path }: Route): boolean {
  return /^\/customers\/[^/]*\/addresses(\/|$)/.test(path);
}

/**
 * §8.2 past the token, with a valid body where the route takes one: an agent's own token names no
 * customer (411); an empty reference is refused on POST (411) and finds no customer on GET (402).
 */
function addressAnswer({ method, path }: Route, who: 'agent' | 'customer'): Expected {
  const noReference = path.startsWith('/customers//');
  if (method === 'GET' && noReference) return { status: 404, body: CUSTOMER_NOT_FOUND };
  if (who === 'agent' || noReference) return { status: 403, body: NOT_THE_CUSTOMERS };
  if (method === 'POST') return { status: 201 };
  return method === 'DELETE' ? { status: 204, body: null } : { status: 200 };
}

/** §11's routes: `/wishlists[/{id}[/wishlist-items[/{sku}]]]`. */
function isWishlistRoute({ path }: Route): boolean {
  return path === '/wishlists' || path.startsWith('/wishlists/');
}

/** §11 past the token, with a valid body where the route takes one. */
function wishlistAnswer({ method, path }: Route): Expected {
  if (path.startsWith('/wishlists//')) return { status: 404, body: WISHLIST_NOT_FOUND };
  if (method === 'POST') return { status: 201 };
  return method === 'DELETE' ? { status: 204, body: null } : { status: 200 };
}

/** §12's routes: `/returns[/{returnReference}]`. */
function isReturnRoute({ path }: Route): boolean {
  return path === '/returns' || path.startsWith('/returns/');
}

/** §12 past the token, with a returnable item where the route takes a body. */
function returnAnswer({ method }: Route): Expected {
  return { status: method === 'POST' ? 201 : 200 };
}

let wishlistNames = 0;

/** §11's request document for a route that takes one: a new name, or a product to add. */
function wishlistBody({ path }: Route): string {
  return path.endsWith('/wishlist-items')
    ? JSON.stringify(document('wishlist-items', { sku: CANON }))
    : JSON.stringify(document('wishlists', { name: `Wishlist ${++wishlistNames}` }));
}

/** README: a mode switch the route takes, so an impersonation token gets its 201. */
const MODE_SWITCH = { event: 'change-mode', mode: 'view' };

/**
 * The contract's answer for the route and caller (§2, §3 table, §3.3, §4.2, §5, §8.2, §9.6, and
 * the README for the stand-in's own endpoints). `impersonation`: the caller's token is one.
 */
function expected(kind: RouteKind, route: Route, who: Who, impersonation: boolean): Expected {
  if (kind === 'idless') return { status: 400, body: NO_ID };
  if (kind === 'impersonation') {
    // Only Authorization is read: any other token, or none, names no session.
    if (who === 'invalid') return { status: 401, body: INVALID };
    return impersonation && who === 'customer'
      ? { status: 201 }
      : { status: 401, body: AGENT_ONLY };
  }
  if (kind === 'checkout') {
    // Sent §9.1's request for a cart of DE--21: checkout reads Authorization only.
    const answers: Record<Who, Expected> = {
      none: { status: 400, body: NO_USER },
      'invalid-x': { status: 400, body: NO_USER },
      'agent-x': { status: 400, body: NO_USER },
      'customer-x': { status: 400, body: NO_USER },
      invalid: { status: 401, body: INVALID },
      // An agent's own token names no customer, so no cart of theirs.
      agent: { status: 422, body: CART_NOT_FOUND },
      customer: { status: route.path === '/checkout' ? 201 : 200 },
    };
    return answers[who];
  }
  if (kind === 'agent') {
    const refused: Record<Who, Expected | null> = {
      none: { status: 401, body: AGENT_ONLY },
      invalid: { status: 401, body: INVALID },
      'invalid-x': { status: 401, body: AGENT_TOKEN_INVALID },
      agent: null,
      'agent-x': null,
      customer: { status: 401, body: AGENT_ONLY },
      'customer-x': { status: 401, body: AGENT_ONLY },
    };
    return refused[who] ?? admitted(route);
  }
  const refused: Record<Who, Expected | null> = {
    // §4.2 and §5 read Authorization only: X-Agent-Authorization is no token there.
    none: { status: 403, body: MISSING },
    'invalid-x': { status: 403, body: MISSING },
    'agent-x': { status: 403, body: MISSING },
    'customer-x': { status: 403, body: MISSING },
    invalid: { status: 401, body: INVALID },
    // §4.2 takes any token; §5's endpoints need a customer: an agent names none (802).
    agent: kind === 'any-token' ? null : { status: 403, body: UNAUTHORIZED },
    customer: null,
  };
  if (isAddressRoute(route)) {
    if (who === 'agent') return addressAnswer(route, 'agent');
    return refused[who] ?? addressAnswer(route, 'customer');
  }
  if (isWishlistRoute(route)) return refused[who] ?? wishlistAnswer(route);
  if (isReturnRoute(route)) return refused[who] ?? returnAnswer(route);
  return refused[who] ?? admitted(route);
}

let t: TestGlue;
const leaks = new LeakWatch();
let orderReference = '';

// The routes are read from a real app at collection time, so a new endpoint gets its own test.
const listed = await makeTestGlue();
const ROUTES = appRoutes(listed.glue);
listed.close();
const PROTECTED = ROUTES.filter((route) => !['public', 'issuing'].includes(routeKind(route)));

beforeAll(async () => {
  t = await makeTestGlue();
  // Issued first and then outlived: the clock moves past their TTL before the live ones exist.
  tokens.expiredAgent = leaks.remember(await signInAgent(t)).accessToken;
  tokens.expiredCustomer = leaks.remember(await signInCustomer(t)).accessToken;
  tokens.expiredImpersonation = leaks.remember(await signInAsCustomerThroughAgent(t)).accessToken;
  t.advance(ACCESS_TTL + 1);

  const agent = leaks.remember(await signInAgent(t));
  tokens.agent = agent.accessToken;
  const [head, payload, signature = ''] = agent.accessToken.split('.');
  const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
  tokens.tampered = `${head}.${payload}.${flipped}`;
  tokens.customer = leaks.remember(await signInCustomer(t)).accessToken;
  tokens.impersonation = leaks.remember(await signInAsCustomerThroughAgent(t)).accessToken;

  const ended = leaks.remember(await signInAsCustomerThroughAgent(t));
  tokens.endedImpersonation = ended.accessToken;
  const endSession = await t.send('DELETE', `/refresh-tokens/${ended.refreshToken}`, {
    headers: bearer(ended.accessToken),
  });
  expect(endSession.status).toBe(204);
  expect((await refresh(t, ended.refreshToken)).status).toBe(401);

  // A customer token issued after "mine" was revoked would not show anything: revoke after.
  const customer = leaks.remember(await signInCustomer(t));
  tokens.revokedCustomer = customer.accessToken;
  const revokeAll = await t.send('DELETE', '/refresh-tokens/mine', {
    headers: bearer(customer.accessToken),
  });
  expect(revokeAll.status).toBe(204);
  expect((await refresh(t, customer.refreshToken)).status).toBe(401);

  const orders = await t.send('GET', '/orders', { headers: auth('customer') });
  orderReference = ((await orders.json()) as { data: { id: string }[] }).data[0]?.id ?? '';
  expect(orderReference).not.toBe('');
});

afterAll(() => t.close());

/** §8: a new address of DE--21; its UUID. */
async function newAddress(): Promise<string> {
  const response = await t.post(
    '/customers/DE--21/addresses',
    document('addresses', ADDRESS_ATTRIBUTES),
    {
      headers: auth('customer'),
    },
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

/** §11: a new wishlist of DE--21 holding CANON; its UUID. */
async function newWishlist(): Promise<string> {
  const created = await t.post(
    '/wishlists',
    document('wishlists', { name: `Kept ${++wishlistNames}` }),
    { headers: auth('customer') },
  );
  expect(created.status).toBe(201);
  const id = ((await created.json()) as { data: { id: string } }).data.id;
  const added = await t.post(
    `/wishlists/${id}/wishlist-items`,
    document('wishlist-items', { sku: CANON }),
    {
      headers: auth('customer'),
    },
  );
  expect(added.status).toBe(201);
  return id;
}

/** §12: items of DE--21's delivered orders not yet returned nor handed out. */
const returnable: string[] = [];

/** An item of DE--21's that can be returned, one no other request was given. */
async function returnableItem(): Promise<string> {
  // Nine units, nine order items (§9.4 splits below 10): one order serves nine requests.
  if (returnable.length === 0) {
    const { items } = await deliveredOrder(t, auth('customer'), [[CANON, 9]]);
    returnable.push(...items.map((item) => item.uuid));
  }
  const uuid = returnable.shift();
  if (uuid === undefined) throw new Error('token-matrix: no returnable item');
  return uuid;
}

/** §12: a new return of DE--21's; its reference. */
async function newReturn(): Promise<string> {
  const made = await t.post(
    '/returns',
    returnRequest([{ salesOrderItemUuid: await returnableItem(), reason: 'Damaged' }]),
    { headers: auth('customer') },
  );
  expect(made.status).toBe(201);
  return ((await made.json()) as { data: { id: string } }).data.id;
}

/**
 * A path for the route, with a new cart of DE--21 holding one item where the route names a cart,
 * and a new address, wishlist or return of DE--21 where it names one.
 */
async function pathFor(route: Route): Promise<string> {
  let cartId: string | null = null;
  if (route.path.includes(':cartId')) {
    cartId = await createCart(t, auth('customer'));
    expect((await addItem(t, auth('customer'), cartId, { sku: CANON, quantity: 1 })).status).toBe(
      201,
    );
  }
  // §10: a code the cart holds, so removing it through either route is a 204.
  if (cartId !== null && route.path.includes(':code')) {
    expect((await addItem(t, auth('customer'), cartId, { sku: WHITE, quantity: 1 })).status).toBe(
      201,
    );
    const applied = await t.post(
      `/carts/${cartId}/cart-codes`,
      document('cart-codes', { code: VOUCHER }),
      { headers: auth('customer') },
    );
    expect(applied.status).toBe(201);
  }
  const addressId = route.path.includes(':addressId') ? await newAddress() : null;
  const wishlistId = route.path.includes(':wishlistId') ? await newWishlist() : null;
  const returnReference = route.path.includes(':returnReference') ? await newReturn() : null;
  const placeholders: Record<string, string> = {
    customerReference: 'DE--21',
    groupKey: CANON,
    orderReference,
    code: VOUCHER,
    sessionId: '1',
    // Unknown, so revoking it changes nothing the other columns rely on.
    refreshToken: `def50200${'0'.repeat(128)}`,
  };
  return fillPath(route.path, (param) => {
    const value =
      param === 'cartId'
        ? cartId
        : param === 'addressId'
          ? addressId
          : param === 'wishlistId'
            ? wishlistId
            : param === 'returnReference'
              ? returnReference
              : param === 'sku'
                ? CANON
                : placeholders[param];
    if (value === undefined || value === null) {
      throw new Error(`token-matrix: give :${param} of ${routeName(route)} a placeholder`);
    }
    return value;
  });
}

describe('every protected route against every kind of token', () => {
  it('finds the routes in the app, of every kind the contract names', () => {
    const kinds = new Set(ROUTES.map(routeKind));
    expect([...kinds].sort()).toEqual([
      'agent',
      'any-token',
      'checkout',
      'customer',
      'idless',
      'impersonation',
      'issuing',
      'public',
    ]);
    expect(PROTECTED.length).toBeGreaterThanOrEqual(15);
  });

  it.each(PROTECTED.map((route) => [routeName(route), route] as const))(
    '%s',
    async (_name, route) => {
      const kind = routeKind(route);
      for (const column of COLUMNS) {
        const path = await pathFor(route);
        // §8.2 and §9.5 check the document before the token: an address route gets one it
        // accepts, a checkout route §9.1's request for a new cart.
        let body: string | undefined;
        if (isAddressRoute(route) && ['POST', 'PATCH'].includes(route.method)) {
          body = JSON.stringify(document('addresses', ADDRESS_ATTRIBUTES));
        } else if (
          isWishlistRoute(route) &&
          kind !== 'idless' &&
          ['POST', 'PATCH'].includes(route.method)
        ) {
          body = wishlistBody(route);
        } else if (isReturnRoute(route) && route.method === 'POST') {
          // A returnable item each time: a return that works takes it for good.
          body = JSON.stringify(
            returnRequest([{ salesOrderItemUuid: await returnableItem(), reason: 'Damaged' }]),
          );
        } else if (kind === 'impersonation') {
          body = JSON.stringify(document(route.path.slice(1), MODE_SWITCH));
        } else if (kind === 'checkout') {
          const idCart = await cartWith(t, auth('customer'), [[NOTEBOOK, 1]]);
          body = JSON.stringify(document(route.path.slice(1), consoleRequest(idCart)));
        }
        const want = expected(kind, route, column.who, column.audited === true);
        // An impersonation token's refused changes are audited, by design: that table may grow.
        const kept = column.audited === true ? ['impersonation_audit'] : [];
        const before = snapshotExcept(t.glue, ...kept);
        const response = await t.send(route.method, path, {
          headers:
            kind === 'checkout'
              ? { ...column.headers(), 'Content-Type': 'application/vnd.api+json' }
              : column.headers(),
          ...(body === undefined ? {} : { body }),
        });
        const text = await response.text();
        leaks.expectClean(`${routeName(route)} with ${column.name}`, text);
        const got = { column: column.name, status: response.status };
        if (want.body === undefined) {
          expect(got).toEqual({ column: column.name, status: want.status });
          expect(JSON.parse(text)).toHaveProperty('data');
          continue;
        }
        expect({ ...got, body: text === '' ? null : (JSON.parse(text) as unknown) }).toEqual({
          column: column.name,
          status: want.status,
          body: want.body,
        });
        if (want.status >= 400) {
          expectErrorDocument(response.status, response.headers, text);
          expect(snapshotExcept(t.glue, ...kept), `${column.name} changed the database`).toBe(
            before,
          );
        }
      }
      leaks.expectCleanLog(t);
    },
  );
});

// A path for each public route: a product and a store that exist.
const PUBLIC_PLACEHOLDERS: Record<string, string> = {
  abstractSku: '005',
  sku: CANON,
  storeId: 'DE',
};
const PUBLIC = ROUTES.filter((route) => routeKind(route) === 'public');

describe('POST /customer-forgotten-password against every kind of token (§13)', () => {
  it('writes one restore mail for a registered e-mail, whoever asks, and answers 204', async () => {
    const count = (): number =>
      t.glue.db.prepare<[], number>('SELECT count(*) FROM mail_outbox').pluck().get() ?? 0;
    for (const column of COLUMNS) {
      const before = count();
      const response = await t.post(
        '/customer-forgotten-password',
        document('customer-forgotten-password', { email: 'sonia@acme.com' }),
        { headers: column.headers() },
      );
      const text = await response.text();
      leaks.expectClean(`POST /customer-forgotten-password with ${column.name}`, text);
      expect({ column: column.name, status: response.status, text }).toEqual({
        column: column.name,
        status: 204,
        text: '',
      });
      expect(count(), column.name).toBe(before + 1);
    }
  });
});

describe('every public route against every kind of token', () => {
  it('finds the public routes: the products (§5a), the stores (§7.1), the return reasons (§12) and the forgotten password (§13)', () => {
    expect(PUBLIC.map(routeName)).toEqual(
      expect.arrayContaining([
        'GET /catalog-search-suggestions',
        'GET /abstract-products/:abstractSku',
        'GET /concrete-products/:sku',
        'GET /stores',
        'GET /stores/:storeId',
        'GET /return-reasons',
        'POST /customer-forgotten-password',
      ]),
    );
  });

  it.each(PUBLIC.map((route) => [routeName(route), route] as const))(
    '%s answers every caller the same, and changes nothing',
    async (_name, route) => {
      const path = fillPath(route.path, (param) => {
        const value = PUBLIC_PLACEHOLDERS[param];
        if (value === undefined) {
          throw new Error(`token-matrix: give :${param} of ${routeName(route)} a placeholder`);
        }
        return value;
      });
      // §13: a POST asks for the restore mail of an e-mail without an account, which writes nothing.
      const body =
        route.method === 'POST'
          ? JSON.stringify(document(route.path.slice(1), { email: 'nobody@acme.com' }))
          : undefined;
      const anonymous = await t.send(route.method, path, body === undefined ? {} : { body });
      expect(anonymous.status).toBe(route.method === 'POST' ? 204 : 200);
      const want = await anonymous.text();
      for (const column of COLUMNS) {
        // §13 through an impersonation token is audited (README), even for an unknown e-mail.
        const kept = column.audited === true ? ['impersonation_audit'] : [];
        const before = snapshotExcept(t.glue, ...kept);
        const response = await t.send(route.method, path, {
          headers: column.headers(),
          ...(body === undefined ? {} : { body }),
        });
        const text = await response.text();
        leaks.expectClean(`${routeName(route)} with ${column.name}`, text);
        // Glue validates tokens on protected resources only: not even an invalid one is refused.
        expect({ column: column.name, status: response.status, text }).toEqual({
          column: column.name,
          status: anonymous.status,
          text: want,
        });
        expect(snapshotExcept(t.glue, ...kept), `${column.name} changed the database`).toBe(before);
      }
      leaks.expectCleanLog(t);
    },
  );
});
