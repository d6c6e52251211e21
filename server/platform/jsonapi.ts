import type { Context } from 'hono';
import { routePath } from 'hono/route';
import { Errors, GlueError } from './errors';
import type { GlueErrorSpec } from './errors';

export const JSON_API_MEDIA_TYPE = 'application/vnd.api+json';
export const WWW_AUTHENTICATE = 'Bearer realm="Access to shop API"';

export type Attributes = Readonly<Record<string, unknown>>;

export interface ResourceObject<A extends object = Attributes> {
  type: string;
  id: string | null;
  attributes: A;
  relationships?: Record<string, { data: { type: string; id: string }[] }>;
  links: { self: string };
}

export interface PageLinks {
  self: string;
  last?: string;
  first?: string;
  prev?: string;
  next?: string;
}

/** The base every link starts with: the configured public URL, or the origin the client used. */
export function publicBaseUrl(requestUrl: string, configured: string | null): string {
  return configured ?? new URL(requestUrl).origin;
}

/** The self link Glue gives a resource when its module sets none: `<base>/<type>[/<id>]`. */
export function defaultSelfLink(base: string, type: string, id: string | null): string {
  return id === null ? `${base}/${type}` : `${base}/${type}/${encodeURIComponent(id)}`;
}

export function resourceObject<A extends object>(
  base: string,
  type: string,
  id: string | null,
  attributes: A,
): ResourceObject<A> {
  return { type, id, attributes, links: { self: defaultSelfLink(base, type, id) } };
}

/** The resource with `relationships` set, keeping Glue's key order: type, id, attributes, relationships, links. */
export function withRelationships<A extends object>(
  resource: ResourceObject<A>,
  relationships: Record<string, readonly ResourceObject[]>,
): ResourceObject<A> {
  const related = Object.entries(relationships).filter(([, resources]) => resources.length > 0);
  // Glue leaves out a relationship with nothing in it.
  if (related.length === 0) return resource;
  return {
    type: resource.type,
    id: resource.id,
    attributes: resource.attributes,
    relationships: Object.fromEntries(
      related.map(([name, resources]) => [
        name,
        { data: resources.map(({ type, id }) => ({ type, id: id ?? '' })) },
      ]),
    ),
    links: resource.links,
  };
}

/**
 * The `include` query parameter: relationship names, comma-separated. Only what is named is
 * included (contract §1), so a request without it gets no `included` and no `relationships`.
 */
export function readIncludes(requestUrl: string): Set<string> {
  const raw = new URL(requestUrl).searchParams.get('include') ?? '';
  return new Set(
    raw
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
  );
}

/** Which relationships a request's answer loads and which its resources show. */
export interface RelationshipRule {
  /** Resources of this type are loaded, and so included. */
  loads(type: string): boolean;
  /** A resource carries its relationship of this name in `relationships`. */
  shows(name: string): boolean;
}

/**
 * Glue's rule, with eager loading off as in the B2C shop (glue-application 1.65.0
 * `RequestFormatter::setIncludeFields()`, `ResponseRelationship::hasRelationship()`,
 * `ResponseBuilder::filterRelationships()`): without `include`, or with one PHP reads as false
 * ("" or "0"), nothing is loaded. With one, a relationship is loaded when its type is named in it
 * or is the requested resource's type (so `POST /carts/{id}/items?include=concrete-products`
 * loads the items too), and a resource shows only the relationships named.
 */
export function relationshipRule(c: Context): RelationshipRule {
  const raw = new URL(c.req.url).searchParams.get('include');
  if (raw === null || raw === '' || raw === '0') {
    return { loads: () => false, shows: () => false };
  }
  const names = readIncludes(c.req.url);
  const requested = requestedType(routePath(c));
  return {
    loads: (type) => type === requested || names.has(type),
    shows: (name) => names.has(name),
  };
}

/**
 * `included` as Glue builds it: one entry per (type, id). A resource met again under the same type
 * and id replaces the earlier one but keeps its place, as a PHP array key does, unless the earlier
 * one has relationships: then it stays (glue-application 1.65.0
 * `ResponseRelationship::isResourceCanBeIncluded()`).
 */
