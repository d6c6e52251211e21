import type { Hono } from 'hono';
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
import { abstractProductUrl } from './catalog';
import { concreteProductResource } from './concrete-products.routes';

const TYPE = 'abstract-products';
const CONCRETE_PRODUCTS = 'concrete-products';

/**
 * `GET /abstract-products/{abstractSku}` (§5a), public. attributeMap.product_concrete_ids lists
 * the concrete SKUs a cart can hold; `?include=concrete-products` adds them. The demo data has no
 * descriptions: description is "". Names in the request's locale (§7.2). Unknown → 404 301.
 */
export function registerAbstractProducts(
  app: Hono,
  { config, catalog, stores }: GlueServices,
): void {
  app.get(`/${TYPE}/:abstractSku`, (c) => {
    const locale = requestLocale(c, stores);
    const product = catalog.abstractProduct(c.req.param('abstractSku'), locale);
    if (product === null) throw new GlueError(Errors.abstractProductNotFound);
    const concretes = catalog.concreteProductsOf(product.sku, locale);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    // §5a's attributes in its order, then the rest of Spryker's, empty as the demo data has none.
    const resource = resourceObject(base, TYPE, product.sku, {
      sku: product.sku,
      name: product.name,
      description: '',
      attributeMap: { product_concrete_ids: concretes.map((concrete) => concrete.sku) },
      attributes: [],
      averageRating: null,
      reviewCount: 0,
      superAttributesDefinition: [],
      superAttributes: [],
      metaTitle: product.name,
      metaKeywords: '',
      metaDescription: '',
      attributeNames: [],
      url: abstractProductUrl(product),
    });
    if (!readIncludes(c.req.url).has(CONCRETE_PRODUCTS)) {
      return documentResponse(c, base, singleDocument(resource), 200);
    }
    const included = concretes.map((concrete) => concreteProductResource(base, concrete));
    return documentResponse(
      c,
      base,
      singleDocument(withRelationships(resource, { [CONCRETE_PRODUCTS]: included }), included),
      200,
    );
  });
}
