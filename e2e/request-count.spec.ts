import type { Page } from '@playwright/test';
import { addItem, createCart, overHttp, signIn } from '../bench/glue-client';
import { AGENT, expect, giveReason, test, watchGlueRequests } from './fixtures';

// Demo products (server/platform/seed-data/products.csv) for Sonia's cart.
const PRODUCTS = [
  { sku: '005_30663301', name: 'Canon IXUS 175' },
  { sku: '066_23294028', name: 'Samsung Galaxy S5 mini' },
  { sku: '155_30149933', name: 'Lenovo IdeaPad Yoga 500' },
];
const CART_NAME = 'Birthday presents';
const SONIA = { name: 'Sonia Wagner', username: 'sonia@acme.com', password: 'change123' };

/** The fewest Glue requests each step of the agent's walk needs. */
const LEAST = {
  'sign in': 1, // POST /agent-access-tokens
  'find a customer': 1, // GET /agent-customer-search
  'act as': 2, // GET /agent-impersonation-sessions?…&open=true (who else acts as her now), POST /agent-customer-impersonation-access-tokens
  'see their carts': 1, // GET /carts?include=items,concrete-products,gift-cards: items and names in one
  'open a cart': 0, // the list already holds it
  'their orders': 1, // GET /orders?sort=-createdAt&page[…]
  'one order': 1, // GET /orders/{ref}
  'their profile': 1, // GET /customers/{ref}
} as const;
type Step = keyof typeof LEAST;
const TOTAL_LEAST = 8;

/** Gives Sonia a cart of three products through Glue itself: outside the page, so not counted. */
async function giveSoniaACart(glueUrl: string) {
  const send = overHttp(glueUrl);
  const token = await signIn(send, 'customer', SONIA.username, SONIA.password);
  const cart = await createCart(send, token, CART_NAME);
  expect(cart.status).toBe(201);
  for (const product of PRODUCTS) {
    expect(await addItem(send, token, cart.id!, product.sku, 1)).toBe(201);
  }
}

const row = (page: Page, text: string) => page.getByRole('row', { name: new RegExp(text) });

test('the agent’s walk sends Glue the least the API allows: 8 requests', async ({
  page,
  glue,
  expectAccessible,
}) => {
  await giveSoniaACart(glue.url);
  const glueRequests = watchGlueRequests<Step>(page, glue.url);
  /** Once the step's screen shows: the network settles, then the step sent at most its least. */
  const expectLeast = async (step: Step) => {
    await glueRequests.settle();
    const sent = glueRequests.sent(step).map((request) => request.line);
    expect
      .soft(sent.length, `Glue requests of "${step}" (least ${LEAST[step]}): ${sent.join(', ')}`)
      .toBeLessThanOrEqual(LEAST[step]);
  };

  glueRequests.begin('sign in');
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(AGENT.username);
  await page.getByLabel('Password').fill(AGENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${AGENT.username}`)).toBeVisible();
  await expectLeast('sign in');

  glueRequests.begin('find a customer');
  await page.getByRole('combobox', { name: 'Find a customer' }).fill('sonia');
  const option = page.getByRole('option', { name: new RegExp(SONIA.name) });
  await expect(option).toBeVisible();
  await expectLeast('find a customer');

  glueRequests.begin('act as');
  // What the console sends once it holds Sonia's token is her carts: the next step's.
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname === '/agent-customer-impersonation-access-tokens') {
      glueRequests.begin('see their carts');
    }
  });
  await option.click();
  await giveReason(page, SONIA.name);
  await expect(page.getByRole('region', { name: 'Customer session' })).toContainText(SONIA.name);
  const carts = page.getByRole('region', { name: 'Carts' });
  // The list names the products: they came with the carts.
  for (const product of PRODUCTS) await expect(row(page, CART_NAME)).toContainText(product.name);
  await expectLeast('act as');
  await expectLeast('see their carts');
  await expectAccessible('carts with their products');

  glueRequests.begin('open a cart');
  await carts.getByRole('link', { name: CART_NAME }).click();
  await expect(page.getByRole('heading', { level: 1, name: CART_NAME })).toBeVisible();
  for (const product of PRODUCTS) {
    await expect(row(page, product.name)).toContainText(product.sku);
  }
  await expectLeast('open a cart');

  glueRequests.begin('their orders');
  await page.keyboard.press('o');
  const orders = page.getByRole('region', { name: 'Orders' });
  const firstOrder = orders.getByRole('link').first();
  await expect(firstOrder).toBeVisible();
  await expectLeast('their orders');
  // Newest first, whatever order Glue keeps them in (Spryker's: oldest first).
  const [ordersRequest] = glueRequests.sent('their orders');
  expect(ordersRequest?.path).toMatch(/^\/orders\?sort=-createdAt&/);
  await expectAccessible('orders');

  glueRequests.begin('one order');
  const orderReference = (await firstOrder.textContent()) ?? '';
  await firstOrder.click();
  await expect(page.getByRole('heading', { name: `Order ${orderReference}` })).toBeVisible();
  await expect(page.locator('dl[aria-label="Order totals"]')).toContainText('Grand total');
  await expectLeast('one order');

  glueRequests.begin('their profile');
  await page.keyboard.press('p');
  await expect(page.getByRole('region', { name: 'Profile' })).toContainText(SONIA.username);
  await expectLeast('their profile');

  expect(
    // Lines only: a request's body may hold a password or a token.
    glueRequests.all().map((request) => request.line),
    `every Glue request of the walk, by step: ${glueRequests.describe()}`,
  ).toHaveLength(TOTAL_LEAST);
});
