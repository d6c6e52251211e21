import type { Page } from '@playwright/test';
import { REASON, actAs, asSonia, expect, test } from './fixtures';
import { DE, EN, expectOnly, say, switchLanguage } from './languages';

const tab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Customer' }).getByRole('link', { name });

const saved = (page: Page) => page.getByRole('list', { name: say(EN, 'addresses.list.label') });

async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
}

test('an agent fixes Sonia Wagner’s addresses, and Sonia sees exactly the result', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  test.slow(); // Axe on six screens, in two languages.
  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  await tab(page, 'Addresses').click();
  await expect(page.getByText(say(EN, 'addresses.none'))).toBeVisible();
  await expectAccessible('addresses: none yet');

  // A new address starts with her name; a rule broken shows at its field, before anything is sent.
  await page.getByRole('button', { name: say(EN, 'addresses.add') }).click();
  const form = page.getByRole('form', { name: say(EN, 'addresses.form.addTitle') });
  await expect(form.getByLabel('First name')).toHaveValue('Sonia');
  await form.getByLabel('Salutation').selectOption('Ms');
  await fill(page, {
    Street: 'Julie-Wolfthorn-Straße',
    'House number': '1',
    Postcode: '10115',
    City: 'Be',
  });
  await form.getByLabel('Country').selectOption('DE');
  await form.getByRole('button', { name: say(EN, 'addresses.form.save') }).click();
  await expect(form.getByLabel('City')).toBeFocused();
  await expect(form.getByText('At least 3 characters.')).toBeVisible();
  await expectAccessible('address form with an error');
  await fill(page, { City: 'Berlin' });
  await form.getByRole('button', { name: say(EN, 'addresses.form.save') }).click();

  // The first address is both defaults (§8).
  const first = saved(page).getByRole('listitem').filter({ hasText: 'Julie-Wolfthorn-Straße 1' });
  await expect(first).toContainText('Default shipping');
  await expect(first).toContainText('Default billing');
  await expect(first).toContainText('Germany');

  // A second one, the default shipping address from now on.
  await page.getByRole('button', { name: say(EN, 'addresses.add') }).click();
  await form.getByLabel('Salutation').selectOption('Ms');
  await fill(page, {
    'Company (optional)': 'Nordwind Logistik GmbH',
    Street: 'Waldstraße',
    'House number': '36a',
    Postcode: '90402',
    City: 'Nürnberg',
  });
  await form.getByLabel('Country').selectOption('DE');
  await form.getByLabel('Default shipping address').check();
  await form.getByRole('button', { name: say(EN, 'addresses.form.save') }).click();
  const second = saved(page).getByRole('listitem').filter({ hasText: 'Waldstraße 36a' });
  await expect(second).toContainText('Default shipping');
  await expect(first).not.toContainText('Default shipping');
  await expect(first).toContainText('Default billing');
  await expectAccessible('two addresses');

  // Edit the first, then delete it (asked first).
  await first.getByRole('button', { name: /^Edit/ }).click();
  // Glue keeps a saved address's country (§8): the form says so rather than pretend.
  const editForm = page.getByRole('form', { name: say(EN, 'addresses.form.editTitle') });
  await expect(editForm.getByLabel('Country')).toBeDisabled();
  await expect(editForm.getByLabel('Country')).toHaveAccessibleDescription(
    say(EN, 'addresses.form.countryFixed'),
  );
  await expectAccessible('edit address');
  await fill(page, { Postcode: '10117' });
  await page.getByRole('button', { name: say(EN, 'addresses.form.save') }).click();
  await expect(saved(page).getByRole('listitem').filter({ hasText: '10117 Berlin' })).toBeVisible();
  const edited = saved(page).getByRole('listitem').filter({ hasText: '10117 Berlin' });
  await edited.getByRole('button', { name: /^Delete/ }).click();
  const dialog = page.getByRole('dialog', {
    name: say(EN, 'addresses.delete.title', { customer: 'Sonia Wagner' }),
  });
  await expect(dialog).toContainText("10117 Berlin is removed from Sonia Wagner's saved addresses");
  await expectAccessible('delete address?');
  await dialog.getByRole('button', { name: say(EN, 'addresses.delete.confirm') }).click();
  await expect(edited).toHaveCount(0);
  await second.getByRole('button', { name: /^Make default billing/ }).click();
  await expect(second).toContainText('Default billing');

  // Every change is in the session's activity.
  const activity = page.getByRole('list', { name: 'Changes in this session' });
  await expect(activity).toContainText(
    'Added the address Julie-Wolfthorn-Straße 1, 10115 Berlin — done',
  );
  await expect(activity).toContainText(
    'Deleted the address Julie-Wolfthorn-Straße 1, 10117 Berlin — done',
  );
  await expect(activity).toContainText(
    'Made Waldstraße 36a, 90402 Nürnberg the default billing address — done',
  );

  // In German too.
  await switchLanguage(page, 'de');
  await expect(page.getByRole('heading', { name: say(DE, 'addresses.title') })).toBeVisible();
  const inGerman = page
    .getByRole('list', { name: say(DE, 'addresses.list.label') })
    .getByRole('listitem')
    .filter({ hasText: 'Waldstraße 36a' });
  await expect(inGerman).toContainText('Deutschland');
  await expect(inGerman).toContainText(say(DE, 'addresses.defaultBilling'));
  await expectOnly(page, 'de', 'addresses', ['Nordwind Logistik GmbH', REASON]);
  await expectAccessible('addresses, German');

  // Outside the console: Sonia signs in herself and finds exactly that address.
  const sonia = await asSonia(glue.url);
  const answer = (await sonia('/customers/DE--21/addresses')) as unknown as {
    data: { attributes: Record<string, unknown> }[];
  };
  expect(answer.data.map((a) => a.attributes)).toEqual([
    expect.objectContaining({
      address1: 'Waldstraße',
      address2: '36a',
      zipCode: '90402',
      city: 'Nürnberg',
      company: 'Nordwind Logistik GmbH',
      iso2Code: 'DE',
      isDefaultShipping: true,
      isDefaultBilling: true,
    }),
  ]);
});
