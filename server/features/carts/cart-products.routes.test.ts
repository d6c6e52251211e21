import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addItem,
  bearer,
  createCart,
  document,
  makeTestGlue,
  patch,
  signInCustomer,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

/** §5: a cart's items with their concrete products, in one request and one catalog query. */

const BASE = 'http://glue.test';
const CANON = '005_30663301';
const BUNDLE = '211_123';
const NOTEBOOK = '155_30149933';

interface Resource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data: { type: string; id: string }[] }>;
  links: { self: string };
}

interface Document {
  data: Resource | Resource[];
  included?: Resource[];
}

let t: TestGlue;
let sonia: Record<string, string>;

beforeEach(async () => {
  t = await makeTestGlue();
  sonia = bearer((await signInCustomer(t)).accessToken);
});

afterEach(() => {
  vi.restoreAllMocks();
  t.close();
});

async function read(response: Response, status = 200): Promise<Document> {
  const { status: got, body } = await statusAndBody(response);
  expect({ status: got, body }).toMatchObject({ status });
  return body as Document;
}

const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
  t.send('GET', path, { headers: { ...sonia, ...headers } });

/** What GET /concrete-products/{sku} answers as its data: the resource included for an item. */
async function product(sku: string, headers: Record<string, string> = {}): Promise<Resource> {
  const body = await read(await t.send('GET', `/concrete-products/${sku}`, { headers }));
  return body.data as Resource;
}

const ref = (type: string, id: string): { type: string; id: string } => ({ type, id });
const shape = (resources: Resource[] | undefined): string[] =>
  (resources ?? []).map((resource) => `${resource.type}:${resource.id}`);

async function cartWith(...lines: [string, number][]): Promise<string> {
  const cartId = await createCart(t, sonia);
  for (const [sku, quantity] of lines) {
    expect((await addItem(t, sonia, cartId, { sku, quantity })).status).toBe(201);
  }
  return cartId;
}

/** Counts the catalog's reads of product names: the queries that fetch concrete products. */
function countProductQueries(): () => number {
  const prototype = Object.getPrototypeOf(t.glue.db.prepare('SELECT 1')) as {
    all: (...args: unknown[]) => unknown[];
    get: (...args: unknown[]) => unknown;
  };
  const all = vi.spyOn(prototype, 'all');
  const one = vi.spyOn(prototype, 'get');
  return () =>
    [...all.mock.contexts, ...one.mock.contexts].filter((statement) =>
      String((statement as { source: string }).source).includes('product_concrete_names'),
    ).length;
}

