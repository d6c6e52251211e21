import type { Hono } from 'hono';
import { authenticateAgent } from '../../platform/auth';
import type { CustomerSearchResult } from './customer-search';
import type { GlueServices } from '../../platform/services';
import type { Page } from '../../platform/jsonapi';
import {
  collectionDocument,
  applySelfLinkRule,
  jsonApiTextResponse,
  paginationLinks,
  publicBaseUrl,
  readPage,
  resourceObject,
  selfLinkRule,
} from '../../platform/jsonapi';

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
  // A cached search result asked for at the same address is the same text: kept with the result,
  // it goes when the search forgets the result.
  const texts = new WeakMap<CustomerSearchResult, Map<string, string>>();

  app.get(`/${TYPE}`, async (c) => {
    await authenticateAgent(c, tokens);
    const url = new URL(c.req.url);
    const page = readPage(c.req.url, SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT);
    const result = customerSearch.search(url.searchParams.get('q'), page);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    let byAddress = texts.get(result);
    if (byAddress === undefined) texts.set(result, (byAddress = new Map<string, string>()));
    const address = `${base}${url.search}`;
    const known = byAddress.get(address);
    if (known !== undefined) return jsonApiTextResponse(known, 200);
    const text = JSON.stringify(
      applySelfLinkRule(document(base, url, result, page), selfLinkRule(c, base)),
    );
    // A few addresses per result; odd queries varied without end are not kept.
    if (byAddress.size < 8) byAddress.set(address, text);
    return jsonApiTextResponse(text, 200);
  });
}

function document(base: string, url: URL, result: CustomerSearchResult, page: Page) {
  const links = paginationLinks(`${base}/${TYPE}`, url.search.slice(1), result.total, page);
  const customers = result.customers.map(({ customerReference, email, firstName, lastName }) => ({
    customerReference,
    email,
    firstName,
    lastName,
  }));
  // §1's self-link rule gives the resource the request's query too.
  return collectionDocument([resourceObject(base, TYPE, null, { customers })], links);
}
