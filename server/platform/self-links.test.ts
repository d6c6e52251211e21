import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AGENT,
  addItem,
  bearer,
  createCart,
  document,
  makeTestGlue,
  patch,
  signInCustomer,
} from './test-support';
import type { TestGlue } from './test-support';

/**
 * §1's self-link rule across the app: the request's query goes on the self link of every resource
 * in `data` of the requested type that has no link of its own; other types, included resources and
 * cart items (their own link) keep theirs.
 */

const BASE = 'http://glue.test';
const CANON = '005_30663301';

interface Resource {
  type: string;
  id: string | null;
  links: { self: string };
}

interface Document {
  data: Resource | Resource[];
  included?: Resource[];
  links?: { self: string };
}

let t: TestGlue;
let sonia: Record<string, string>;

beforeEach(async () => {
  t = await makeTestGlue();
  sonia = bearer((await signInCustomer(t)).accessToken);
});

afterEach(() => t.close());

async function read(response: Response, status: number): Promise<Document> {
  const text = await response.text();
  expect({ status: response.status, text }).toMatchObject({ status });
  return JSON.parse(text) as Document;
}

const selfLinks = (resources: Resource | Resource[] | undefined): string[] =>
  (resources === undefined ? [] : Array.isArray(resources) ? resources : [resources]).map(
    (resource) => resource.links.self,
  );

describe('the self-link rule on every kind of answer', () => {
  it('GET /carts/{id}?include=items: the cart carries the query, its items their own links', async () => {
    const cartId = await createCart(t, sonia);
    expect((await addItem(t, sonia, cartId, { sku: CANON, quantity: 1 })).status).toBe(201);
    const body = await read(
      await t.send('GET', `/carts/${cartId}?include=items`, { headers: sonia }),
      200,
    );
    expect(selfLinks(body.data)).toEqual([`${BASE}/carts/${cartId}?include=items`]);
    expect(selfLinks(body.included)).toEqual([`${BASE}/carts/${cartId}/items/${CANON}`]);
    // No query, no "?".
    const plain = await read(await t.send('GET', `/carts/${cartId}`, { headers: sonia }), 200);
    expect(selfLinks(plain.data)).toEqual([`${BASE}/carts/${cartId}`]);
  });

  it('GET /carts?include=items: every cart of the collection carries the query', async () => {
    const first = await createCart(t, sonia, { name: 'First' });
    const second = await createCart(t, sonia, { name: 'Second' });
    await addItem(t, sonia, second, { sku: CANON, quantity: 2 });
    const body = await read(await t.send('GET', '/carts?include=items', { headers: sonia }), 200);
    expect(selfLinks(body.data)).toEqual([
      `${BASE}/carts/${first}?include=items`,
      `${BASE}/carts/${second}?include=items`,
    ]);
    expect(body.links).toEqual({ self: `${BASE}/carts?include=items` });
    expect(selfLinks(body.included)).toEqual([`${BASE}/carts/${second}/items/${CANON}`]);
  });

  it('POST and PATCH of items: the cart answered is of another type, so no query', async () => {
    const cartId = await createCart(t, sonia);
    const added = await read(
      await addItem(t, sonia, cartId, { sku: CANON, quantity: 1 }, '?include=items'),
      201,
    );
    expect(selfLinks(added.data)).toEqual([`${BASE}/carts/${cartId}`]);
    expect(selfLinks(added.included)).toEqual([`${BASE}/carts/${cartId}/items/${CANON}`]);
    const changed = await read(
      await patch(
        t,
        `/carts/${cartId}/items/${CANON}?include=items`,
        document('items', { quantity: 4 }),
        sonia,
      ),
      200,
    );
    expect(selfLinks(changed.data)).toEqual([`${BASE}/carts/${cartId}`]);
  });

  it('POST /carts?x=1: the new cart carries the query', async () => {
    const created = await read(
      await t.post(
        '/carts?x=1',
        document('carts', { priceMode: 'GROSS_MODE', currency: 'EUR', store: 'DE' }),
        {
          headers: sonia,
        },
      ),
      201,
    );
    const { id } = created.data as Resource;
    expect(selfLinks(created.data)).toEqual([`${BASE}/carts/${String(id)}?x=1`]);
  });

  it('GET /orders and /customers/{ref}/orders: each order carries the query', async () => {
    const query = 'page[offset]=1&page[limit]=1';
    for (const path of ['/orders', '/customers/DE--21/orders']) {
      const body = await read(await t.send('GET', `${path}?${query}`, { headers: sonia }), 200);
      const orders = body.data as Resource[];
      expect(orders).toHaveLength(1);
      expect(selfLinks(orders)).toEqual([`${BASE}/orders/${String(orders[0]?.id)}?${query}`]);
    }
  });

  it('GET /customers/{ref}?include=addresses: the customer carries the query', async () => {
    const body = await read(
      await t.send('GET', '/customers/DE--21?include=addresses', { headers: sonia }),
      200,
    );
    expect(selfLinks(body.data)).toEqual([`${BASE}/customers/DE--21?include=addresses`]);
  });

  it('addresses (§8) have links of their own: no query on them, the query on the collection link', async () => {
    const attributes = {
      salutation: 'Ms',
      firstName: 'Sonia',
      lastName: 'Wagner',
      address1: 'Julie-Wolfthorn-Straße',
      address2: '1',
      zipCode: '10115',
      city: 'Berlin',
      iso2Code: 'DE',
      isDefaultShipping: true,
      isDefaultBilling: true,
    };
    const path = '/customers/DE--21/addresses';
    const posted = await read(
      await t.post(`${path}?x=1`, document('addresses', attributes), { headers: sonia }),
      201,
    );
    const own = `${BASE}${path}/${String((posted.data as Resource).id)}`;
    expect(selfLinks(posted.data)).toEqual([own]);
    const listed = await read(await t.send('GET', `${path}?x=1`, { headers: sonia }), 200);
    expect(selfLinks(listed.data)).toEqual([own]);
    expect(listed.links).toEqual({ self: `${BASE}${path}?x=1` });
    const changed = await read(
      await patch(
        t,
        `${own.slice(BASE.length)}?x=1`,
        document('addresses', { city: 'Ulm' }),
        sonia,
      ),
      200,
    );
    expect(selfLinks(changed.data)).toEqual([own]);
  });

  it('token resources (id null): <base>/<type>?<query>', async () => {
    const body = await read(
      await t.post('/agent-access-tokens?lang=en', document('agent-access-tokens', AGENT)),
      201,
    );
    expect(selfLinks(body.data)).toEqual([`${BASE}/agent-access-tokens?lang=en`]);
  });
});
