import type { Page } from '@playwright/test';
import { AGENT, REASON, captureTokens, expect, giveReason, test } from './fixtures';

const picker = (page: Page) => page.getByRole('combobox', { name: 'Find a customer' });
const banner = (page: Page) => page.getByRole('region', { name: 'Customer session' });

async function searchFor(page: Page, text: string) {
  await picker(page).fill(text);
  await expect(
    page.getByRole('status').filter({ hasText: /customers? (found|shown)|No customer/ }),
  ).toBeVisible();
}

test('the agent finds customers by e-mail, first name, part of a last name and reference', async ({
  page,
  signInAsAgent,
  expectAccessible,
}) => {
  await signInAsAgent();
  await expect(picker(page)).toBeFocused();
  await expectAccessible('find a customer');

  await searchFor(page, 'sonia@acme');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option')).toContainText(['Sonia Wagner']);
  await expect(page.getByRole('option').first()).toContainText('sonia@acme.com');
  await expect(page.getByRole('option').first()).toContainText('DE--21');
  await expectAccessible('customer results');

  await searchFor(page, 'maggie');
  await expect(page.getByRole('option')).toHaveText([/Maggie May.*maggie\.may@acme\.com.*DE--3/]);

  await searchFor(page, 'mar');
  await expect(page.getByRole('option', { name: /Bill Martin/ })).toBeVisible();

  await searchFor(page, 'DE--21');
  await expect(page.getByRole('option')).toHaveText([/Sonia Wagner/]);

  await searchFor(page, 'nobody-like-this');
  await expect(page.getByText('No customer matches “nobody-like-this”.')).toBeVisible();
  await expect(page.getByRole('option')).toHaveCount(0);
});

test('typing sends one search per pause, not one per keystroke', async ({
  page,
  signInAsAgent,
}) => {
  await signInAsAgent();
  const searches: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/agent-customer-search')) searches.push(request.url());
  });
  // The page's timers run only when the test says: a slow runner cannot stretch a 40 ms gap
  // between keys past the picker's 250 ms pause, so the count depends on the debounce alone.
  await page.clock.install();
  // Installed, the clock still flows with real time; paused, it moves only by runFor.
  await page.clock.pauseAt(Date.now() + 1000);
  await picker(page).pressSequentially('martin', { delay: 40 });
  await page.clock.runFor(249);
  expect(searches).toHaveLength(0);
  await page.clock.runFor(1);
  // The answer renders through timers of its own (React Query batches with setTimeout).
  await page.clock.resume();
  await expect(page.getByRole('option', { name: /Bill Martin/ })).toBeVisible();
  expect(searches).toHaveLength(1);
  expect(new URL(searches[0]!).searchParams.get('q')).toBe('martin');
});

test('more results than fit are one option away', async ({ page, signInAsAgent }) => {
  await signInAsAgent();
  await searchFor(page, 'acme.com');
  await expect(page.getByRole('option', { name: /@acme\.com/ })).toHaveCount(10);
  await expect(page.getByText('10 customers shown, more available.')).toBeVisible();
  await page.getByRole('option', { name: 'Show more customers' }).click();
  await expect(page.getByText('15 customers found.')).toBeVisible();
  await expect(page.getByRole('option', { name: /@acme\.com/ })).toHaveCount(15);
  await expect(page.getByRole('option', { name: 'Show more customers' })).toHaveCount(0);
});

