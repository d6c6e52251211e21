import type { Page } from '@playwright/test';
import { actAs, expect, giveReason, test } from './fixtures';

const picker = (page: Page) => page.getByRole('combobox', { name: 'Find a customer' });
const banner = (page: Page) => page.getByRole('region', { name: 'Customer session' });
const searchUrl = (url: URL) => url.pathname === '/agent-customer-search';

const actAsSonia = (page: Page) => actAs(page, 'sonia', 'Sonia Wagner');

test('when Glue stops answering, the agent is told, keeps what is on screen, and goes on once it is back', async ({
  page,
  glue,
  signInAsAgent,
}) => {
  await signInAsAgent();
  await page.route(searchUrl, (route) => route.abort('connectionrefused'));
  await picker(page).fill('maggie');
  // React Query tries twice more before it gives up: the agent sees "Searching…" meanwhile.
  await expect(page.getByText('Searching…')).toBeVisible();
  await expect(
    page.getByText(
      `The search failed: Glue could not be reached at ${glue.url}/agent-customer-search`,
    ),
  ).toBeVisible({
    timeout: 10_000,
  });
  await expect(picker(page)).toHaveValue('maggie');

  await page.unroute(searchUrl);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('option', { name: /Maggie May/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});

test('a 500 from Glue reads with its detail, and the session stays', async ({
  page,
  signInAsAgent,
}) => {
  await signInAsAgent();
  await actAsSonia(page);
  await banner(page).getByRole('button', { name: 'End session' }).click();
  await page.route(searchUrl, (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/vnd.api+json',
      body: JSON.stringify({ errors: [{ status: 500, detail: 'Internal Server Error' }] }),
    }),
  );
  await picker(page).fill('bill');
  await expect(
    page.getByText('The search failed: Glue failed to answer the request (HTTP 500).'),
  ).toBeVisible({ timeout: 10_000 });
  await page.getByText('What Glue said').click();
  await expect(page.getByText('Internal Server Error')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.unroute(searchUrl);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('option', { name: /Bill Martin/ })).toBeVisible();
});

test('a slow Glue shows that work is under way, then the answer', async ({
  page,
  signInAsAgent,
}) => {
  await signInAsAgent();
  await page.route(searchUrl, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await picker(page).fill('wagner');
  await expect(page.getByText('Searching…')).toBeVisible();
  await expect(page.getByRole('option', { name: /Sonia Wagner/ })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('1 customer found.')).toBeVisible();
});

test('starting a session while Glue is down says so, and the agent can try again', async ({
  page,
  signInAsAgent,
}) => {
  await signInAsAgent();
  const impersonation = (url: URL) =>
    url.pathname === '/agent-customer-impersonation-access-tokens';
  await page.route(impersonation, (route) => route.abort('connectionrefused'));
  await picker(page).fill('sonia');
  await page.getByRole('option', { name: /Sonia Wagner/ }).click();
  await giveReason(page, 'Sonia Wagner');
  await expect(page.getByRole('alert')).toContainText(
    'Could not start acting as Sonia Wagner (DE--21).',
  );
  await expect(banner(page)).toHaveCount(0);
  await page.unroute(impersonation);
  // The reason stays as typed: trying again is one press.
  await page.getByRole('button', { name: 'Act as Sonia Wagner' }).click();
  await expect(banner(page)).toContainText('Sonia Wagner');
});

test('a cart change while Glue is down fails visibly, keeps the cart on screen, and works once Glue is back', async ({
  page,
  signInAsAgent,
}) => {
  await signInAsAgent();
  await actAsSonia(page);
  await page.getByLabel('New cart').fill('Fault cart');
  await page.getByRole('button', { name: 'Create cart' }).click();
  await page.getByRole('link', { name: 'Fault cart' }).click();
  await page.getByRole('combobox', { name: 'Find a product' }).fill('005_30663301');
  await page.getByRole('option', { name: 'Look up SKU “005_30663301”' }).click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  const row = page.getByRole('row', { name: /Canon IXUS 175/ });
  await expect(row).toBeVisible();

  const items = (url: URL) => url.pathname.includes('/items');
  await page.route(items, (route) => route.abort('connectionrefused'));
  await row.getByLabel('Quantity of Canon IXUS 175').fill('4');
  await row.getByRole('button', { name: 'Update quantity of Canon IXUS 175' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Changing the quantity of Canon IXUS 175 to 4 failed. Glue could not be reached',
  );
  // The cart is still there, as the shop holds it: quantity 1.
  await expect(row.getByLabel('Quantity of Canon IXUS 175')).toHaveValue('1');
  await expect(
    page.getByRole('complementary', { name: 'Session activity' }).getByRole('listitem').last(),
  ).toContainText('failed');

  await page.unroute(items);
  await row.getByLabel('Quantity of Canon IXUS 175').fill('4');
  await row.getByRole('button', { name: 'Update quantity of Canon IXUS 175' }).click();
  await expect(row.getByLabel('Quantity of Canon IXUS 175')).toHaveValue('4');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
