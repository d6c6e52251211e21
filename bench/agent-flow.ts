/**
 * The agent's walk in a real browser (Playwright + Debian's Chromium) against a fresh stand-in
 * and the built console: sign in, find Bill Martin, act as him and see his carts, open a cart,
 * his orders, one order, his profile. Times each step and counts what the console sends to Glue
 * in it (the network settled after each), against the least it could send.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { getRequestListener } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright';
import { createGlue, type Glue } from '../server/glue';
import { startConsoleHost, type RunningConsoleHost } from '../scripts/console-host';
import {
  AGENT,
  BENCH_QUERY,
  BENCH_SKU,
  addItem,
  createCart,
  overHttp,
  signIn,
} from './glue-client';
import { median } from './stats';

const RUNS = 5;
const TYPING_RUNS = 3;
const KEY_DELAY_MS = 120;
const TYPED_QUERY = 'bill.marti';
const BILL = { name: 'Bill Martin', username: 'bill.martin@acme.com', password: 'change123' };
const CART_NAME = 'Bill’s bench cart';
/** Bill's cart holds several products, so a request per product name would show in the count. */
const CART_SKUS = [BENCH_SKU, '066_23294028', '155_30149933'];
// After a step's screen shows, the network counts as settled after this long without a request.
const QUIET_MS = 600;
const SETTLE_TIMEOUT_MS = 10_000;

export const STEPS = [
  'open console',
  'sign in',
  'search',
  'act as',
  'carts',
  'open a cart',
  'orders',
  'one order',
  'profile',
] as const;
export type Step = (typeof STEPS)[number];

/** The fewest Glue requests each step needs (issue 9: 7 in all; issue 14 asks who else acts as the customer: 8). */
export const LEAST: Record<Step, number> = {
  'open console': 0,
  'sign in': 1, // POST /agent-access-tokens
  search: 1, // one GET /agent-customer-search per settled query
  'act as': 2, // GET /agent-impersonation-sessions?…&open=true, POST /agent-customer-impersonation-access-tokens
  carts: 1, // GET /carts?include=items,concrete-products,gift-cards: items and product names in one
  'open a cart': 0, // the list already holds it
  orders: 1, // GET /orders?sort=-createdAt, a page
  'one order': 1, // GET /orders/{ref}
  profile: 1, // GET /customers/{ref}
};

export const TIMINGS = [
  'open console',
  'sign in',
  'search (typing included)',
  'search after the last key',
  'act as',
  'customer workspace',
  'open the cart',
  'orders',
  'one order',
  'profile',
  'load → cart open',
  'whole walk',
] as const;
export type Timing = (typeof TIMINGS)[number];

export interface StepRequests {
  /** Method and path of each request, in the order sent; preflights are not in it. */
  sent: string[];
  preflights: number;
}

export interface AgentFlow {
  runs: number;
  /** null when the stand-in had no POST /carts: the walk then skips opening a cart. */
  cart: { id: string; itemStatus: number } | null;
  cartSetup: string;
  /** Median milliseconds of each timing over the runs; waiting for the network is not in them. */
  medianMs: Record<Timing, number>;
  /** What each step sent in the run that sent the most (runs normally agree). */
  requests: Record<Step, StepRequests>;
  /** Request counts per step of every run, to see whether runs agreed. */
  countsPerRun: Record<Step, number>[];
  /** GET /agent-customer-search requests while typing a 10-letter query, per attempt. */
  typedSearches: number[];
}

interface Preflight {
  url: string;
  method: string;
}

