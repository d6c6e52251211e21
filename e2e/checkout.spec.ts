import {
  REASON,
  actAs,
  asSonia,
  assistedChanges,
  expect,
  test,
  watchGlueRequests,
} from './fixtures';
import { DE, EN, expectOnly, say, switchLanguage } from './languages';
import { CANON, SONIAS_ADDRESS, STANDARD, addByName, euro } from './shop';

// Demo prices (server/platform/seed-data/products.csv), gross, in cents.
const LENOVO = {
  name: 'Lenovo IdeaPad Yoga 500',
  search: 'Yoga 500',
  abstractSku: '155',
  price: 8005,
};

test('a phone order for Sonia Wagner: from an empty cart to her own order, with a new delivery address', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  test.slow(); // A whole phone order, axe on five screens in two languages, and the audit trail.
  const requests = watchGlueRequests<'fill' | 'open checkout' | 'place'>(page, glue.url);
  requests.begin('fill');
  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');

  // A cart with two products found by name.
  await page.getByLabel('New cart').fill('Phone order');
  await page.getByRole('button', { name: 'Create cart' }).click();
  await page.getByRole('link', { name: 'Phone order' }).click();
  await addByName(page, CANON, 2);
  await addByName(page, LENOVO, 1);
  await requests.settle();
  requests.begin('open checkout');
  await page.getByRole('link', { name: say(EN, 'checkout.start') }).click();

  // Sonia has no saved address yet: a new one, saved to her addresses on the way.
  const shipping = page.getByRole('group', { name: say(EN, 'checkout.shipping') });
  await expect(
    shipping.getByRole('form', { name: say(EN, 'checkout.address.newTitle') }),
  ).toBeVisible();
  await requests.settle();
  // One request for everything to choose from; the cart is the one the cart screen read.
  expect(requests.sent('open checkout').map((r) => r.line)).toEqual([
    'POST /checkout-data?include=shipments,shipment-methods,payment-methods,addresses',
  ]);
  await expectAccessible('checkout, new address');
  await shipping.getByLabel('Salutation').selectOption('Ms');
  for (const [label, value] of Object.entries({
    Street: 'Julie-Wolfthorn-Straße',
    'House number': '1',
    Postcode: '10115',
    City: 'Berlin',
  })) {
    await shipping.getByLabel(label, { exact: true }).fill(value);
  }
  await shipping.getByLabel('Country').selectOption('DE');
  await shipping.getByRole('button', { name: say(EN, 'checkout.address.use') }).click();
  await expect(shipping).toContainText('Julie-Wolfthorn-Straße 1, 10115 Berlin');

  // Standard shipment and invoice are offered, with the shop's prices.
  const shipment = page.getByRole('group', { name: say(EN, 'checkout.shipment') });
  await shipment.getByRole('radio', { name: 'Standard (DHL), €4.90' }).check();
  await page
    .getByRole('group', { name: say(EN, 'checkout.payment') })
    .getByRole('radio', { name: 'Invoice' })
    .check();
  const subtotal = 2 * CANON.price + LENOVO.price;
  const total = subtotal + STANDARD;
  const place = page.getByRole('button', { name: `Place order for Sonia Wagner — ${euro(total)}` });
  await expect(place).toBeVisible();
  await expectAccessible('checkout, ready');

  // In German too, before placing it.
  await switchLanguage(page, 'de');
  await expect(
    page.getByRole('button', { name: /^Bestellung für Sonia Wagner aufgeben – / }),
  ).toBeVisible();
  // The cart's name, the reason and the shop's method names are data, not the console's words.
  await expectOnly(page, 'de', 'checkout', ['Phone order', REASON, 'Same Day', 'Next Day']);
  await expectAccessible('checkout, German');
  await switchLanguage(page, 'en');

  // Asked first, naming the total, the shipment, the payment and where it goes; a double click
  // on the answer places one order.
  requests.begin('place');
  await place.click();
  const ask = page.getByRole('dialog', {
    name: say(EN, 'checkout.confirm.title', { name: 'Sonia Wagner' }),
  });
  await expect(ask).toContainText(
    `The order comes to ${euro(total)} in all. It ships by Standard (DHL) to Julie-Wolfthorn-Straße 1, 10115 Berlin and is paid by invoice.`,
  );
  await ask.getByRole('button', { name: say(EN, 'checkout.confirm.place') }).dblclick();
  const placed = page.getByRole('heading', { name: /^Order DE--\d+ placed$/ });
  await expect(placed).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'is placed' })).toHaveText(
    new RegExp(`in Sonia Wagner's account, for ${euro(total).replace('.', '\\.')}:`),
  );
  await requests.settle();
  // The new address is saved, then the order placed: nothing more, and the cart is not asked for.
  expect(requests.sent('place').map((r) => r.line)).toEqual([
    'POST /customers/DE--21/addresses',
    'POST /checkout?include=orders',
  ]);
  const reference = (await placed.textContent())!.match(/DE--\d+/)![0];
  // The cart became the order: nothing leads back to it.
  await expect(page.getByRole('link', { name: say(EN, 'checkoutScreen.back') })).toHaveCount(0);
  await expectAccessible('order placed');
  await switchLanguage(page, 'de');
  await expect(
    page.getByRole('heading', { name: say(DE, 'checkout.placed.title', { reference }) }),
  ).toBeVisible();
  await expectOnly(page, 'de', 'order placed', ['Phone order', REASON]);
  await expectAccessible('order placed, German');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('list', { name: 'Changes in this session' })).toContainText(
    `Placed order ${reference}, ${euro(total)}, Standard (DHL), invoice — done`,
  );

  // Outside the console: Sonia finds exactly that order, and the address saved.
  const get = await asSonia(glue.url);
  const orders = (await get('/orders')) as unknown as { data: { id: string }[] };
  expect(orders.data.filter((o) => o.id === reference)).toHaveLength(1);
  const order = (await get(`/orders/${reference}`)).data.attributes as {
    items: { sku: string; quantity: number }[];
    totals: { subtotal: number; expenseTotal: number; grandTotal: number };
    shippingAddress: Record<string, unknown>;
    shipments: { shipmentMethodName: string; defaultGrossPrice: number }[];
    payments: { paymentMethod: string }[];
  };
  expect(order.totals).toMatchObject({ subtotal, expenseTotal: STANDARD, grandTotal: total });
  expect(order.items.map((i) => i.sku).sort()).toEqual([
    '005_30663301',
    '005_30663301',
    '155_30149933',
  ]);
  expect(order.shippingAddress).toMatchObject({
    address1: 'Julie-Wolfthorn-Straße',
    address2: '1',
    zipCode: '10115',
    city: 'Berlin',
    iso2Code: 'DE',
  });
  expect(order.shipments).toEqual([
    expect.objectContaining({ shipmentMethodName: 'Standard', defaultGrossPrice: STANDARD }),
  ]);
  expect(order.payments).toEqual([expect.objectContaining({ paymentMethod: 'Invoice' })]);
  const addresses = (await get('/customers/DE--21/addresses')) as unknown as { data: unknown[] };
  expect(addresses.data).toHaveLength(1);

  // The carts list shows what Spryker left: the ordered cart is gone.
  await page.getByRole('link', { name: say(EN, 'checkout.placed.carts') }).click();
  await expect(page.getByLabel('New cart')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Phone order' })).toHaveCount(0);

  // The stand-in's audit trail holds the order among the session's changes.
  await expect(await assistedChanges(page)).toHaveText([
    // Make changes, from the stand-in's trail (issue 14), comes first.
    /Switched to change mode$/,
    /Created cart “Phone order” — done$/,
    /Added 005_30663301 to “Phone order”: quantity 0 → 2 — done$/,
    /Added 155_30149933 to “Phone order”: quantity 0 → 1 — done$/,
    new RegExp(`Placed order ${reference} — done$`),
  ]);
});

