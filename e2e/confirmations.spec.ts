import type { Locator, Page } from '@playwright/test';
import { actAs, asSonia, expect, test, watchGlueRequests } from './fixtures';
import { DE, EN, say, switchLanguage } from './languages';
import { CANON, SONIAS_ADDRESS, STANDARD, euro } from './shop';

const CANON_SKU = '005_30663301';

const GIFT_CARD = 'GC-DEMO0050-26';
const NEW_CART = { store: 'DE', currency: 'EUR', priceMode: 'GROSS_MODE' };

/** Sonia's own carts, made outside the console: each with one Canon IXUS 175. */
async function soniasCart(sonia: Awaited<ReturnType<typeof asSonia>>, name: string) {
  const cart = await sonia.post('/carts', {
    data: { type: 'carts', attributes: { name, ...NEW_CART } },
  });
  await sonia.post(`/carts/${cart.data.id}/items`, {
    data: { type: 'items', attributes: { sku: CANON_SKU, quantity: 1 } },
  });
  return cart.data.id;
}

/** Opens a question from the control that asks it, by keyboard alone. */
async function askBy(page: Page, control: Locator, question: Locator) {
  await control.focus();
  await page.keyboard.press('Enter');
  await expect(question).toBeVisible();
}

test('every question is answered by keyboard: Escape sends nothing, Enter sends the change, a held Enter does not answer', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  test.slow(); // Six questions, axe on three of them in two languages.
  const sonia = await asSonia(glue.url);
  await sonia.post('/customers/DE--21/addresses', SONIAS_ADDRESS);
  const replacement = await soniasCart(sonia, 'Replacement');
  await sonia.post(`/carts/${replacement}/cart-codes`, {
    data: { type: 'cart-codes', attributes: { code: GIFT_CARD } },
  });
  await soniasCart(sonia, 'Phone order');
  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  type Step = `${string}, ${'cancelled' | 'held' | 'confirmed'}`;
  const requests = watchGlueRequests<Step | 'open'>(page, glue.url);
  /** Escape leaves the question unanswered: nothing is sent, the focus is back where it was. */
  const cancel = async (step: Step, control: Locator, question: Locator) => {
    requests.begin(step);
    await askBy(page, control, question);
    await page.keyboard.press('Escape');
    await expect(question).toBeHidden();
    await expect(control).toBeFocused();
    await requests.settle();
    expect(requests.sent(step)).toEqual([]);
  };
  const lines = (step: Step) =>
    requests.sent(step).map((r) => r.line.replace(/[0-9a-f-]{36}/g, '{id}'));

  // The gift card pays part of the order: asked, naming what it pays and whose order it is.
  requests.begin('open');
  await page.getByRole('link', { name: 'Replacement' }).focus();
  await page.keyboard.press('Enter');
  const codes = page.getByRole('region', { name: say(EN, 'cartCodes.title') });
  const removeCard = codes.getByRole('button', { name: `Remove ${GIFT_CARD}` });
  const cardQuestion = page.getByRole('dialog', {
    name: say(EN, 'cartCodes.removeGiftCard.title', { code: GIFT_CARD }),
  });
  await cancel('gift card, cancelled', removeCard, cardQuestion);
  await askBy(page, removeCard, cardQuestion);
  await expect(cardQuestion).toContainText(
    `The gift card ${GIFT_CARD} pays ${euro(5000)} of Sonia Wagner's order.`,
  );
  // The confirm button is the default one: it has the focus.
  await expect(
    cardQuestion.getByRole('button', { name: say(EN, 'cartCodes.removeGiftCard.remove') }),
  ).toBeFocused();
  await expectAccessible('remove a gift card?');
  await page.keyboard.press('Escape');

  // Enter held down on the button that asks: the question comes, the repeats do not answer it.
  requests.begin('gift card, held');
  await removeCard.focus();
  await page.keyboard.down('Enter');
  await expect(cardQuestion).toBeVisible();
  await page.keyboard.down('Enter');
  await page.keyboard.down('Enter');
  await page.keyboard.up('Enter');
  await expect(cardQuestion).toBeVisible();
  await requests.settle();
  expect(requests.sent('gift card, held')).toEqual([]);

  requests.begin('gift card, confirmed');
  await page.keyboard.press('Enter');
  await expect(cardQuestion).toBeHidden();
  await expect(codes.getByRole('status')).toHaveText(`“${GIFT_CARD}” is removed.`);
  await requests.settle();
  expect(lines('gift card, confirmed')).toEqual([
    `DELETE /carts/{id}/cart-codes/${GIFT_CARD}`,
    'GET /carts/{id}?include=items,concrete-products,gift-cards',
  ]);

  // Deleting the cart: asked, naming the customer, its items and that it cannot be undone.
  const deleteCart = page.getByRole('button', { name: say(EN, 'cartScreen.delete') });
  const cartQuestion = page.getByRole('dialog', {
    name: say(EN, 'cartScreen.deleteConfirm.title', { name: 'Replacement' }),
  });
  await cancel('delete cart, cancelled', deleteCart, cartQuestion);
  await askBy(page, deleteCart, cartQuestion);
  await expect(cartQuestion).toHaveText(
    new RegExp(
      'Sonia Wagner loses the cart “Replacement” and its 1 item\\. This cannot be undone\\.',
    ),
  );
  await expectAccessible('delete a cart?');
  await page.keyboard.press('Escape');
  await switchLanguage(page, 'de');
  const frage = page.getByRole('dialog', {
    name: say(DE, 'cartScreen.deleteConfirm.title', { name: 'Replacement' }),
  });
  await askBy(page, page.getByRole('button', { name: say(DE, 'cartScreen.delete') }), frage);
  await expect(frage).toContainText(
    'Sonia Wagner verliert den Warenkorb „Replacement“ und seinen 1 Artikel.',
  );
  await expectAccessible('delete a cart?, German');
  await page.keyboard.press('Escape');
  await switchLanguage(page, 'en');

  requests.begin('delete cart, confirmed');
  await askBy(page, deleteCart, cartQuestion);
  await page.keyboard.press('Enter');
  // Back on the carts, which say what went; Sonia's account holds the other cart alone.
  await expect(
    page.getByRole('status').filter({ hasText: 'Cart “Replacement” deleted.' }),
  ).toBeAttached();
  const carts = page.getByRole('region', { name: say(EN, 'carts.title') });
  await expect(carts.getByRole('link', { name: 'Replacement' })).toHaveCount(0);
  await expect(carts.getByRole('link', { name: 'Phone order' })).toBeVisible();
  await requests.settle();
  expect(lines('delete cart, confirmed')).toEqual([
    'DELETE /carts/{id}',
    'GET /carts?include=items,concrete-products,gift-cards',
  ]);
  const left = (await sonia('/carts')) as unknown as { data: { attributes: { name: string } }[] };
  expect(left.data.map((cart) => cart.attributes.name)).toEqual(['Phone order']);

  // Placing the order: asked, naming the total, the shipment, the payment and the address.
  await carts.getByRole('link', { name: 'Phone order' }).click();
  await page.getByRole('link', { name: say(EN, 'checkout.start') }).click();
  const total = CANON.price + STANDARD;
  const place = page.getByRole('button', { name: `Place order for Sonia Wagner — ${euro(total)}` });
  const orderQuestion = page.getByRole('dialog', {
    name: say(EN, 'checkout.confirm.title', { name: 'Sonia Wagner' }),
  });
  await expect(place).toBeVisible();
  await requests.settle();
  await cancel('place order, cancelled', place, orderQuestion);
  await askBy(page, place, orderQuestion);
  await expect(orderQuestion).toContainText(
    `The order comes to ${euro(total)} in all. It ships by Standard (DHL) to Julie-Wolfthorn-Straße 1, 10115 Berlin and is paid by invoice.`,
  );
  await expectAccessible('place the order?');
  await page.keyboard.press('Escape');
  await switchLanguage(page, 'de');
  const bestellen = page.getByRole('dialog', {
    name: say(DE, 'checkout.confirm.title', { name: 'Sonia Wagner' }),
  });
  await askBy(page, page.getByRole('button', { name: /^Bestellung für Sonia Wagner/ }), bestellen);
  await expect(bestellen).toContainText('per Rechnung bezahlt');
  await expectAccessible('place the order?, German');
  await page.keyboard.press('Escape');
  await switchLanguage(page, 'en');
  requests.begin('place order, confirmed');
  await askBy(page, place, orderQuestion);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Order DE--\d+ placed$/ })).toBeVisible();
  await requests.settle();
  expect(lines('place order, confirmed')).toEqual(['POST /checkout?include=orders']);

  const changes = page.getByRole('list', { name: 'Changes in this session' });
  for (const change of [
    `Removed code ${GIFT_CARD} from “Replacement” — done`,
    'Deleted the cart “Replacement” — done',
    /Placed order DE--\d+, .*, Standard \(DHL\), invoice — done/,
  ]) {
    await expect(changes).toContainText(change);
  }
});

