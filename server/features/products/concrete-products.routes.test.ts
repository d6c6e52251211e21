import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSeedCsv } from '../../platform/db';
import { errorBody, makeTestGlue, statusAndBody } from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

const CANON = {
  type: 'concrete-products',
  id: '005_30663301',
  attributes: {
    sku: '005_30663301',
    name: 'Canon IXUS 175',
    description: '',
    isDiscontinued: false,
    productAbstractSku: '005',
    attributes: [],
    productConfigurationInstance: null,
    discontinuedNote: null,
    averageRating: null,
    reviewCount: 0,
    superAttributesDefinition: [],
    metaTitle: 'Canon IXUS 175',
    metaKeywords: '',
    metaDescription: '',
    attributeNames: [],
  },
  links: { self: 'http://glue.test/concrete-products/005_30663301' },
};

describe('GET /concrete-products/{sku}', () => {
  it('answers the product, without a token', async () => {
    const response = await t.send('GET', '/concrete-products/005_30663301');
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    expect(await statusAndBody(response)).toEqual({ status: 200, body: { data: CANON } });
  });

  it('includes its DEFAULT price with ?include=concrete-product-prices', async () => {
    const response = await t.send(
      'GET',
      '/concrete-products/005_30663301?include=concrete-product-prices',
      { headers: { Authorization: 'Bearer ignored' } },
    );
    expect(await statusAndBody(response)).toEqual({
      status: 200,
      body: {
        data: {
          ...CANON,
          relationships: {
            'concrete-product-prices': {
              data: [{ type: 'concrete-product-prices', id: '005_30663301' }],
            },
          },
          // §1: the requested resource's self link carries the query; the included price's not.
          links: {
            self: 'http://glue.test/concrete-products/005_30663301?include=concrete-product-prices',
          },
        },
        included: [
          {
            type: 'concrete-product-prices',
            id: '005_30663301',
            attributes: {
              price: 7000,
              prices: [
                {
                  priceTypeName: 'DEFAULT',
                  grossAmount: 7000,
                  netAmount: null,
                  currency: { code: 'EUR', name: 'Euro', symbol: '€' },
                  volumePrices: [],
                },
              ],
            },
            links: {
              self: 'http://glue.test/concrete-product-prices/005_30663301',
            },
          },
        ],
      },
    });
  });

  it('writes the attributes and the price in the contract’s key order', async () => {
    const response = await t.send(
      'GET',
      '/concrete-products/005_30663301?include=concrete-product-prices',
    );
    const body = (await response.json()) as {
      data: { attributes: object };
      included: { attributes: { prices: object[] } }[];
    };
    // toEqual does not look at key order; §5a lists it, Spryker's schema the rest.
    expect(Object.keys(body.data.attributes)).toEqual([
      'sku',
      'name',
      'description',
      'isDiscontinued',
      'productAbstractSku',
      'attributes',
      'productConfigurationInstance',
      'discontinuedNote',
      'averageRating',
      'reviewCount',
      'superAttributesDefinition',
      'metaTitle',
      'metaKeywords',
      'metaDescription',
      'attributeNames',
    ]);
    const [prices] = body.included;
    expect(Object.keys(prices?.attributes ?? {})).toEqual(['price', 'prices']);
    expect(Object.keys(prices?.attributes.prices[0] ?? {})).toEqual([
      'priceTypeName',
      'grossAmount',
      'netAmount',
      'currency',
      'volumePrices',
    ]);
  });

  it('knows every demo product at its CSV price', async () => {
    const records = readSeedCsv('products.csv', ['concrete_sku', 'gross_price_eur_cents']);
    for (const record of records) {
      const response = await t.send(
        'GET',
        `/concrete-products/${record.concrete_sku}?include=concrete-product-prices`,
      );
      const body = (await response.json()) as {
        data: { attributes: { productAbstractSku: string; name: string } };
        included: { attributes: { price: number } }[];
      };
      expect(body.data.attributes).toMatchObject({
        productAbstractSku: record.abstract_sku,
        name: record.name_en,
      });
      expect(body.included[0]?.attributes.price).toBe(Number(record.gross_price_eur_cents));
    }
  });

  it.each(['nope', '005', '005_3066330', '005_30663301x'])(
    'answers 404 302 for %s',
    async (sku) => {
      const response = await t.send('GET', `/concrete-products/${sku}`);
      expect(await statusAndBody(response)).toEqual({
        status: 404,
        body: errorBody('302', 404, 'Concrete product is not found.'),
      });
    },
  );
});