const SONY = {
  name: 'Sony Cyber-shot DSC-W800',
  search: 'DSC-W800',
  abstractSku: '017',
  price: 345699,
};

test('a refused order is mended in place; a lost answer and a double Enter still order once', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  test.slow(); // Three checkouts of one cart: refused, mended, lost and found.
  // Sonia saved her address herself: the checkout offers it first.
  const sonia = await asSonia(glue.url);
  await sonia.post('/customers/DE--21/addresses', SONIAS_ADDRESS);
  const ordersBefore = ((await sonia('/orders')) as unknown as { data: unknown[] }).data.length;
  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  await page.getByLabel('New cart').fill('Cameras');
  await page.getByRole('button', { name: 'Create cart' }).click();
  await page.getByRole('link', { name: 'Cameras' }).click();
  await addByName(page, SONY, 3);
  const cartId = new URL(page.url()).pathname.split('/').pop()!;
  const row = page.getByRole('row', { name: new RegExp(SONY.name) });
  const setQuantity = async (quantity: number) => {
    await row.getByLabel(`Quantity of ${SONY.name}`).fill(String(quantity));
    await row.getByRole('button', { name: `Update quantity of ${SONY.name}` }).click();
    await expect(row.getByLabel(`Quantity of ${SONY.name}`)).toHaveValue(String(quantity));
  };
  const checkOut = () => page.getByRole('link', { name: say(EN, 'checkout.start') }).click();
  const back = () => page.getByRole('link', { name: say(EN, 'checkoutScreen.back') }).click();

  // Above the shop's limit (10,000 €): the shop says so before anything is chosen.
  await checkOut();
  await expect(page.getByRole('alert')).toContainText(
    'The shop will not check this cart out. It says: “The cart value cannot be higher than €10,000.00.',
  );
  await back();
  await setQuantity(2);
  await checkOut();
  const shipping = page.getByRole('group', { name: say(EN, 'checkout.shipping') });
  await expect(
    shipping.getByRole('radio', { name: /Julie-Wolfthorn-Straße 1, 10115 Berlin/ }),
  ).toBeChecked();

  // Her house number is wrong: corrected in her saved address, without leaving the checkout.
  await shipping.getByRole('button', { name: say(EN, 'checkout.address.edit') }).click();
  const correction = shipping.getByRole('form', { name: say(EN, 'checkout.address.editTitle') });
  await expectAccessible('checkout, correcting a saved address');
  await correction.getByLabel('House number', { exact: true }).fill('3');
  await correction.getByRole('button', { name: say(EN, 'checkout.address.editSave') }).click();
  await expect(correction).toHaveCount(0);
  await expect(
    shipping.getByRole('radio', { name: /Julie-Wolfthorn-Straße 3, 10115 Berlin/ }),
  ).toBeChecked();
  const place = page.getByRole('button', { name: /^Place order for Sonia Wagner — / });
  const total = 2 * SONY.price + STANDARD;
  await expect(place).toHaveAccessibleName(`Place order for Sonia Wagner — ${euro(total)}`);

  // Meanwhile Sonia adds a third camera herself: Glue refuses the order, and says why.
  await sonia.post(`/carts/${cartId}/items`, {
    data: { type: 'items', attributes: { sku: '017_21748906', quantity: 1 } },
  });
  await place.click();
  await page
    .getByRole('dialog', { name: say(EN, 'checkout.confirm.title', { name: 'Sonia Wagner' }) })
    .getByRole('button', { name: say(EN, 'checkout.confirm.place') })
    .click();
  await expect(page.getByRole('alert')).toContainText(
    'The order was not placed. The shop refused the order: The cart value cannot be higher than €10,000.00',
  );
  // Nothing was ordered, and the review shows the cart as Glue holds it now.
  await expect(
    page.getByRole('list', { name: say(EN, 'checkout.review.items') }).getByRole('listitem'),
  ).toHaveText([`3 × ${SONY.name}: ${euro(3 * SONY.price)}`]);
  expect(((await sonia('/orders')) as unknown as { data: unknown[] }).data).toHaveLength(
    ordersBefore,
  );

  // Mended in the cart, and back.
  await back();
  await setQuantity(2);
  await checkOut();
  await expect(place).toHaveAccessibleName(`Place order for Sonia Wagner — ${euro(total)}`);

  // The order is placed, but its answer is lost on the way back, and so is the console's lookup.
  await page.route(
    `${glue.url}/checkout?include=orders`,
    async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    },
    { times: 1 },
  );
  await page.route(
    (url) => url.pathname === '/orders' && url.searchParams.get('page[limit]') === '1',
    (route) => route.abort('connectionreset'),
    { times: 1 },
  );
  // By keyboard: Enter asks, Enter answers.
  await place.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(new RegExp(`^${say(EN, 'checkout.lost')}`));

  // Placing it again, and a third Enter while it is on its way, finds the order instead of
  // placing another.
  await expect(place).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const placed = page.getByRole('heading', { name: /^Order DE--\d+ placed$/ });
  await expect(placed).toBeVisible();
  const reference = (await placed.textContent())!.match(/DE--\d+/)![0];
  const orders = ((await sonia('/orders')) as unknown as { data: { id: string }[] }).data;
  expect(orders).toHaveLength(ordersBefore + 1);
  expect(orders.map((o) => o.id)).toContain(reference);
  const order = (await sonia(`/orders/${reference}`)).data.attributes as {
    totals: { grandTotal: number };
    shippingAddress: Record<string, unknown>;
  };
  expect(order.totals.grandTotal).toBe(total);
  expect(order.shippingAddress).toMatchObject({
    address1: 'Julie-Wolfthorn-Straße',
    address2: '3',
  });
  const saved = (await sonia('/customers/DE--21/addresses')) as unknown as {
    data: { attributes: { address2: string } }[];
  };
  expect(saved.data.map((a) => a.attributes.address2)).toEqual(['3']);
  // The refused attempt, then one entry for the order: the attempt whose answer was lost.
  await expect(
    page
      .getByRole('list', { name: 'Changes in this session' })
      .getByRole('listitem')
      .filter({ hasText: /order/ }),
  ).toHaveText([
    /Placed an order, .* — failed: The shop refused the order: The cart value cannot be higher than €10,000\.00/,
    new RegExp(
      `Placed order ${reference}, ${euro(total).replace('.', '\\.')}, Standard \\(DHL\\), invoice — done$`,
    ),
  ]);
});
