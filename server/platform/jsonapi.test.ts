import { describe, expect, it } from 'vitest';
import { GlueError } from './errors';
import {
  applySelfLinkRule,
  collectionDocument,
  collectionSelfLink,
  errorDocument,
  isBlank,
  paginationLinks,
  publicBaseUrl,
  readIncludes,
  readPage,
  requestedType,
  resourceObject,
  singleDocument,
  uniqueIncluded,
  withRelationships,
} from './jsonapi';
import type { ResourceObject } from './jsonapi';

const SELF = 'http://glue.test/agent-customer-search';

describe('paginationLinks', () => {
  it('has only self when the total is 0', () => {
    expect(paginationLinks(SELF, 'q=nobody', 0, { offset: 0, limit: 10 })).toEqual({
      self: `${SELF}?q=nobody`,
    });
  });

  it('links last, first and next from the first page, in that key order', () => {
    const links = paginationLinks(SELF, 'q=acme', 21, { offset: 0, limit: 10 });
    expect(links).toEqual({
      self: `${SELF}?q=acme`,
      last: `${SELF}?q=acme&page[offset]=20&page[limit]=10`,
      first: `${SELF}?q=acme&page[offset]=0&page[limit]=10`,
      next: `${SELF}?q=acme&page[offset]=10&page[limit]=10`,
    });
    expect(Object.keys(links)).toEqual(['self', 'last', 'first', 'next']);
  });

  it('adds prev from a middle page, before next', () => {
    const links = paginationLinks(SELF, 'q=acme&page[offset]=10&page[limit]=10', 21, {
      offset: 10,
      limit: 10,
    });
    expect(Object.keys(links)).toEqual(['self', 'last', 'first', 'prev', 'next']);
    expect(links.self).toBe(`${SELF}?q=acme&page[offset]=10&page[limit]=10`);
    expect(links.prev).toBe(`${SELF}?q=acme&page[offset]=0&page[limit]=10`);
    expect(links.next).toBe(`${SELF}?q=acme&page[offset]=20&page[limit]=10`);
  });

  it('has no next on the last page and never a negative prev', () => {
    const links = paginationLinks(SELF, '', 21, { offset: 15, limit: 10 });
    expect(links.prev).toBe(`${SELF}?page[offset]=5&page[limit]=10`);
    expect(links.next).toBeUndefined();
    expect(paginationLinks(SELF, '', 21, { offset: 3, limit: 10 }).prev).toBe(
      `${SELF}?page[offset]=0&page[limit]=10`,
    );
  });

  it('puts last on the first page when everything fits', () => {
    expect(paginationLinks(SELF, '', 10, { offset: 0, limit: 10 })).toEqual({
      self: SELF,
      last: `${SELF}?page[offset]=0&page[limit]=10`,
      first: `${SELF}?page[offset]=0&page[limit]=10`,
    });
  });

  it('drops only the page parameters, encoded or not, from the other query', () => {
    const links = paginationLinks(SELF, 'page%5Blimit%5D=5&q=a%40b&x=1&page[offset]=0', 6, {
      offset: 0,
      limit: 5,
    });
    expect(links.first).toBe(`${SELF}?q=a%40b&x=1&page[offset]=0&page[limit]=5`);
  });
});

describe('readPage', () => {
  const url = (query: string): string => `http://glue.test/orders?${query}`;

  it('defaults to offset 0 and the resource limit', () => {
    expect(readPage(url(''), 10)).toEqual({ offset: 0, limit: 10 });
    expect(readPage(url('page[offset]=20&page[limit]=5'), 10)).toEqual({ offset: 20, limit: 5 });
    expect(readPage(url('page%5Boffset%5D=3'), 10)).toEqual({ offset: 3, limit: 10 });
  });

  it('lowers a limit above the maximum to it, and keeps smaller ones', () => {
    expect(readPage(url('page[limit]=500'), 10, 100)).toEqual({ offset: 0, limit: 100 });
    expect(readPage(url('page[limit]=100'), 10, 100)).toEqual({ offset: 0, limit: 100 });
    expect(readPage(url('page[limit]=99'), 10, 100)).toEqual({ offset: 0, limit: 99 });
    expect(readPage(url('page[limit]=500'), 10)).toEqual({ offset: 0, limit: 500 });
  });

  it.each([
    'page[offset]=-1',
    'page[offset]=abc',
    'page[offset]=1.5',
    'page[limit]=0',
    'page[limit]=',
    'page[limit]=1e2',
  ])('answers 400 for %s', (query) => {
    try {
      readPage(url(query), 10);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GlueError);
      expect((error as GlueError).status).toBe(400);
    }
  });
});

