import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CART_ATTRIBUTES,
  bearer,
  createCart,
  document,
  errorBody,
  makeTestGlue,
  signInAgent,
  signInAsCustomerThroughAgent,
  signInCustomer,
  snapshot,
  statusAndBody,
  ADDRESS_ATTRIBUTES,
} from '../platform/test-support';
import type { TestGlue } from '../platform/test-support';
import { NOTEBOOK, cartWith, consoleRequest } from '../features/checkout/checkout-fixtures';

const MISSING = errorBody('002', 403, 'Missing access token.');
const INVALID = errorBody('001', 401, 'Invalid access token.');
const UNAUTHORIZED = errorBody('802', 403, 'Unauthorized request.');
// §8.2: the addresses' route authorization, which an agent's own token does not pass either.
const NOT_THE_CUSTOMERS = errorBody('411', 403, 'Unauthorized request.');

let t: TestGlue;
let cartId: string;
let addressId: string;
let wishlistId: string;

beforeEach(async () => {
  t = await makeTestGlue();
  const sonia = bearer((await signInCustomer(t)).accessToken);
  cartId = await createCart(t, sonia);
  const address = await t.post(
    '/customers/DE--21/addresses',
    document('addresses', ADDRESS_ATTRIBUTES),
    {
      headers: sonia,
    },
  );
  addressId = ((await address.json()) as { data: { id: string } }).data.id;
  wishlistId = await newWishlist(sonia, 'Birthday gifts');
});

/** §11: a wishlist of Sonia's holding one product; its UUID. */
async function newWishlist(headers: Record<string, string>, name: string): Promise<string> {
  const created = await t.post('/wishlists', document('wishlists', { name }), { headers });
  const id = ((await created.json()) as { data: { id: string } }).data.id;
  await t.post(
    `/wishlists/${id}/wishlist-items`,
    document('wishlist-items', { sku: '005_30663301' }),
    {
      headers,
    },
  );
  return id;
}

afterEach(() => t.close());

const itemBody = document('items', { sku: '005_30663301', quantity: 1 });

/** Every customer endpoint of §5 and §8, with a body where it takes one. */
const endpoints = (): [method: string, path: string, body?: unknown][] => [
  ['GET', '/customers/DE--21'],
  ['GET', '/customers'],
  ['GET', '/carts'],
  ['GET', `/carts/${cartId}`],
  ['POST', '/carts', document('carts', CART_ATTRIBUTES)],
  ['DELETE', `/carts/${cartId}`],
  ['POST', `/carts/${cartId}/items`, itemBody],
  ['PATCH', `/carts/${cartId}/items/005_30663301`, document('items', { quantity: 2 })],
  ['DELETE', `/carts/${cartId}/items/005_30663301`],
  // §10: both routes for codes, adding and removing.
  ['POST', `/carts/${cartId}/cart-codes`, document('cart-codes', { code: 'sprykerku2f' })],
  ['DELETE', `/carts/${cartId}/cart-codes/sprykerku2f`],
  ['POST', `/carts/${cartId}/vouchers`, document('vouchers', { code: 'sprykerku2f' })],
  ['DELETE', `/carts/${cartId}/vouchers/sprykerku2f`],
  ['GET', '/orders'],
  ['GET', '/orders/DE--1'],
  ['GET', '/customers/DE--21/orders'],
  ...addressEndpoints(),
  ...wishlistEndpoints(),
];

/** §11's endpoints. */
const wishlistEndpoints = (): [method: string, path: string, body?: unknown][] => [
  ['GET', '/wishlists'],
  ['GET', `/wishlists/${wishlistId}`],
  ['POST', '/wishlists', document('wishlists', { name: 'Christmas' })],
  ['PATCH', `/wishlists/${wishlistId}`, document('wishlists', { name: 'Renamed' })],
  [
    'POST',
    `/wishlists/${wishlistId}/wishlist-items`,
    document('wishlist-items', { sku: '058_24245592' }),
  ],
  ['DELETE', `/wishlists/${wishlistId}/wishlist-items/005_30663301`],
  ['DELETE', `/wishlists/${wishlistId}`],
];

