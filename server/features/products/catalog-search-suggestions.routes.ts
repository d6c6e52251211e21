import type { Hono } from 'hono';
import { SUGGESTION_LIMIT, abstractProductUrl } from './catalog';
import { requestLocale } from '../../platform/locale';
import type { GlueServices } from '../../platform/services';
import {
  collectionDocument,
  collectionSelfLink,
  documentResponse,
  publicBaseUrl,
  resourceObject,
} from '../../platform/jsonapi';

const TYPE = 'catalog-search-suggestions';

/**
 * `GET /catalog-search-suggestions?q=` (§5a), public: no token needed, and an Authorization
 * header is not even looked at, as Glue validates tokens only on protected resources. q matches,
 * in any letter case, part of a product's name, its abstract SKU or one of its concrete SKUs; at
 * most 10 abstract products, in catalog order, with their "from" price (the lowest DEFAULT gross
 * price of their concrete products). Names, and what q matches, in the request's locale (§7.2).
 * `completion` holds the distinct names found. No q, a blank
 * one or no match: the same document with empty lists.
 */
export function registerCatalogSearchSuggestions(
  app: Hono,
  { config, catalog, stores }: GlueServices,
): void {
  app.get(`/${TYPE}`, (c) => {
    const url = new URL(c.req.url);
    const products = catalog.suggest(url.searchParams.get('q') ?? '', requestLocale(c, stores));
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const resource = resourceObject(base, TYPE, null, {
      completion: [...new Set(products.map((product) => product.name))].slice(0, SUGGESTION_LIMIT),
      categories: [],
      cmsPages: [],
      abstractProducts: products.map((product) => ({
        abstractSku: product.sku,
        abstractName: product.name,
        price: product.price,
        images: [],
        url: abstractProductUrl(product),
      })),
      categoryCollection: [],
      cmsPageCollection: [],
    });
    const self = collectionSelfLink(`${base}/${TYPE}`, url.search.slice(1));
    return documentResponse(c, base, collectionDocument([resource], { self }), 200);
  });
}