describe('documents', () => {
  it('links a resource with and without id', () => {
    expect(resourceObject('https://g.example', 'carts', 'a b', {})).toEqual({
      type: 'carts',
      id: 'a b',
      attributes: {},
      links: { self: 'https://g.example/carts/a%20b' },
    });
    expect(resourceObject('https://g.example', 'access-tokens', null, {}).links.self).toBe(
      'https://g.example/access-tokens',
    );
  });

  it('prefers the configured public URL over the request origin', () => {
    expect(publicBaseUrl('http://127.0.0.1:9001/x?y', null)).toBe('http://127.0.0.1:9001');
    expect(publicBaseUrl('http://127.0.0.1:9001/x', 'https://glue.example.com')).toBe(
      'https://glue.example.com',
    );
  });

  it('writes code, status, detail in that order and leaves out a missing code', () => {
    expect(
      JSON.stringify(
        errorDocument([
          { code: '001', status: 401, detail: 'Invalid access token.' },
          { status: 400, detail: 'Invalid type.' },
        ]),
      ),
    ).toBe(
      '{"errors":[{"code":"001","status":401,"detail":"Invalid access token."},{"status":400,"detail":"Invalid type."}]}',
    );
  });
});

describe('isBlank', () => {
  it.each([
    [undefined, true],
    [null, true],
    [false, true],
    ['', true],
    [[], true],
    [{}, true],
    [' ', false],
    [0, false],
    ['0', false],
    [true, false],
    [['x'], false],
    [{ a: 1 }, false],
  ])('%j is blank: %s', (value, blank) => {
    expect(isBlank(value)).toBe(blank);
  });
});

