import type { Page } from '@playwright/test';
import { REASON, actAs, asSonia, expect, test, watchGlueRequests } from './fixtures';
import { DE, EN, expectOnly, say, switchLanguage } from './languages';
import { euro } from './shop';

// Demo products (server/platform/seed-data/products.csv), gross prices in cents.
const CANON = { sku: '005_30663301', name: 'Canon IXUS 175', price: 7000 };
const SAMSUNG = { sku: '066_23294028', name: 'Samsung Galaxy S5 mini', price: 39353 };

async function addToWishlist(page: Page, product: typeof CANON) {
  await page.getByRole('combobox', { name: 'Find a product' }).fill(product.sku);
  await page.getByRole('option', { name: `Look up SKU “${product.sku}”` }).click();
  const preview = page.getByRole('form', { name: `Add ${product.name}` });
  await expect(preview).toContainText(euro(product.price));
  // A wishlist holds a product once: no quantity to choose.
  await expect(preview.getByLabel('Quantity')).toHaveCount(0);
  await preview.getByRole('button', { name: say(EN, 'products.addToWishlist') }).click();
  await expect(page.getByRole('row', { name: new RegExp(product.name) })).toBeVisible();
}

/** What the screen announced (a status region) with these words. */
const said = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

type Step =
  | 'tab'
  | 'bad name'
  | 'create'
  | 'open'
  | 'add'
  | 'move, no cart'
  | 'move'
  | 'delete, cancelled'
  | 'delete';