/** The stand-in on a server that sees every request, CORS preflights included. */
async function startObservedGlue(
  corsOrigin: string,
): Promise<{ glue: Glue; url: string; preflights: Preflight[]; server: Server }> {
  const glue = await createGlue({ dbPath: ':memory:', corsOrigins: [corsOrigin] });
  const preflights: Preflight[] = [];
  const listener = getRequestListener(glue.app.fetch);
  // Chromium keeps preflights from Playwright's request events, so the socket counts them.
  const server = createServer((incoming, outgoing) => {
    const method = incoming.headers['access-control-request-method'];
    if (incoming.method === 'OPTIONS' && typeof method === 'string') {
      preflights.push({ url: incoming.url ?? '', method });
    }
    void listener(incoming, outgoing);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  }).catch((error: unknown) => {
    glue.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  return { glue, url: `http://127.0.0.1:${port}`, preflights, server };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

interface Sent {
  step: Step;
  method: string;
  /** Path and query as sent (encoded), to pair a preflight with its request. */
  url: string;
}

async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function signInAsAgent(page: Page): Promise<void> {
  await page.getByLabel('Username').fill(AGENT.username);
  await page.getByLabel('Password').fill(AGENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

interface Run {
  ms: Record<Timing, number>;
  sent: Sent[];
  preflightSteps: Step[];
}

/**
 * Resolves once no Glue request is under way and none has started for QUIET_MS: late requests
 * (a name per product, a count per order) then fall in the step that caused them.
 */
async function settle(page: Page, network: { inFlight: number; lastActivity: number }) {
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  while (network.inFlight > 0 || performance.now() - network.lastActivity < QUIET_MS) {
    if (performance.now() > deadline) throw new Error('the network did not settle');
    await page.waitForTimeout(50);
  }
}

async function runFlow(
  browser: Browser,
  hostUrl: string,
  glueOrigin: string,
  preflights: Preflight[],
  withCart: boolean,
): Promise<Run> {
  const page = await newPage(browser, hostUrl);
  try {
    preflights.length = 0;
    const sent: Sent[] = [];
    const network = { inFlight: 0, lastActivity: performance.now() };
    let step: Step = 'open console';
    const isGlue = (url: URL, method: string) => url.origin === glueOrigin && method !== 'OPTIONS';
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!isGlue(url, request.method())) return;
      sent.push({ step, method: request.method(), url: url.pathname + url.search });
      network.inFlight++;
      network.lastActivity = performance.now();
    });
    const finished = (request: { url(): string; method(): string }) => {
      const url = new URL(request.url());
      if (!isGlue(url, request.method())) return;
      network.inFlight--;
      network.lastActivity = performance.now();
      // Whatever the console sends once it holds Bill's token is part of showing his carts.
      if (url.pathname === '/agent-customer-impersonation-access-tokens') step = 'carts';
    };
    page.on('requestfinished', finished);
    page.on('requestfailed', finished);

    const t0 = performance.now();
    await page.goto('/sign-in');
    await page.getByLabel('Username').waitFor();
    const tLoaded = performance.now();
    await settle(page, network);

    await page.getByLabel('Username').fill(AGENT.username);
    await page.getByLabel('Password').fill(AGENT.password);
    step = 'sign in';
    const tSignIn = performance.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const tSignedIn = performance.now();
    await settle(page, network);

    step = 'search';
    const tSearch = performance.now();
    await page
      .getByRole('combobox', { name: 'Find a customer' })
      .pressSequentially(BENCH_QUERY, { delay: KEY_DELAY_MS });
    const tTyped = performance.now();
    const option = page.getByRole('option', { name: new RegExp(BILL.name) });
    await option.waitFor();
    const tFound = performance.now();
    await settle(page, network);

    step = 'act as';
    await option.click();
    // The reason is the agent's typing, not the console's work: the timing starts at its submit.
    const reasonForm = page.getByRole('form', { name: `Act as ${BILL.name}` });
    await reasonForm.getByLabel('Reason').fill('BENCH-1 agent flow');
    const tActAs = performance.now();
    await reasonForm.getByRole('button', { name: `Act as ${BILL.name}` }).click();
    await page
      .getByRole('region', { name: 'Customer session' })
      .filter({ hasText: BILL.name })
      .waitFor();
    const tBanner = performance.now();

    const carts = page.getByRole('region', { name: 'Carts' });
    const link = carts.getByRole('link', { name: CART_NAME });
    if (withCart) await link.waitFor();
    // No carts endpoint: the workspace is done once the panel stops loading, whatever it says.
    else await carts.getByText(/No carts yet|could not be loaded/).waitFor();
    const tWorkspace = performance.now();
    await settle(page, network);

    step = 'open a cart';
    const tOpen = performance.now();
    if (withCart) {
      await link.click();
      await page.getByRole('heading', { level: 1, name: CART_NAME }).waitFor();
    }
    const tCart = performance.now();
    await settle(page, network);

    step = 'orders';
    const tOrders = performance.now();
    await page.keyboard.press('o');
    const firstOrder = page.getByRole('region', { name: 'Orders' }).getByRole('link').first();
    await firstOrder.waitFor();
    const tOrdersShown = performance.now();
    await settle(page, network);

    step = 'one order';
    const orderReference = (await firstOrder.textContent()) ?? '';
    const tOrder = performance.now();
    await firstOrder.click();
    await page.getByRole('heading', { level: 1, name: `Order ${orderReference}` }).waitFor();
    await page.locator('dl[aria-label="Order totals"]').waitFor();
    const tOrderShown = performance.now();
    await settle(page, network);

    step = 'profile';
    const tProfile = performance.now();
    await page.keyboard.press('p');
    await page.getByRole('region', { name: 'Profile' }).getByText(BILL.username).waitFor();
    const tProfileShown = performance.now();
    await settle(page, network);

    // A preflight belongs to the step of the request it cleared the way for.
    const unpaired = [...sent];
    const preflightSteps = preflights.map(({ url, method }) => {
      const index = unpaired.findIndex((s) => s.url === url && s.method === method);
      return index === -1 ? step : unpaired.splice(index, 1)[0]!.step;
    });
    const toCart =
      tLoaded -
      t0 +
      (tSignedIn - tSignIn) +
      (tFound - tSearch) +
      (tWorkspace - tActAs) +
      (tCart - tOpen);
    return {
      ms: {
        'open console': tLoaded - t0,
        'sign in': tSignedIn - tSignIn,
        'search (typing included)': tFound - tSearch,
        'search after the last key': tFound - tTyped,
        'act as': tBanner - tActAs,
        'customer workspace': tWorkspace - tBanner,
        'open the cart': tCart - tOpen,
        orders: tOrdersShown - tOrders,
        'one order': tOrderShown - tOrder,
        profile: tProfileShown - tProfile,
        'load → cart open': toCart,
        'whole walk':
          toCart + (tOrdersShown - tOrders) + (tOrderShown - tOrder) + (tProfileShown - tProfile),
      },
      sent,
      preflightSteps,
    };
  } finally {
    await page.context().close();
  }
}

/** GET /agent-customer-search requests while an agent types a ten-letter query at typing speed. */
async function countTypedSearches(
  browser: Browser,
  hostUrl: string,
  glueOrigin: string,
): Promise<number> {
  const page = await newPage(browser, hostUrl);
  try {
    await page.goto('/sign-in');
    await signInAsAgent(page);
    let searches = 0;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === glueOrigin && url.pathname === '/agent-customer-search') searches++;
    });
    await page
      .getByRole('combobox', { name: 'Find a customer' })
      .pressSequentially(TYPED_QUERY, { delay: KEY_DELAY_MS });
    await page.getByRole('option', { name: new RegExp(BILL.name) }).waitFor();
    await page.waitForTimeout(QUIET_MS);
    return searches;
  } finally {
    await page.context().close();
  }
}