/** §8's endpoints. */
const addressEndpoints = (): [method: string, path: string, body?: unknown][] => [
  ['GET', '/customers/DE--21/addresses'],
  ['GET', `/customers/DE--21/addresses/${addressId}`],
  ['POST', '/customers/DE--21/addresses', document('addresses', ADDRESS_ATTRIBUTES)],
  ['PATCH', `/customers/DE--21/addresses/${addressId}`, document('addresses', { city: 'Bonn' })],
  ['DELETE', `/customers/DE--21/addresses/${addressId}`],
];

const isAddressPath = (path: string): boolean => path.includes('/addresses');

function idNamed(name: string): string {
  return (
    t.glue.db
      .prepare<[string], string>('SELECT uuid FROM wishlists WHERE name = ?')
      .pluck()
      .get(name) ?? ''
  );
}

function send(
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Response> {
  return t.send(method, path, {
    headers: { 'Content-Type': 'application/vnd.api+json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('the customer endpoints (§5) refuse callers who are not a customer', () => {
  it('answers 403 002 without an Authorization header, and changes nothing', async () => {
    const before = snapshot(t.glue);
    for (const [method, path, body] of endpoints()) {
      const response = await send(method, path, body, {});
      expect({ method, path, ...(await statusAndBody(response)) }).toEqual({
        method,
        path,
        status: 403,
        body: MISSING,
      });
    }
    expect(snapshot(t.glue)).toBe(before);
  });

  it('answers 401 001 with a WWW-Authenticate header for a token that is not valid', async () => {
    const { accessToken } = await signInCustomer(t);
    t.advance(28801);
    for (const authorization of ['Bearer garbage', `Bearer ${accessToken}`, 'Basic abc']) {
      for (const [method, path, body] of endpoints()) {
        const response = await send(method, path, body, { Authorization: authorization });
        expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Access to shop API"');
        expect({ method, path, ...(await statusAndBody(response)) }).toEqual({
          method,
          path,
          status: 401,
          body: INVALID,
        });
      }
    }
  });

  it('answers 403 802 (411 on §8’s addresses) to an agent’s own token, which names no customer, and changes nothing', async () => {
    const { accessToken } = await signInAgent(t);
    const before = snapshot(t.glue);
    for (const [method, path, body] of endpoints()) {
      const response = await send(method, path, body, bearer(accessToken));
      expect({ method, path, ...(await statusAndBody(response)) }).toEqual({
        method,
        path,
        status: 403,
        body: isAddressPath(path) ? NOT_THE_CUSTOMERS : UNAUTHORIZED,
      });
    }
    // An agent token in X-Agent-Authorization is no customer token either.
    const response = await send('GET', '/carts', undefined, {
      'X-Agent-Authorization': `Bearer ${accessToken}`,
    });
    expect(await statusAndBody(response)).toEqual({ status: 403, body: MISSING });
    expect(snapshot(t.glue)).toBe(before);
  });

  it('lets the customer’s own token and an impersonation token through', async () => {
    for (const { accessToken } of [
      await signInCustomer(t),
      await signInAsCustomerThroughAgent(t),
    ]) {
      for (const [method, path] of [
        ['GET', '/customers/DE--21'],
        ['GET', '/carts'],
        ['GET', '/orders'],
        ['GET', '/customers/DE--21/orders'],
        ['GET', '/customers/DE--21/addresses'],
        ['GET', `/customers/DE--21/addresses/${addressId}`],
      ] as const) {
        expect((await t.send(method, path, { headers: bearer(accessToken) })).status).toBe(200);
      }
    }
  });

  it('lets both change the customer’s wishlists (§11)', async () => {
    for (const [n, { accessToken }] of [
      await signInCustomer(t),
      await signInAsCustomerThroughAgent(t),
    ].entries()) {
      const statuses: number[] = [];
      for (const [method, path, body] of wishlistEndpoints()) {
        statuses.push((await send(method, path, body, bearer(accessToken))).status);
      }
      expect(statuses).toEqual([200, 200, 201, 200, 201, 204, 204]);
      // The names used are free again for the next caller: the first list was renamed and deleted.
      await t.send('DELETE', '/wishlists/' + idNamed('Christmas'), {
        headers: bearer(accessToken),
      });
      wishlistId = await newWishlist(bearer(accessToken), `Again ${n}`);
    }
  });

  it('lets both change the customer’s addresses (§8)', async () => {
    for (const { accessToken } of [
      await signInCustomer(t),
      await signInAsCustomerThroughAgent(t),
    ]) {
      const statuses: number[] = [];
      for (const [method, path, body] of addressEndpoints()) {
        statuses.push((await send(method, path, body, bearer(accessToken))).status);
      }
      expect(statuses).toEqual([200, 200, 201, 200, 204]);
      const again = await t.post(
        '/customers/DE--21/addresses',
        document('addresses', ADDRESS_ATTRIBUTES),
        {
          headers: bearer(accessToken),
        },
      );
      addressId = ((await again.json()) as { data: { id: string } }).data.id;
    }
  });
});

describe('checkout (§9) answers callers who are not a customer its own way', () => {
  const NO_USER = errorBody(
    '1105',
    400,
    'One of Authorization or X-Anonymous-Customer-Unique-Id headers is required.',
  );

  /** Both endpoints with §9.1's request for a new cart of Sonia's holding one notebook. */
  const checkoutEndpoints = async (): Promise<[path: string, body: unknown][]> => {
    const owner = bearer((await signInCustomer(t)).accessToken);
    const cart = await cartWith(t, owner, [[NOTEBOOK, 1]]);
    return [
      ['/checkout-data', document('checkout-data', consoleRequest(cart))],
      ['/checkout', document('checkout', consoleRequest(cart))],
    ];
  };

  it('answers 400 1105 without an Authorization header, and changes nothing', async () => {
    const endpoints = await checkoutEndpoints();
    const before = snapshot(t.glue);
    for (const [path, body] of endpoints) {
      const response = await send('POST', path, body, {});
      expect({ path, ...(await statusAndBody(response)) }).toEqual({
        path,
        status: 400,
        body: NO_USER,
      });
    }
    expect(snapshot(t.glue)).toBe(before);
  });

  it('answers 401 001 with a WWW-Authenticate header for a token that is not valid', async () => {
    const endpoints = await checkoutEndpoints();
    const { accessToken } = await signInCustomer(t);
    t.advance(28801);
    for (const authorization of ['Bearer garbage', `Bearer ${accessToken}`, 'Basic abc']) {
      for (const [path, body] of endpoints) {
        const response = await send('POST', path, body, { Authorization: authorization });
        expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Access to shop API"');
        expect({ path, ...(await statusAndBody(response)) }).toEqual({
          path,
          status: 401,
          body: INVALID,
        });
      }
    }
  });

  it('finds no cart for an agent’s own token (422 1103), and changes nothing', async () => {
    const endpoints = await checkoutEndpoints();
    const { accessToken } = await signInAgent(t);
    const before = snapshot(t.glue);
    for (const [path, body] of endpoints) {
      const response = await send('POST', path, body, bearer(accessToken));
      expect({ path, ...(await statusAndBody(response)) }).toEqual({
        path,
        status: 422,
        body: errorBody('1103', 422, 'Cart not found.'),
      });
    }
    expect(snapshot(t.glue)).toBe(before);
  });

  it('lets the customer’s own token and an impersonation token through', async () => {
    for (const { accessToken } of [
      await signInCustomer(t),
      await signInAsCustomerThroughAgent(t),
    ]) {
      for (const [path, body] of await checkoutEndpoints()) {
        const response = await send('POST', path, body, bearer(accessToken));
        expect(response.status).toBe(path === '/checkout' ? 201 : 200);
      }
    }
  });
});
