import type { Page, Route } from '@playwright/test';
import { AGENT, expect, test } from './fixtures';
import { DE, EN, expectOnly, say } from './languages';

/** Holds the answer for one catalogue chunk until released, e.g. `de.rest`. */
async function hold(page: Page, chunk: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/assets/${chunk}-*.js`, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The catalogue chunks the page asks for, in order: `de.sign-in`, `de.rest`, … */
function watchCatalogues(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    const chunk = /\/assets\/([a-z]{2}\.(?:sign-in|rest))-[\w-]{8}\.js$/.exec(request.url());
    if (chunk) asked.push(chunk[1]!);
  });
  return asked;
}

/** Every message id the page ever shows, as text, attribute or title: each a word missing. */
async function watchForIds(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript((ids: string[]) => {
    const seen = new Set<string>();
    const look = () => {
      const html = document.documentElement.outerHTML;
      for (const id of ids) if (html.includes(id)) seen.add(id);
    };
    new MutationObserver(look).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    (window as unknown as { idsShown: () => string[] }).idsShown = () => [...seen];
  }, Object.keys(EN));
  return () => page.evaluate(() => (window as unknown as { idsShown: () => string[] }).idsShown());
}

/** Lets the page run for two frames: enough for a screen to show, had it not waited. */
const twoFrames = (page: Page) =>
  page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );

test.describe('the catalogue in two parts', () => {
  test.use({ locale: 'de-DE' });

  test('the sign-in screen needs its part only; the signed-in screens wait for the rest', async ({
    page,
  }) => {
    const asked = watchCatalogues(page);
    const idsShown = await watchForIds(page);
    const releaseRest = await hold(page, 'de.rest');

    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: say(DE, 'auth.signIn.heading') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
    // The rest is asked for once the sign-in part is active, while the agent signs in.
    await expect.poll(() => asked).toEqual(['de.sign-in', 'de.rest']);

    await page.getByLabel(say(DE, 'auth.signIn.username')).fill(AGENT.username);
    await page.getByLabel(say(DE, 'auth.signIn.password')).fill(AGENT.password);
    const shell = page.waitForResponse(/\/assets\/app-shell-[\w-]{8}\.js$/);
    await page.getByRole('button', { name: say(DE, 'auth.signIn.submit') }).click();
    await shell;
    await twoFrames(page);
    await expect(page.getByText(say(DE, 'shell.signOut'))).toHaveCount(0);

    releaseRest();
    await expect(
      page.getByText(say(DE, 'shell.signedInAs', { username: AGENT.username })),
    ).toBeVisible();
    await expectOnly(page, 'de', 'home');
    expect(await idsShown()).toEqual([]);
    expect(asked).toEqual(['de.sign-in', 'de.rest']);
  });

  test('past sign-in, a switch of language waits for both parts of the new one', async ({
    page,
  }) => {
    const asked = watchCatalogues(page);
    const idsShown = await watchForIds(page);
    await page.goto('/sign-in');
    await page.getByLabel(say(DE, 'auth.signIn.username')).fill(AGENT.username);
    await page.getByLabel(say(DE, 'auth.signIn.password')).fill(AGENT.password);
    await page.getByRole('button', { name: say(DE, 'auth.signIn.submit') }).click();
    await expect(page.getByRole('button', { name: say(DE, 'shell.signOut') })).toBeVisible();

    const releaseRest = await hold(page, 'en.rest');
    const signInPart = page.waitForResponse(/\/assets\/en\.sign-in-[\w-]{8}\.js$/);
    await page.getByRole('button', { name: 'English' }).click();
    await signInPart;
    await twoFrames(page);
    // Still all German, not half English: the switch waits for the rest.
    await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
    await expect(page.getByRole('button', { name: say(DE, 'shell.signOut') })).toBeVisible();

    releaseRest();
    await expect(page.getByRole('button', { name: say(EN, 'shell.signOut') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await expectOnly(page, 'en', 'home, after the switch');
    expect(await idsShown()).toEqual([]);
    expect(asked.slice(2).sort()).toEqual(['en.rest', 'en.sign-in']);
  });
});
