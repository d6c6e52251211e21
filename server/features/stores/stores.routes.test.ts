import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  errorBody,
  makeTestGlue,
  signInAgent,
  signInCustomer,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

const STORE_NOT_FOUND = errorBody('601', 404, 'Store not found.');

const CURRENCIES = [
  { code: 'EUR', name: 'Euro' },
  { code: 'CHF', name: 'Swiss Franc' },
];
const LOCALES = [{ name: 'en_US' }, { name: 'de_DE' }];

/** §7.1's `GET /stores/DE`, as the contract writes it. */
const DE = {
  type: 'stores',
  id: 'DE',
  attributes: {
    defaultCurrency: 'EUR',
    currencies: CURRENCIES,
    locales: LOCALES,
    countries: [
      {
        iso2Code: 'CH',
        iso3Code: 'CHE',
        name: 'Switzerland',
        postalCodeMandatory: true,
        postalCodeRegex: '\\d{4}',
        regions: [],
      },
      {
        iso2Code: 'DE',
        iso3Code: 'DEU',
        name: 'Germany',
        postalCodeMandatory: true,
        postalCodeRegex: '\\d{5}',
        regions: [],
      },
    ],
  },
  links: { self: 'http://glue.test/stores/DE' },
};

const AT = {
  type: 'stores',
  id: 'AT',
  attributes: {
    defaultCurrency: 'EUR',
    currencies: CURRENCIES,
    locales: LOCALES,
    countries: [
      {
        iso2Code: 'AT',
        iso3Code: 'AUT',
        name: 'Austria',
        postalCodeMandatory: true,
        postalCodeRegex: '\\d{4}',
        regions: [],
      },
    ],
  },
  links: { self: 'http://glue.test/stores/AT' },
};

interface StoresDocument {
  data: { id: string; attributes: { defaultCurrency: string; locales: unknown[] } }[];
}

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

describe('GET /stores/{storeId}', () => {
  it('answers store DE as §7.1 writes it, without a token', async () => {
    const response = await t.send('GET', '/stores/DE');
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    const text = await response.text();
    expect({ status: response.status, body: JSON.parse(text) as unknown }).toEqual({
      status: 200,
      body: { data: DE },
    });
    // Byte for byte: key order too, and the regex's backslash escaped once.
    expect(text).toBe(JSON.stringify({ data: DE }));
    expect(text).toContain('"postalCodeRegex":"\\\\d{5}"');
  });

  it('answers AT with Austria only, and the same currencies', async () => {
    expect(await statusAndBody(await t.send('GET', '/stores/AT'))).toEqual({
      status: 200,
      body: { data: AT },
    });
  });

  it('has no timeZone and no locale code: Dynamic Store is on', async () => {
    const body = (await (await t.send('GET', '/stores/DE')).json()) as {
      data: { attributes: Record<string, unknown> };
    };
    expect(Object.keys(body.data.attributes)).toEqual([
      'defaultCurrency',
      'currencies',
      'locales',
      'countries',
    ]);
    expect(body.data.attributes.locales).toEqual(LOCALES);
  });

  it.each(['NON_EXIST_STORE', 'US', 'de', 'DE%20', '%20DE', 'D', 'DEU', '0', '%00'])(
    'answers 404 601 for %s',
    async (id) => {
      expect(await statusAndBody(await t.send('GET', `/stores/${id}`))).toEqual({
        status: 404,
        body: STORE_NOT_FOUND,
      });
    },
  );

  it('carries the query in its self link (§1)', async () => {
    const body = (await (await t.send('GET', '/stores/DE?_store=DE')).json()) as typeof AT;
    expect(body).toEqual({
      data: { ...DE, links: { self: 'http://glue.test/stores/DE?_store=DE' } },
    });
  });
});

describe('GET /stores', () => {
  it('answers every store of the region, DE then AT', async () => {
    const response = await t.send('GET', '/stores');
    expect(await statusAndBody(response)).toEqual({
      status: 200,
      body: { data: [DE, AT], links: { self: 'http://glue.test/stores' } },
    });
  });

  it('puts the query on the collection’s and every store’s self link', async () => {
    const body = (await (await t.send('GET', '/stores?x=1')).json()) as {
      data: { links: { self: string } }[];
      links: { self: string };
    };
    expect(body.links.self).toBe('http://glue.test/stores?x=1');
    expect(body.data.map((store) => store.links.self)).toEqual([
      'http://glue.test/stores/DE?x=1',
      'http://glue.test/stores/AT?x=1',
    ]);
  });

  it('answers the same to any token, a bad one, or none: the resource is public', async () => {
    const none = await statusAndBody(await t.send('GET', '/stores'));
    const customer = bearer((await signInCustomer(t)).accessToken);
    const agent = bearer((await signInAgent(t)).accessToken);
    for (const headers of [
      customer,
      agent,
      { Authorization: 'Bearer garbage' },
      { Authorization: 'Basic YTpi' },
      { 'X-Agent-Authorization': 'Bearer garbage' },
    ]) {
      expect(await statusAndBody(await t.send('GET', '/stores', { headers }))).toEqual(none);
      expect(await statusAndBody(await t.send('GET', '/stores/XX', { headers }))).toEqual({
        status: 404,
        body: STORE_NOT_FOUND,
      });
    }
  });
});

describe('the current store (Store header, ?_store=)', () => {
  // The demo stores are alike; AT made different shows whose defaultCurrency and locales answer.
  beforeEach(() => {
    t.glue.db.exec(`
      UPDATE stores SET default_currency = 'CHF' WHERE name = 'AT';
      DELETE FROM store_locales WHERE locale = 'en_US'
        AND store_id = (SELECT id FROM stores WHERE name = 'AT');`);
  });

  const current = async (
    query: string,
    headers: Record<string, string> = {},
  ): Promise<unknown[]> => {
    const body = (await (
      await t.send('GET', `/stores${query}`, { headers })
    ).json()) as StoresDocument;
    return body.data.map((store) => [
      store.id,
      store.attributes.defaultCurrency,
      store.attributes.locales,
    ]);
  };
  const asAt = [
    ['DE', 'CHF', [{ name: 'de_DE' }]],
    ['AT', 'CHF', [{ name: 'de_DE' }]],
  ];
  const asDe = [
    ['DE', 'EUR', LOCALES],
    ['AT', 'EUR', LOCALES],
  ];

  it('gives every store the current store’s defaultCurrency and locales', async () => {
    expect(await current('')).toEqual(asDe);
    expect(await current('', { Store: 'AT' })).toEqual(asAt);
    expect(await current('?_store=AT')).toEqual(asAt);
    // Countries and currencies stay each store's own.
    const one = (await (
      await t.send('GET', '/stores/DE', { headers: { Store: 'AT' } })
    ).json()) as {
      data: { attributes: { countries: { iso2Code: string }[] } };
    };
    expect(one.data.attributes.countries.map((country) => country.iso2Code)).toEqual(['CH', 'DE']);
  });

  it('takes ?_store= before the header, unless it is empty or "0"', async () => {
    expect(await current('?_store=AT', { Store: 'DE' })).toEqual(asAt);
    expect(await current('?_store=DE', { Store: 'AT' })).toEqual(asDe);
    expect(await current('?_store=', { Store: 'AT' })).toEqual(asAt);
    expect(await current('?_store=0', { Store: 'AT' })).toEqual(asAt);
  });

  it('stays with DE for a store it does not know', async () => {
    expect(await current('', { Store: 'XX' })).toEqual(asDe);
    expect(await current('?_store=at')).toEqual(asDe);
    expect(await current('', { Store: '' })).toEqual(asDe);
  });
});
