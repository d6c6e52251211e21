import type { Hono } from 'hono';
import { authenticateAgent } from '../auth';
import type { GlueServices } from '../glue';
import {
  collectionDocument,
  jsonApiResponse,
  paginationLinks,
  publicBaseUrl,
  readPage,
  resourceObject,
} from '../jsonapi';

const TYPE = 'agent-customer-search';
export const SEARCH_DEFAULT_LIMIT = 10;
/** A larger page[limit] is lowered to this (and the page links say so), not refused. */
export const SEARCH_MAX_LIMIT = 100;

/**
 * `GET /agent-customer-search` (§3.2): one resource holding a page of customers, and page links
 * over every match. q matches a substring of e-mail, first or last name in any letter case, or a
 * whole customer reference (in any letter case too); no q, or an empty one, lists everyone.
 */
export function registerAgentCustomerSearch(
  app: Hono,
  { config, tokens, customerSearch }: GlueServices,
): void {
  app.get(`/${TYPE}`, async (c) => {
    await authenticateAgent(c, tokens);
    const url = new URL(c.req.url);
    const page = readPage(c.req.url, SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT);
    const result = customerSearch.search(url.searchParams.get('q'), page);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const links = paginationLinks(`${base}/${TYPE}`, url.search.slice(1), result.total, page);
    const customers = result.customers.map(({ customerReference, email, firstName, lastName }) => ({
      customerReference,
      email,
      firstName,
      lastName,
    }));
    const resource = resourceObject(base, TYPE, null, { customers });
    // The resource links to the request itself, query included, as Glue's does.
    return jsonApiResponse(
      collectionDocument([{ ...resource, links: { self: links.self } }], links),
      200,
    );
  });
}