test('the account’s questions by keyboard: an address, a password reset, a return, a move to a cart chosen in a select', async ({
  page,
  glue,
  signInAsAgent,
}) => {
  test.slow();
  const sonia = await asSonia(glue.url);
  const address = await sonia.post('/customers/DE--21/addresses', SONIAS_ADDRESS);
  const orders = ((await sonia('/orders?sort=-createdAt')) as unknown as { data: { id: string }[] })
    .data;
  const newest = orders[0]!.id;
  const wishlist = await sonia.post('/wishlists', {
    data: { type: 'wishlists', attributes: { name: 'Camera' } },
  });
  await sonia.post(`/wishlists/${wishlist.data.id}/wishlist-items`, {
    data: { type: 'wishlist-items', attributes: { sku: CANON_SKU } },
  });
  await soniasCart(sonia, 'Everyday');
  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  type Step = 'open' | `${string}, ${'cancelled' | 'confirmed'}`;
  const requests = watchGlueRequests<Step>(page, glue.url);
  requests.begin('open');
  const cancel = async (step: Step, control: Locator, question: Locator) => {
    requests.begin(step);
    await askBy(page, control, question);
    await page.keyboard.press('Escape');
    await expect(question).toBeHidden();
    await expect(control).toBeFocused();
    await requests.settle();
    expect(requests.sent(step)).toEqual([]);
  };
  const lines = (step: Step) => requests.sent(step).map((r) => r.line);

  // An address: the question names the customer.
  await page.keyboard.press('a');
  const deleteAddress = page.getByRole('button', { name: /^Delete/ });
  await expect(deleteAddress).toBeVisible();
  await requests.settle();
  const addressQuestion = page.getByRole('dialog', {
    name: say(EN, 'addresses.delete.title', { customer: 'Sonia Wagner' }),
  });
  await cancel('address, cancelled', deleteAddress, addressQuestion);
  requests.begin('address, confirmed');
  await askBy(page, deleteAddress, addressQuestion);
  await page.keyboard.press('Enter');
  await expect(page.getByText(say(EN, 'addresses.none'))).toBeVisible();
  await requests.settle();
  expect(lines('address, confirmed')).toEqual([
    `DELETE /customers/DE--21/addresses/${address.data.id}`,
  ]);

  // A password reset: the same question as ever, in the same dialog.
  await page.keyboard.press('p');
  const reset = page.getByRole('button', { name: say(EN, 'passwordReset.send') });
  const resetQuestion = page.getByRole('dialog', {
    name: say(EN, 'passwordReset.confirm.title', { name: 'Sonia Wagner' }),
  });
  await expect(reset).toBeVisible();
  await requests.settle();
  await cancel('password reset, cancelled', reset, resetQuestion);
  requests.begin('password reset, confirmed');
  await askBy(page, reset, resetQuestion);
  await page.keyboard.press('Enter');
  await expect(
    page.getByText(say(EN, 'passwordReset.sent', { email: 'sonia@acme.com' })),
  ).toHaveRole('status');
  await requests.settle();
  expect(lines('password reset, confirmed')).toEqual(['POST /customer-forgotten-password']);

  // A return: without a reason, the form says so and asks nothing; with one, it asks first.
  requests.begin('open');
  await page.keyboard.press('o');
  await page.getByRole('link', { name: newest }).click();
  await page.getByRole('button', { name: say(EN, 'returns.open') }).click();
  const form = page.getByRole('form', { name: say(EN, 'returns.title') });
  const reason = form.getByLabel(say(EN, 'returns.reason'));
  await expect(reason.getByRole('option', { name: 'Damaged' })).toBeAttached();
  await form.getByRole('checkbox').first().focus();
  await page.keyboard.press('Space');
  const submit = form.getByRole('button', { name: 'Return 1 item' });
  const returnQuestion = page.getByRole('dialog', {
    name: say(EN, 'returns.confirm.title', { reference: newest, customer: 'Sonia Wagner' }),
  });
  await submit.focus();
  await page.keyboard.press('Enter');
  await expect(form.getByText(say(EN, 'returns.reasonMissing'))).toBeVisible();
  await expect(returnQuestion).toBeHidden();
  await expect(reason).toBeFocused();
  await reason.selectOption('Damaged');
  await requests.settle();
  await cancel('return, cancelled', submit, returnQuestion);
  requests.begin('return, confirmed');
  await askBy(page, submit, returnQuestion);
  await expect(returnQuestion).toContainText('This item goes back for the reason “Damaged”:');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Return DE--21-R1 created for 1 item/)).toBeVisible();
  await requests.settle();
  expect(lines('return, confirmed').filter((line) => !line.startsWith('GET '))).toEqual([
    'POST /returns',
  ]);

  // A move to a cart: Enter in the dialog's select answers it, with the cart chosen there.
  requests.begin('open');
  await page.keyboard.press('w');
  await page.getByRole('link', { name: 'Camera' }).click();
  const move = page.getByRole('button', { name: `Move ${CANON.name} to a cart` });
  const moveQuestion = page.getByRole('dialog', { name: `Move ${CANON.name} to which cart?` });
  await expect(move).toBeVisible();
  await requests.settle();
  await cancel('move, cancelled', move, moveQuestion);
  requests.begin('move, confirmed');
  await askBy(page, move, moveQuestion);
  const cartChoice = moveQuestion.getByLabel(say(EN, 'wishlistScreen.moveDialog.cart'));
  await cartChoice.focus();
  await page.keyboard.press('Enter');
  await expect(moveQuestion).toBeHidden();
  await expect(page.getByText(say(EN, 'wishlistScreen.empty'))).toBeVisible();
  await requests.settle();
  expect(
    lines('move, confirmed')
      .filter((line) => !line.startsWith('GET '))
      .map((line) => line.replace(/[0-9a-f-]{36}/g, '{id}')),
  ).toEqual([
    'POST /carts/{id}/items?include=items,concrete-products,gift-cards',
    `DELETE /wishlists/{id}/wishlist-items/${CANON_SKU}`,
  ]);
});

