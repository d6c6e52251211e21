import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSeedCsv } from '../../platform/db';
import { makeTestGlue, statusAndBody } from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

interface Suggestion {
  abstractSku: string;
  abstractName: string;
  price: number;
  images: unknown[];
  url: string;
}

interface SuggestionsDocument {
  data: {
    type: string;
    id: null;
    attributes: { completion: string[]; abstractProducts: Suggestion[] };
    links: { self: string };
  }[];
  links: { self: string };
}

const CSV = readSeedCsv('products.csv', [
  'concrete_sku',
  'abstract_sku',
  'name_en',
  'gross_price_eur_cents',
]);

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

async function suggest(
  q: string | null,
  headers: Record<string, string> = {},
): Promise<SuggestionsDocument> {
  const path =
    q === null
      ? '/catalog-search-suggestions'
      : `/catalog-search-suggestions?q=${encodeURIComponent(q)}`;
  const response = await t.send('GET', path, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
  return (await response.json()) as SuggestionsDocument;
}

const skusOf = (body: SuggestionsDocument): string[] =>
  body.data[0]?.attributes.abstractProducts.map((product) => product.abstractSku) ?? [];

const suggestion = (abstractSku: string, abstractName: string, price: number): Suggestion => ({
  abstractSku,
  abstractName,
  price,
  images: [],
  url: `/en/${abstractName.toLowerCase().replace(/ /g, '-')}-${Number(abstractSku)}`,
});

const EMPTY_ATTRIBUTES = {
  completion: [],
  categories: [],
  cmsPages: [],
  abstractProducts: [],
  categoryCollection: [],
  cmsPageCollection: [],
};

describe('GET /catalog-search-suggestions', () => {
  it('finds products by part of the name, in any letter case, without a token', async () => {
    const response = await t.send('GET', '/catalog-search-suggestions?q=ixus%20175');
    expect(await statusAndBody(response)).toEqual({
      status: 200,
      body: {
        data: [
          {
            type: 'catalog-search-suggestions',
            id: null,
            attributes: {
              completion: ['Canon IXUS 175'],
              categories: [],
              cmsPages: [],
              abstractProducts: [
                suggestion('005', 'Canon IXUS 175', 7000),
                suggestion('004', 'Canon IXUS 175', 7000),
                suggestion('006', 'Canon IXUS 175', 34500),
              ],
              categoryCollection: [],
              cmsPageCollection: [],
            },
            // §1: the resource's self link carries the request's query too.
            links: { self: 'http://glue.test/catalog-search-suggestions?q=ixus%20175' },
          },
        ],
        links: { self: 'http://glue.test/catalog-search-suggestions?q=ixus%20175' },
      },
    });
    expect(skusOf(await suggest('IXUS 175'))).toEqual(['005', '004', '006']);
    expect(skusOf(await suggest('Lenovo IdeaPad'))).toEqual(['155']);
  });

  it('writes the attributes in the contract’s key order', async () => {
    const [resource] = (await suggest('canon')).data;
    // toEqual does not look at key order; §5a lists it.
    expect(Object.keys(resource?.attributes ?? {})).toEqual(Object.keys(EMPTY_ATTRIBUTES));
    expect(Object.keys(resource?.attributes.abstractProducts[0] ?? {})).toEqual([
      'abstractSku',
      'abstractName',
      'price',
      'images',
      'url',
    ]);
  });

  it('finds a product by its abstract SKU and by a concrete SKU', async () => {
    expect(skusOf(await suggest('155'))).toEqual(['155']);
    const byConcrete = await suggest('005_30663301');
    expect(byConcrete.data[0]?.attributes).toMatchObject({
      completion: ['Canon IXUS 175'],
      abstractProducts: [suggestion('005', 'Canon IXUS 175', 7000)],
    });
    expect(skusOf(await suggest('29285281'))).toEqual(['130']);
  });

  it('answers at most 10, in catalog order, with the names found as completion', async () => {
    const body = await suggest('canon');
    const expected = [
      ...new Set(
        CSV.filter((record) => record.name_en?.toLowerCase().includes('canon')).map(
          (record) => record.abstract_sku,
        ),
      ),
    ].slice(0, 10);
    expect(expected).toHaveLength(10);
    expect(skusOf(body)).toEqual(expected);
    expect(body.data[0]?.attributes.completion).toEqual([
      ...new Set(body.data[0]?.attributes.abstractProducts.map((product) => product.abstractName)),
    ]);
  });

  it('prices an abstract product at its concrete products’ lowest DEFAULT gross price', async () => {
    const byName = (name: string, body: SuggestionsDocument): number | undefined =>
      body.data[0]?.attributes.abstractProducts.find((product) => product.abstractSku === name)
        ?.price;
    expect(byName('130', await suggest('ThinkStation'))).toBe(9002);
    expect(byName('124', await suggest('ProDesk'))).toBe(2500);
    expect(byName('666', await suggest('gift'))).toBe(500000);
  });

  it.each([
    ['no q', null],
    ['an empty q', ''],
    ['a blank q', '   '],
    ['a q nothing matches', 'no such product'],
    ['a q with SQL in it', "' OR 1=1 --"],
    ['a q with a percent sign', '%'],
  ])('answers the same document with empty lists for %s', async (_name, q) => {
    const body = await suggest(q);
    // The query as the request carried it: the URL parser also encodes "'".
    const query = q === null ? '' : new URL(`http://glue.test/?q=${encodeURIComponent(q)}`).search;
    expect(body.data).toEqual([
      {
        type: 'catalog-search-suggestions',
        id: null,
        attributes: EMPTY_ATTRIBUTES,
        links: { self: `http://glue.test/catalog-search-suggestions${query}` },
      },
    ]);
  });

  it('does not look at an Authorization header: the resource is public', async () => {
    const withGarbage = await suggest('IXUS 175', { Authorization: 'Bearer garbage' });
    expect(withGarbage).toEqual(await suggest('IXUS 175'));
  });
});
