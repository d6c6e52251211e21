import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestGlue } from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

/** §7.2: the product texts in the request's locale, and Content-Language on every answer. */

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

const get = (path: string, acceptLanguage?: string): Promise<Response> =>
  t.send('GET', path, {
    headers: acceptLanguage === undefined ? {} : { 'Accept-Language': acceptLanguage },
  });

async function nameOf(path: string, acceptLanguage?: string): Promise<[string, string | null]> {
  const response = await get(path, acceptLanguage);
  const body = (await response.json()) as { data: { attributes: { name: string } } };
  return [body.data.attributes.name, response.headers.get('Content-Language')];
}

describe('GET /concrete-products/{sku} in the request’s locale', () => {
  it.each([
    [undefined, 'en_US', 'HP Bundle'],
    ['en', 'en_US', 'HP Bundle'],
    ['en-GB', 'en_US', 'HP Bundle'],
    ['fr-FR', 'en_US', 'HP Bundle'],
    ['de_DE', 'en_US', 'HP Bundle'],
    ['', 'en_US', 'HP Bundle'],
    ['de', 'de_DE', 'HP Bündel'],
    ['de-DE', 'de_DE', 'HP Bündel'],
    ['de-AT', 'de_DE', 'HP Bündel'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de_DE', 'HP Bündel'],
    ['en;q=0.5, de;q=0.8', 'de_DE', 'HP Bündel'],
  ])('Accept-Language %j → %s, %s', async (header, locale, name) => {
    expect(await nameOf('/concrete-products/211_123', header)).toEqual([name, locale]);
  });

  it('names the included concrete products of an abstract product in the locale too', async () => {
    const response = await get('/abstract-products/211?include=concrete-products', 'de');
    const body = (await response.json()) as {
      data: { attributes: { name: string } };
      included: { attributes: { name: string } }[];
    };
    // The abstract product's German name is the English one; its concrete product's is not.
    expect(body.data.attributes.name).toBe('HP Bundle');
    expect(body.included.map((product) => product.attributes.name)).toEqual(['HP Bündel']);
  });
});

describe('GET /abstract-products/{abstractSku} in the request’s locale', () => {
  it('answers the abstract name of the locale', async () => {
    expect(await nameOf('/abstract-products/666')).toEqual(['Gift Card 5000', 'en_US']);
    expect(await nameOf('/abstract-products/666', 'de')).toEqual(['Geschenkgutschein', 'de_DE']);
  });
});

describe('GET /catalog-search-suggestions in the request’s locale', () => {
  interface Suggestions {
    data: { attributes: { completion: string[]; abstractProducts: { abstractName: string }[] } }[];
  }
  const suggest = async (q: string, acceptLanguage?: string): Promise<Suggestions> =>
    (await (
      await get(`/catalog-search-suggestions?q=${encodeURIComponent(q)}`, acceptLanguage)
    ).json()) as Suggestions;

  it('matches and answers the names of the locale', async () => {
    const german = await suggest('geschenk', 'de');
    expect(german.data[0]?.attributes.completion).toEqual(['Geschenkgutschein']);
    expect(german.data[0]?.attributes.abstractProducts.map((p) => p.abstractName)).toEqual([
      'Geschenkgutschein',
    ]);
    expect((await suggest('geschenk')).data[0]?.attributes.abstractProducts).toEqual([]);
    expect((await suggest('gift card', 'de')).data[0]?.attributes.abstractProducts).toEqual([]);
    // A SKU matches in every locale.
    expect(
      (await suggest('666', 'de')).data[0]?.attributes.abstractProducts.map((p) => p.abstractName),
    ).toEqual(['Geschenkgutschein']);
  });
});

describe('Content-Language on every answer', () => {
  it.each([
    ['GET', '/concrete-products/nope', 404],
    ['GET', '/carts', 403],
    ['GET', '/no-such-resource', 404],
    ['DELETE', '/refresh-tokens/', 400],
    ['GET', '/stores', 200],
    ['POST', '/access-tokens', 400],
  ])('%s %s (%i)', async (method, path, status) => {
    for (const [header, locale] of [
      [undefined, 'en_US'],
      ['de-DE', 'de_DE'],
      ['fr', 'en_US'],
    ] as const) {
      const response = await t.send(method, path, {
        headers: header === undefined ? {} : { 'Accept-Language': header },
      });
      expect({
        status: response.status,
        language: response.headers.get('Content-Language'),
      }).toEqual({ status, language: locale });
    }
  });

  it('negotiates among the current store’s locales (Store header, ?_store=)', async () => {
    // AT made to default to German; a stand-in started on that database reads it.
    t.glue.db.exec(`UPDATE stores SET default_locale = 'de_DE' WHERE name = 'AT'`);
    const at = await makeTestGlue({ dbPath: t.glue.config.dbPath });
    try {
      const language = async (path: string, headers: Record<string, string>): Promise<unknown> =>
        (await at.send('GET', path, { headers })).headers.get('Content-Language');
      expect(await language('/concrete-products/211_123', {})).toBe('en_US');
      expect(await language('/concrete-products/211_123', { Store: 'AT' })).toBe('de_DE');
      expect(await language('/concrete-products/211_123?_store=AT', {})).toBe('de_DE');
      expect(await language('/stores', { Store: 'AT', 'Accept-Language': 'en' })).toBe('en_US');
      expect(await language('/stores', { Store: 'XX' })).toBe('en_US');
      expect(await nameOf('/concrete-products/211_123?_store=AT')).toEqual(['HP Bundle', 'en_US']);
      const response = await at.send('GET', '/concrete-products/211_123?_store=AT');
      expect(
        ((await response.json()) as { data: { attributes: { name: string } } }).data.attributes
          .name,
      ).toBe('HP Bündel');
    } finally {
      at.close();
    }
  });
});
