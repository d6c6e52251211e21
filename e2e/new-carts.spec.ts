import { actAs, expect, test, watchGlueRequests } from './fixtures';

const SONIA = 'Sonia Wagner';

test.describe('configured for net prices', () => {
  test.use({ consoleSettings: { priceMode: 'NET_MODE' } });

  test('carts are made in the store Glue answers, asked for once and only then', async ({
    page,
    glue,
    signInAsAgent,
  }) => {
    type Phase = 'before a cart' | 'first cart' | 'second cart';
    const glueRequests = watchGlueRequests<Phase>(page, glue.url);
    glueRequests.begin('before a cart');
    await signInAsAgent();
    await actAs(page, 'sonia', SONIA);
    await expect(page.getByRole('region', { name: 'Carts' })).toContainText('No carts yet');
    await glueRequests.settle();
    const storeRequests = (phase: Phase) =>
      glueRequests.sent(phase).filter((request) => request.path.startsWith('/stores'));
    expect(storeRequests('before a cart')).toEqual([]);

    glueRequests.begin('first cart');
    await page.getByLabel('New cart').fill('Net cart');
    await page.getByRole('button', { name: 'Create cart' }).click();
    await expect(page.getByRole('link', { name: 'Net cart' })).toBeVisible();
    await glueRequests.settle();
    expect(storeRequests('first cart').map((request) => request.line)).toEqual(['GET /stores']);
    const created = glueRequests.sent('first cart').find((r) => r.line === 'POST /carts');
    expect(created?.body).toEqual({
      data: {
        type: 'carts',
        attributes: { name: 'Net cart', store: 'DE', currency: 'EUR', priceMode: 'NET_MODE' },
      },
    });

    glueRequests.begin('second cart');
    await page.getByLabel('New cart').fill('Another');
    await page.getByRole('button', { name: 'Create cart' }).click();
    await expect(page.getByRole('link', { name: 'Another' })).toBeVisible();
    await glueRequests.settle();
    expect(storeRequests('second cart')).toEqual([]);

    // Net prices: the cart's tax is added, not included.
    await page.getByRole('link', { name: 'Net cart' }).click();
    await expect(page.locator('dl[aria-label="Cart totals"]')).toContainText('Tax€0.00');
  });
});

test.describe('configured for a store Glue does not have', () => {
  test.use({ consoleSettings: { store: 'US' } });

  test('making a cart fails, naming the stores there are', async ({ page, signInAsAgent }) => {
    await signInAsAgent();
    await actAs(page, 'sonia', SONIA);
    await page.getByLabel('New cart').fill('Nowhere');
    await page.getByRole('button', { name: 'Create cart' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'The cart could not be created. The console is set to store “US” (CONSOLE_STORE), but Glue has only DE',
    );
  });
});
