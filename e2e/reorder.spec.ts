import { REASON, actAs, asSonia, expect, test, watchGlueRequests } from './fixtures';
import { EN, expectOnly, say, switchLanguage } from './languages';

test('order again: an earlier order’s products into a new cart, and the one the shop refuses named with why', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  const sonia = await asSonia(glue.url);
  const orders = ((await sonia('/orders?sort=-createdAt')) as unknown as { data: { id: string }[] })
    .data;
  // An order of hers with more than one product, its split lines summed (below 10, one per unit).
  let reference = '';
  const wanted = new Map<string, { name: string; quantity: number }>();
  for (const { id } of orders) {
    const order = (await sonia(`/orders/${id}`)).data.attributes as {
      items: { sku: string; name: string; quantity: number }[];
    };
    wanted.clear();
    for (const item of order.items) {
      const line = wanted.get(item.sku) ?? { name: item.name, quantity: 0 };
      wanted.set(item.sku, { ...line, quantity: line.quantity + item.quantity });
    }
    reference = id;
    if (wanted.size > 1) break;
  }
  expect(wanted.size).toBeGreaterThan(1);
  const [refusedSku, refused] = [...wanted][wanted.size - 1]!;

  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  await page.keyboard.press('o');
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('button', { name: say(EN, 'reorder.open') }).click();
  const form = page.getByRole('form', { name: say(EN, 'reorder.title') });
  await expect(form.getByRole('checkbox')).toHaveCount(wanted.size);
  await expectAccessible('order again');

  // The shop no longer has the last product: Glue refuses it as it refuses an unknown SKU.
  await page.route(
    (url) => url.pathname.endsWith('/items'),
    async (route) => {
      const body = route.request().postDataJSON() as { data: { attributes: { sku: string } } };
      if (body.data.attributes.sku !== refusedSku) return route.continue();
      return route.fulfill({
        status: 422,
        contentType: 'application/vnd.api+json',
        body: JSON.stringify({
          errors: [{ status: 422, code: '102', detail: `Product "${refusedSku}" not found` }],
        }),
      });
    },
  );
  const requests = watchGlueRequests<'order again' | 'into that cart'>(page, glue.url);
  requests.begin('order again');
  await form.getByRole('button', { name: `Put ${wanted.size} products into the cart` }).click();
  const done = page.getByRole('status').filter({ hasText: 'put into' });
  await expect(done).toHaveText(
    `${wanted.size - 1} products of ${wanted.size} put into “Order again: ${reference}”.`,
  );
  await expect(
    page.getByRole('list', { name: say(EN, 'reorder.refusedTitle') }).getByRole('listitem'),
  ).toHaveText([`${refused.name} (${refusedSku}): The shop does not have this product.`]);
  await requests.settle();
  // The store once, the cart, then one request per product: the least the cart endpoints allow.
  expect(requests.sent('order again').map((r) => r.line.replace(/[0-9a-f-]{36}/, '{id}'))).toEqual([
    'GET /stores',
    'POST /carts',
    ...[...wanted.keys()].map(
      () => 'POST /carts/{id}/items?include=items,concrete-products,gift-cards',
    ),
  ]);
  await expectAccessible('order again, done');
  await switchLanguage(page, 'de');
  await expect(page.getByRole('status').filter({ hasText: 'gelegt' })).toBeVisible();
  // The cart's name was given in English: data now, like the products' names.
  await expectOnly(page, 'de', 'order again, done', [
    `Order again: ${reference}`,
    REASON,
    ...[...wanted.values()].map((l) => l.name),
  ]);
  await switchLanguage(page, 'en');

  // Sonia's own account holds the new cart with exactly the products that went in.
  const carts = (await sonia('/carts')) as unknown as {
    data: { id: string; attributes: { name: string } }[];
  };
  const made = carts.data.filter((cart) => cart.attributes.name === `Order again: ${reference}`);
  expect(made).toHaveLength(1);
  const cart = (await sonia(`/carts/${made[0]!.id}?include=items`)) as unknown as {
    included?: { type: string; attributes: { sku: string; quantity: number } }[];
  };
  const items = (cart.included ?? []).filter((resource) => resource.type === 'items');
  expect(
    Object.fromEntries(items.map((item) => [item.attributes.sku, item.attributes.quantity])),
  ).toEqual(
    Object.fromEntries(
      [...wanted].filter(([sku]) => sku !== refusedSku).map(([sku, line]) => [sku, line.quantity]),
    ),
  );
  await page.getByRole('link', { name: say(EN, 'reorder.openCart') }).click();
  await expect(page.getByRole('heading', { name: `Order again: ${reference}` })).toBeVisible();

  // Once more, ticking one product off, into that cart: its quantity there grows, no cart is made.
  await page.goBack();
  await page.getByRole('button', { name: say(EN, 'reorder.open') }).click();
  const [keptSku, kept] = [...wanted][0]!;
  for (const [sku, line] of [...wanted].slice(1)) {
    await form.getByRole('checkbox', { name: new RegExp(`${line.name} \\(${sku}\\)`) }).uncheck();
  }
  await expect(
    form.getByRole('radio', { name: `A new cart “Order again: ${reference} (2)”` }),
  ).toBeChecked();
  await form.getByRole('radio', { name: `Order again: ${reference}`, exact: true }).check();
  requests.begin('into that cart');
  await form.getByRole('button', { name: 'Put 1 product into the cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'put into' })).toHaveText(
    `1 product of 1 put into “Order again: ${reference}”.`,
  );
  await requests.settle();
  expect(
    requests.sent('into that cart').map((r) => r.line.replace(/[0-9a-f-]{36}/, '{id}')),
  ).toEqual(['POST /carts/{id}/items?include=items,concrete-products,gift-cards']);
  const again = (await sonia(`/carts/${made[0]!.id}?include=items`)) as unknown as {
    included?: { type: string; attributes: { sku: string; quantity: number } }[];
  };
  expect(
    again.included?.find((resource) => resource.attributes.sku === keptSku)?.attributes.quantity,
  ).toBe(2 * kept.quantity);
});
