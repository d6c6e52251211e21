import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorBody, makeTestGlue, statusAndBody } from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';
import { abstractProductUrl } from './catalog';

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

const concrete = (sku: string, name: string, abstractSku: string): unknown => ({
  type: 'concrete-products',
  id: sku,
  attributes: {
    sku,
    name,
    description: '',
    isDiscontinued: false,
    productAbstractSku: abstractSku,
    attributes: [],
    productConfigurationInstance: null,
    discontinuedNote: null,
    averageRating: null,
    reviewCount: 0,
    superAttributesDefinition: [],
    metaTitle: name,
    metaKeywords: '',
    metaDescription: '',
    attributeNames: [],
  },
  links: { self: `http://glue.test/concrete-products/${sku}` },
});

/** What the demo data leaves empty, and the meta title the importer sets to the name. */
const emptyAttributes = (name: string) => ({
  attributes: [],
  averageRating: null,
  reviewCount: 0,
  superAttributesDefinition: [],
  superAttributes: [],
  metaTitle: name,
  metaKeywords: '',
  metaDescription: '',
  attributeNames: [],
});

describe('GET /abstract-products/{abstractSku}', () => {
  it('answers the product with its concrete SKUs, without a token', async () => {
    const response = await t.send('GET', '/abstract-products/005');
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    expect(await statusAndBody(response)).toEqual({
      status: 200,
      body: {
        data: {
          type: 'abstract-products',
          id: '005',
          attributes: {
            sku: '005',
            name: 'Canon IXUS 175',
            description: '',
            attributeMap: { product_concrete_ids: ['005_30663301'] },
            ...emptyAttributes('Canon IXUS 175'),
            url: '/en/canon-ixus-175-5',
          },
          links: { self: 'http://glue.test/abstract-products/005' },
        },
      },
    });
  });

  it('includes the concrete products with ?include=concrete-products', async () => {
    const response = await t.send('GET', '/abstract-products/130?include=concrete-products');
    expect(await statusAndBody(response)).toEqual({
      status: 200,
      body: {
        data: {
          type: 'abstract-products',
          id: '130',
          attributes: {
            sku: '130',
            name: 'Lenovo ThinkStation P300',
            description: '',
            attributeMap: { product_concrete_ids: ['130_29285281', '130_24326086'] },
            ...emptyAttributes('Lenovo ThinkStation P300'),
            url: '/en/lenovo-thinkstation-p300-130',
          },
          relationships: {
            'concrete-products': {
              data: [
                { type: 'concrete-products', id: '130_29285281' },
                { type: 'concrete-products', id: '130_24326086' },
              ],
            },
          },
          links: { self: 'http://glue.test/abstract-products/130?include=concrete-products' },
        },
        included: [
          concrete('130_29285281', 'Lenovo ThinkStation P300', '130'),
          concrete('130_24326086', 'Lenovo ThinkStation P300', '130'),
        ],
      },
    });
  });

  it('writes the attributes in the contract’s key order', async () => {
    const response = await t.send('GET', '/abstract-products/005');
    const body = (await response.json()) as { data: { attributes: object } };
    // toEqual does not look at key order; §5a lists it, Spryker's schema the rest.
    expect(Object.keys(body.data.attributes)).toEqual([
      'sku',
      'name',
      'description',
      'attributeMap',
      ...Object.keys(emptyAttributes('')),
      'url',
    ]);
  });

  it.each(['999', '005_30663301', 'nope', '00'])(
    'answers 404 301 for %s, token or not',
    async (sku) => {
      for (const headers of [{}, { Authorization: 'Bearer garbage' }] as Record<string, string>[]) {
        const response = await t.send('GET', `/abstract-products/${sku}`, { headers });
        expect(await statusAndBody(response)).toEqual({
          status: 404,
          body: errorBody('301', 404, 'Abstract product is not found.'),
        });
      }
    },
  );
});

describe('abstractProductUrl', () => {
  it('writes the slug of the English name and the numeric id, as the demo importer does', () => {
    expect(abstractProductUrl({ sku: '005', name: 'Canon IXUS 175' })).toBe('/en/canon-ixus-175-5');
    expect(abstractProductUrl({ sku: '211', name: 'HP Bündel' })).toBe('/en/hp-bundel-211');
    expect(abstractProductUrl({ sku: 'SK-1', name: ' Acer / Aspire (C) ' })).toBe(
      '/en/acer-aspire-c-sk-1',
    );
  });
});
