import type { Hono } from 'hono';
import type { GlueServices } from '../../platform/services';
import {
  collectionDocument,
  collectionSelfLink,
  documentResponse,
  publicBaseUrl,
  resourceObject,
} from '../../platform/jsonapi';
import { requestLocale } from '../../platform/locale';

const TYPE = 'return-reasons';

/**
 * `GET /return-reasons` (§12), public: one resource per reason, `id` null, the text in the
 * request's locale (§7.2), in import order (Spryker's search query has no sort).
 */
export function registerReturnReasons(app: Hono, { config, db, stores }: GlueServices): void {
  const reasonsIn = db
    .prepare<[string], string>(
      'SELECT reason FROM return_reasons WHERE locale = ? ORDER BY position',
    )
    .pluck();
  app.get(`/${TYPE}`, (c) => {
    const locale = requestLocale(c, stores);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const data = reasonsIn
      .all(locale)
      .map((reason) => resourceObject(base, TYPE, null, { reason }));
    const self = collectionSelfLink(`${base}/${TYPE}`, new URL(c.req.url).search.slice(1));
    return documentResponse(c, base, collectionDocument(data, { self }), 200);
  });
}
