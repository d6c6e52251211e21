import type { Page } from '@playwright/test';
import { REASON, actAs, asSonia, expect, test, watchGlueRequests } from './fixtures';
import { DE, EN, expectOnly, say, switchLanguage } from './languages';

const CANON = { sku: '005_30663301', name: 'Canon IXUS 175' };
const banner = (page: Page) => page.getByRole('region', { name: 'Customer session' });
const writes = (lines: string[]) => lines.filter((line) => !line.startsWith('GET '));

test('“Where is my order?” without any risk: a view-mode session shows everything and sends no change until the agent chooses Make changes', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  test.slow(); // Every tab, axe in both modes and both languages.
  const sonia = await asSonia(glue.url);
  const cart = await sonia.post('/carts', {
    data: {
      type: 'carts',
      attributes: { name: 'Everyday', store: 'DE', currency: 'EUR', priceMode: 'GROSS_MODE' },
    },
  });
  await sonia.post(`/carts/${cart.data.id}/items`, {
    data: { type: 'items', attributes: { sku: CANON.sku, quantity: 2 } },
  });

  await signInAsAgent();
  const requests = watchGlueRequests<'looking' | 'switch' | 'changing'>(page, glue.url);
  requests.begin('looking');
  await actAs(page, 'sonia', 'Sonia Wagner', REASON, 'view');
  await expect(banner(page)).toContainText(say(EN, 'mode.view'));
  await expectAccessible('view mode');

  // The cart is there to see; its controls are shown but inert.
  await page.getByRole('link', { name: 'Everyday' }).click();
  const row = page.getByRole('row', { name: new RegExp(CANON.name) });
  const quantity = row.getByLabel(`Quantity of ${CANON.name}`);
  await expect(quantity).toHaveValue('2');
  await expect(quantity).toBeDisabled();
  await expect(row.getByRole('button', { name: `Remove ${CANON.name}` })).toBeDisabled();
  // The agent tries anyway: the keys go nowhere, nothing is sent.
  await quantity.click({ force: true });
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(quantity).toHaveValue('2');

  // Every other tab: all to see, nothing to change.
  await page.keyboard.press('o');
  await page.getByRole('link', { name: /^DE--/ }).first().click();
  await expect(page.getByRole('heading', { name: /^Order DE--/ })).toBeVisible();
  await page.keyboard.press('a');
  await expect(page.getByRole('heading', { name: 'Addresses' })).toBeVisible();
  await page.keyboard.press('w');
  await expect(page.getByLabel(say(EN, 'wishlists.new.label'))).toBeDisabled();
  await page.keyboard.press('p');
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await switchLanguage(page, 'de');
  await expect(
    page.getByRole('region', { name: say(DE, 'impersonation.banner.label') }),
  ).toContainText(say(DE, 'mode.view'));
  await expectOnly(page, 'de', 'view mode', [REASON, 'Ms', 'Sonia Wagner']);
  await expectAccessible('view mode, German');
  await switchLanguage(page, 'en');
  await requests.settle();
  expect(writes(requests.sent('looking').map((r) => r.line))).toEqual([
    // Starting the session is the agent's own request, not a change of Sonia's account.
    'POST /agent-customer-impersonation-access-tokens',
  ]);

  // Make changes asks first; Escape keeps looking.
  requests.begin('switch');
  await banner(page)
    .getByRole('button', { name: say(EN, 'mode.makeChanges') })
    .click();
  const ask = page.getByRole('dialog', { name: 'Make changes in Sonia Wagner’s account?' });
  await expect(ask).toContainText('From now on, what you do here changes Sonia Wagner’s account');
  await expectAccessible('make changes question');
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(banner(page)).toContainText(say(EN, 'mode.view'));
  // Escape gave the focus back to Make changes; Enter asks again, and Enter answers.
  await expect(
    banner(page).getByRole('button', { name: say(EN, 'mode.makeChanges') }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    ask.getByRole('button', { name: say(EN, 'mode.confirm.makeChanges') }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(banner(page)).toContainText(
    'Change mode: what you do changes Sonia Wagner’s account',
  );
  await expectAccessible('change mode');
  await requests.settle();
  // The switch goes to the stand-in's audit trail: the one request it costs.
  expect(requests.sent('switch').map((r) => [r.line, r.body])).toEqual([
    [
      'POST /agent-impersonation-session-events',
      {
        data: {
          type: 'agent-impersonation-session-events',
          attributes: { event: 'change-mode', mode: 'change' },
        },
      },
    ],
  ]);

  // Now the change works, and the recap holds the switch before it.
  requests.begin('changing');
  await page.keyboard.press('c');
  await page.getByRole('link', { name: 'Everyday' }).click();
  await quantity.fill('5');
  await row.getByRole('button', { name: `Update quantity of ${CANON.name}` }).click();
  await expect(quantity).toHaveValue('5');
  await requests.settle();
  expect(writes(requests.sent('changing').map((r) => r.line))).toEqual([
    `PATCH /carts/${cart.data.id}/items/${CANON.sku}?include=items,concrete-products,gift-cards`,
  ]);
  await banner(page).getByRole('button', { name: 'End session' }).click();
  const recap = page.getByRole('region', { name: 'Recap: your session as Sonia Wagner' });
  await expect(recap.getByRole('listitem')).toHaveText([
    /Switched to change mode: changes to the account allowed$/,
    /Changed the quantity of Canon IXUS 175 \(005_30663301\) in “Everyday”: quantity 2 → 5 — done$/,
  ]);
});
