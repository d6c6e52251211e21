import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  document,
  errorBody,
  makeTestGlue,
  patch,
  signInAgent,
  signInAsCustomerThroughAgent,
  signInCustomer,
  signInCustomerWith,
  snapshot,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

const BASE = 'http://glue.test';
const WHITE = '058_24245592';
const CANON = '005_30663301';

const MISSING_TOKEN = errorBody('002', 403, 'Missing access token.');
const INVALID_TOKEN = errorBody('001', 401, 'Invalid access token.');
const UNAUTHORIZED = errorBody('802', 403, 'Unauthorized request.');
const INVALID_TYPE = errorBody(null, 400, 'Invalid type.');
const POST_DATA_INVALID = errorBody(null, 400, 'Post data is invalid.');
const NO_ID = errorBody(null, 400, 'Resource id is not specified.');
const NOT_FOUND = errorBody('201', 404, "Can't find wishlist.");
const SAME_NAME = 'A wishlist with the same name already exists.';
const BAD_NAME = 'Please enter name using only letters, numbers, underscores, spaces or dashes.';
const CANT_ADD = errorBody('206', 422, "Can't add an item.");
const NO_ITEM = errorBody('208', 404, 'No item with provided sku in wishlist.');
const failure = (field: string, message: string): unknown =>
  errorBody('901', 422, `${field} => ${message}`);

interface WishlistDocument {
  data: {
    type: string;
    id: string;
    attributes: { name: string; numberOfItems: number; createdAt: string; updatedAt: string };
    relationships?: Record<string, { data: { type: string; id: string }[] }>;
    links: { self: string };
  };
  included?: { type: string; id: string; links: { self: string } }[];
}

let t: TestGlue;
let sonia: Record<string, string>;

beforeEach(async () => {
  t = await makeTestGlue();
  sonia = bearer((await signInCustomer(t)).accessToken);
});

afterEach(() => t.close());

function postWishlist(
  name: unknown,
  headers: Record<string, string> = sonia,
  query = '',
): Promise<Response> {
  return t.post(`/wishlists${query}`, document('wishlists', { name }), { headers });
}

async function newWishlist(name = 'Birthday gifts', headers = sonia): Promise<string> {
  const response = await postWishlist(name, headers);
  expect(response.status).toBe(201);
  return ((await response.json()) as WishlistDocument).data.id;
}

function addToWishlist(
  id: string,
  sku: unknown,
  headers: Record<string, string> = sonia,
  query = '',
): Promise<Response> {
  return t.post(`/wishlists/${id}/wishlist-items${query}`, document('wishlist-items', { sku }), {
    headers,
  });
}

function rename(id: string, name: unknown, headers = sonia): Promise<Response> {
  return patch(t, `/wishlists/${id}`, document('wishlists', { name }), headers);
}