describe('GET /carts/{id}?include=items,concrete-products', () => {
  it('includes each item’s concrete product before the item, linked from it', async () => {
    const cartId = await cartWith([CANON, 2], [BUNDLE, 1]);
    const body = await read(await get(`/carts/${cartId}?include=items,concrete-products`));
    const cart = body.data as Resource;
    expect(cart.relationships).toEqual({
      items: { data: [ref('items', CANON), ref('items', BUNDLE)] },
    });
    expect(cart.links.self).toBe(`${BASE}/carts/${cartId}?include=items,concrete-products`);
    // Nested resources come before their parent, as Glue's processIncluded() adds them.
    expect(shape(body.included)).toEqual([
      `concrete-products:${CANON}`,
      `items:${CANON}`,
      `concrete-products:${BUNDLE}`,
      `items:${BUNDLE}`,
    ]);
    const [canon, canonItem, bundle, bundleItem] = body.included ?? [];
    // The very resource GET /concrete-products/{sku} answers, its link without the query.
    expect(canon).toEqual(await product(CANON));
    expect(bundle).toEqual(await product(BUNDLE));
    expect(canon?.links.self).toBe(`${BASE}/concrete-products/${CANON}`);
    for (const [item, sku] of [
      [canonItem, CANON],
      [bundleItem, BUNDLE],
    ] as const) {
      expect(item?.relationships).toEqual({
        'concrete-products': { data: [ref('concrete-products', sku)] },
      });
      expect(Object.keys(item ?? {})).toEqual([
        'type',
        'id',
        'attributes',
        'relationships',
        'links',
      ]);
      expect(item?.links.self).toBe(`${BASE}/carts/${cartId}/items/${sku}`);
    }
    expect(canonItem?.attributes.quantity).toBe(2);
  });

  it('names the products in the request’s locale (§7.2)', async () => {
    const cartId = await cartWith([BUNDLE, 1]);
    const response = await get(`/carts/${cartId}?include=items,concrete-products`, {
      'Accept-Language': 'de-DE',
    });
    expect(response.headers.get('Content-Language')).toBe('de_DE');
    const body = await read(response);
    expect(body.included?.[0]).toEqual(await product(BUNDLE, { 'Accept-Language': 'de-DE' }));
    expect(body.included?.[0]?.attributes.name).toBe('HP Bündel');
    const english = await read(await get(`/carts/${cartId}?include=items,concrete-products`));
    expect(english.included?.[0]?.attributes.name).toBe('HP Bundle');
  });

  it('reads the names the same whichever order include names them in', async () => {
    const cartId = await cartWith([CANON, 1]);
    const one = await read(await get(`/carts/${cartId}?include=items,concrete-products`));
    const other = await read(await get(`/carts/${cartId}?include=concrete-products,items`));
    expect(other.included).toEqual(one.included);
    expect((other.data as Resource).relationships).toEqual((one.data as Resource).relationships);
  });

  it('includes nothing with include=concrete-products alone: the products hang off the items', async () => {
    const cartId = await cartWith([CANON, 1]);
    for (const path of [
      `/carts/${cartId}?include=concrete-products`,
      '/carts?include=concrete-products',
    ]) {
      const body = await read(await get(path));
      expect(body.included).toBeUndefined();
      const carts = Array.isArray(body.data) ? body.data : [body.data];
      expect(carts.map((cart) => cart.relationships)).toEqual([undefined]);
    }
  });

  it('includes an empty cart’s nothing', async () => {
    const cartId = await createCart(t, sonia);
    const body = await read(await get(`/carts/${cartId}?include=items,concrete-products`));
    expect(Object.keys(body)).toEqual(['data']);
  });
});

describe('GET /carts?include=items,concrete-products', () => {
  it('includes each product once, however many carts hold it, in one query', async () => {
    const first = await cartWith([CANON, 1], [NOTEBOOK, 1]);
    const second = await cartWith([NOTEBOOK, 4], [BUNDLE, 1], [CANON, 3]);
    const productQueries = countProductQueries();
    const body = await read(await get('/carts?include=items,concrete-products'));
    expect(productQueries()).toBe(1);
    expect(shape(body.included)).toEqual([
      `concrete-products:${CANON}`,
      `items:${CANON}`,
      `concrete-products:${NOTEBOOK}`,
      `items:${NOTEBOOK}`,
      `concrete-products:${BUNDLE}`,
      `items:${BUNDLE}`,
    ]);
    const carts = body.data as Resource[];
    expect(
      carts.map((cart) => [cart.id, cart.relationships?.items?.data.map((r) => r.id)]),
    ).toEqual([
      [first, [CANON, NOTEBOOK]],
      [second, [NOTEBOOK, BUNDLE, CANON]],
    ]);
    // An item met again under its (type, id) is kept as first included, since it has
    // relationships (Glue's isResourceCanBeIncluded()): the first cart's.
    const items = (body.included ?? []).filter((resource) => resource.type === 'items');
    expect(items.map((item) => [item.links.self, item.attributes.quantity])).toEqual([
      [`${BASE}/carts/${first}/items/${CANON}`, 1],
      [`${BASE}/carts/${first}/items/${NOTEBOOK}`, 1],
      [`${BASE}/carts/${second}/items/${BUNDLE}`, 1],
    ]);
    expect(carts.map((cart) => cart.links.self)).toEqual([
      `${BASE}/carts/${first}?include=items,concrete-products`,
      `${BASE}/carts/${second}?include=items,concrete-products`,
    ]);
  });

  it('reads no product without concrete-products', async () => {
    await cartWith([CANON, 1]);
    const productQueries = countProductQueries();
    await read(await get('/carts?include=items'));
    await read(await get('/carts'));
    expect(productQueries()).toBe(0);
  });

  it('answers an empty collection when there are no carts', async () => {
    expect(await statusAndBody(await get('/carts?include=items,concrete-products'))).toEqual({
      status: 200,
      body: { data: [], links: { self: `${BASE}/carts?include=items,concrete-products` } },
    });
  });
});