test('“What’s on my wishlist?”: the agent makes Sonia a wishlist, adds two products, moves one into a cart, and Sonia sees the same', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  test.slow(); // Axe on two screens, in two languages.
  const sonia = await asSonia(glue.url);
  expect((await sonia('/wishlists')).data).toEqual([]);

  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  await expect(page.getByRole('region', { name: 'Carts' })).toContainText('No carts yet');
  const requests = watchGlueRequests<Step>(page, glue.url);
  requests.begin('tab');
  await page.keyboard.press('w');
  await expect(page.getByText(say(EN, 'wishlists.none'))).toBeVisible();
  await requests.settle();
  expect(requests.sent('tab').map((r) => r.line)).toEqual(['GET /wishlists']);

  // A name the shop would refuse is refused at the field, and nothing is sent.
  requests.begin('bad name');
  const name = page.getByLabel(say(EN, 'wishlists.new.label'));
  await name.fill('Geschenke für Oma');
  await page.getByRole('button', { name: say(EN, 'wishlists.new.create') }).click();
  await expect(page.getByText(say(EN, 'glue.code.210'))).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await requests.settle();
  expect(requests.sent('bad name')).toEqual([]);

  requests.begin('create');
  await name.fill('Birthday gifts');
  await page.getByRole('button', { name: say(EN, 'wishlists.new.create') }).click();
  await expect(said(page, 'Wishlist “Birthday gifts” created.')).toBeAttached();
  await expect(page.getByRole('row', { name: /Birthday gifts/ })).toContainText('0');
  await requests.settle();
  expect(requests.sent('create').map((r) => r.line)).toEqual(['POST /wishlists', 'GET /wishlists']);
  expect(requests.sent('create')[0]!.body).toEqual({
    data: { type: 'wishlists', attributes: { name: 'Birthday gifts' } },
  });
  await expectAccessible('wishlists');

  requests.begin('open');
  await page.getByRole('link', { name: 'Birthday gifts' }).first().click();
  await expect(page.getByRole('heading', { name: 'Birthday gifts', level: 1 })).toBeVisible();
  await expect(page.getByText(say(EN, 'wishlistScreen.empty'))).toBeVisible();
  await requests.settle();
  const wishlistId = new URL(page.url()).pathname.split('/').at(-1)!;
  // The wishlist with its items' products in one request; the store once a session (the finder's currency).
  expect(requests.sent('open').map((r) => r.line)).toEqual([
    `GET /wishlists/${wishlistId}?include=wishlist-items,concrete-products`,
    'GET /stores',
  ]);

  requests.begin('add');
  await addToWishlist(page, CANON);
  await addToWishlist(page, SAMSUNG);
  await expect(page.getByRole('row', { name: new RegExp(CANON.name) })).toContainText(
    euro(CANON.price),
  );
  await expect(page.getByRole('row', { name: new RegExp(SAMSUNG.name) })).toContainText(
    euro(SAMSUNG.price),
  );
  await expect(page.getByText('2 items', { exact: true })).toBeVisible();
  await requests.settle();
  const added = requests.sent('add').filter((r) => r.line.startsWith('POST'));
  expect(added.map((r) => [r.line, r.body])).toEqual([
    [
      `POST /wishlists/${wishlistId}/wishlist-items`,
      { data: { type: 'wishlist-items', attributes: { sku: CANON.sku } } },
    ],
    [
      `POST /wishlists/${wishlistId}/wishlist-items`,
      { data: { type: 'wishlist-items', attributes: { sku: SAMSUNG.sku } } },
    ],
  ]);
  // Each product's price was read once, for the finder's preview; the list reuses it.
  expect(
    requests
      .sent('add')
      .map((r) => r.line)
      .filter((line) => line.startsWith('GET /concrete-products')),
  ).toEqual([
    `GET /concrete-products/${CANON.sku}?include=concrete-product-prices`,
    `GET /concrete-products/${SAMSUNG.sku}?include=concrete-product-prices`,
  ]);
  await expectAccessible('wishlist');

  // Sonia has no cart yet: the move says so, and sends nothing that changes anything.
  requests.begin('move, no cart');
  await page.getByRole('button', { name: `Move ${CANON.name} to a cart` }).click();
  const dialog = page.getByRole('dialog', { name: `Move ${CANON.name} to which cart?` });
  await expect(dialog).toContainText(say(EN, 'wishlistScreen.moveDialog.noCart'));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await requests.settle();
  // At most the carts, if the Carts tab's reading of them (30 s fresh) has gone stale.
  expect(
    requests
      .sent('move, no cart')
      .map((r) => r.line)
      .filter((line) => line !== 'GET /carts?include=items,concrete-products,gift-cards'),
  ).toEqual([]);

  await page.keyboard.press('c');
  await page.getByLabel('New cart').fill('Replacement');
  await page.getByRole('button', { name: 'Create cart' }).click();
  await expect(page.getByRole('link', { name: 'Replacement' })).toBeVisible();
  await page.keyboard.press('w');
  await page.getByRole('link', { name: 'Birthday gifts' }).click();

  requests.begin('move');
  await page.getByRole('button', { name: `Move ${CANON.name} to a cart` }).click();
  await expect(dialog.getByLabel(say(EN, 'wishlistScreen.moveDialog.cart'))).toHaveValue(/.+/);
  await dialog.getByRole('button', { name: say(EN, 'wishlistScreen.moveDialog.move') }).click();
  await expect(said(page, `${CANON.name} moved into “Replacement”.`)).toBeAttached();
  await expect(page.getByRole('row', { name: new RegExp(CANON.name) })).toHaveCount(0);
  await expect(page.getByText('1 item', { exact: true })).toBeVisible();
  await requests.settle();
  const moved = requests.sent('move').map((r) => r.line);
  // Into the cart first; off the wishlist only once the cart took it.
  const into = moved.findIndex((line) => /^POST \/carts\/[^/]+\/items/.test(line));
  const off = moved.indexOf(`DELETE /wishlists/${wishlistId}/wishlist-items/${CANON.sku}`);
  expect(into, requests.describe()).toBeGreaterThanOrEqual(0);
  expect(off).toBeGreaterThan(into);

  // Sonia, signed in herself, sees the wishlist with the one product left, and the other in her cart.
  const own = (await sonia(`/wishlists/${wishlistId}?include=wishlist-items`)) as unknown as {
    data: { attributes: { name: string; numberOfItems: number } };
    included: { id: string }[];
  };
  expect(own.data.attributes).toMatchObject({ name: 'Birthday gifts', numberOfItems: 1 });
  expect(own.included.map((item) => item.id)).toEqual([SAMSUNG.sku]);
  const carts = (await sonia('/carts?include=items')) as unknown as {
    data: { attributes: { name: string } }[];
    included: { attributes: { sku: string; quantity: number } }[];
  };
  expect(carts.data.map((cart) => cart.attributes.name)).toEqual(['Replacement']);
  expect(carts.included.map((item) => item.attributes)).toEqual([
    expect.objectContaining({ sku: CANON.sku, quantity: 1 }),
  ]);

  // German: the screen speaks German only (but for the data), and axe is content.
  const typed = [REASON, 'Birthday gifts', 'Replacement', CANON.name, SAMSUNG.name, 'Sonia Wagner'];
  await switchLanguage(page, 'de');
  await expect(page.getByRole('heading', { name: say(DE, 'wishlistScreen.items') })).toBeVisible();
  await expectOnly(page, 'de', 'wishlist', typed);
  await expectAccessible('wishlist, German');
  await page.keyboard.press('w');
  await expect(page.getByRole('heading', { name: say(DE, 'wishlists.title') })).toBeVisible();
  await expectOnly(page, 'de', 'wishlists', typed);
  await expectAccessible('wishlists, German');
  await switchLanguage(page, 'en');

  // Deleting asks first, naming the wishlist and what goes with it; Escape leaves it be.
  await page.getByRole('link', { name: 'Birthday gifts' }).click();
  await expect(page.getByRole('heading', { name: 'Birthday gifts', level: 1 })).toBeVisible();
  // The switch back to English asks Glue again for the names and prices it translated: let it.
  await requests.settle();
  requests.begin('delete, cancelled');
  await page.getByRole('button', { name: say(EN, 'wishlistScreen.delete') }).click();
  const ask = page.getByRole('dialog', { name: 'Delete the wishlist “Birthday gifts”?' });
  await expect(ask).toContainText(
    'Sonia Wagner loses the wishlist “Birthday gifts” and its 1 item for good.',
  );
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(page.getByRole('button', { name: say(EN, 'wishlistScreen.delete') })).toBeFocused();
  await requests.settle();
  expect(requests.sent('delete, cancelled')).toEqual([]);

  requests.begin('delete');
  await page.getByRole('button', { name: say(EN, 'wishlistScreen.delete') }).click();
  await ask.getByRole('button', { name: say(EN, 'wishlistScreen.deleteConfirm.delete') }).click();
  await expect(said(page, 'Wishlist “Birthday gifts” deleted.')).toBeAttached();
  await expect(page.getByText(say(EN, 'wishlists.none'))).toBeVisible();
  await requests.settle();
  expect(requests.sent('delete').map((r) => r.line)).toEqual([
    `DELETE /wishlists/${wishlistId}`,
    'GET /wishlists',
  ]);
  expect((await sonia('/wishlists')).data).toEqual([]);

  const changes = page.getByRole('list', { name: 'Changes in this session' });
  for (const change of [
    'Created the wishlist “Birthday gifts” — done',
    `Added ${CANON.name} (${CANON.sku}) to the wishlist “Birthday gifts” — done`,
    `Added ${SAMSUNG.name} (${SAMSUNG.sku}) to the wishlist “Birthday gifts” — done`,
    'Created cart “Replacement” — done',
    `Added ${CANON.name} (${CANON.sku}) to “Replacement”: quantity 0 → 1 — done`,
    `Removed ${CANON.name} (${CANON.sku}) from the wishlist “Birthday gifts” — done`,
    'Deleted the wishlist “Birthday gifts” — done',
  ]) {
    await expect(changes).toContainText(change);
  }
});