export function uniqueIncluded(resources: readonly ResourceObject[]): ResourceObject[] {
  const byKey = new Map<string, ResourceObject>();
  for (const resource of resources) {
    const key = `${resource.type}:${resource.id ?? ''}`;
    if (byKey.get(key)?.relationships === undefined) byKey.set(key, resource);
  }
  return [...byKey.values()];
}

export function singleDocument<A extends object>(
  data: ResourceObject<A>,
  included?: ResourceObject[],
): { data: ResourceObject<A>; included?: ResourceObject[] } {
  return included !== undefined && included.length > 0 ? { data, included } : { data };
}

export function collectionDocument<A extends object>(
  data: ResourceObject<A>[],
  links: PageLinks,
  included?: ResourceObject[],
): { data: ResourceObject<A>[]; links: PageLinks; included?: ResourceObject[] } {
  return included !== undefined && included.length > 0
    ? { data, links, included }
    : { data, links };
}

/**
 * The resource type a request asks for, as Glue reads it from the path: the route's last segment
 * that is not an id (`/carts/:cartId/items` → `items`, `/customers/:customerReference/orders` →
 * `orders`).
 */
export function requestedType(path: string): string {
  return (
    path
      .split('/')
      .filter((part) => part !== '' && !part.startsWith(':'))
      .at(-1) ?? ''
  );
}

/** What §1's self-link rule needs to know of the request. */
export interface SelfLinkRule {
  base: string;
  /** The requested resource's type. */
  type: string;
  /** The request's query string, without "?"; "" when it has none. */
  query: string;
}

export function selfLinkRule(c: Context, base: string): SelfLinkRule {
  return { base, type: requestedType(routePath(c)), query: new URL(c.req.url).search.slice(1) };
}

type AnyResource = ResourceObject<object>;
type AnyDocument = { data: AnyResource | AnyResource[]; included?: AnyResource[] };

function withQuery(resource: AnyResource, rule: SelfLinkRule): AnyResource {
  if (resource.type !== rule.type) return resource;
  // A link of the resource's own (a cart item's) is not the one resourceObject gave: kept as it is.
  if (resource.links.self !== defaultSelfLink(rule.base, resource.type, resource.id)) {
    return resource;
  }
  return {
    ...resource,
    links: { ...resource.links, self: `${resource.links.self}?${rule.query}` },
  };
}

/**
 * §1: where the module sets no self link of its own, Glue appends the request's query string to
 * the self link of every resource in `data` whose type is the requested resource's type; included
 * resources, other types and resources with a link of their own keep theirs
 * (spryker/glue-application 1.65.0 `ResponseBuilder::resourcesToArray()`, `buildQueryString()`).
 * The query is the request's own, as the collection's `links.self` carries it.
 */
export function applySelfLinkRule<D extends AnyDocument>(document: D, rule: SelfLinkRule): D {
  if (rule.query === '') return document;
  const data = Array.isArray(document.data)
    ? document.data.map((resource) => withQuery(resource, rule))
    : withQuery(document.data, rule);
  return { ...document, data };
}

/**
 * The answer with a JSON:API document: §1's self-link rule applied for the request, then
 * serialized. Every route that answers resources answers through this.
 */
export function documentResponse(
  c: Context,
  base: string,
  document: AnyDocument,
  status: number,
): Response {
  return jsonApiResponse(applySelfLinkRule(document, selfLinkRule(c, base)), status);
}

export function jsonApiResponse(body: unknown, status: number): Response {
  return jsonApiTextResponse(JSON.stringify(body), status);
}

/** A document already serialized. */
export function jsonApiTextResponse(text: string, status: number): Response {
  return new Response(text, { status, headers: { 'Content-Type': JSON_API_MEDIA_TYPE } });
}

/** DELETE answers 204 with an empty body; the media type is still announced, as Glue does. */
export function noContentResponse(): Response {
  return new Response(null, { status: 204, headers: { 'Content-Type': JSON_API_MEDIA_TYPE } });
}

/**
 * What Glue answers when the module it calls throws (§8: an address of no country): Symfony's
 * status text as a plain body, no JSON:API document, with the content type Symfony's Response
 * gives a body that names none (glue-application 1.65.0 `ControllerFilter::handleException()`).
 */
export function plainInternalServerError(): Response {
  return new Response('Internal Server Error', {
    status: 500,
    headers: { 'Content-Type': 'text/html; charset=UTF-8' },
  });
}