describe('the items routes with include=items,concrete-products', () => {
  it('POST answers the cart with its items and their products', async () => {
    const cartId = await cartWith([CANON, 1]);
    const productQueries = countProductQueries();
    const added = await read(
      await addItem(
        t,
        sonia,
        cartId,
        { sku: BUNDLE, quantity: 2 },
        '?include=items,concrete-products',
      ),
      201,
    );
    expect(productQueries()).toBe(1);
    const cart = added.data as Resource;
    expect(cart.relationships).toEqual({
      items: { data: [ref('items', CANON), ref('items', BUNDLE)] },
    });
    // The cart is not the requested type (items): no query on its link.
    expect(cart.links.self).toBe(`${BASE}/carts/${cartId}`);
    expect(shape(added.included)).toEqual([
      `concrete-products:${CANON}`,
      `items:${CANON}`,
      `concrete-products:${BUNDLE}`,
      `items:${BUNDLE}`,
    ]);
    expect(added.included?.[2]).toEqual(await product(BUNDLE));
  });

  it('PATCH answers the same', async () => {
    const cartId = await cartWith([CANON, 1], [BUNDLE, 1]);
    const changed = await read(
      await patch(
        t,
        `/carts/${cartId}/items/${BUNDLE}?include=items,concrete-products`,
        document('items', { quantity: 5 }),
        sonia,
      ),
    );
    expect(shape(changed.included)).toEqual([
      `concrete-products:${CANON}`,
      `items:${CANON}`,
      `concrete-products:${BUNDLE}`,
      `items:${BUNDLE}`,
    ]);
    expect(changed.included?.[3]?.attributes.quantity).toBe(5);
  });

  it('DELETE answers 204 with an empty body', async () => {
    const cartId = await cartWith([CANON, 1]);
    const response = await t.send(
      'DELETE',
      `/carts/${cartId}/items/${CANON}?include=items,concrete-products`,
      { headers: sonia },
    );
    expect(await statusAndBody(response)).toEqual({ status: 204, body: null });
  });

  it('loads the items with any include, the requested type, but shows only what is named', async () => {
    const cartId = await cartWith([CANON, 1]);
    // Glue loads a relationship of the requested resource's type (items) whenever include is
    // given, and filters the cart's relationships to the names in it.
    const productsOnly = await read(
      await addItem(t, sonia, cartId, { sku: BUNDLE, quantity: 1 }, '?include=concrete-products'),
      201,
    );
    expect((productsOnly.data as Resource).relationships).toBeUndefined();
    expect(shape(productsOnly.included)).toEqual([
      `concrete-products:${CANON}`,
      `items:${CANON}`,
      `concrete-products:${BUNDLE}`,
      `items:${BUNDLE}`,
    ]);
    expect(productsOnly.included?.[1]?.relationships).toEqual({
      'concrete-products': { data: [ref('concrete-products', CANON)] },
    });
    const other = await read(
      await patch(
        t,
        `/carts/${cartId}/items/${CANON}?include=cart-rules`,
        document('items', { quantity: 2 }),
        sonia,
      ),
    );
    expect((other.data as Resource).relationships).toBeUndefined();
    expect(shape(other.included)).toEqual([`items:${CANON}`, `items:${BUNDLE}`]);
    expect(other.included?.[0]?.relationships).toBeUndefined();
    // Without include, or with an empty one: nothing.
    for (const query of ['', '?include=', '?include=0']) {
      const plain = await read(
        await addItem(t, sonia, cartId, { sku: CANON, quantity: 1 }, query),
        201,
      );
      expect(Object.keys(plain)).toEqual(['data']);
    }
  });
});
