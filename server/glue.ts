import { STATUS_CODES, createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { RequestError, getRequestListener } from '@hono/node-server';
import type Database from 'better-sqlite3';
import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ImpersonationAudit } from './audit';
import { Carts } from './carts';
import { Catalog } from './catalog';
import { defaultGlueConfig, normalizePublicUrl } from './config';
import type { GlueConfig } from './config';
import { CustomerSearch } from './customer-search';
import { openDatabase } from './db';
import { Errors, GlueError } from './errors';
import type { GlueErrorSpec } from './errors';
import { ImpersonationSessions } from './impersonation-sessions';
import { JSON_API_MEDIA_TYPE, errorDocument, errorResponse } from './jsonapi';
import { Lockout } from './lockout';
import { Orders } from './orders';
import { registerAbstractProducts } from './resources/abstract-products';
import { registerAccessTokens } from './resources/access-tokens';
import { registerAgentAccessTokens } from './resources/agent-access-tokens';
import { registerAgentCustomerImpersonationAccessTokens } from './resources/agent-customer-impersonation-access-tokens';
import { registerAgentCustomerSearch } from './resources/agent-customer-search';
import { registerAgentImpersonationSessions } from './resources/agent-impersonation-sessions';
import { registerCarts } from './resources/carts';
import { registerCatalogSearchSuggestions } from './resources/catalog-search-suggestions';
import { registerConcreteProducts } from './resources/concrete-products';
import { registerCustomers } from './resources/customers';
import { registerItems } from './resources/items';
import { registerOrders } from './resources/orders';
import { registerRefreshTokens } from './resources/refresh-tokens';
import { Tokens, loadOrCreateSigningKeys } from './tokens';

export interface Glue {
  app: Hono;
  db: Database.Database;
  config: GlueConfig;
  close(): void;
}

export interface RunningGlue {
  url: string;
  port: number;
  glue: Glue;
  close(): Promise<void>;
}

export interface GlueOptions {
  /** Milliseconds since the epoch, like Date.now; tests move it to expire tokens and lockouts. */
  clock?: () => number;
  /** Where the one-line report of an unexpected error goes. */
  log?: (line: string) => void;
}

/** What every resource module gets to answer its requests. */
export interface GlueServices {
  config: GlueConfig;
  db: Database.Database;
  tokens: Tokens;
  lockout: Lockout;
  customerSearch: CustomerSearch;
  catalog: Catalog;
  carts: Carts;
  orders: Orders;
  audit: ImpersonationAudit;
  impersonationSessions: ImpersonationSessions;
}

export const MAX_BODY_BYTES = 1024 * 1024;
const ALLOWED_METHODS = 'GET, POST, PATCH, DELETE';
const ALLOWED_HEADERS =
  'Authorization, X-Agent-Authorization, Content-Type, Accept, Accept-Language';

function cors(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const allowedOrigin = origin !== undefined && allowed.has(origin) ? origin : null;
    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined) {
      // A refused origin still gets 204, but without the headers the browser needs to go on.
      const preflight = new Response(null, {
        status: 204,
        headers: { 'Content-Type': JSON_API_MEDIA_TYPE, Vary: 'Origin' },
      });
      if (allowedOrigin !== null) {
        preflight.headers.set('Access-Control-Allow-Origin', allowedOrigin);
        preflight.headers.set('Access-Control-Allow-Methods', ALLOWED_METHODS);
        preflight.headers.set('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        preflight.headers.set('Access-Control-Max-Age', '600');
      }
      return preflight;
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (allowedOrigin !== null) c.res.headers.set('Access-Control-Allow-Origin', allowedOrigin);
  };
}

