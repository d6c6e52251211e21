import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type Request } from '@playwright/test';
import type { GlueConfig } from '../server/platform/config';
import { startGlue, type RunningGlue } from '../server/glue';
import { startConsoleHost } from '../scripts/console-host';

export const AGENT = { username: 'admin@spryker.com', password: 'change123' };

interface Fixtures {
  /** The built console, served as `npm start` serves it, with its security headers. */
  consoleHost: {
    url: string;
    target: { glueBaseUrl: string; refreshTokenLifetimeSeconds: number };
  };
  /** Stand-in settings for one test, e.g. `test.use({ glueConfig: { accessTokenTtl: 4 } })`. */
  glueConfig: Partial<GlueConfig>;
  /** The console's settings for one test, e.g. `test.use({ consoleSettings: { idleMinutes: 0.1 } })`. */
  consoleSettings: {
    requireReason?: boolean;
    idleMinutes?: number;
    store?: string;
    priceMode?: 'GROSS_MODE' | 'NET_MODE';
    startMode?: 'view' | 'change';
  };
  /** A fresh stand-in with an in-memory database, for this test alone. */
  glue: RunningGlue;
  /** Fails the test on an uncaught page error or a Content-Security-Policy violation. */
  pageHealth: void;
  /** Runs axe (WCAG 2.1 A and AA) on the screen as it is now. */
  expectAccessible: (screen: string) => Promise<void>;
  signInAsAgent: () => Promise<{ accessToken: string; refreshToken: string }>;
}

export const test = base.extend<Fixtures>({
  glueConfig: [{}, { option: true }],
  consoleSettings: [{}, { option: true }],

  consoleHost: async ({ consoleSettings }, use) => {
    const target = { glueBaseUrl: '', refreshTokenLifetimeSeconds: 0 };
    const host = await startConsoleHost({
      distDir: 'dist',
      port: 0,
      glueBaseUrl: () => target.glueBaseUrl,
      // The console is told the stand-in's refresh-token lifetime, as `npm start` tells it.
      settings: () => ({
        ...consoleSettings,
        refreshTokenLifetimeSeconds: target.refreshTokenLifetimeSeconds,
      }),
    });
    await use({ url: host.url, target });
    await host.close();
  },

  glue: async ({ glueConfig, consoleHost }, use) => {
    const glue = await startGlue({
      port: 0,
      dbPath: ':memory:',
      corsOrigins: [consoleHost.url],
      ...glueConfig,
    });
    consoleHost.target.glueBaseUrl = glue.url;
    consoleHost.target.refreshTokenLifetimeSeconds = glue.glue.config.refreshTokenTtl;
    await use(glue);
    await glue.close();
  },

  // Each test's console host points at that test's own stand-in.
  baseURL: async ({ consoleHost, glue }, use) => {
    void glue;
    await use(consoleHost.url);
  },

  pageHealth: [
    async ({ page }, use) => {
      const problems: string[] = [];
      // Report every CSP (and Trusted Types) violation the page meets, whatever its source.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.text().startsWith('CSP violation')) problems.push(message.text());
      });
      await use();
      expect(problems, 'page errors and CSP violations').toEqual([]);
    },
    { auto: true },
  ],

  expectAccessible: async ({ page }, use) => {
    await use((screen) => expectAccessibleOn(page, screen));
  },

  signInAsAgent: async ({ page }, use) => {
    await use(() => signInAs(page));
  },
});

/** Runs axe (WCAG 2.1 A and AA) on this page's screen as it is now. */
export async function expectAccessibleOn(page: Page, screen: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(summary, `axe violations on the ${screen} screen`).toEqual([]);
}

