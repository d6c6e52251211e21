import type { Hono } from 'hono';
import { authenticateAgent } from '../../platform/auth';
import type { GlueServices } from '../../platform/services';
import {
  collectionDocument,
  documentResponse,
  paginationLinks,
  publicBaseUrl,
  readPage,
  resourceObject,
} from '../../platform/jsonapi';

const TYPE = 'agent-outbox-mails';
export const OUTBOX_DEFAULT_LIMIT = 10;
export const OUTBOX_MAX_LIMIT = 100;

/**
 * `GET /agent-outbox-mails`: a stand-in extension, not a Spryker endpoint. The mails the stand-in
 * would have sent (§13's restore-password mail), newest first, for demos and tests. Agents only,
 * with the rules of §3, as the audit trail (`GET /agent-impersonation-sessions`); `to` (the whole
 * address, any letter case) filters, `page[...]` pages as §1 says.
 */
export function registerAgentOutboxMails(
  app: Hono,
  { config, tokens, outbox }: GlueServices,
): void {
  app.get(`/${TYPE}`, async (c) => {
    await authenticateAgent(c, tokens);
    const url = new URL(c.req.url);
    const page = readPage(c.req.url, OUTBOX_DEFAULT_LIMIT, OUTBOX_MAX_LIMIT);
    const raw = url.searchParams.get('to');
    const { total, mails } = outbox.page(raw === null || raw === '' ? null : raw, page);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const links = paginationLinks(`${base}/${TYPE}`, url.search.slice(1), total, page);
    const data = mails.map((mail) => resourceObject(base, TYPE, String(mail.id), mail.attributes));
    return documentResponse(c, base, collectionDocument(data, links), 200);
  });
}