test('a move the wishlist refuses to finish says so: the product is in the cart and still on the wishlist, as Glue holds them', async ({
  page,
  glue,
  signInAsAgent,
}) => {
  const sonia = await asSonia(glue.url);
  const wishlist = await sonia.post('/wishlists', {
    data: { type: 'wishlists', attributes: { name: 'Camera' } },
  });
  await sonia.post(`/wishlists/${wishlist.data.id}/wishlist-items`, {
    data: { type: 'wishlist-items', attributes: { sku: CANON.sku } },
  });
  await sonia.post('/carts', {
    data: {
      type: 'carts',
      attributes: { name: 'Everyday', store: 'DE', currency: 'EUR', priceMode: 'GROSS_MODE' },
    },
  });

  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  await page.keyboard.press('w');
  await page.getByRole('link', { name: 'Camera' }).click();
  await expect(page.getByRole('row', { name: new RegExp(CANON.name) })).toBeVisible();
  // The shop takes the product into the cart, then fails to take it off the wishlist.
  const removal = `**/wishlists/${wishlist.data.id}/wishlist-items/${CANON.sku}`;
  await page.route(removal, (route) =>
    route.request().method() === 'DELETE'
      ? route.fulfill({
          status: 422,
          contentType: 'application/vnd.api+json',
          body: JSON.stringify({
            errors: [{ status: 422, code: '200', detail: 'Unknown error.' }],
          }),
        })
      : route.continue(),
  );
  await page.getByRole('button', { name: `Move ${CANON.name} to a cart` }).click();
  const dialog = page.getByRole('dialog', { name: `Move ${CANON.name} to which cart?` });
  await expect(dialog.getByLabel(say(EN, 'wishlistScreen.moveDialog.cart'))).toContainText(
    'Everyday',
  );
  await dialog.getByRole('button', { name: say(EN, 'wishlistScreen.moveDialog.move') }).click();
  await expect(page.getByRole('alert')).toContainText(
    `${CANON.name} is now in the cart, but it could not be taken off the wishlist. ${say(EN, 'glue.code.200')}`,
  );
  // Still listed, as Glue holds it; and really in the cart.
  await expect(page.getByRole('row', { name: new RegExp(CANON.name) })).toBeVisible();
  const carts = (await sonia('/carts?include=items')) as unknown as {
    included: { attributes: { sku: string; quantity: number } }[];
  };
  expect(carts.included.map((item) => item.attributes)).toEqual([
    expect.objectContaining({ sku: CANON.sku, quantity: 1 }),
  ]);
  const changes = page.getByRole('list', { name: 'Changes in this session' });
  await expect(changes).toContainText(
    `Added ${CANON.name} (${CANON.sku}) to “Everyday”: quantity 0 → 1 — done`,
  );
  await expect(changes).toContainText(
    `Removed ${CANON.name} (${CANON.sku}) from the wishlist “Camera” — failed`,
  );
});
