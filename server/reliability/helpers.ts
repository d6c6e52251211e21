import { expect } from 'vitest';
import type { Glue } from '../glue';
import { snapshot } from '../platform/test-support';
import type { TestGlue, TokenAttributes } from '../platform/test-support';

/** One route as the Hono app registered it, e.g. `POST /carts/:cartId/items`. */
export interface Route {
  method: string;
  path: string;
}

/**
 * Who may call a route, per the contract: §5a and §7.1 public, the sign-in/refresh endpoints that issue
 * tokens without one, §1 id-less PATCH/DELETE, §3 agent endpoints, the stand-in's own endpoints
 * for an agent at work (an impersonation token only, README), §4.2 any token, §9 checkout (which
 * reads the request document before the token and answers a missing one itself), else §5.
 */
export type RouteKind =
  | 'public'
  | 'issuing'
  | 'idless'
  | 'agent'
  | 'impersonation'
  | 'any-token'
  | 'checkout'
  | 'customer';

// §5a: the product endpoints need no token; §7.1: nor do the stores.
const PUBLIC_RESOURCES = [
  'catalog-search-suggestions',
  'abstract-products',
  'concrete-products',
  'stores',
  // §13: asking for a restore mail needs no token; §12: nor do the return reasons.
  'customer-forgotten-password',
  'return-reasons',
];
// §3.1, §4.1, §4.3: these hand out tokens and need none.
const ISSUING = ['POST /agent-access-tokens', 'POST /access-tokens', 'POST /refresh-tokens'];
// README: the mode switch of the session an impersonation token belongs to.
const IMPERSONATION = ['POST /agent-impersonation-session-events'];
// §9: checkout-data and checkout.
const CHECKOUT = ['checkout-data', 'checkout'];

/** Every route the app answers, read from the app itself so a new endpoint is covered too. */
export function appRoutes(glue: Glue): Route[] {
  const seen = new Set<string>();
  const routes: Route[] = [];
  for (const { method, path } of glue.app.routes) {
    // Middleware (CORS, body limit) is registered as ALL /*.
    if (method === 'ALL') continue;
    const key = `${method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({ method, path });
  }
  return routes;
}

export function routeKind({ method, path }: Route): RouteKind {
  const resource = path.split('/')[1] ?? '';
  if (PUBLIC_RESOURCES.includes(resource)) return 'public';
  if (ISSUING.includes(`${method} ${path}`)) return 'issuing';
  // §1: PATCH or DELETE on a path that ends without an id names nothing to change; §8.2: nor does
  // one whose customer reference is empty (`/customers//addresses/{uuid}`).
  const changes = method === 'PATCH' || method === 'DELETE';
  // §11: nor one whose wishlist id is empty (`/wishlists//wishlist-items/{sku}`).
  const emptyParent = path.startsWith('/customers//') || path.startsWith('/wishlists//');
  if (changes && (!/\/:[^/]+$/.test(path) || emptyParent)) return 'idless';
  if (IMPERSONATION.includes(`${method} ${path}`)) return 'impersonation';
  if (resource.startsWith('agent-')) return 'agent';
  if (resource === 'refresh-tokens') return 'any-token';
  if (CHECKOUT.includes(resource)) return 'checkout';
  return 'customer';
}

export const routeName = ({ method, path }: Route): string => `${method} ${path}`;

/** The path with each `:param` replaced by what `value` gives for its name. */
export function fillPath(path: string, value: (param: string) => string): string {
  return path.replace(/:([A-Za-z]+)/g, (_match, name: string) => value(name));
}

interface ErrorObject {
  code?: unknown;
  status?: unknown;
  detail?: unknown;
}

/**
 * The §1 error document: JSON:API media type, `errors` a non-empty list of {code?, status,
 * detail} with a string code of digits, the HTTP status equal to the last error's, and §1's
 * WWW-Authenticate on a 401.
 */
export function expectErrorDocument(status: number, headers: Headers, text: string): void {
  expect(headers.get('Content-Type')).toBe('application/vnd.api+json');
  const body = JSON.parse(text) as { errors?: ErrorObject[] };
  expect(Object.keys(body)).toEqual(['errors']);
  expect(Array.isArray(body.errors) && body.errors.length > 0).toBe(true);
  for (const error of body.errors ?? []) {
    expect(Object.keys(error).filter((key) => key !== 'code')).toEqual(['status', 'detail']);
    if ('code' in error) expect(error.code).toMatch(/^\d+$/);
    expect(Number.isInteger(error.status)).toBe(true);
    expect(typeof error.detail === 'string' && error.detail !== '').toBe(true);
  }
  expect(body.errors?.at(-1)?.status).toBe(status);
  if (status === 401) {
    expect(headers.get('WWW-Authenticate')).toBe('Bearer realm="Access to shop API"');
  }
}

/** Every row of every table but the named ones: for requests that are meant to touch those. */
export function snapshotExcept(glue: Glue, ...tables: string[]): string {
  const all = JSON.parse(snapshot(glue)) as [string, string[]][];
  return JSON.stringify(all.filter(([name]) => !tables.includes(name)));
}

/** Rows inserted, updated or deleted on the stand-in's connection so far: cheap to read often. */
export function totalChanges(glue: Glue): number {
  return glue.db.prepare('SELECT total_changes()').pluck().get() as number;
}

// A V8 stack frame ("    at f (file:1:2)"), raw or JSON-escaped, or a path into the sources.
const STACK_FRAME = / {4}at |(?:\n|\\n)\s*at \S+ \(|\bat \S+:\d+:\d+\b/;
const SOURCE_PATH = /(^|[\s/(\\"'])(server|src|node_modules)[/\\][\w./\\-]+\.[cm]?[jt]s\b/;

/** Remembers every token issued in a test, and checks text for them and for stack traces. */
export class LeakWatch {
  readonly #secrets = new Set<string>();

  /** The pair's strings: neither may appear in any later response (but its own) or log line. */
  remember(pair: TokenAttributes): TokenAttributes {
    this.#secrets.add(pair.accessToken);
    this.#secrets.add(pair.refreshToken);
    return pair;
  }

  /** Any other secret (a password) that must never be echoed or logged. */
  rememberSecret(secret: string): void {
    this.#secrets.add(secret);
  }

  /** The first leak found in `text`, or null. */
  leakIn(text: string): string | null {
    if (STACK_FRAME.test(text)) return 'a stack frame';
    if (SOURCE_PATH.test(text)) return 'a source path';
    for (const secret of this.#secrets) {
      if (text.includes(secret)) return `a token (${secret.slice(0, 12)}…)`;
    }
    return null;
  }

  expectClean(where: string, text: string): void {
    expect({ where, leak: this.leakIn(text) }).toEqual({ where, leak: null });
  }

  expectCleanLog(t: TestGlue): void {
    for (const line of t.logLines) this.expectClean('log', line);
  }
}
