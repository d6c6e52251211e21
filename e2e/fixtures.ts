import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
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
  consoleSettings: { requireReason?: boolean; idleMinutes?: number };
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
    await use(async (screen) => {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
      expect(summary, `axe violations on the ${screen} screen`).toEqual([]);
    });
  },

  signInAsAgent: async ({ page }, use) => {
    await use(async () => {
      await page.goto('/sign-in');
      const tokens = captureTokens(page, '/agent-access-tokens');
      await page.getByLabel('Username').fill(AGENT.username);
      await page.getByLabel('Password').fill(AGENT.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText(`Signed in as ${AGENT.username}`)).toBeVisible();
      return tokens;
    });
  },
});

/** A reason for access the tests give when they act as a customer. */
export const REASON = 'TICKET-4711 wrong delivery address';

/** Picks the customer in the search, gives the reason, and waits for the session banner. */
export async function actAs(page: Page, query: string, name: string, reason = REASON) {
  await page.getByRole('combobox', { name: 'Find a customer' }).fill(query);
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await giveReason(page, name, reason);
  await expect(page.getByRole('region', { name: 'Customer session' })).toContainText(name);
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

export { expect };