test('a cart the shop refuses to delete stays on the screen as Glue holds it, and the log says it failed', async ({
  page,
  glue,
  signInAsAgent,
}) => {
  const sonia = await asSonia(glue.url);
  const cartId = await soniasCart(sonia, 'Replacement');
  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  await page.getByRole('link', { name: 'Replacement' }).click();
  const requests = watchGlueRequests<'delete'>(page, glue.url);
  await page.route(`${glue.url}/carts/${cartId}`, (route) =>
    route.request().method() === 'DELETE'
      ? route.fulfill({
          status: 422,
          contentType: 'application/vnd.api+json',
          body: JSON.stringify({
            errors: [{ status: 422, code: '105', detail: 'Cart could not be deleted.' }],
          }),
        })
      : route.continue(),
  );
  requests.begin('delete');
  await askBy(
    page,
    page.getByRole('button', { name: say(EN, 'cartScreen.delete') }),
    page.getByRole('dialog', {
      name: say(EN, 'cartScreen.deleteConfirm.title', { name: 'Replacement' }),
    }),
  );
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText(
    'Deleting the cart “Replacement” failed. The cart could not be deleted.',
  );
  await expect(page.getByRole('heading', { name: 'Replacement' })).toBeVisible();
  await requests.settle();
  // Refused: the cart is read again, so the screen shows what Glue holds (the list, not on the
  // screen, is read when it shows next).
  expect(requests.sent('delete').map((r) => r.line)).toEqual([
    `DELETE /carts/${cartId}`,
    `GET /carts/${cartId}?include=items,concrete-products,gift-cards`,
  ]);
  await expect(page.getByRole('list', { name: 'Changes in this session' })).toContainText(
    'Deleted the cart “Replacement” — failed: The cart could not be deleted.',
  );
});
