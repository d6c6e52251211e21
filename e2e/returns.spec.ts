import { REASON, actAs, asSonia, expect, test, watchGlueRequests } from './fixtures';
import { DE, EN, expectOnly, say, switchLanguage } from './languages';

interface OrderItem {
  uuid: string;
  sku: string;
  name: string;
  quantity: number;
  isReturnable: boolean;
}

test('“I want to send this back”: the agent returns one item of Sonia’s newest order with the shop’s reason, and Sonia sees the return', async ({
  page,
  glue,
  signInAsAgent,
  expectAccessible,
}) => {
  test.slow(); // Axe on three screens, in two languages.
  const sonia = await asSonia(glue.url);
  const orders = ((await sonia('/orders?sort=-createdAt')) as unknown as { data: { id: string }[] })
    .data;
  // Her newest order was delivered within 30 days (§12); the older ones are past the period.
  const [newest, older] = [orders[0]!.id, orders[1]!.id];
  const items = (await sonia(`/orders/${newest}`)).data.attributes.items as OrderItem[];
  expect(items.every((item) => item.isReturnable)).toBe(true);
  const item = items[0]!;
  const line = `${item.quantity} × ${item.name} (${item.sku})`;

  await signInAsAgent();
  await actAs(page, 'sonia', 'Sonia Wagner');
  await page.keyboard.press('o');
  await page.getByRole('button', { name: say(EN, 'returns.list.show') }).click();
  await expect(page.getByText(say(EN, 'returns.list.none'))).toBeVisible();

  // An older order: nothing can go back, and each item says why.
  const requests = watchGlueRequests<'load' | 'older' | 'open' | 'no reason' | 'create'>(
    page,
    glue.url,
  );
  requests.begin('load');
  await page.getByRole('link', { name: older }).click();
  await expect(page.getByRole('heading', { name: `Order ${older}` })).toBeVisible();
  await requests.settle();
  requests.begin('older');
  await page.getByRole('button', { name: say(EN, 'returns.open') }).click();
  await expect(page.getByText(say(EN, 'returns.noneReturnable'))).toBeVisible();
  await expect(page.getByRole('form', { name: say(EN, 'returns.title') })).toContainText(
    /ordered \d+ days ago, the return period is 30 days/,
  );
  await requests.settle();
  // Only the shop's reasons (public, in the agent's language), once a session and language.
  expect(requests.sent('older').map((r) => r.line)).toEqual(['GET /return-reasons']);
  await page.goBack();

  await page.getByRole('link', { name: newest }).click();
  await expect(page.getByRole('heading', { name: `Order ${newest}` })).toBeVisible();
  await requests.settle();
  requests.begin('open');
  await page.getByRole('button', { name: say(EN, 'returns.open') }).click();
  const form = page.getByRole('form', { name: say(EN, 'returns.title') });
  await expect(form.getByRole('checkbox')).toHaveCount(items.length);
  const reason = form.getByLabel(say(EN, 'returns.reason'));
  await expect(reason.getByRole('option', { name: 'Damaged' })).toBeAttached();
  await requests.settle();
  // The shop's reasons were asked once, for the older order's form; the order is on the screen.
  expect(requests.sent('open')).toEqual([]);
  await expectAccessible('return items');

  // No reason chosen: said at the field, nothing sent.
  requests.begin('no reason');
  await form.getByRole('checkbox', { name: line }).check();
  await form.getByRole('button', { name: 'Return 1 item' }).click();
  await expect(form.getByText(say(EN, 'returns.reasonMissing'))).toBeVisible();
  await expect(reason).toBeFocused();
  await requests.settle();
  expect(requests.sent('no reason')).toEqual([]);

  // In German, the shop's reasons in German: asked again, in the agent's language.
  await switchLanguage(page, 'de');
  await expect(
    page.getByLabel(say(DE, 'returns.reason')).getByRole('option', { name: 'Beschädigt' }),
  ).toBeAttached();
  await expectOnly(page, 'de', 'return items', [REASON, item.name, 'Sonia Wagner']);
  await expectAccessible('return items, German');
  await switchLanguage(page, 'en');

  requests.begin('create');
  await reason.selectOption('Damaged');
  await form.getByRole('button', { name: 'Return 1 item' }).click();
  // Asked first, naming the order, the item and the reason.
  const ask = page.getByRole('dialog', {
    name: say(EN, 'returns.confirm.title', { reference: newest, customer: 'Sonia Wagner' }),
  });
  await expect(ask).toContainText('This item goes back for the reason “Damaged”:');
  await expect(ask.getByRole('listitem')).toHaveText([line]);
  await ask.getByRole('button', { name: say(EN, 'returns.confirm.create') }).click();
  await expect(page.getByText(/^Return DE--21-R1 created for 1 item/)).toHaveRole('status');
  const row = page.getByRole('row').filter({ hasText: item.sku }).first();
  await expect(row).toContainText(say(EN, 'orders.state.waitingForReturn'));
  await requests.settle();
  const sent = requests.sent('create');
  expect(sent.find((r) => r.line === 'POST /returns')).toEqual({
    line: 'POST /returns',
    path: '/returns',
    body: {
      data: {
        type: 'returns',
        attributes: {
          store: 'DE',
          returnItems: [{ salesOrderItemUuid: item.uuid, reason: 'Damaged' }],
        },
      },
    },
  });
  // The store once a session, the order read again to show the item's new state.
  expect(sent.map((r) => r.line).toSorted()).toEqual(
    ['GET /stores', `GET /orders/${newest}`, 'POST /returns'].toSorted(),
  );

  // The item is no longer offered; the Returns list shows it, with its reason and state.
  await page.getByRole('button', { name: say(EN, 'returns.open') }).click();
  await expect(form.getByRole('checkbox')).toHaveCount(items.length - 1);
  await expect(form).toContainText(`${line} — ${say(EN, 'returns.why.inReturn')}`);
  await page.keyboard.press('o');
  await page.getByRole('button', { name: say(EN, 'returns.list.show') }).click();
  const returns = page.getByRole('list', { name: 'Items of return DE--21-R1' });
  await expect(returns).toContainText(`${line}, reason “Damaged” Being returned`);
  await expectAccessible('returns list');

  await switchLanguage(page, 'de');
  await expect(page.getByRole('heading', { name: say(DE, 'returns.list.title') })).toBeVisible();
  await expectOnly(page, 'de', 'returns list', [REASON, item.name, 'Damaged']);
  await expectAccessible('returns list, German');
  await switchLanguage(page, 'en');

  // Sonia, signed in herself, sees the same return.
  const own = (await sonia('/returns?include=return-items')) as unknown as {
    data: { id: string }[];
    included: { attributes: { orderItemUuid: string; reason: string } }[];
  };
  expect(own.data.map((r) => r.id)).toEqual(['DE--21-R1']);
  expect(own.included.map((i) => i.attributes)).toEqual([
    expect.objectContaining({ orderItemUuid: item.uuid, reason: 'Damaged' }),
  ]);
  await expect(page.getByRole('list', { name: 'Changes in this session' })).toContainText(
    `Started return DE--21-R1 of ${item.name} (${item.sku}) from order ${newest}, reason “Damaged” — done`,
  );
});