/** One line, with anything that looks like a token blanked out. */
function describeError(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name}: ${error.message}` : 'a non-Error was thrown';
  return text
    .replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[token]')
    .replace(/def50200[0-9a-f]*/gi, '[token]')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}

/** Node's error on a request whose client hung up before sending all of it: nothing failed here. */
function isClientHangUp(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ECONNRESET';
}

// The statuses Node itself gives these; any other refusal by its parser is a 400.
const CLIENT_ERRORS = new Map<string | undefined, GlueErrorSpec>([
  ['HPE_HEADER_OVERFLOW', Errors.requestHeaderFieldsTooLarge],
  ['HPE_CHUNK_EXTENSIONS_OVERFLOW', Errors.payloadTooLarge],
  ['ERR_HTTP_REQUEST_TIMEOUT', Errors.requestTimeout],
]);

/**
 * A request Node's HTTP parser refused before the app saw it (a byte or header it does not
 * allow, a broken chunked body, headers too large) gets §1's error document too; then the
 * connection ends.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // Node's own test for a response already under way; _httpMessage is not in its public types.
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent === true) {
    socket.destroy();
    return;
  }
  const spec = CLIENT_ERRORS.get(error.code) ?? Errors.badRequest;
  const body = JSON.stringify(errorDocument([spec]));
  socket.end(
    `HTTP/1.1 ${spec.status} ${STATUS_CODES[spec.status] ?? ''}\r\n` +
      `Content-Type: ${JSON_API_MEDIA_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

function buildApp(services: GlueServices, log: (line: string) => void): Hono {
  // strict: false lets "/refresh-tokens/" reach the same route as "/refresh-tokens".
  const app = new Hono({ strict: false });
  app.use('*', cors(services.config.corsOrigins));
  const limitBody: MiddlewareHandler = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => errorResponse([Errors.payloadTooLarge]),
  });
  // Asking a request for its body builds a whole web Request: a read is spared that cost.
  const limitBodies: MiddlewareHandler = (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next);
  app.use('*', limitBodies);
  registerAgentAccessTokens(app, services);
  registerAgentCustomerSearch(app, services);
  registerAgentCustomerImpersonationAccessTokens(app, services);
  registerAgentImpersonationSessions(app, services);
  registerAccessTokens(app, services);
  registerRefreshTokens(app, services);
  registerCustomers(app, services);
  registerCarts(app, services);
  registerItems(app, services);
  registerOrders(app, services);
  registerCatalogSearchSuggestions(app, services);
  registerAbstractProducts(app, services);
  registerConcreteProducts(app, services);
  app.notFound(() => errorResponse([Errors.notFound]));
  app.onError((error, c) => {
    if (error instanceof GlueError) return errorResponse(error.errors);
    // The route pattern, not the path: a path may hold a refresh token.
    if (!isClientHangUp(error)) {
      log(`Glue stand-in: ${c.req.method} ${c.req.routePath} failed: ${describeError(error)}`);
    }
    return errorResponse([Errors.internal]);
  });
  return app;
}

/** Opens (creating and seeding when new) the database, loads the key pair, builds the app. */
export async function createGlue(
  overrides: Partial<GlueConfig> = {},
  options: GlueOptions = {},
): Promise<Glue> {
  const merged = { ...defaultGlueConfig, ...overrides };
  const config: GlueConfig = {
    ...merged,
    publicUrl: merged.publicUrl === null ? null : normalizePublicUrl(merged.publicUrl, 'publicUrl'),
  };
  const clock = options.clock ?? Date.now;
  const log = options.log ?? ((line: string) => console.error(line));
  const db = await openDatabase(config.dbPath, { seedCustomers: config.seedCustomers, log });
  try {
    const keys = await loadOrCreateSigningKeys(db);
    const tokens = new Tokens(db, keys, config, clock);
    const lockout = new Lockout(
      db,
      {
        attempts: config.lockoutAttempts,
        blockSeconds: config.lockoutBlockSeconds,
        ttlSeconds: config.lockoutTtlSeconds,
      },
      clock,
    );
    const customerSearch = new CustomerSearch(db);
    const audit = new ImpersonationAudit(db, clock);
    const services: GlueServices = {
      config,
      db,
      tokens,
      lockout,
      customerSearch,
      catalog: new Catalog(db),
      carts: new Carts(db, audit, clock),
      orders: new Orders(db),
      audit,
      impersonationSessions: new ImpersonationSessions(db),
    };
    const app = buildApp(services, log);
    return {
      app,
      db,
      config,
      close: () => {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Serves the stand-in on 127.0.0.1 (port 0 picks a free port). */
export async function startGlue(
  overrides: Partial<GlueConfig> = {},
  options: GlueOptions = {},
): Promise<RunningGlue> {
  const glue = await createGlue(overrides, options);
  const log = options.log ?? ((line: string) => console.error(line));
  const listener = getRequestListener(glue.app.fetch, {
    // Requests Node cannot even turn into a Request (bad Host, a backslash) still get JSON:API.
    errorHandler: (error) => {
      if (error instanceof RequestError) return errorResponse([Errors.badRequest]);
      log(`Glue stand-in: request failed: ${describeError(error)}`);
      return errorResponse([Errors.internal]);
    },
  });
  const server = createServer((incoming, outgoing) => void listener(incoming, outgoing));
  server.on('clientError', answerClientError);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(glue.config.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    glue.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    glue,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          glue.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
