import { createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GlueConfig } from './config';
import { createGlue } from '../glue';
import type { Glue } from '../glue';
import { assertSprykerShape } from './spryker-schema';

/** Shared by the stand-in's tests: a fresh in-memory Glue with a clock the test moves. */
export interface TestGlue {
  glue: Glue;
  /** Seconds since the epoch, as the stand-in sees them. */
  now(): number;
  advance(seconds: number): void;
  logLines: string[];
  post(path: string, body: unknown, init?: RequestOptions): Promise<Response>;
  send(method: string, path: string, init?: RequestOptions & { body?: string }): Promise<Response>;
  publicKey(): KeyObject;
  close(): void;
}

export interface RequestOptions {
  ip?: string;
  headers?: Record<string, string>;
}

export const START_SECONDS = 1_800_000_000;
export const DEFAULT_IP = '10.0.0.5';
export const AGENT = { username: 'admin@spryker.com', password: 'change123' } as const;
export const CUSTOMER = { username: 'sonia@acme.com', password: 'change123' } as const;

/** The env @hono/node-server passes, reduced to what the stand-in reads. */
export function fromIp(ip: string): { incoming: { socket: { remoteAddress: string } } } {
  return { incoming: { socket: { remoteAddress: ip } } };
}

export function requestUrl(path: string): string {
  return path.startsWith('http') ? path : `http://glue.test${path}`;
}

let templateDir: string | null = null;
let template: Promise<string> | null = null;
let copies = 0;

/** A seeded database with its key pair, made once per test worker: RSA key generation is slow. */
function templateDatabase(): Promise<string> {
  template ??= (async () => {
    templateDir = mkdtempSync(join(tmpdir(), 'glue-test-'));
    const dir = templateDir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'template.sqlite');
    // At the tests' start: the demo orders are dated relative to the day the database is made.
    (await createGlue({ dbPath: path }, { clock: () => START_SECONDS * 1000 })).close();
    return path;
  })();
  return template;
}

/** A fresh copy of the template database for one test, unless the test names its own. */
export async function freshDatabasePath(): Promise<string> {
  const source = await templateDatabase();
  const target = join(templateDir ?? tmpdir(), `glue-${process.pid}-${++copies}.sqlite`);
  copyFileSync(source, target);
  return target;
}