describe('relationships and included', () => {
  const base = 'http://glue.test';
  const item = (id: string, quantity: number): ResourceObject =>
    resourceObject(base, 'items', id, { quantity });

  it('puts relationships between attributes and links', () => {
    const cart = withRelationships(resourceObject(base, 'carts', 'c1', { name: 'x' }), {
      items: [item('a', 1), item('b', 2)],
    });
    expect(Object.keys(cart)).toEqual(['type', 'id', 'attributes', 'relationships', 'links']);
    expect(cart.relationships).toEqual({
      items: {
        data: [
          { type: 'items', id: 'a' },
          { type: 'items', id: 'b' },
        ],
      },
    });
  });

  it('leaves out a relationship with nothing in it', () => {
    const cart = resourceObject(base, 'carts', 'c1', {});
    expect(withRelationships(cart, { items: [] })).toEqual(cart);
    expect(Object.keys(withRelationships(cart, { items: [], other: [item('a', 1)] }))).toContain(
      'relationships',
    );
  });

  it('includes a (type, id) once: the last one met, in the first one’s place', () => {
    expect(
      uniqueIncluded([item('a', 1), item('b', 2), item('a', 3)]).map((resource) => [
        resource.id,
        resource.attributes.quantity,
      ]),
    ).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    const other = resourceObject(base, 'other', 'a', { quantity: 9 });
    expect(uniqueIncluded([item('a', 1), other])).toHaveLength(2);
  });

  it('keeps the first of a (type, id) when it has relationships, as Glue does', () => {
    const linked = withRelationships(item('a', 1), {
      other: [resourceObject(base, 'other', 'x', {})],
    });
    expect(
      uniqueIncluded([linked, item('b', 2), item('a', 3)]).map((resource) => [
        resource.id,
        resource.attributes.quantity,
      ]),
    ).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('reads include as a comma-separated list of names', () => {
    expect([...readIncludes(`${base}/carts?include=items`)]).toEqual(['items']);
    expect([...readIncludes(`${base}/carts?include=items,%20cart-rules,,`)]).toEqual([
      'items',
      'cart-rules',
    ]);
    expect(readIncludes(`${base}/carts`).size).toBe(0);
    expect(readIncludes(`${base}/carts?include=`).size).toBe(0);
  });

  it('links a collection to itself with the whole query', () => {
    expect(collectionSelfLink(`${base}/carts`, '')).toBe(`${base}/carts`);
    expect(collectionSelfLink(`${base}/carts`, 'include=items')).toBe(
      `${base}/carts?include=items`,
    );
  });
});

describe('the self-link rule (§1)', () => {
  const base = 'http://glue.test';
  const cart = resourceObject(base, 'carts', 'c1', { name: 'x' });
  const item = {
    ...resourceObject(base, 'items', 'sku1', { quantity: 1 }),
    links: { self: `${base}/carts/c1/items/sku1` },
  };
  const product = resourceObject(base, 'concrete-products', 'sku1', {});

  it('reads the requested type from the route: its last segment that is no id', () => {
    expect(requestedType('/carts')).toBe('carts');
    expect(requestedType('/carts/:cartId')).toBe('carts');
    expect(requestedType('/carts/:cartId/items/:groupKey')).toBe('items');
    expect(requestedType('/carts//items')).toBe('items');
    expect(requestedType('/customers/:customerReference/orders')).toBe('orders');
  });

  it('puts the query on the requested type’s own links in data only', () => {
    const rule = { base, type: 'carts', query: 'include=items' };
    const document = applySelfLinkRule(
      singleDocument(withRelationships(cart, { items: [item] }), [item, product]),
      rule,
    );
    expect(document.data.links.self).toBe(`${base}/carts/c1?include=items`);
    expect(document.data.relationships).toEqual({
      items: { data: [{ type: 'items', id: 'sku1' }] },
    });
    expect(document.included?.map((resource) => resource.links.self)).toEqual([
      `${base}/carts/c1/items/sku1`,
      `${base}/concrete-products/sku1`,
    ]);
    // The resources themselves are not changed: they may be shared.
    expect(cart.links.self).toBe(`${base}/carts/c1`);
  });

  it('leaves included resources as they are, even of the requested type', () => {
    const rule = { base, type: 'concrete-products', query: 'include=concrete-products' };
    const document = applySelfLinkRule(singleDocument(cart, [product]), rule);
    expect(document.included?.[0]?.links.self).toBe(`${base}/concrete-products/sku1`);
  });

  it('leaves a link of the resource’s own, even of the requested type', () => {
    const rule = { base, type: 'items', query: 'include=items' };
    const document = applySelfLinkRule(singleDocument(cart, [item]), rule);
    expect(document.data.links.self).toBe(`${base}/carts/c1`);
    expect(document.included?.[0]?.links.self).toBe(`${base}/carts/c1/items/sku1`);
  });

  it('gives every element of a collection the query, and changes nothing without one', () => {
    const other = resourceObject(base, 'carts', 'c 2', {});
    const links = { self: `${base}/carts?include=items` };
    const withQuery = applySelfLinkRule(collectionDocument([cart, other], links), {
      base,
      type: 'carts',
      query: 'include=items',
    });
    expect(withQuery.data.map((resource) => resource.links.self)).toEqual([
      `${base}/carts/c1?include=items`,
      `${base}/carts/c%202?include=items`,
    ]);
    expect(withQuery.links).toBe(links);
    const plain = collectionDocument([cart], { self: `${base}/carts` });
    expect(applySelfLinkRule(plain, { base, type: 'carts', query: '' })).toBe(plain);
  });

  it('links a resource without id as <base>/<type>?<query>', () => {
    const token = resourceObject(base, 'access-tokens', null, {});
    const document = applySelfLinkRule(singleDocument(token), {
      base,
      type: 'access-tokens',
      query: 'a=1&b',
    });
    expect(document.data.links.self).toBe(`${base}/access-tokens?a=1&b`);
  });
});
