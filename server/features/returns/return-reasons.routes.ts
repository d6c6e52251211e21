import type { Hono } from 'hono';
import { readSeedCsv } from '../../platform/db';
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

/** seed-data/return-reasons.csv: the demo shop's reasons, in import order, by locale. */
function readReturnReasons(): readonly Readonly<Record<string, string>>[] {
  return readSeedCsv('return-reasons.csv', ['position', 'reason_en_US', 'reason_de_DE'])
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map((record) => ({
      en_US: record.reason_en_US ?? '',
      de_DE: record.reason_de_DE ?? '',
    }));
}

/**
 * `GET /return-reasons` (§12), public: one resource per reason, `id` null, the text in the
 * request's locale (§7.2), in import order (Spryker's search query has no sort).
 */
export function registerReturnReasons(app: Hono, { config, stores }: GlueServices): void {
  const reasons = readReturnReasons();
  app.get(`/${TYPE}`, (c) => {
    const locale = requestLocale(c, stores);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const data = reasons.map((reason) =>
      resourceObject(base, TYPE, null, { reason: reason[locale] ?? reason.en_US ?? '' }),
    );
    const self = collectionSelfLink(`${base}/${TYPE}`, new URL(c.req.url).search.slice(1));
    return documentResponse(c, base, collectionDocument(data, { self }), 200);
  });
}
