import type { Page } from '@playwright/test';
import { actAs, expect, test } from './fixtures';

const euro = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const banner = (page: Page) => page.getByRole('region', { name: 'Customer session' });

// Demo prices (server/platform/seed-data/products.csv), gross, in cents.
const CANON = { sku: '005_30663301', abstractSku: '005', name: 'Canon IXUS 175', price: 7000 };
const SAMSUNG = { sku: '066_23294028', name: 'Samsung Galaxy S5 mini', price: 39353 };
const LENOVO = { sku: '155_30149933', name: 'Lenovo IdeaPad Yoga 500', price: 8005 };

/** Gross prices contain 19 % German VAT: the tax share of a line, rounded to the cent. */
const taxOf = (gross: number) => Math.round((gross * 19) / 119);

async function addBySku(
  page: Page,
  product: { sku: string; name: string; price: number },
  quantity = 1,
) {
  await page.getByRole('combobox', { name: 'Find a product' }).fill(product.sku);
  await page.getByRole('option', { name: `Look up SKU “${product.sku}”` }).click();
  const preview = page.getByRole('form', { name: `Add ${product.name}` });
  await expect(preview).toContainText(euro(product.price));
  await preview.getByLabel('Quantity').fill(String(quantity));
  await preview.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('row', { name: new RegExp(product.name) })).toBeVisible();
}

function tab(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Customer' }).getByRole('link', { name });
}

function row(page: Page, name: string) {
  return page.getByRole('row', { name: new RegExp(name) });
}