describe('POST /wishlists', () => {
  it('answers 201 with the new wishlist: name, 0 items, Spryker timestamps, its self link', async () => {
    const response = await postWishlist('Birthday gifts');
    expect(response.status).toBe(201);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    const body = (await response.json()) as WishlistDocument;
    expect(Object.keys(body)).toEqual(['data']);
    expect(body.data.type).toBe('wishlists');
    expect(body.data.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(body.data.attributes).toEqual({
      name: 'Birthday gifts',
      numberOfItems: 0,
      createdAt: '2027-01-15 08:00:00.000000',
      updatedAt: '2027-01-15 08:00:00.000000',
    });
    expect(Object.keys(body.data.attributes)).toEqual([
      'name',
      'numberOfItems',
      'createdAt',
      'updatedAt',
    ]);
    expect(body.data.links.self).toBe(`${BASE}/wishlists/${body.data.id}`);
  });

  it('refuses a name the customer already uses with 400 202; another customer may use it', async () => {
    await newWishlist();
    expect(await statusAndBody(await postWishlist('Birthday gifts'))).toEqual({
      status: 400,
      body: errorBody('202', 400, SAME_NAME),
    });
    const kurt = bearer((await signInCustomerWith(t, 'spencor.hopkin@acme.com')).accessToken);
    expect((await postWishlist('Birthday gifts', kurt)).status).toBe(201);
  });

  it('refuses other characters with 400 210, after the duplicate check', async () => {
    for (const name of ['.', 'Geschenke für Oma', 'a/b']) {
      expect(await statusAndBody(await postWishlist(name))).toEqual({
        status: 400,
        body: errorBody('210', 400, BAD_NAME),
      });
    }
    expect((await postWishlist('under_score - 1')).status).toBe(201);
  });

  it('validates name: missing, blank, too long (422 901)', async () => {
    expect(
      await statusAndBody(
        await t.post('/wishlists', document('wishlists', {}), { headers: sonia }),
      ),
    ).toEqual({
      status: 422,
      body: failure('name', 'This field is missing.'),
    });
    expect(await statusAndBody(await postWishlist(''))).toEqual({
      status: 422,
      body: failure('name', 'This value should not be blank.'),
    });
    expect(await statusAndBody(await postWishlist('a'.repeat(256)))).toEqual({
      status: 422,
      body: failure('name', 'This value is too long. It should have 255 characters or less.'),
    });
    expect((await postWishlist('a'.repeat(255))).status).toBe(201);
  });

  it('checks the document (400) before the token, then the token', async () => {
    expect(await statusAndBody(await t.post('/wishlists', 'not json', { headers: {} }))).toEqual({
      status: 400,
      body: POST_DATA_INVALID,
    });
    expect(
      await statusAndBody(
        await t.post('/wishlists', document('carts', { name: 'x' }), { headers: {} }),
      ),
    ).toEqual({ status: 400, body: INVALID_TYPE });
    expect(await statusAndBody(await postWishlist('x', {}))).toEqual({
      status: 403,
      body: MISSING_TOKEN,
    });
    expect(await statusAndBody(await postWishlist('x', bearer('garbage')))).toEqual({
      status: 401,
      body: INVALID_TOKEN,
    });
    const agent = bearer((await signInAgent(t)).accessToken);
    expect(await statusAndBody(await postWishlist('x', agent))).toEqual({
      status: 403,
      body: UNAUTHORIZED,
    });
  });

  it('changes nothing when refused', async () => {
    await newWishlist();
    const before = snapshot(t.glue);
    await postWishlist('Birthday gifts');
    await postWishlist('.');
    await postWishlist('');
    expect(snapshot(t.glue)).toBe(before);
  });
});

describe('GET /wishlists and GET /wishlists/{id}', () => {
  it('lists none as [] with links.self', async () => {
    const response = await t.send('GET', '/wishlists', { headers: sonia });
    expect(await statusAndBody(response)).toEqual({
      status: 200,
      body: { data: [], links: { self: `${BASE}/wishlists` } },
    });
  });

  it('lists the customer’s own wishlists in creation order, counting items', async () => {
    const first = await newWishlist('B list');
    const second = await newWishlist('A list');
    expect((await addToWishlist(first, WHITE)).status).toBe(201);
    const kurt = bearer((await signInCustomerWith(t, 'spencor.hopkin@acme.com')).accessToken);
    await newWishlist('Kurts', kurt);
    const body = (await (await t.send('GET', '/wishlists', { headers: sonia })).json()) as {
      data: WishlistDocument['data'][];
    };
    expect(
      body.data.map(({ id, attributes }) => [id, attributes.name, attributes.numberOfItems]),
    ).toEqual([
      [first, 'B list', 1],
      [second, 'A list', 0],
    ]);
  });

  it('answers one wishlist; with include=wishlist-items its items, with concrete-products their products', async () => {
    const id = await newWishlist();
    await addToWishlist(id, WHITE);
    await addToWishlist(id, CANON);
    const plain = (await (
      await t.send('GET', `/wishlists/${id}`, { headers: sonia })
    ).json()) as WishlistDocument;
    expect(plain.data.relationships).toBeUndefined();
    expect(plain.included).toBeUndefined();
    expect(plain.data.attributes.numberOfItems).toBe(2);

    const withItems = (await (
      await t.send('GET', `/wishlists/${id}?include=wishlist-items`, { headers: sonia })
    ).json()) as WishlistDocument;
    expect(withItems.data.links.self).toBe(`${BASE}/wishlists/${id}?include=wishlist-items`);
    expect(withItems.data.relationships).toEqual({
      'wishlist-items': {
        data: [
          { type: 'wishlist-items', id: WHITE },
          { type: 'wishlist-items', id: CANON },
        ],
      },
    });
    expect(withItems.included).toEqual([
      {
        type: 'wishlist-items',
        id: WHITE,
        attributes: {
          sku: WHITE,
          id: WHITE,
          availability: null,
          productConfigurationInstance: null,
          prices: [],
        },
        links: { self: `${BASE}/wishlists/${id}/wishlist-items/${WHITE}` },
      },
      expect.objectContaining({ type: 'wishlist-items', id: CANON }),
    ]);

    const withProducts = (await (
      await t.send('GET', `/wishlists/${id}?include=wishlist-items,concrete-products`, {
        headers: sonia,
      })
    ).json()) as WishlistDocument;
    expect(withProducts.included?.map(({ type, id: included }) => `${type}:${included}`)).toEqual([
      `concrete-products:${WHITE}`,
      `wishlist-items:${WHITE}`,
      `concrete-products:${CANON}`,
      `wishlist-items:${CANON}`,
    ]);
  });

  it('answers 404 201 for an unknown id and for another customer’s wishlist', async () => {
    const kurt = bearer((await signInCustomerWith(t, 'spencor.hopkin@acme.com')).accessToken);
    const kurts = await newWishlist('Kurts', kurt);
    for (const id of ['unknown', kurts]) {
      expect(
        await statusAndBody(await t.send('GET', `/wishlists/${id}`, { headers: sonia })),
      ).toEqual({
        status: 404,
        body: NOT_FOUND,
      });
    }
  });

  it('is included in GET /customers/{ref}?include=wishlists', async () => {
    const id = await newWishlist();
    const body = (await (
      await t.send('GET', '/customers/DE--21?include=wishlists', { headers: sonia })
    ).json()) as WishlistDocument;
    expect(body.data.relationships).toEqual({
      wishlists: { data: [{ type: 'wishlists', id }] },
    });
    expect(body.included).toEqual([
      expect.objectContaining({
        type: 'wishlists',
        id,
        links: { self: `${BASE}/wishlists/${id}` },
      }),
    ]);
  });
});

describe('PATCH /wishlists/{id}', () => {
  it('renames it (its own name allowed) and answers 200', async () => {
    const id = await newWishlist();
    t.advance(60);
    const response = await rename(id, 'Christmas');
    expect(response.status).toBe(200);
    const body = (await response.json()) as WishlistDocument;
    expect(body.data.attributes).toEqual({
      name: 'Christmas',
      numberOfItems: 0,
      createdAt: '2027-01-15 08:00:00.000000',
      updatedAt: '2027-01-15 08:01:00.000000',
    });
    expect((await rename(id, 'Christmas')).status).toBe(200);
  });

  it('answers 404 201, then 422 202, then 422 210, and 901 first', async () => {
    const id = await newWishlist();
    await newWishlist('Other');
    expect(await statusAndBody(await rename('unknown', 'Other'))).toEqual({
      status: 404,
      body: NOT_FOUND,
    });
    expect(await statusAndBody(await rename(id, 'Other'))).toEqual({
      status: 422,
      body: errorBody('202', 422, SAME_NAME),
    });
    expect(await statusAndBody(await rename(id, 'Geschenke für Oma'))).toEqual({
      status: 422,
      body: errorBody('210', 422, BAD_NAME),
    });
    expect(await statusAndBody(await rename('unknown', ''))).toEqual({
      status: 422,
      body: failure('name', 'This value should not be blank.'),
    });
    expect(await statusAndBody(await rename(id, 'x'.repeat(256)))).toEqual({
      status: 422,
      body: failure('name', 'This value is too long. It should have 255 characters or less.'),
    });
  });

  it('answers 400 on the collection path', async () => {
    expect(
      await statusAndBody(
        await patch(t, '/wishlists', document('wishlists', { name: 'x' }), sonia),
      ),
    ).toEqual({ status: 400, body: NO_ID });
  });
});

describe('DELETE /wishlists/{id}', () => {
  it('deletes it with its items (204), then it is not found', async () => {
    const id = await newWishlist();
    await addToWishlist(id, WHITE);
    const response = await t.send('DELETE', `/wishlists/${id}`, { headers: sonia });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(t.glue.db.prepare('SELECT count(*) AS n FROM wishlist_items').get()).toEqual({ n: 0 });
    expect(
      await statusAndBody(await t.send('DELETE', `/wishlists/${id}`, { headers: sonia })),
    ).toEqual({
      status: 404,
      body: NOT_FOUND,
    });
  });

  it('answers 400 without an id', async () => {
    expect(await statusAndBody(await t.send('DELETE', '/wishlists', { headers: sonia }))).toEqual({
      status: 400,
      body: NO_ID,
    });
  });
});

describe('POST /wishlists/{id}/wishlist-items', () => {
  it('answers 201 with the item; the same SKU again gives the same item and no new count', async () => {
    const id = await newWishlist();
    const response = await addToWishlist(id, WHITE);
    expect(await statusAndBody(response)).toEqual({
      status: 201,
      body: {
        data: {
          type: 'wishlist-items',
          id: WHITE,
          attributes: {
            sku: WHITE,
            id: WHITE,
            availability: null,
            productConfigurationInstance: null,
            prices: [],
          },
          links: { self: `${BASE}/wishlists/${id}/wishlist-items/${WHITE}` },
        },
      },
    });
    expect((await addToWishlist(id, WHITE)).status).toBe(201);
    const wishlist = (await (
      await t.send('GET', `/wishlists/${id}`, { headers: sonia })
    ).json()) as WishlistDocument;
    expect(wishlist.data.attributes.numberOfItems).toBe(1);
  });

  it('includes the concrete product with include=concrete-products', async () => {
    const id = await newWishlist();
    const body = (await (
      await addToWishlist(id, WHITE, sonia, '?include=concrete-products')
    ).json()) as WishlistDocument;
    expect(body.data.relationships).toEqual({
      'concrete-products': { data: [{ type: 'concrete-products', id: WHITE }] },
    });
    expect(body.included?.map(({ type, id: sku }) => `${type}:${sku}`)).toEqual([
      `concrete-products:${WHITE}`,
    ]);
  });

  it('answers 422 206 for another’s or an unknown wishlist, an abstract or unknown SKU, " "', async () => {
    const id = await newWishlist();
    const kurt = bearer((await signInCustomerWith(t, 'spencor.hopkin@acme.com')).accessToken);
    const kurts = await newWishlist('Kurts', kurt);
    const before = snapshot(t.glue);
    for (const [wishlist, sku] of [
      [kurts, WHITE],
      ['unknown', WHITE],
      [id, '058'],
      [id, 'SK123445666'],
      [id, ' '],
    ] as const) {
      expect(await statusAndBody(await addToWishlist(wishlist, sku))).toEqual({
        status: 422,
        body: CANT_ADD,
      });
    }
    expect(snapshot(t.glue)).toBe(before);
  });

  it('validates sku (901) and answers 404 201 for an empty wishlist id', async () => {
    const id = await newWishlist();
    expect(await statusAndBody(await addToWishlist(id, ''))).toEqual({
      status: 422,
      body: failure('sku', 'This value should not be blank.'),
    });
    expect(await statusAndBody(await addToWishlist('', WHITE))).toEqual({
      status: 404,
      body: NOT_FOUND,
    });
  });
});

describe('DELETE /wishlists/{id}/wishlist-items/{sku}', () => {
  it('removes the item (204); again → 404 208; unknown wishlist → 404 201; no ids → 400', async () => {
    const id = await newWishlist();
    await addToWishlist(id, WHITE);
    expect(
      (await t.send('DELETE', `/wishlists/${id}/wishlist-items/${WHITE}`, { headers: sonia }))
        .status,
    ).toBe(204);
    expect(
      await statusAndBody(
        await t.send('DELETE', `/wishlists/${id}/wishlist-items/${WHITE}`, { headers: sonia }),
      ),
    ).toEqual({ status: 404, body: NO_ITEM });
    expect(
      await statusAndBody(
        await t.send('DELETE', `/wishlists/unknown/wishlist-items/${WHITE}`, { headers: sonia }),
      ),
    ).toEqual({ status: 404, body: NOT_FOUND });
    for (const path of [`/wishlists/${id}/wishlist-items`, `/wishlists//wishlist-items/${WHITE}`]) {
      expect(await statusAndBody(await t.send('DELETE', path, { headers: sonia }))).toEqual({
        status: 400,
        body: NO_ID,
      });
    }
  });
});

describe('through an impersonation token', () => {
  it('is the customer’s own wishlist, and every change goes to the audit trail', async () => {
    const agent = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    const id = await newWishlist('Birthday gifts', agent);
    expect((await addToWishlist(id, WHITE, agent)).status).toBe(201);
    expect((await addToWishlist(id, '058', agent)).status).toBe(422);
    expect((await rename(id, 'Christmas', agent)).status).toBe(200);
    expect(
      (await t.send('DELETE', `/wishlists/${id}/wishlist-items/${WHITE}`, { headers: agent }))
        .status,
    ).toBe(204);
    const own = (await (
      await t.send('GET', `/wishlists/${id}`, { headers: sonia })
    ).json()) as WishlistDocument;
    expect(own.data.attributes.name).toBe('Christmas');
    expect((await t.send('DELETE', `/wishlists/${id}`, { headers: agent })).status).toBe(204);
    const rows = t.glue.db
      .prepare(
        `SELECT method, resource, cart_uuid, sku, wishlist_uuid, wishlist_name, success, status,
           error_code FROM impersonation_audit ORDER BY id`,
      )
      .all();
    const row = (
      method: string,
      resource: string,
      sku: string | null,
      name: string,
      status: number,
      code: string | null = null,
    ): unknown => ({
      method,
      resource,
      cart_uuid: null,
      sku,
      wishlist_uuid: id,
      wishlist_name: name,
      success: code === null ? 1 : 0,
      status,
      error_code: code,
    });
    expect(rows).toEqual([
      row('POST', 'wishlists', null, 'Birthday gifts', 201),
      row('POST', 'wishlist-items', WHITE, 'Birthday gifts', 201),
      row('POST', 'wishlist-items', '058', 'Birthday gifts', 422, '206'),
      row('PATCH', 'wishlists', null, 'Christmas', 200),
      row('DELETE', 'wishlist-items', WHITE, 'Christmas', 204),
      row('DELETE', 'wishlists', null, 'Christmas', 204),
    ]);
  });

  it('answers the audit trail’s wishlist rows with wishlistId and wishlistName', async () => {
    const agentTokens = await signInAgent(t);
    const impersonation = await t.post(
      '/agent-customer-impersonation-access-tokens',
      document('agent-customer-impersonation-access-tokens', { customerReference: 'DE--21' }),
      { headers: bearer(agentTokens.accessToken) },
    );
    const token = (
      (await impersonation.json()) as { data: { attributes: { accessToken: string } } }
    ).data.attributes.accessToken;
    const id = await newWishlist('Birthday gifts', bearer(token));
    const sessions = (await (
      await t.send('GET', '/agent-impersonation-sessions', {
        headers: bearer(agentTokens.accessToken),
      })
    ).json()) as { data: { attributes: { changes: Record<string, unknown>[] } }[] };
    expect(sessions.data[0]?.attributes.changes).toEqual([
      expect.objectContaining({
        method: 'POST',
        resource: 'wishlists',
        cartId: null,
        wishlistId: id,
        wishlistName: 'Birthday gifts',
        success: true,
      }),
    ]);
  });
});