export async function makeTestGlue(overrides: Partial<GlueConfig> = {}): Promise<TestGlue> {
  let nowMs = START_SECONDS * 1000;
  const logLines: string[] = [];
  const dbPath = overrides.dbPath ?? (await freshDatabasePath());
  const glue = await createGlue(
    { ...overrides, dbPath },
    { clock: () => nowMs, log: (line) => logLines.push(line) },
  );
  const send: TestGlue['send'] = async (method, path, init = {}) => {
    const requestInit: RequestInit = { method, headers: init.headers ?? {} };
    if (init.body !== undefined) requestInit.body = init.body;
    const response = await glue.app.request(
      requestUrl(path),
      requestInit,
      fromIp(init.ip ?? DEFAULT_IP),
    );
    // Every answer a contract test gets is checked against Spryker's schema (docs/spryker).
    const { pathname, search } = new URL(requestUrl(path));
    assertSprykerShape({
      method,
      path: `${pathname}${search}`,
      status: response.status,
      body: await response.clone().text(),
    });
    return response;
  };
  return {
    glue,
    now: () => Math.floor(nowMs / 1000),
    advance: (seconds) => {
      nowMs += seconds * 1000;
    },
    logLines,
    send,
    post: (path, body, init = {}) =>
      send('POST', path, {
        ...init,
        headers: { 'Content-Type': 'application/vnd.api+json', ...init.headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    publicKey: () => {
      const row = glue.db
        .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'jwt_public_key'")
        .get();
      if (row === undefined) throw new Error('no public key stored');
      return createPublicKey(row.value);
    },
    close: () => glue.close(),
  };
}

export function document(type: string, attributes: unknown): unknown {
  return { data: { type, attributes } };
}

export interface TokenAttributes {
  tokenType: string;
  expiresIn: number;
  accessToken: string;
  refreshToken: string;
}

export interface TokenDocument {
  data: {
    type: string;
    id: null;
    attributes: TokenAttributes;
    links: { self: string };
  };
}

export async function tokenAttributes(response: Response): Promise<TokenAttributes> {
  if (response.status !== 201) {
    throw new Error(`expected 201, got ${response.status}: ${await response.text()}`);
  }
  const body = (await response.json()) as TokenDocument;
  return body.data.attributes;
}

export async function signInAgent(t: TestGlue, ip = DEFAULT_IP): Promise<TokenAttributes> {
  return tokenAttributes(
    await t.post('/agent-access-tokens', document('agent-access-tokens', AGENT), { ip }),
  );
}

export async function signInCustomer(t: TestGlue): Promise<TokenAttributes> {
  return tokenAttributes(await t.post('/access-tokens', document('access-tokens', CUSTOMER)));
}

export const IMPERSONATION_TYPE = 'agent-customer-impersonation-access-tokens';

/** POST /agent-customer-impersonation-access-tokens with the given headers (the agent token). */
export function impersonate(
  t: TestGlue,
  headers: Record<string, string>,
  attributes: unknown = { customerReference: 'DE--21' },
): Promise<Response> {
  return t.post(`/${IMPERSONATION_TYPE}`, document(IMPERSONATION_TYPE, attributes), { headers });
}

/** An agent signs in and acts as the customer: the impersonation token pair. */
export async function signInAsCustomerThroughAgent(
  t: TestGlue,
  customerReference = 'DE--21',
): Promise<TokenAttributes> {
  const agent = await signInAgent(t);
  return tokenAttributes(await impersonate(t, bearer(agent.accessToken), { customerReference }));
}

export function refresh(t: TestGlue, refreshToken: unknown): Promise<Response> {
  return t.post('/refresh-tokens', document('refresh-tokens', { refreshToken }));
}

export function bearer(accessToken: string): Record<string, string> {
  return { Authorization: `Bearer ${accessToken}` };
}

/** Every row of every table, to show that a failed request changed nothing. */
export function snapshot(glue: Glue): string {
  // Virtual tables are left out: their shadow tables, which hold their data, are in.
  const tables = glue.db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_master
       WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
    )
    .all();
  return JSON.stringify(
    tables.map(({ name }) => [
      name,
      glue.db
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

export function errorBody(code: string | null, status: number, detail: string): unknown {
  return { errors: [code === null ? { status, detail } : { code, status, detail }] };
}

export function decodeSegment(segment: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

/** A demo customer signs in with their own e-mail and password (§4.3). */
export async function signInCustomerWith(
  t: TestGlue,
  username: string,
  password = 'change123',
): Promise<TokenAttributes> {
  return tokenAttributes(
    await t.post('/access-tokens', document('access-tokens', { username, password })),
  );
}

/** §8: a customer address that POST and PATCH accept. */
export const ADDRESS_ATTRIBUTES = {
  salutation: 'Ms',
  firstName: 'Sonia',
  lastName: 'Wagner',
  address1: 'Julie-Wolfthorn-Straße',
  address2: '1',
  zipCode: '10115',
  city: 'Berlin',
  iso2Code: 'DE',
  isDefaultShipping: false,
  isDefaultBilling: false,
} as const;

export const CART_ATTRIBUTES = {
  name: 'Weekly shopping',
  priceMode: 'GROSS_MODE',
  currency: 'EUR',
  store: 'DE',
} as const;

/** POST /carts with valid attributes (overridable); the new cart's id. */
export async function createCart(
  t: TestGlue,
  headers: Record<string, string>,
  attributes: Record<string, unknown> = {},
): Promise<string> {
  const response = await t.post(
    '/carts',
    document('carts', { ...CART_ATTRIBUTES, ...attributes }),
    {
      headers,
    },
  );
  if (response.status !== 201) {
    throw new Error(`expected 201, got ${response.status}: ${await response.text()}`);
  }
  return ((await response.json()) as { data: { id: string } }).data.id;
}

/** POST /carts/{id}/items. */
export function addItem(
  t: TestGlue,
  headers: Record<string, string>,
  cartId: string,
  attributes: unknown,
  query = '',
): Promise<Response> {
  return t.post(`/carts/${cartId}/items${query}`, document('items', attributes), { headers });
}

/** PATCH with a JSON:API body. */
export function patch(
  t: TestGlue,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Response> {
  return t.send('PATCH', path, {
    headers: { 'Content-Type': 'application/vnd.api+json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Status and body together, so a failing assertion shows both. */
export async function statusAndBody(
  response: Response,
): Promise<{ status: number; body: unknown }> {
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}