test('an agent fixes Sonia Wagner’s cart, and Sonia sees exactly the result', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  // Carts come first; profile and orders are one tab away.
  await expect(tab(page, 'Carts')).toHaveAttribute('aria-current', 'page');
  await expectAccessible('customer workspace: carts');
  await tab(page, 'Profile').click();
  await expect(page.getByRole('region', { name: 'Profile' })).toContainText('sonia@acme.com');
  await expectAccessible('customer workspace: profile');
  await tab(page, 'Carts').click();

  // Create a cart and open it.
  await page.getByLabel('New cart').fill('Fixed by the agent');
  await page.getByRole('button', { name: 'Create cart' }).click();
  await page.getByRole('link', { name: 'Fixed by the agent' }).click();
  await expect(page.getByRole('heading', { name: 'Fixed by the agent' })).toBeVisible();
  await expect(page.getByText('This cart is empty.')).toBeVisible();
  await expectAccessible('empty cart');

  // Find the Canon by name; its price shows before it is added.
  await page.getByRole('combobox', { name: 'Find a product' }).fill('IXUS 175');
  await page
    .getByRole('option', { name: new RegExp(`${CANON.name}.*${CANON.abstractSku}`) })
    .click();
  const canonPreview = page.getByRole('form', { name: `Add ${CANON.name}` });
  await expect(canonPreview).toContainText(CANON.sku);
  await expect(canonPreview).toContainText(euro(CANON.price));
  await canonPreview.getByRole('button', { name: 'Add to cart' }).click();
  await expect(row(page, CANON.name)).toContainText(euro(CANON.price));

  // Two more by SKU, then change a quantity and remove an item.
  await addBySku(page, SAMSUNG);
  await addBySku(page, LENOVO, 2);
  await expectAccessible('cart with items');
  await row(page, CANON.name).getByLabel(`Quantity of ${CANON.name}`).fill('3');
  await row(page, CANON.name)
    .getByRole('button', { name: `Update quantity of ${CANON.name}` })
    .click();
  await expect(row(page, CANON.name)).toContainText(euro(3 * CANON.price));
  // The focus stays where the agent works: on the quantity, then on the list once a row goes.
  await expect(row(page, CANON.name).getByLabel(`Quantity of ${CANON.name}`)).toBeFocused();
  await row(page, SAMSUNG.name)
    .getByRole('button', { name: `Remove ${SAMSUNG.name}` })
    .click();
  await expect(row(page, SAMSUNG.name)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Items' })).toBeFocused();

  // Every figure on screen, from the products' prices.
  const lines = [
    { ...CANON, quantity: 3 },
    { ...LENOVO, quantity: 2 },
  ];
  for (const line of lines) {
    await expect(row(page, line.name)).toContainText(euro(line.price));
    await expect(row(page, line.name)).toContainText(euro(line.price * line.quantity));
    await expect(row(page, line.name).getByLabel(`Quantity of ${line.name}`)).toHaveValue(
      String(line.quantity),
    );
  }
  const subtotal = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
  const tax = lines.reduce((sum, line) => sum + taxOf(line.price * line.quantity), 0);
  const figures = page.locator('dl[aria-label="Cart totals"]');
  await expect(figures).toContainText(`Subtotal${euro(subtotal)}`);
  await expect(figures).toContainText(`Tax included${euro(tax)}`);
  await expect(figures).toContainText(`Grand total${euro(subtotal)}`);

  // Outside the console: Sonia signs in herself and finds exactly those items.
  const login = await fetch(`${glue.url}/access-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.api+json' },
    body: JSON.stringify({
      data: {
        type: 'access-tokens',
        attributes: { username: 'sonia@acme.com', password: 'change123' },
      },
    }),
  });
  const { accessToken } = (
    (await login.json()) as { data: { attributes: { accessToken: string } } }
  ).data.attributes;
  const carts = (await (
    await fetch(`${glue.url}/carts?include=items`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    })
  ).json()) as {
    data: { id: string; attributes: { name: string; totals: { grandTotal: number } } }[];
    included?: { type: string; attributes: { sku: string; quantity: number } }[];
  };
  const fixed = carts.data.find((cart) => cart.attributes.name === 'Fixed by the agent');
  expect(fixed?.attributes.totals.grandTotal).toBe(subtotal);
  const cart = (await (
    await fetch(`${glue.url}/carts/${fixed!.id}?include=items`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    })
  ).json()) as { included: { type: string; attributes: { sku: string; quantity: number } }[] };
  const items = cart.included
    .filter((resource) => resource.type === 'items')
    .map((item) => ({ sku: item.attributes.sku, quantity: item.attributes.quantity }))
    .sort((a, b) => a.sku.localeCompare(b.sku));
  expect(items).toEqual([
    { sku: CANON.sku, quantity: 3 },
    { sku: LENOVO.sku, quantity: 2 },
  ]);
});

test('an agent looks up a customer’s last order, then switches: nothing of the first stays', async ({
  page,
  signInAsAgent,
  expectAccessible,
}) => {
  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  await tab(page, 'Orders').click();
  const orders = page.getByRole('region', { name: 'Orders' });
  const firstOrder = orders.getByRole('link').first();
  await expect(firstOrder).toBeVisible();
  const orderReference = (await firstOrder.textContent()) ?? '';
  // Glue's order list has no items, and no order is asked for them: the count waits.
  const itemCount = orders.getByRole('row').nth(1).getByRole('cell').nth(2);
  await expect(itemCount).toHaveText('—Not known until the order is opened');
  await expectAccessible('orders');
  await firstOrder.click();
  await expect(page.getByRole('heading', { name: `Order ${orderReference}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Billing address' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Shipping address' })).toBeVisible();
  await expect(page.locator('dl[aria-label="Order totals"]')).toContainText('Grand total');
  await expect(page.getByRole('row').nth(1)).toContainText(/€/);
  await expectAccessible('order detail');
  // Once opened, the order's answer gives its row the count.
  await page.getByRole('link', { name: 'Back to the orders' }).click();
  await expect(itemCount).toHaveText(/^[1-9]\d*$/);

  await banner(page).getByRole('button', { name: 'Switch customer' }).click();
  await page.getByRole('button', { name: 'End session and switch' }).click();
  await actAs(page, 'bill.martin', 'Bill Martin');
  await tab(page, 'Orders').click();
  await expect(page.getByRole('region', { name: 'Orders' })).not.toContainText('Loading');
  const text = await page.locator('body').innerText();
  for (const trace of ['Sonia', 'Wagner', 'sonia@acme.com', 'DE--21', orderReference]) {
    expect(text, `"${trace}" still on screen`).not.toContain(trace);
  }
});
