import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { AGENT, REASON, actAs, expect, giveReason, makeChanges, test } from './fixtures';

const banner = (page: Page) => page.getByRole('region', { name: 'Customer session' });
const CANON = { sku: '005_30663301', name: 'Canon IXUS 175' };
const UTC = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC`;

async function addBySku(page: Page, product: { sku: string; name: string }, quantity: number) {
  await page.getByRole('combobox', { name: 'Find a product' }).fill(product.sku);
  await page.getByRole('option', { name: `Look up SKU “${product.sku}”` }).click();
  const preview = page.getByRole('form', { name: `Add ${product.name}` });
  await preview.getByLabel('Quantity').fill(String(quantity));
  await preview.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('row', { name: new RegExp(product.name) })).toBeVisible();
}

test('the agent gives a reason, sees every change as it happens, and takes away a recap', async ({
  page,
  context,
  signInAsAgent,
  expectAccessible,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAsAgent();
  await page.getByRole('combobox', { name: 'Find a customer' }).fill('sonia');
  await page.getByRole('option', { name: /Sonia Wagner/ }).click();

  // No reason, no session.
  const form = page.getByRole('form', { name: 'Act as Sonia Wagner' });
  await form.getByRole('button', { name: 'Act as Sonia Wagner' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Give a reason: a ticket reference or a short text.',
  );
  await expect(banner(page)).toHaveCount(0);
  await expectAccessible('reason for access');
  await giveReason(page, 'Sonia Wagner');
  await expect(banner(page)).toContainText('Sonia Wagner');

  // The session starts in view mode; Make changes is the first line of the activity.
  const activity = page.getByRole('complementary', { name: 'Session activity' });
  await expect(activity).toContainText(`Reason: ${REASON}`);
  await expect(activity).toContainText('No changes yet.');
  await makeChanges(page, 'Sonia Wagner');

  // A cart, an item, a quantity changed, the item removed: each shows up in the activity.
  await page.getByLabel('New cart').fill('Recap cart');
  await page.getByRole('button', { name: 'Create cart' }).click();
  await page.getByRole('link', { name: 'Recap cart' }).click();
  await addBySku(page, CANON, 2);
  const row = page.getByRole('row', { name: new RegExp(CANON.name) });
  await row.getByLabel(`Quantity of ${CANON.name}`).fill('5');
  await row.getByRole('button', { name: `Update quantity of ${CANON.name}` }).click();
  await expect(row.getByLabel(`Quantity of ${CANON.name}`)).toHaveValue('5');
  await row.getByRole('button', { name: `Remove ${CANON.name}` }).click();
  await expect(row).toHaveCount(0);
  const entries = activity.getByRole('listitem');
  await expect(entries).toHaveText([
    /Switched to change mode: changes to the account allowed$/,
    /Created cart “Recap cart” — done$/,
    /Added Canon IXUS 175 \(005_30663301\) to “Recap cart”: quantity 0 → 2 — done$/,
    /Changed the quantity of Canon IXUS 175 \(005_30663301\) in “Recap cart”: quantity 2 → 5 — done$/,
    /Removed Canon IXUS 175 \(005_30663301\) from “Recap cart”: quantity 5 → 0 — done$/,
  ]);
  await expectAccessible('cart with session activity');

  // Ending shows the recap: the switch and the same four changes, as text and as JSON.
  await banner(page).getByRole('button', { name: 'End session' }).click();
  const recap = page.getByRole('region', { name: 'Recap: your session as Sonia Wagner' });
  await expect(recap).toContainText(REASON);
  await expect(recap.getByRole('listitem')).toHaveCount(5);
  await expectAccessible('session recap');

  await recap.getByRole('button', { name: 'Copy as text' }).click();
  await expect(recap.getByRole('status')).toHaveText('The recap is on the clipboard.');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(
    new RegExp(
      [
        '^Assisted session: Sonia Wagner \\(sonia@acme\\.com, DE--21\\)',
        'Agent: admin@spryker\\.com',
        `Reason: ${REASON}`,
        'Started in view mode',
        `From ${UTC} to ${UTC} \\((under a minute|\\d+ min)\\)`,
        'Changes: 4',
        `- ${UTC} Switched to change mode: changes to the account allowed`,
        `- ${UTC} Created cart “Recap cart” — done`,
        `- ${UTC} Added Canon IXUS 175 \\(005_30663301\\) to “Recap cart”: quantity 0 → 2 — done`,
        `- ${UTC} Changed the quantity of Canon IXUS 175 \\(005_30663301\\) in “Recap cart”: quantity 2 → 5 — done`,
        `- ${UTC} Removed Canon IXUS 175 \\(005_30663301\\) from “Recap cart”: quantity 5 → 0 — done`,
        '$',
      ].join('\\n'),
    ),
  );

  const download = page.waitForEvent('download');
  await recap.getByRole('button', { name: 'Save as JSON' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^assisted-session-DE--21-.*\.json$/);
  const json = JSON.parse(await readFile(await saved.path(), 'utf8')) as {
    reason: string;
    changes: { action: string; quantityBefore: number | null; quantityAfter: number | null }[];
  };
  expect(json.reason).toBe(REASON);
  expect(json.changes.map((c) => [c.action, c.quantityBefore, c.quantityAfter])).toEqual([
    ['allow-changes', null, null],
    ['create-cart', null, null],
    ['add-item', 0, 2],
    ['change-quantity', 2, 5],
    ['remove-item', 5, 0],
  ]);

  // Sonia is one click away, and the stand-in's audit trail holds the same session.
  await page.getByRole('button', { name: 'Act as Sonia Wagner again' }).click();
  await giveReason(page, 'Sonia Wagner', 'TICKET-4712 follow-up');
  await expect(banner(page)).toContainText('Sonia Wagner');
  await page.keyboard.press('p');
  const assisted = page.getByRole('region', { name: 'Assisted sessions' });
  await assisted.getByRole('button', { name: 'Show assisted sessions' }).click();
  const first = assisted.getByRole('listitem').filter({ hasText: REASON });
  await expect(first).toContainText('admin@spryker.com');
  await expect(first).toContainText('4 changes');
  await first.getByText(REASON).click();
  await expect(first.getByRole('listitem')).toHaveText([
    /Switched to change mode$/,
    /Created cart “Recap cart” — done$/,
    /Added 005_30663301 to “Recap cart”: quantity 0 → 2 — done$/,
    /Changed the quantity of 005_30663301 in “Recap cart”: quantity 2 → 5 — done$/,
    /Removed 005_30663301 from “Recap cart”: quantity 5 → 0 — done$/,
  ]);
  await expect(assisted).toContainText('TICKET-4712 follow-up');
  await expectAccessible('profile with assisted sessions');
});

test.describe('a short idle limit', () => {
  test.use({ consoleSettings: { idleMinutes: 0.05 } });

  test('ends the session after 3 seconds without activity, warning first, and says so', async ({
    page,
    signInAsAgent,
  }) => {
    await signInAsAgent();
    await actAs(page, 'sonia', 'Sonia Wagner');
    // Inside its last minute, the banner warns and offers to keep going.
    await expect(banner(page).getByRole('alert')).toContainText(
      'The session as Sonia Wagner ends in',
    );
    await banner(page).getByRole('button', { name: 'Keep working' }).click();
    await expect(banner(page)).toHaveCount(0, { timeout: 10_000 });
    await expect(
      page.getByText(
        'Your session as Sonia Wagner has ended. Ended after 3 seconds without activity.',
      ),
    ).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Recap: your session as Sonia Wagner' }),
    ).toContainText('Ended after 3 seconds without activity.');
  });
});

test.describe('a short refresh-token lifetime', () => {
  test.use({ glueConfig: { refreshTokenTtl: 30 } });

  test('the banner counts down to the refresh token’s end and extends it on request', async ({
    page,
    signInAsAgent,
  }) => {
    await signInAsAgent();
    await actAs(page, 'sonia', 'Sonia Wagner');
    await expect(banner(page)).toContainText(/Renewable for 0:[0-3]\d/);
    await expect(banner(page).getByRole('alert')).toContainText('can be renewed for');
    await page.waitForTimeout(3_000);
    const refreshed = page.waitForResponse(
      (r) => r.url().endsWith('/refresh-tokens') && r.request().method() === 'POST',
    );
    await banner(page).getByRole('button', { name: 'Extend' }).click();
    expect((await refreshed).status()).toBe(201);
    await expect(banner(page)).toContainText(/Renewable for 0:(29|30)/);
  });
});

test('shortcuts: ? lists them, / finds a customer from anywhere, o and c switch tabs', async ({
  page,
  signInAsAgent,
  expectAccessible,
}) => {
  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  await page.locator('body').press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expectAccessible('keyboard shortcuts');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('o');
  await expect(page).toHaveURL(/\/customers\/DE--21\/orders$/);
  await page.keyboard.press('c');
  await expect(page).toHaveURL(/\/customers\/DE--21$/);
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: 'Find a customer' })).toBeFocused();
  await expect(page.getByText('You are acting as Sonia Wagner (DE--21).')).toBeVisible();

  // Choosing someone else from there ends Sonia's session and lands on Bill's screens.
  await actAs(page, 'bill.martin', 'Bill Martin');
  await expect(page).toHaveURL(/\/customers\/DE--4$/);

  // The next agent at this browser sees nothing of these sessions.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Username').fill(AGENT.username);
  await page.getByLabel('Password').fill(AGENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Agent Assist' }).click();
  await expect(page.getByRole('combobox', { name: 'Find a customer' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Recap/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Recent customers' })).toHaveCount(0);
});
