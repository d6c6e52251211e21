import type { Hono } from 'hono';
import { Errors, GlueError } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import {
  collectionDocument,
  collectionSelfLink,
  documentResponse,
  publicBaseUrl,
  resourceObject,
  singleDocument,
} from '../../platform/jsonapi';
import type { ResourceObject } from '../../platform/jsonapi';
import type { Store } from './stores';

const TYPE = 'stores';

function storeResource(base: string, store: Store): ResourceObject<Store['attributes']> {
  return resourceObject(base, TYPE, store.name, store.attributes);
}

/**
 * `GET /stores` and `GET /stores/{storeId}` (§7.1), public: no token needed, and an Authorization
 * header is not looked at. Every store of the region, or the one named (unknown → 404 601);
 * `defaultCurrency` and `locales` are the current store's (`?_store=`, `Store` header).
 */
export function registerStores(app: Hono, { config, stores }: GlueServices): void {
  app.get(`/${TYPE}`, (c) => {
    const current = stores.current(c.req.url, c.req.header('Store'));
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const self = collectionSelfLink(`${base}/${TYPE}`, new URL(c.req.url).search.slice(1));
    const data = stores.all(current).map((store) => storeResource(base, store));
    return documentResponse(c, base, collectionDocument(data, { self }), 200);
  });

  app.get(`/${TYPE}/:storeId`, (c) => {
    const current = stores.current(c.req.url, c.req.header('Store'));
    const store = stores.find(c.req.param('storeId'), current);
    if (store === null) throw new GlueError(Errors.storeNotFound);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    return documentResponse(c, base, singleDocument(storeResource(base, store)), 200);
  });
}
