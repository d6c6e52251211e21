import type { Page } from '@playwright/test';
import { AGENT, REASON, expect, test, watchGlueRequests } from './fixtures';
import { DE, EN, expectOnly, say, switchLanguage } from './languages';

// The HP Bundle's variant is the demo product with a German name of its own (products-de.csv).
const BUNDLE = { sku: '211_123', en: 'HP Bundle', de: 'HP Bündel', price: 70500 };
const CANON = { sku: '005_30663301', name: 'Canon IXUS 175', price: 7000 };
const CART = 'Vom Agenten korrigiert';
const GRUND = 'TICKET-4711 falsche Lieferadresse';

const euro = (tag: string, cents: number) =>
  new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' }).format(cents / 100);

const banner = (page: Page, messages: Record<string, string>) =>
  page.getByRole('region', { name: say(messages, 'impersonation.banner.label') });

test.describe('a German-speaking agent', () => {
  test.use({ locale: 'de-DE' });

  test('fixes Sonia Wagner’s cart without meeting one English word, then switches to English and loses nothing', async ({
    page,
    glue,
    expectAccessible,
  }) => {
    // The whole walk, with axe on 8 screens: three times the usual time on a loaded runner.
    test.slow();
    const requests = watchGlueRequests<'walk' | 'to English' | 'to German'>(page, glue.url);
    const languages: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(glue.url) && request.method() !== 'OPTIONS') {
        languages.push(request.headers()['accept-language'] ?? '(none)');
      }
    });
    requests.begin('walk');

    // Sign-in: the browser's language, before anything else.
    await page.goto('/');
    await expect(page.getByRole('heading', { name: say(DE, 'auth.signIn.heading') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
    await expect(page).toHaveTitle(`${say(DE, 'auth.signIn.title')} · Agent Assist`);
    await expectOnly(page, 'de', 'sign-in');
    await expectAccessible('sign-in, German');
    await page.getByLabel(say(DE, 'auth.signIn.username')).fill(AGENT.username);
    await page.getByLabel(say(DE, 'auth.signIn.password')).fill('falsch');
    await page.getByRole('button', { name: say(DE, 'auth.signIn.submit') }).click();
    await expect(page.getByRole('alert').getByRole('paragraph').first()).toHaveText(
      'Anmeldung fehlgeschlagen: Benutzername oder Passwort ist falsch, oder dieser Benutzer ist kein Agent.',
    );
    await expectOnly(page, 'de', 'sign-in with an error');
    await page.getByLabel(say(DE, 'auth.signIn.password')).fill(AGENT.password);
    await page.getByRole('button', { name: say(DE, 'auth.signIn.submit') }).click();
    await expect(
      page.getByText(say(DE, 'shell.signedInAs', { username: AGENT.username })),
    ).toBeVisible();
    await expectOnly(page, 'de', 'home');
    await expectAccessible('home, German');

    // Find Sonia Wagner and act as her.
    await page.getByRole('combobox', { name: say(DE, 'customers.picker.label') }).fill('sonia');
    await expect(page.getByRole('option', { name: /Sonia Wagner/ })).toBeVisible();
    await expectOnly(page, 'de', 'search results');
    await page.getByRole('option', { name: /Sonia Wagner/ }).click();
    const form = page.getByRole('form', {
      name: say(DE, 'impersonation.actAs', { name: 'Sonia Wagner' }),
    });
    await expectOnly(page, 'de', 'reason form');
    await expectAccessible('reason form, German');
    await form.getByLabel(/Grund für den Zugriff/).fill(GRUND);
    await form
      .getByRole('button', { name: say(DE, 'impersonation.actAs', { name: 'Sonia Wagner' }) })
      .click();
    await expect(banner(page, DE)).toContainText('Sonia Wagner');
    await expect(banner(page, DE)).toContainText(say(DE, 'impersonation.banner.actingAs'));
    // Looking first (view mode), then Make changes, in German.
    await banner(page, DE)
      .getByRole('button', { name: say(DE, 'mode.makeChanges') })
      .click();
    await page
      .getByRole('dialog', { name: say(DE, 'mode.confirm.title', { name: 'Sonia Wagner' }) })
      .getByRole('button', { name: say(DE, 'mode.confirm.makeChanges') })
      .click();
    await expect(banner(page, DE)).toContainText(say(DE, 'mode.change', { name: 'Sonia Wagner' }));
    await expectOnly(page, 'de', 'customer workspace');
    await expectAccessible('customer workspace, German');
    await page.getByRole('button', { name: say(DE, 'shell.shortcuts') }).click();
    const shortcuts = page.getByRole('dialog', { name: say(DE, 'shortcuts.title') });
    await expect(shortcuts).toBeVisible();
    await expectOnly(page, 'de', 'shortcuts');
    await shortcuts.getByRole('button', { name: say(DE, 'shortcuts.dismiss') }).click();

    // Her orders, dated the German way.
    await page.getByRole('link', { name: say(DE, 'workspace.tab.orders') }).click();
    const firstOrder = page.getByRole('row').nth(1);
    await expect(firstOrder).toContainText(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    await expect(firstOrder).toContainText(/\d,\d{2}\s€/);
    await expectOnly(page, 'de', 'orders');
    await expectAccessible('orders, German');
    await firstOrder.getByRole('link').click();
    await expect(page.getByText(/Aufgegeben am \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
    await expectOnly(page, 'de', 'order');
    await expectAccessible('order, German');
    await page.getByRole('link', { name: say(DE, 'orderScreen.back') }).click();
    await page.getByRole('link', { name: say(DE, 'workspace.tab.carts') }).click();

    // A new cart, with the bundle found by its German name and the Canon by SKU.
    await page.getByLabel(say(DE, 'carts.new.label')).fill(CART);
    await page.getByRole('button', { name: say(DE, 'carts.new.create') }).click();
    await page.getByRole('link', { name: CART }).click();
    await expect(page.getByText(say(DE, 'carts.items.empty'))).toBeVisible();
    await expectOnly(page, 'de', 'empty cart');
    const finder = page.getByRole('combobox', { name: say(DE, 'products.find.label') });
    await finder.fill(BUNDLE.sku);
    await page
      .getByRole('option', { name: say(DE, 'products.lookUpSku', { sku: BUNDLE.sku }) })
      .click();
    const bundle = page.getByRole('form', {
      name: say(DE, 'products.preview.label', { name: BUNDLE.de }),
    });
    await expect(bundle).toContainText(euro('de-DE', BUNDLE.price));
    await bundle.getByLabel(say(DE, 'products.quantity')).fill('2');
    await bundle.getByRole('button', { name: say(DE, 'products.addToCart') }).click();
    const bundleRow = page.getByRole('row', { name: new RegExp(BUNDLE.de) });
    await expect(bundleRow).toContainText('1.410,00 €');
    await finder.fill('IXUS 175');
    await expectOnly(page, 'de', 'product search');
    await page.getByRole('option', { name: new RegExp(`${CANON.name}.*005`) }).click();
    const canon = page.getByRole('form', {
      name: say(DE, 'products.preview.label', { name: CANON.name }),
    });
    await canon.getByRole('button', { name: say(DE, 'products.addToCart') }).click();
    const totals = page.getByLabel(say(DE, 'carts.totals.label'));
    await expect(totals).toContainText(`${say(DE, 'carts.totals.grandTotal')}1.480,00 €`);
    await expectOnly(page, 'de', 'cart with items');
    await expectAccessible('cart with items, German');
    await requests.settle();

    // Mid-session, to English: the session, the cart and the log stay; Glue is asked again
    // only for what it translated, the cart's product names.
    requests.begin('to English');
    await switchLanguage(page, 'en');
    await expect(page.getByRole('row', { name: new RegExp(BUNDLE.en) })).toContainText('€1,410.00');
    await expect(banner(page, EN)).toContainText('Sonia Wagner');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await expect(page.getByLabel(say(EN, 'carts.totals.label'))).toContainText(
      'Grand total€1,480.00',
    );
    await expect(page.getByRole('heading', { name: say(EN, 'activity.title') })).toBeVisible();
    await expectOnly(page, 'en', 'cart with items, after the switch', [GRUND, CART]);
    await expectAccessible('cart with items, English');
    await requests.settle();
    expect(requests.sent('to English').map((r) => r.line)).toEqual([
      expect.stringMatching(/^GET \/carts\/[\w-]+\?include=items,concrete-products,gift-cards$/),
    ]);

    requests.begin('to German');
    await switchLanguage(page, 'de');
    await expect(bundleRow).toContainText('1.410,00 €');
    await requests.settle();

    // The session ends; the recap is German too.
    await banner(page, DE)
      .getByRole('button', { name: say(DE, 'impersonation.banner.end') })
      .click();
    await expect(
      page.getByRole('heading', { name: say(DE, 'recap.title', { name: 'Sonia Wagner' }) }),
    ).toBeVisible();
    await expectOnly(page, 'de', 'recap');
    await expectAccessible('recap, German');

    // Every request asked for the language on screen at its time.
    expect(languages.slice(0, requests.sent('walk').length).every((l) => l === 'de-DE')).toBe(true);
    expect(languages).toContain('en-US');
    // The language is remembered, and nothing else is.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toBe(
      '{"agent-assist.locale":"de"}',
    );
  });
});

test.describe('an English-speaking agent', () => {
  test.use({ locale: 'en-US' });

  test('sees English only, and English formats', async ({
    page,
    signInAsAgent,
    expectAccessible,
  }) => {
    await signInAsAgent();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await expectOnly(page, 'en', 'home');
    await page.getByRole('combobox', { name: say(EN, 'customers.picker.label') }).fill('sonia');
    await page.getByRole('option', { name: /Sonia Wagner/ }).click();
    const form = page.getByRole('form', {
      name: say(EN, 'impersonation.actAs', { name: 'Sonia Wagner' }),
    });
    await form.getByLabel(/Reason/).fill(REASON);
    await form
      .getByRole('button', { name: say(EN, 'impersonation.actAs', { name: 'Sonia Wagner' }) })
      .click();
    await expect(banner(page, EN)).toContainText('Sonia Wagner');
    await expectOnly(page, 'en', 'customer workspace');
    await page.getByRole('link', { name: say(EN, 'workspace.tab.orders') }).click();
    const firstOrder = page.getByRole('row').nth(1);
    await expect(firstOrder).toContainText(/[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M/);
    await expect(firstOrder).toContainText(/€\d[\d,]*\.\d{2}/);
    await expectOnly(page, 'en', 'orders');
    await expectAccessible('orders, English');
    await banner(page, EN)
      .getByRole('button', { name: say(EN, 'impersonation.banner.end') })
      .click();
    await expect(
      page.getByRole('heading', { name: say(EN, 'recap.title', { name: 'Sonia Wagner' }) }),
    ).toBeVisible();
    await expectOnly(page, 'en', 'recap');
  });
});
