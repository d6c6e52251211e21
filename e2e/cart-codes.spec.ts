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

// Demo data (contract §10a): the Acer Liquid Jade is white, so "5% off white" applies to it.
const JADE = { name: 'Acer Liquid Jade', search: 'Liquid Jade', abstractSku: '058', price: 3454 };
const VOUCHER = 'sprykerku2f';

/** An independent reckoning of a 5 % voucher on one line: PHP's round(), halves away from 0. */
const fivePercent = (cents: number) => Math.round((cents * 5) / 100);

test('a goodwill voucher on Sonia’s next order: applied, checked, ordered, and the same figures in her account', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  test.slow(); // A whole order with a code, axe in two languages, her account and the audit trail.
  const sonia = await asSonia(glue.url);
  await sonia.post('/customers/DE--21/addresses', SONIAS_ADDRESS);
  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  await page.getByLabel('New cart').fill('Goodwill');
  await page.getByRole('button', { name: 'Create cart' }).click();
  await page.getByRole('link', { name: 'Goodwill' }).click();
  const codes = page.getByRole('region', { name: say(EN, 'cartCodes.title') });
  await expect(codes).toContainText(say(EN, 'cartCodes.empty'));
  const field = codes.getByLabel(say(EN, 'cartCodes.label'));
  const apply = codes.getByRole('button', { name: say(EN, 'cartCodes.apply') });

  // Too early: Glue's 3302 says no more than "can't be added"; the console knows the cart is empty.
  await field.fill(VOUCHER);
  await field.press('Enter');
  await expect(codes.getByRole('alert')).toContainText(
    `Could not apply “${VOUCHER}”: ${say(EN, 'cartCodes.refusedOnEmptyCart')}`,
  );
  await addByName(page, JADE, 1);
  const requests = watchGlueRequests<'typo' | 'voucher' | 'again' | 'gift card' | 'remove'>(
    page,
    glue.url,
  );

  // A typo (the letters' case counts): the shop refuses it, the field keeps it to fix.
  requests.begin('typo');
  await field.fill(VOUCHER.toUpperCase());
  await field.press('Enter');
  await expect(codes.getByRole('alert')).toContainText(
    `Could not apply “${VOUCHER.toUpperCase()}”: The shop did not take this code`,
  );
  await expect(field).toHaveValue(VOUCHER.toUpperCase());
  await expectAccessible('cart, code refused');

  // Fixed: 5 % off the white phone, the discount line and the grand total as the shop computes.
  requests.begin('voucher');
  await field.fill(VOUCHER);
  await apply.click();
  const discount = fivePercent(JADE.price);
  const grandTotal = JADE.price - discount;
  await expect(codes.getByRole('status')).toHaveText(`“${VOUCHER}” takes ${euro(discount)} off.`);
  await expect(field).toHaveValue('');
  await expect(codes.getByRole('listitem')).toHaveText([
    `${VOUCHER}5% off white−${euro(discount)}Remove ${VOUCHER}`,
  ]);
  const totals = page.getByLabel(say(EN, 'carts.totals.label'));
  await expect(totals).toContainText(`Discounts−${euro(discount)}`);
  await expect(totals).toContainText(`Grand total${euro(grandTotal)}`);
  await requests.settle();
  expect(requests.sent('typo').map((r) => r.line.replace(/[0-9a-f-]{36}/, '{id}'))).toEqual([
    'POST /carts/{id}/cart-codes?include=items,concrete-products,gift-cards',
  ]);
  expect(requests.sent('voucher')).toHaveLength(1);
  expect(requests.sent('voucher')[0]!.body).toEqual({
    data: { type: 'cart-codes', attributes: { code: VOUCHER } },
  });

  // Typed again: already there, and Glue is not asked.
  requests.begin('again');
  await field.fill(VOUCHER);
  await apply.click();
  await expect(codes.getByRole('status')).toHaveText(
    `“${VOUCHER}” is already applied to this cart.`,
  );

  // A gift card would pay it all; tried, then taken off again (its 204 answers no cart: one read).
  requests.begin('gift card');
  await field.fill('GC-DEMO0050-26');
  await apply.click();
  await expect(codes.getByRole('status')).toHaveText(
    `Gift card “GC-DEMO0050-26” pays ${euro(grandTotal)}.`,
  );
  await expect(totals).toContainText(`Left to pay${euro(0)}`);
  await expectAccessible('cart with a voucher and a gift card');
  await switchLanguage(page, 'de');
  await expect(page.getByRole('heading', { name: say(DE, 'cartCodes.title') })).toBeVisible();
  // The codes and the discount's name are the shop's data, like the cart's and the product's.
  await expectOnly(page, 'de', 'cart with codes', [
    'Goodwill',
    REASON,
    JADE.name,
    VOUCHER,
    'GC-DEMO0050-26',
    '5% off white',
  ]);
  await expectAccessible('cart with codes, German');
  await switchLanguage(page, 'en');
  requests.begin('remove');
  await codes.getByRole('button', { name: 'Remove GC-DEMO0050-26' }).click();
  // A gift card pays part of the order: its removal is asked first, naming what it pays.
  const ask = page.getByRole('dialog', {
    name: say(EN, 'cartCodes.removeGiftCard.title', { code: 'GC-DEMO0050-26' }),
  });
  await expect(ask).toContainText(`pays ${euro(grandTotal)} of Sonia Wagner's order`);
  await ask.getByRole('button', { name: say(EN, 'cartCodes.removeGiftCard.remove') }).click();
  await expect(codes.getByRole('status')).toHaveText('“GC-DEMO0050-26” is removed.');
  await expect(field).toBeFocused();
  await expect(codes.getByRole('listitem')).toHaveCount(1);
  await requests.settle();
  expect(requests.sent('again')).toEqual([]);
  expect(requests.sent('remove').map((r) => r.line.replace(/[0-9a-f-]{36}/, '{id}'))).toEqual([
    'DELETE /carts/{id}/cart-codes/GC-DEMO0050-26',
    'GET /carts/{id}?include=items,concrete-products,gift-cards',
  ]);

  // Checkout: the review and the button carry the discount.
  await page.getByRole('link', { name: say(EN, 'checkout.start') }).click();
  const total = grandTotal + STANDARD;
  const place = page.getByRole('button', { name: /^Place order for Sonia Wagner — / });
  await expect(place).toHaveAccessibleName(`Place order for Sonia Wagner — ${euro(total)}`);
  await expect(page.getByLabel(say(EN, 'checkout.review.totals'))).toContainText(
    `Discounts−${euro(discount)}`,
  );
  await place.click();
  await page
    .getByRole('dialog', { name: say(EN, 'checkout.confirm.title', { name: 'Sonia Wagner' }) })
    .getByRole('button', { name: say(EN, 'checkout.confirm.place') })
    .click();
  const placed = page.getByRole('heading', { name: /^Order DE--\d+ placed$/ });
  await expect(placed).toBeVisible();
  const reference = (await placed.textContent())!.match(/DE--\d+/)![0];

  // Sonia, in her own account: the order with that discount, to the cent.
  const order = (await sonia(`/orders/${reference}`)).data.attributes as {
    totals: { subtotal: number; discountTotal: number; grandTotal: number };
    calculatedDiscounts: Record<string, { sumAmount: number; voucherCode: string | null }>;
  };
  expect(order.totals).toMatchObject({
    subtotal: JADE.price,
    discountTotal: discount,
    grandTotal: total,
  });
  expect(order.calculatedDiscounts['5% off white']).toMatchObject({
    sumAmount: discount,
    voucherCode: VOUCHER,
  });

  // The console's order screen shows what she sees.
  await page.getByRole('link', { name: say(EN, 'checkout.placed.open') }).click();
  const orderTotals = page.getByLabel(say(EN, 'orders.totals.label'));
  await expect(orderTotals).toContainText(`5% off white (code ${VOUCHER})−${euro(discount)}`);
  await expect(orderTotals).toContainText(`Grand total${euro(total)}`);

  // The session's activity and the stand-in's audit trail hold every code tried.
  const activity = page.getByRole('list', { name: 'Changes in this session' });
  await expect(activity).toContainText(
    `Applied code ${VOUCHER.toUpperCase()} to “Goodwill” — failed: The shop did not take this code`,
  );
  await expect(activity).toContainText(
    `Applied code ${VOUCHER} to “Goodwill”, taking ${euro(discount)} off — done`,
  );
  await expect(activity).toContainText(
    `Applied code GC-DEMO0050-26 to “Goodwill”, a gift card paying ${euro(grandTotal)} — done`,
  );
  await expect(activity).toContainText('Removed code GC-DEMO0050-26 from “Goodwill” — done');
  await page.getByRole('link', { name: '← Back to the orders' }).click();
  await expect(await assistedChanges(page)).toHaveText([
    // Make changes, from the stand-in's trail (issue 14), comes first.
    /Switched to change mode$/,
    /Created cart “Goodwill” — done$/,
    new RegExp(`Applied code ${VOUCHER} to a cart — failed \\(422 3302\\)$`),
    /Added 058_24245592 to “Goodwill”: quantity 0 → 1 — done$/,
    // A refusal is recorded on its own, after the request: with its code, not the cart's name.
    new RegExp(`Applied code ${VOUCHER.toUpperCase()} to a cart — failed \\(422 3302\\)$`),
    new RegExp(`Applied code ${VOUCHER} to “Goodwill” — done$`),
    /Applied code GC-DEMO0050-26 to “Goodwill” — done$/,
    /Removed code GC-DEMO0050-26 from “Goodwill” — done$/,
    new RegExp(`Placed order ${reference} — done$`),
  ]);
});