/** Gives Bill a cart (with one item) through Glue itself; null when POST /carts is missing. */
async function giveBillACart(glueUrl: string): Promise<{ cart: AgentFlow['cart']; setup: string }> {
  const send = overHttp(glueUrl);
  const token = await signIn(send, 'customer', BILL.username, BILL.password);
  const created = await createCart(send, token, CART_NAME);
  if (created.status === 404) {
    return { cart: null, setup: 'POST /carts answered 404: the cart step is skipped' };
  }
  if (created.id === null) throw new Error(`POST /carts for Bill answered ${created.status}`);
  const statuses: number[] = [];
  for (const sku of CART_SKUS) statuses.push(await addItem(send, token, created.id, sku, 1));
  const itemStatus = statuses.find((status) => status !== 201) ?? 201;
  return {
    cart: { id: created.id, itemStatus },
    setup:
      itemStatus === 201
        ? `cart “${CART_NAME}” with 1 × each of ${CART_SKUS.join(', ')}`
        : `cart “${CART_NAME}”, not filled (POST /carts/{id}/items answered ${itemStatus})`,
  };
}

export async function measureAgentFlow(distDir: string): Promise<AgentFlow> {
  let glueUrl = '';
  const host: RunningConsoleHost = await startConsoleHost({
    distDir,
    port: 0,
    glueBaseUrl: () => glueUrl,
  });
  let observed: Awaited<ReturnType<typeof startObservedGlue>> | null = null;
  let browser: Browser | null = null;
  try {
    observed = await startObservedGlue(host.url);
    glueUrl = observed.url;
    const { cart, setup } = await giveBillACart(glueUrl);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
      ],
    });
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await runFlow(browser, host.url, glueUrl, observed.preflights, cart !== null));
    }
    const typedSearches: number[] = [];
    for (let i = 0; i < TYPING_RUNS; i++) {
      typedSearches.push(await countTypedSearches(browser, host.url, glueUrl));
    }

    const countsPerRun = runs.map(
      (run) =>
        Object.fromEntries(
          STEPS.map((s) => [s, run.sent.filter((sent) => sent.step === s).length]),
        ) as Record<Step, number>,
    );
    const requests = Object.fromEntries(
      STEPS.map((s) => {
        // The run that sent the most in this step: the worst case is what the table shows.
        const worst = runs.reduce((a, b) =>
          b.sent.filter((x) => x.step === s).length > a.sent.filter((x) => x.step === s).length
            ? b
            : a,
        );
        const stepRequests: StepRequests = {
          sent: worst.sent
            .filter((x) => x.step === s)
            .map((x) => `${x.method} ${decodeURIComponent(x.url)}`),
          preflights: worst.preflightSteps.filter((p) => p === s).length,
        };
        return [s, stepRequests];
      }),
    ) as Record<Step, StepRequests>;
    const medianMs = Object.fromEntries(
      TIMINGS.map((t) => [t, median(runs.map((run) => run.ms[t]))]),
    ) as Record<Timing, number>;
    return {
      runs: RUNS,
      cart,
      cartSetup: setup,
      medianMs,
      requests,
      countsPerRun,
      typedSearches,
    };
  } finally {
    await browser?.close();
    if (observed !== null) {
      await closeServer(observed.server);
      observed.glue.close();
    }
    await host.close();
  }
}
