import type { Hono } from 'hono';
import type { ConcreteProduct } from './catalog';
import { Errors, GlueError } from '../../platform/errors';
import { requestLocale } from '../../platform/locale';
import type { GlueServices } from '../../platform/services';
import {
  documentResponse,
  publicBaseUrl,
  readIncludes,
  resourceObject,
  singleDocument,
  withRelationships,
} from '../../platform/jsonapi';
import type { ResourceObject } from '../../platform/jsonapi';
import { CURRENCY } from '../../platform/pricing';

const TYPE = 'concrete-products';
const PRICES = 'concrete-product-prices';

/**
 * §5a's attributes in its order, then the rest of Spryker's: the demo data has no descriptions,
 * product attributes, reviews or configurations, so those are empty (PHP's empty array is `[]`);
 * the meta title is the name, as the demo shop's importer sets it.
 */
export function concreteProductResource(base: string, product: ConcreteProduct): ResourceObject {
  return resourceObject(base, TYPE, product.sku, {
    sku: product.sku,
    name: product.name,
    description: '',
    isDiscontinued: false,
    productAbstractSku: product.abstractSku,
    attributes: [],
    productConfigurationInstance: null,
    discontinuedNote: null,
    averageRating: null,
    reviewCount: 0,
    superAttributesDefinition: [],
    metaTitle: product.name,
    metaKeywords: '',
    metaDescription: '',
    attributeNames: [],
  });
}

/**
 * The product's prices: only DEFAULT ones exist, gross from the demo data; netAmount is null as
 * the demo data has no net prices (it would be the data's value where one is given). `price` is
 * the gross amount, the shop's price mode. Keys in the contract's order (§5a); links.self follows
 * §1, `<base>/concrete-product-prices/{sku}`, as §5a names no other link for it.
 */
function pricesResource(base: string, product: ConcreteProduct): ResourceObject {
  return resourceObject(base, PRICES, product.sku, {
    price: product.grossPrice,
    prices: [
      {
        priceTypeName: 'DEFAULT',
        grossAmount: product.grossPrice,
        netAmount: product.netPrice,
        currency: { code: CURRENCY, name: 'Euro', symbol: '€' },
        // The demo data has no volume prices.
        volumePrices: [],
      },
    ],
  });
}

/**
 * `GET /concrete-products/{sku}` (§5a), public; `?include=concrete-product-prices` adds its price.
 * The name in the request's locale (§7.2). Unknown → 404 302.
 */
export function registerConcreteProducts(
  app: Hono,
  { config, catalog, stores }: GlueServices,
): void {
  app.get(`/${TYPE}/:sku`, (c) => {
    const product = catalog.concreteProduct(c.req.param('sku'), requestLocale(c, stores));
    if (product === null) throw new GlueError(Errors.concreteProductNotFound);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const resource = concreteProductResource(base, product);
    if (!readIncludes(c.req.url).has(PRICES)) {
      return documentResponse(c, base, singleDocument(resource), 200);
    }
    const prices = pricesResource(base, product);
    return documentResponse(
      c,
      base,
      singleDocument(withRelationships(resource, { [PRICES]: [prices] }), [prices]),
      200,
    );
  });
}