export function errorDocument(errors: readonly GlueErrorSpec[]): {
  errors: GlueErrorSpec[];
} {
  return {
    errors: errors.map((error) =>
      // Key order code, status, detail as Glue writes it; generic errors have no code at all.
      error.code === undefined
        ? { status: error.status, detail: error.detail }
        : { code: error.code, status: error.status, detail: error.detail },
    ),
  };
}

export function errorResponse(errors: readonly GlueErrorSpec[]): Response {
  const status = errors[errors.length - 1]?.status ?? 500;
  const response = jsonApiResponse(errorDocument(errors), status);
  if (status === 401) response.headers.set('WWW-Authenticate', WWW_AUTHENTICATE);
  return response;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request document's attributes, copied without a prototype so "constructor" is only data. */
export async function readRequestAttributes(c: Context, type: string): Promise<Attributes> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await c.req.text());
  } catch {
    throw new GlueError(Errors.postDataInvalid);
  }
  if (!isPlainObject(parsed) || !isPlainObject(parsed.data))
    throw new GlueError(Errors.postDataInvalid);
  const { type: sentType, attributes } = parsed.data;
  if (sentType === undefined || sentType === null) throw new GlueError(Errors.postDataInvalid);
  // PHP decodes `[]` and `{}` alike, so Glue takes an empty list as empty attributes.
  const isEmptyList = Array.isArray(attributes) && attributes.length === 0;
  if (!isPlainObject(attributes) && !isEmptyList) throw new GlueError(Errors.postDataInvalid);
  if (sentType !== type) throw new GlueError(Errors.invalidType);
  const copy = Object.create(null) as Record<string, unknown>;
  if (isPlainObject(attributes)) {
    for (const [key, value] of Object.entries(attributes)) copy[key] = value;
  }
  return copy;
}

/** Symfony's NotBlank: null, false, "", [] and {} are blank; 0 and "0" are not. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

export interface Page {
  offset: number;
  limit: number;
}

function readPageParameter(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new GlueError(Errors.paginationInvalid);
  }
  return Number(raw);
}

/**
 * `page[offset]` (default 0) and `page[limit]` (default per resource); anything else is a 400.
 * A limit above `maxLimit` is lowered to it, not refused: §1 refuses only limits ≤ 0.
 */
export function readPage(
  requestUrl: string,
  defaultLimit: number,
  maxLimit = Number.MAX_SAFE_INTEGER,
): Page {
  const url = new URL(requestUrl);
  const offset = readPageParameter(url, 'page[offset]', 0);
  const limit = readPageParameter(url, 'page[limit]', defaultLimit);
  if (limit <= 0) throw new GlueError(Errors.paginationInvalid);
  return { offset, limit: Math.min(limit, maxLimit) };
}

function isPageParameter(part: string): boolean {
  const rawKey = part.split('=', 1)[0] ?? '';
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
  } catch {
    key = rawKey;
  }
  return key.startsWith('page[');
}

/** A collection's `links.self`: the path with the request's whole query, as Glue writes it. */
export function collectionSelfLink(selfUrl: string, rawQuery: string): string {
  return rawQuery === '' ? selfUrl : `${selfUrl}?${rawQuery}`;
}

/** Collection links per §1: the page links keep the request's other query parameters. */
export function paginationLinks(
  selfUrl: string,
  rawQuery: string,
  total: number,
  page: Page,
): PageLinks {
  const self = collectionSelfLink(selfUrl, rawQuery);
  if (total <= 0) return { self };
  const otherQuery = rawQuery
    .split('&')
    .filter((part) => part !== '' && !isPageParameter(part))
    .join('&');
  const base = otherQuery === '' ? `${selfUrl}?` : `${selfUrl}?${otherQuery}&`;
  const link = (offset: number): string =>
    `${base}page[offset]=${offset}&page[limit]=${page.limit}`;
  const links: PageLinks = {
    self,
    last: link(page.limit * (Math.ceil(total / page.limit) - 1)),
    first: link(0),
  };
  if (page.offset > 0) links.prev = link(Math.max(page.offset - page.limit, 0));
  if (page.offset + page.limit < total) links.next = link(page.offset + page.limit);
  return links;
}