/** Signs the agent in on this page, as an agent does; answers the tokens Glue gave. */
export async function signInAs(page: Page) {
  await page.goto('/sign-in');
  const tokens = captureTokens(page, '/agent-access-tokens');
  await page.getByLabel('Username').fill(AGENT.username);
  await page.getByLabel('Password').fill(AGENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${AGENT.username}`)).toBeVisible();
  return tokens;
}

/** A reason for access the tests give when they act as a customer. */
export const REASON = 'TICKET-4711 wrong delivery address';

/**
 * Picks the customer in the search, gives the reason, and waits for the session banner; then,
 * unless `mode` is view, chooses Make changes (a session starts in view mode, CONSOLE_START_MODE).
 */
export async function actAs(
  page: Page,
  query: string,
  name: string,
  reason = REASON,
  mode: 'view' | 'change' = 'change',
) {
  await page.getByRole('combobox', { name: 'Find a customer' }).fill(query);
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await giveReason(page, name, reason);
  await expect(page.getByRole('region', { name: 'Customer session' })).toContainText(name);
  // The banner shows a render before the console moves to the customer's screens: wait for them,
  // or a quick next click lands on the home screen that is still up (it kept its chosen customer).
  await expect(page).toHaveURL(/\/customers\/[^/]+/);
  if (mode === 'change') await makeChanges(page, name);
}

/** Switches the session to change mode through the banner, confirming the question. */
export async function makeChanges(page: Page, name: string) {
  const banner = page.getByRole('region', { name: 'Customer session' });
  await banner.getByRole('button', { name: 'Make changes' }).click();
  await page
    .getByRole('dialog', { name: `Make changes in ${name}’s account?` })
    .getByRole('button', { name: 'Make changes' })
    .click();
  await expect(banner).toContainText(`Change mode: what you do changes ${name}’s account`);
}

/** Opens the profile's assisted sessions and the one given `reason`: its changes, as listed. */
export async function assistedChanges(page: Page, reason = REASON) {
  await page
    .getByRole('navigation', { name: 'Customer' })
    .getByRole('link', { name: 'Profile' })
    .click();
  const assisted = page.getByRole('region', { name: 'Assisted sessions' });
  await assisted.getByRole('button', { name: 'Show assisted sessions' }).click();
  const session = assisted.getByRole('listitem').filter({ hasText: reason });
  await session.getByText(reason).click();
  return session.getByRole('listitem');
}

/** Fills in the reason for acting as `name` and starts the session. */
export async function giveReason(page: Page, name: string, reason = REASON) {
  const form = page.getByRole('form', { name: `Act as ${name}` });
  await form.getByLabel('Reason').fill(reason);
  await form.getByRole('button', { name: `Act as ${name}` }).click();
}

/** The tokens Glue hands the console in the next answer from `path`, read off the wire. */
export async function captureTokens(page: Page, path: string) {
  const response = await page.waitForResponse(
    (r) => new URL(r.url()).pathname === path && r.request().method() === 'POST',
  );
  const body = (await response.json()) as {
    data: { attributes: { accessToken: string; refreshToken: string } };
  };
  const { accessToken, refreshToken } = body.data.attributes;
  return { accessToken, refreshToken };
}

/** Sonia Wagner's own account, outside the console: GET with her own token. */
export async function asSonia(glueUrl: string) {
  const login = await fetch(`${glueUrl}/access-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.api+json' },
    body: JSON.stringify({
      data: {
        type: 'access-tokens',
        attributes: { username: 'sonia@acme.com', password: 'change123' },
      },
    }),
  });
  const token = ((await login.json()) as { data: { attributes: { accessToken: string } } }).data
    .attributes.accessToken;
  const send = async (path: string, body?: unknown) =>
    (await (
      await fetch(`${glueUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/vnd.api+json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    ).json()) as {
      data: { id: string; attributes: Record<string, unknown> } & { length?: number };
    };
  return Object.assign((path: string) => send(path), { post: send });
}

export { expect };

// After a step's screen shows, the network counts as settled after this long without a request.
const QUIET_MS = 500;

/** One request the page sent to Glue: "GET /orders?…" (decoded), and what it carried. */
export interface SentRequest {
  line: string;
  path: string;
  body: unknown;
}

/**
 * Every request the page sends to Glue, by the step it was sent in (`begin` names the step).
 * CORS preflights are left out: the browser sends them on its own, not the console (Chromium
 * does not even report them to Playwright; the OPTIONS check keeps them out should it ever).
 */
export function watchGlueRequests<Step extends string>(page: Page, glueUrl: string) {
  const glueOrigin = new URL(glueUrl).origin;
  let step: Step | null = null;
  const sent = new Map<Step, SentRequest[]>();
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  const done = (request: Request) => {
    if (inFlight.delete(request)) lastActivity = Date.now();
  };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== glueOrigin || request.method() === 'OPTIONS') return;
    if (step === null) throw new Error(`A Glue request before the first step: ${request.url()}`);
    const path = decodeURIComponent(url.pathname + url.search);
    const body: unknown = request.postData() === null ? null : request.postDataJSON();
    sent.set(step, [
      ...(sent.get(step) ?? []),
      { line: `${request.method()} ${path}`, path, body },
    ]);
    inFlight.add(request);
    lastActivity = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    begin(next: Step) {
      step = next;
    },
    /** Waits until no Glue request is under way and none has started for QUIET_MS. */
    async settle() {
      await expect
        .poll(() => inFlight.size === 0 && Date.now() - lastActivity >= QUIET_MS, {
          message: 'the network settles',
          intervals: [100],
        })
        .toBe(true);
    },
    sent: (which: Step): SentRequest[] => sent.get(which) ?? [],
    all: (): SentRequest[] => [...sent.values()].flat(),
    /** Every step's requests, for a failure message. */
    describe: () =>
      JSON.stringify(
        Object.fromEntries(
          [...sent].map(([name, requests]) => [name, requests.map((r) => r.line)]),
        ),
        null,
        2,
      ),
  };
}
