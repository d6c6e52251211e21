import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RequestError, getRequestListener } from '@hono/node-server';
import type Database from 'better-sqlite3';
import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CustomerAddresses } from './features/addresses/addresses';
import { registerAddresses } from './features/addresses/addresses.routes';
import { registerAgentAccessTokens } from './features/agents/agent-access-tokens.routes';
import { registerAgentCustomerImpersonationAccessTokens } from './features/agents/agent-customer-impersonation-access-tokens.routes';
import { registerAgentCustomerSearch } from './features/agents/agent-customer-search.routes';
import { registerAgentImpersonationSessionEvents } from './features/agents/agent-impersonation-session-events.routes';
import { registerAgentImpersonationSessions } from './features/agents/agent-impersonation-sessions.routes';
import { ImpersonationAudit } from './features/agents/audit';
import { CustomerSearch } from './features/agents/customer-search';
import { ImpersonationSessions } from './features/agents/impersonation-sessions';
import { Lockout } from './features/agents/lockout';
import { CartCodeStore, CartCodes } from './features/cart-codes/cart-codes';
import { registerCartCodes } from './features/cart-codes/cart-codes.routes';
import { Carts } from './features/carts/carts';
import { registerCarts } from './features/carts/carts.routes';
import { registerItems } from './features/carts/items.routes';
import { Checkout } from './features/checkout/checkout';
import { registerCheckout } from './features/checkout/checkout.routes';
import { registerCheckoutData } from './features/checkout/checkout-data.routes';
import { PaymentMethods } from './features/checkout/payment-methods';
import { ShipmentMethods } from './features/checkout/shipment-methods';
import { registerCustomerForgottenPassword } from './features/customers/customer-forgotten-password.routes';
import { registerCustomers } from './features/customers/customers.routes';
import { MailOutbox } from './features/mail/outbox';
import { registerAgentOutboxMails } from './features/mail/agent-outbox-mails.routes';
import { Orders } from './features/orders/orders';
import { registerOrders } from './features/orders/orders.routes';
import { registerAbstractProducts } from './features/products/abstract-products.routes';
import { Catalog } from './features/products/catalog';
import { registerCatalogSearchSuggestions } from './features/products/catalog-search-suggestions.routes';
import { registerConcreteProducts } from './features/products/concrete-products.routes';
import { Returns } from './features/returns/returns';
import { registerReturns } from './features/returns/returns.routes';
import { registerReturnReasons } from './features/returns/return-reasons.routes';
import { Stores } from './features/stores/stores';
import { registerStores } from './features/stores/stores.routes';
import { Wishlists } from './features/wishlists/wishlists';
import { registerWishlists } from './features/wishlists/wishlists.routes';
import { registerAccessTokens } from './features/tokens/access-tokens.routes';
import { registerRefreshTokens } from './features/tokens/refresh-tokens.routes';
import { defaultGlueConfig, normalizePublicUrl } from './platform/config';
import type { GlueConfig } from './platform/config';
import { openDatabase } from './platform/db';
import { Errors, GlueError } from './platform/errors';
import { STORE } from './platform/pricing';
import { errorResponse } from './platform/jsonapi';
import {
  answerClientError,
  contentLanguage,
  cors,
  describeError,
  isClientHangUp,
} from './platform/middleware';
import type { GlueServices } from './platform/services';
import { Tokens, loadOrCreateSigningKeys } from './platform/tokens';

export interface Glue {
  app: Hono;
  db: Database.Database;
  config: GlueConfig;
  /** The search the routes use: the bench clears its cache to time searches cold. */
  customerSearch: CustomerSearch;
  close(): void;
}

export interface RunningGlue {
  url: string;
  port: number;
  glue: Glue;
  close(): Promise<void>;
}

export interface GlueOptions {
  /**
   * Milliseconds since the epoch, like Date.now; tests move it to expire tokens and lockouts. A new
   * database's demo orders are dated relative to its day.
   */
  clock?: () => number;
  /** Where the one-line report of an unexpected error goes. */
  log?: (line: string) => void;
}

export const MAX_BODY_BYTES = 1024 * 1024;
function buildApp(services: GlueServices, log: (line: string) => void): Hono {
  // strict: false lets "/refresh-tokens/" reach the same route as "/refresh-tokens".
  const app = new Hono({ strict: false });
  app.use('*', cors(services.config.corsOrigins));
  app.use('*', contentLanguage(services.stores));
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
  registerAgentImpersonationSessionEvents(app, services);
  registerAgentOutboxMails(app, services);
  registerAccessTokens(app, services);
  registerRefreshTokens(app, services);
  registerCustomers(app, services);
  registerCustomerForgottenPassword(app, services);
  registerAddresses(app, services);
  registerCarts(app, services);
  registerItems(app, services);
  registerCartCodes(app, services);
  registerWishlists(app, services);
  registerOrders(app, services);
  registerCheckoutData(app, services);
  registerCheckout(app, services);
  registerCatalogSearchSuggestions(app, services);
  registerAbstractProducts(app, services);
  registerConcreteProducts(app, services);
  registerStores(app, services);
  registerReturnReasons(app, services);
  registerReturns(app, services);
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
  const db = await openDatabase(config.dbPath, {
    seedCustomers: config.seedCustomers,
    log,
    clock,
  });
  try {
    const keys = await loadOrCreateSigningKeys(db);
    const impersonationSessions = new ImpersonationSessions(db, clock);
    // Starting a session records the other open sessions of its customer on both sides.
    const tokens = new Tokens(db, keys, config, clock, {
      sessionStarted: (sessionId, now) => impersonationSessions.recordStart(sessionId, now),
    });
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
    const catalog = new Catalog(db);
    const cartCodeStore = new CartCodeStore(db);
    const carts = new Carts(db, audit, clock, cartCodeStore);
    const cartCodes = new CartCodes(db, { carts, store: cartCodeStore, audit, clock });
    const orders = new Orders(db, clock);
    const addresses = new CustomerAddresses(db, clock);
    const services: GlueServices = {
      config,
      db,
      tokens,
      lockout,
      customerSearch,
      catalog,
      carts,
      cartCodes,
      checkout: new Checkout(db, {
        carts,
        cartCodes,
        orders,
        audit,
        catalog,
        shipmentMethods: new ShipmentMethods(),
        paymentMethods: new PaymentMethods(),
        addresses,
      }),
      orders,
      audit,
      impersonationSessions,
      stores: new Stores(db, STORE),
      addresses,
      outbox: new MailOutbox(db, clock),
      returns: new Returns(db, orders, audit, clock),
      wishlists: new Wishlists(db, audit, clock),
    };
    const app = buildApp(services, log);
    return {
      app,
      db,
      config,
      customerSearch,
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
