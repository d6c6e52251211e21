import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../../i18n/translate';
import { createGlueClient } from '../../../lib/glue-client';
import { ConfigurationError, GlueResponseError, describeError } from '../../../lib/glue-errors';
import { createGlueSession } from '../../../lib/glue-session';
import { currentStore, getStores, type Store } from './get-stores';

// Contract §7.1, with the dynamic-store answer; AT as Glue lists it second.
const storesDocument = {
  data: [
    {
      type: 'stores',
      id: 'DE',
      attributes: {
        defaultCurrency: 'EUR',
        currencies: [
          { code: 'EUR', name: 'Euro' },
          { code: 'CHF', name: 'Swiss Franc' },
        ],
        locales: [{ name: 'en_US' }, { name: 'de_DE' }],
        countries: [
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
    },
    {
      type: 'stores',
      id: 'AT',
      // With Dynamic Store off a Glue adds timeZone and a locale code: read all the same.
      attributes: {
        defaultCurrency: 'EUR',
        timeZone: 'Europe/Vienna',
        currencies: [{ code: 'EUR', name: 'Euro' }],
        locales: [{ code: 'de', name: 'de_DE' }],
        countries: [{ iso2Code: 'AT', iso3Code: 'AUT', name: 'Austria' }],
      },
      links: { self: 'http://glue.test/stores/AT' },
    },
  ],
  links: { self: 'http://glue.test/stores' },
};

function sessionAnswering(body: unknown) {
  const requests: string[] = [];
  const fetchImpl = ((input: string, init?: RequestInit) => {
    requests.push(`${init?.method ?? 'GET'} ${input}`);
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'Content-Type': 'application/vnd.api+json' },
      }),
    );
  }) as typeof fetch;
  return {
    session: createGlueSession(createGlueClient('http://glue.test', fetchImpl), 60_000),
    requests,
  };
}

const store = (id: string): Store => ({
  id,
  defaultCurrency: 'EUR',
  currencies: ['EUR'],
  locales: [],
  countries: [],
});

describe('getStores', () => {
  it('reads every store Glue answers, without a token', async () => {
    const { session, requests } = sessionAnswering(storesDocument);
    expect(await getStores(session, new AbortController().signal)).toEqual([
      {
        id: 'DE',
        defaultCurrency: 'EUR',
        currencies: ['EUR', 'CHF'],
        locales: ['en_US', 'de_DE'],
        countries: ['DE'],
      },
      {
        id: 'AT',
        defaultCurrency: 'EUR',
        currencies: ['EUR'],
        locales: ['de_DE'],
        countries: ['AT'],
      },
    ]);
    expect(requests).toEqual(['GET http://glue.test/stores']);
  });

  it('refuses a store without a default currency, naming the endpoint', async () => {
    const broken = structuredClone(storesDocument);
    (broken.data[0]!.attributes as Partial<(typeof broken.data)[0]['attributes']>).defaultCurrency =
      undefined;
    const { session } = sessionAnswering(broken);
    await expect(getStores(session, new AbortController().signal)).rejects.toThrow(
      /GET \/stores was not understood/,
    );
  });
});

describe('currentStore', () => {
  it('is the first answered unless the console names one', () => {
    expect(currentStore([store('DE'), store('AT')], null).id).toBe('DE');
    expect(currentStore([store('DE'), store('AT')], 'AT').id).toBe('AT');
  });

  it('says which stores there are when the configured one is not among them', async () => {
    const error = (() => {
      try {
        currentStore([store('DE'), store('AT')], 'US');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    const t = await translatorFor('en');
    expect(t(describeError(error))).toBe(
      'The console is set to store “US” (CONSOLE_STORE), but Glue has only DE, AT.',
    );
  });

  it('refuses an answer with no store at all', () => {
    expect(() => currentStore([], null)).toThrow(GlueResponseError);
  });
});