test('by keyboard alone: find Bill Martin by typing "mar", act as him, end the session', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  await signInAsAgent();
  // The home screen loads lazily: type only once the picker has taken the focus.
  await expect(picker(page)).toBeFocused();
  await page.keyboard.type('mar');
  const bill = page.getByRole('option', { name: /Bill Martin/ });
  await expect(bill).toBeVisible();
  // Arrow down until Bill Martin is the active option, then Enter.
  for (
    let step = 0;
    step < 10 && (await bill.getAttribute('aria-selected')) !== 'true';
    step += 1
  ) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(bill).toHaveAttribute('aria-selected', 'true');
  const issued = captureTokens(page, '/agent-customer-impersonation-access-tokens');
  await page.keyboard.press('Enter');
  // The reason comes first, typed into the field that now has the focus.
  await expect(page.getByLabel('Reason for access')).toBeFocused();
  await page.keyboard.type(REASON);
  await page.keyboard.press('Enter');
  const { refreshToken } = await issued;

  await expect(banner(page)).toContainText('Acting as');
  await expect(banner(page)).toContainText('Bill Martin');
  await expect(banner(page)).toContainText('bill.martin@acme.com');
  await expect(banner(page)).toContainText('DE--4');
  await expect(banner(page)).toContainText(/Ends in \d+:\d\d without activity/);
  await expect(page).toHaveURL(/\/customers\/DE--4$/);
  await expect(
    page.getByText('You are now acting as Bill Martin, bill.martin@acme.com, customer DE--4.'),
  ).toBeAttached();
  await expectAccessible('acting as a customer');

  // Tab to "End session" and press Enter.
  const end = banner(page).getByRole('button', { name: 'End session' });
  for (
    let step = 0;
    step < 15 && !(await end.evaluate((el) => el === document.activeElement));
    step += 1
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(end).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(banner(page)).toHaveCount(0);
  await expect(page.getByText('Your session as Bill Martin has ended.')).toBeVisible();
  // Only the agent's own record of the session names him now: its recap and the recent list.
  await expect(
    page.getByRole('region', { name: 'Recap: your session as Bill Martin' }),
  ).toBeVisible();
  expect(await textOutside(page, ['Recap: your session', 'Recent customers'])).not.toContain(
    'bill.martin@acme.com',
  );
  await expect(page).toHaveURL(/\/$/);
  await expectAccessible('session ended');
  await expectRefreshRefused(glue.url, refreshToken);
});

test('by mouse: act as a customer and end the session', async ({ page, signInAsAgent }) => {
  await signInAsAgent();
  await searchFor(page, 'mar');
  await page.getByRole('option', { name: /Bill Martin/ }).click();
  await giveReason(page, 'Bill Martin');
  await expect(banner(page)).toContainText('Bill Martin');
  await banner(page).getByRole('button', { name: 'End session' }).click();
  await expect(banner(page)).toHaveCount(0);
  await expect(picker(page)).toBeVisible();
});