test('a gift card pays part of an order: what it paid and what is left, the same on screen and in her account', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  const sonia = await asSonia(glue.url);
  await sonia.post('/customers/DE--21/addresses', SONIAS_ADDRESS);
  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  await page.getByLabel('New cart').fill('Birthday');
  await page.getByRole('button', { name: 'Create cart' }).click();
  await page.getByRole('link', { name: 'Birthday' }).click();
  await addByName(page, CANON, 1);
  const codes = page.getByRole('region', { name: say(EN, 'cartCodes.title') });
  const field = codes.getByLabel(say(EN, 'cartCodes.label'));

  // A card spent before holds nothing: refused, with why.
  await field.fill('GC-DEMOSPNT-26');
  await field.press('Enter');
  await expect(codes.getByRole('alert')).toContainText('Could not apply “GC-DEMOSPNT-26”');
  // An empty field is not sent.
  await field.fill('  ');
  await field.press('Enter');
  await expect(codes.getByText(say(EN, 'cartCodes.blank'))).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill('GC-DEMO0050-26');
  await field.press('Enter');
  await expect(codes.getByRole('status')).toHaveText(
    `Gift card “GC-DEMO0050-26” pays ${euro(5000)}.`,
  );
  await expect(codes.getByRole('listitem')).toHaveText([
    `GC-DEMO0050-26Gift card, balance ${euro(5000)}pays ${euro(5000)}Remove GC-DEMO0050-26`,
  ]);
  const totals = page.getByLabel(say(EN, 'carts.totals.label'));
  await expect(totals).toContainText(`Grand total${euro(CANON.price)}`);
  await expect(totals).toContainText(`Paid by gift cards−${euro(5000)}`);
  await expect(totals).toContainText(`Left to pay${euro(CANON.price - 5000)}`);

  // In checkout the card pays the order's total, shipment included.
  await page.getByRole('link', { name: say(EN, 'checkout.start') }).click();
  const total = CANON.price + STANDARD;
  const review = page.getByLabel(say(EN, 'checkout.review.totals'));
  await expect(review).toContainText(`Paid by gift cards−${euro(5000)}`);
  await expect(review).toContainText(`Left to pay${euro(total - 5000)}`);
  await expectAccessible('checkout with a gift card');
  await page.getByRole('button', { name: `Place order for Sonia Wagner — ${euro(total)}` }).click();
  await page
    .getByRole('dialog', { name: say(EN, 'checkout.confirm.title', { name: 'Sonia Wagner' }) })
    .getByRole('button', { name: say(EN, 'checkout.confirm.place') })
    .click();
  const placed = page.getByRole('heading', { name: /^Order DE--\d+ placed$/ });
  await expect(placed).toBeVisible();
  const reference = (await placed.textContent())!.match(/DE--\d+/)![0];

  const order = (await sonia(`/orders/${reference}`)).data.attributes as {
    totals: { grandTotal: number };
    payments: { amount: number; paymentMethod: string }[];
  };
  expect(order.totals.grandTotal).toBe(total);
  expect(order.payments).toEqual([
    expect.objectContaining({ amount: 5000, paymentMethod: 'GiftCard' }),
    expect.objectContaining({ amount: total - 5000, paymentMethod: 'Invoice' }),
  ]);
  await page.getByRole('link', { name: say(EN, 'checkout.placed.open') }).click();
  const orderTotals = page.getByLabel(say(EN, 'orders.totals.label'));
  await expect(orderTotals).toContainText(`Paid by gift card${euro(5000)}`);
  await expect(orderTotals).toContainText(`Paid by invoice${euro(total - 5000)}`);
  await expectAccessible('order paid by a gift card');
  await switchLanguage(page, 'de');
  await expect(page.getByLabel(say(DE, 'orders.totals.label'))).toContainText(
    'Bezahlt per Geschenkkarte',
  );
  await expectAccessible('order paid by a gift card, German');
});