test('switching customer asks first, and shows nothing of the first customer afterwards', async ({
  page,
  signInAsAgent,
  expectAccessible,
}) => {
  await signInAsAgent();
  await searchFor(page, 'bill.martin');
  await page.getByRole('option', { name: /Bill Martin/ }).click();
  await giveReason(page, 'Bill Martin');
  await expect(banner(page)).toContainText('Bill Martin');

  await banner(page).getByRole('button', { name: 'Switch customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Switch customer?' });
  await expect(dialog).toBeVisible();
  await expectAccessible('switch confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(banner(page)).toContainText('Bill Martin');

  await banner(page).getByRole('button', { name: 'Switch customer' }).click();
  await dialog.getByRole('button', { name: 'End session and switch' }).click();
  await expect(banner(page)).toHaveCount(0);
  await searchFor(page, 'sonia');
  await page.getByRole('option', { name: /Sonia Wagner/ }).click();
  await giveReason(page, 'Sonia Wagner');
  await expect(banner(page)).toContainText('Sonia Wagner');
  await expect(banner(page)).toContainText('DE--21');
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('Bill');
  expect(text).not.toContain('bill.martin@acme.com');
  expect(text).not.toContain('DE--4');
});

test('a deep link lands on the customer, ready to act as them, after signing in', async ({
  page,
  expectAccessible,
}) => {
  await page.goto('/customers/DE--21');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Username').fill(AGENT.username);
  await page.getByLabel('Password').fill(AGENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/customers\/DE--21$/);
  await expect(page.getByLabel('Reason for access')).toBeFocused();
  await expect(page.getByText('sonia@acme.com')).toBeVisible();
  await expectAccessible('customer ready to act as');
  await page.keyboard.type(REASON);
  await page.keyboard.press('Enter');
  await expect(banner(page)).toContainText('Sonia Wagner');
});

test('a deep link to an unknown reference says so', async ({ page, signInAsAgent }) => {
  await signInAsAgent();
  await page.goto('/customers/DE--999');
  // The page load above dropped the in-memory session: sign in again, then land on the link.
  await page.getByLabel('Username').fill(AGENT.username);
  await page.getByLabel('Password').fill(AGENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('No customer has the reference DE--999.')).toBeVisible();
});

test('no token reaches browser storage while acting as a customer', async ({
  page,
  context,
  signInAsAgent,
}) => {
  const agentTokens = await signInAsAgent();
  const issued = captureTokens(page, '/agent-customer-impersonation-access-tokens');
  await searchFor(page, 'sonia');
  await page.getByRole('option', { name: /Sonia Wagner/ }).click();
  await giveReason(page, 'Sonia Wagner');
  const customerTokens = await issued;
  await expect(banner(page)).toBeVisible();

  const stored = await page.evaluate(() =>
    JSON.stringify([
      { ...localStorage },
      { ...sessionStorage },
      document.cookie,
      location.href,
      history.state,
    ]),
  );
  const cookies = JSON.stringify(await context.cookies());
  for (const token of [...Object.values(agentTokens), ...Object.values(customerTokens)]) {
    expect(stored).not.toContain(token);
    expect(cookies).not.toContain(token);
  }
});

test('reloading while acting as a customer warns first, then explains the sign-in screen', async ({
  page,
  signInAsAgent,
}) => {
  await signInAsAgent();
  await searchFor(page, 'sonia');
  await page.getByRole('option', { name: /Sonia Wagner/ }).click();
  await giveReason(page, 'Sonia Wagner');
  await expect(banner(page)).toBeVisible();

  const warned = new Promise<string>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.accept();
    });
  });
  await page.reload();
  expect(await warned).toBe('beforeunload');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('status')).toHaveText(
    'The page was reloaded, which ends every session: the console keeps its tokens in memory only. Sign in again to go on.',
  );
});

test.describe('short token lifetimes', () => {
  test.use({ glueConfig: { accessTokenTtl: 4 } });

  test('the sessions keep working past the token lifetime without an error on screen', async ({
    page,
    signInAsAgent,
  }) => {
    const refreshes: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/refresh-tokens')) refreshes.push(response.status());
    });
    await signInAsAgent();
    await searchFor(page, 'sonia');
    await page.getByRole('option', { name: /Sonia Wagner/ }).click();
    await giveReason(page, 'Sonia Wagner');
    await expect(banner(page)).toContainText('Sonia Wagner');
    // Past two lifetimes of both tokens: each was renewed at least twice.
    await expect.poll(() => refreshes.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    expect(refreshes.every((status) => status === 201)).toBe(true);
    await expect(banner(page)).toContainText('Sonia Wagner');
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The agent's renewed token still searches.
    await banner(page).getByRole('button', { name: 'End session' }).click();
    await searchFor(page, 'maggie');
    await expect(page.getByRole('option', { name: /Maggie May/ })).toBeVisible();
  });
});

async function expectRefreshRefused(glueUrl: string, refreshToken: string) {
  const response = await fetch(`${glueUrl}/refresh-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.api+json' },
    body: JSON.stringify({ data: { type: 'refresh-tokens', attributes: { refreshToken } } }),
  });
  expect(response.status).toBe(401);
}

/** The page's text without the regions named (by their headings). */
async function textOutside(page: Page, regions: string[]): Promise<string> {
  return page.evaluate((names) => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const section of body.querySelectorAll('section')) {
      const heading = section.querySelector('h1, h2')?.textContent ?? '';
      if (names.some((name) => heading.startsWith(name))) section.remove();
    }
    return body.innerText || body.textContent || '';
  }, regions);
}
