import { beforeAll, describe, expect, it } from 'vitest';
import { formatsFor } from '../../i18n/format';
import { translatorFor, type Translate } from '../../i18n/translate';
import { GlueError } from '../../lib/glue-errors';
import { runOutReason } from '../impersonation/use-session-clocks';
import { describeChange, recapJson, recapText } from './recap';
import { NO_ITEM, SessionLog, failedWith } from './session-log';

/** The recap is English whatever the agent's language: the copy and save handlers use this. */
let english: Translate;
beforeAll(async () => {
  english = await translatorFor('en');
});

const SONIA = {
  customerReference: 'DE--21',
  email: 'sonia@acme.com',
  firstName: 'Sonia',
  lastName: 'Wagner',
};
const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);

/** A scripted session: started in view mode, then Make changes; a cart made, an item added, a failed change, a removal. */
function scriptedSession() {
  let now = T0;
  const log = new SessionLog(() => now);
  log.start('admin@spryker.com', SONIA, 'TICKET-4711 wrong delivery address', 'view');
  now += 5_000;
  log.setMode('change');
  now += 5_000;
  const cart = log.begin({
    action: 'create-cart',
    cartId: null,
    cartName: 'Birthday',
    sku: null,
    productName: null,
    quantityBefore: null,
    quantityAfter: null,
    address: null,
  });
  log.settle(cart, { status: 'done', cartId: 'c-1' });
  now += 20_000;
  const item = {
    cartId: 'c-1',
    cartName: 'Birthday',
    sku: '005_30663301',
    productName: 'Canon IXUS 175',
    address: null,
  };
  const add = log.begin({ ...item, action: 'add-item', quantityBefore: 0, quantityAfter: 3 });
  log.settle(add, { status: 'done', quantityAfter: 3 });
  now += 30_000;
  const change = log.begin({
    ...item,
    action: 'change-quantity',
    quantityBefore: 3,
    quantityAfter: 0,
  });
  log.settle(
    change,
    failedWith(
      new GlueError(
        422,
        '901',
        'quantity => This value should be greater than 0.',
        '/carts/c-1/items/005_30663301',
      ),
    ),
  );
  now += 60_000;
  const remove = log.begin({ ...item, action: 'remove-item', quantityBefore: 3, quantityAfter: 0 });
  log.settle(remove, { status: 'done' });
  now += 300_000;
  log.end(null);
  return log;
}

describe('the session recap', () => {
  it('says who, why, when and every change, before and after, as text', () => {
    const [record] = scriptedSession().getState().past;
    expect(recapText(record!, english)).toBe(
      [
        'Assisted session: Sonia Wagner (sonia@acme.com, DE--21)',
        'Agent: admin@spryker.com',
        'Reason: TICKET-4711 wrong delivery address',
        'Started in view mode',
        'From 2026-11-23 12:00:00 UTC to 2026-11-23 12:07:00 UTC (7 min)',
        'Changes: 4, 1 failed',
        '- 2026-11-23 12:00:05 UTC Switched to change mode: changes to the account allowed',
        '- 2026-11-23 12:00:10 UTC Created cart “Birthday” — done',
        '- 2026-11-23 12:00:30 UTC Added Canon IXUS 175 (005_30663301) to “Birthday”: quantity 0 → 3 — done',
        '- 2026-11-23 12:01:00 UTC Changed the quantity of Canon IXUS 175 (005_30663301) in “Birthday”: quantity 3 → 3 — failed: Glue did not accept the values sent. (Glue: “quantity => This value should be greater than 0.”)',
        '- 2026-11-23 12:02:00 UTC Removed Canon IXUS 175 (005_30663301) from “Birthday”: quantity 3 → 0 — done',
        '',
      ].join('\n'),
    );
  });

  it('holds the same as JSON', () => {
    const [record] = scriptedSession().getState().past;
    const json = JSON.parse(recapJson(record!, english)) as Record<string, unknown>;
    expect(json).toMatchObject({
      agent: 'admin@spryker.com',
      customer: SONIA,
      reason: 'TICKET-4711 wrong delivery address',
      startedInMode: 'view',
      startedAt: '2026-11-23T12:00:00.000Z',
      endedAt: '2026-11-23T12:07:00.000Z',
      endedBecause: null,
    });
    expect(json.changes).toHaveLength(5);
    expect((json.changes as unknown[])[2]).toEqual({
      at: '2026-11-23T12:00:30.000Z',
      action: 'add-item',
      cartId: 'c-1',
      cartName: 'Birthday',
      sku: '005_30663301',
      productName: 'Canon IXUS 175',
      quantityBefore: 0,
      quantityAfter: 3,
      address: null,
      order: null,
      code: null,
      returned: null,
      wishlist: null,
      status: 'done',
      error: null,
      glueSaid: null,
    });
    // In the order docs/recap.md gives them: tools and people diff these files.
    expect(Object.keys((json.changes as object[])[2]!)).toEqual([
      'at',
      'action',
      'cartId',
      'cartName',
      'sku',
      'productName',
      'quantityBefore',
      'quantityAfter',
      'address',
      'order',
      'code',
      'returned',
      'wishlist',
      'status',
      'glueSaid',
      'error',
    ]);
  });

  it('keeps its texts in English, while the screen says the same in the agent’s language', async () => {
    const log = scriptedSession();
    const [record] = log.getState().past;
    const json = JSON.parse(recapJson(record!, english)) as { changes: { error: unknown }[] };
    expect(json.changes[3]!.error).toBe('Glue did not accept the values sent.');
    // Glue's own words go into the ticket as they are.
    expect((json.changes[3] as { glueSaid?: unknown }).glueSaid).toBe(
      'quantity => This value should be greater than 0.',
    );
    log.start('admin@spryker.com', SONIA, null);
    log.end(runOutReason('idle', 0.05));
    const ended = JSON.parse(recapJson(log.getState().past[0]!, english)) as Record<
      string,
      unknown
    >;
    expect(ended.endedBecause).toBe('Ended after 3 seconds without activity.');

    const german = await translatorFor('de');
    expect(record!.entries.map((entry) => german(describeChange(entry)))).toEqual([
      'In den Änderungsmodus gewechselt: Änderungen am Konto erlaubt',
      'Warenkorb „Birthday“ angelegt – erledigt',
      'Canon IXUS 175 (005_30663301) zum Warenkorb „Birthday“ hinzugefügt: Menge 0 → 3 – erledigt',
      expect.stringMatching(
        /^Menge von Canon IXUS 175 \(005_30663301\) im Warenkorb „Birthday“ geändert: Menge 3 → 3 – fehlgeschlagen: \S/,
      ),
      'Canon IXUS 175 (005_30663301) aus dem Warenkorb „Birthday“ entfernt: Menge 3 → 0 – erledigt',
    ]);
  });

  it('records a placed order: its reference, the total charged, the shipment and the payment', async () => {
    const log = new SessionLog(() => T0);
    log.start('admin@spryker.com', SONIA, null);
    const order = {
      reference: null,
      grandTotal: 492_024,
      currency: 'EUR',
      shipment: 'Standard (DHL)',
      payment: 'Invoice',
    };
    const id = log.begin({
      action: 'place-order',
      cartId: 'c-1',
      cartName: 'Birthday',
      sku: null,
      productName: null,
      quantityBefore: null,
      quantityAfter: null,
      address: null,
      order,
    });
    log.settle(id, { status: 'done', order: { ...order, reference: 'DE--1072' } });
    log.end(null);
    const [record] = log.getState().past;
    expect(recapText(record!, english)).toContain(
      '\n- 2026-11-23 12:00:00 UTC Placed order DE--1072, €4,920.24, Standard (DHL), invoice — done\n',
    );
    const json = JSON.parse(recapJson(record!, english)) as { changes: { order: unknown }[] };
    expect(json.changes[0]!.order).toEqual({ ...order, reference: 'DE--1072' });
    const german = await translatorFor('de');
    expect(german(describeChange(record!.entries[0]!, formatsFor('de')))).toBe(
      'Bestellung DE--1072 aufgegeben, 4.920,24\u00a0€, Standard (DHL), Rechnung – erledigt',
    );
  });

  it('records codes applied and removed, with what each took off or paid', async () => {
    const log = new SessionLog(() => T0);
    log.start('admin@spryker.com', SONIA, null);
    const change = {
      cartId: 'c-1',
      cartName: 'Birthday',
      sku: null,
      productName: null,
      quantityBefore: null,
      quantityAfter: null,
      address: null,
    };
    const unknown = { kind: null, amount: null, currency: 'EUR' };
    const voucher = log.begin({
      ...change,
      action: 'apply-code',
      code: { ...unknown, code: 'sprykerku2f' },
    });
    log.settle(voucher, {
      status: 'done',
      code: { code: 'sprykerku2f', kind: 'voucher', amount: 173, currency: 'EUR' },
    });
    const card = log.begin({
      ...change,
      action: 'apply-code',
      code: { ...unknown, code: 'GC-DEMO0050-26' },
    });
    log.settle(card, {
      status: 'done',
      code: { code: 'GC-DEMO0050-26', kind: 'gift-card', amount: 3281, currency: 'EUR' },
    });
    const refused = log.begin({
      ...change,
      action: 'apply-code',
      code: { ...unknown, code: 'nope' },
    });
    log.settle(
      refused,
      failedWith(
        new GlueError(422, '3302', "Cart code can't be added.", 'POST /carts/c-1/cart-codes'),
      ),
    );
    const removed = log.begin({
      ...change,
      action: 'remove-code',
      code: { code: 'sprykerku2f', kind: 'voucher', amount: 173, currency: 'EUR' },
    });
    log.settle(removed, { status: 'done' });
    log.end(null);
    const [record] = log.getState().past;
    const lines = recapText(record!, english)
      .split('\n')
      .filter((line) => line.startsWith('- '));
    expect(lines.map((line) => line.slice('- 2026-11-23 12:00:00 UTC '.length))).toEqual([
      'Applied code sprykerku2f to “Birthday”, taking €1.73 off — done',
      'Applied code GC-DEMO0050-26 to “Birthday”, a gift card paying €32.81 — done',
      expect.stringMatching(
        /^Applied code nope to “Birthday” — failed: The shop did not take this code: .+ \(Glue: “Cart code can't be added\.”\)$/,
      ),
      'Removed code sprykerku2f from “Birthday” — done',
    ]);
    const json = JSON.parse(recapJson(record!, english)) as { changes: { code: unknown }[] };
    expect(json.changes.map((entry) => entry.code)).toEqual([
      { code: 'sprykerku2f', kind: 'voucher', amount: 173, currency: 'EUR' },
      { code: 'GC-DEMO0050-26', kind: 'gift-card', amount: 3281, currency: 'EUR' },
      { code: 'nope', kind: null, amount: null, currency: 'EUR' },
      { code: 'sprykerku2f', kind: 'voucher', amount: 173, currency: 'EUR' },
    ]);
    const german = await translatorFor('de');
    expect(german(describeChange(record!.entries[0]!, formatsFor('de')))).toBe(
      'Code sprykerku2f in „Birthday“ eingelöst, 1,73\u00a0€ Rabatt – erledigt',
    );
  });

  it('records a password reset e-mail by the address it went to, never a password', async () => {
    const log = new SessionLog(() => T0);
    log.start('admin@spryker.com', SONIA, null);
    const reset = log.begin({
      action: 'send-password-reset',
      cartId: null,
      cartName: null,
      sku: null,
      productName: null,
      quantityBefore: null,
      quantityAfter: null,
      address: SONIA.email,
    });
    log.settle(reset, { status: 'done' });
    const record = log.getState().current!;
    expect(recapText(record, english)).toContain(
      '- 2026-11-23 12:00:00 UTC Sent a password reset e-mail to sonia@acme.com — done',
    );
    const german = await translatorFor('de');
    expect(german(describeChange(record.entries[0]!, formatsFor('de')))).toBe(
      'E-Mail zum Zurücksetzen des Passworts an sonia@acme.com gesendet – erledigt',
    );
  });

  it('names the wishlist of each wishlist change, and both names of a rename', async () => {
    const log = new SessionLog(() => T0);
    log.start('admin@spryker.com', SONIA, null);
    const about = { cartId: null, cartName: null, ...NO_ITEM, address: null };
    const gifts = { id: 'w-1', name: 'Birthday gifts', renamedTo: null };
    for (const entry of [
      { action: 'create-wishlist', ...about, wishlist: gifts },
      { action: 'rename-wishlist', ...about, wishlist: { ...gifts, renamedTo: 'For Mia' } },
      {
        action: 'add-to-wishlist',
        ...about,
        sku: '005_30663301',
        productName: 'Canon IXUS 175',
        wishlist: gifts,
      },
      { action: 'remove-from-wishlist', ...about, sku: '005_30663301', wishlist: gifts },
      { action: 'delete-wishlist', ...about, wishlist: gifts },
    ] as const) {
      log.settle(log.begin(entry), { status: 'done' });
    }
    const record = log.getState().current!;
    expect(recapText(record, english).split('\n').slice(6, 11)).toEqual([
      '- 2026-11-23 12:00:00 UTC Created the wishlist “Birthday gifts” — done',
      '- 2026-11-23 12:00:00 UTC Renamed the wishlist “Birthday gifts” to “For Mia” — done',
      '- 2026-11-23 12:00:00 UTC Added Canon IXUS 175 (005_30663301) to the wishlist “Birthday gifts” — done',
      '- 2026-11-23 12:00:00 UTC Removed 005_30663301 from the wishlist “Birthday gifts” — done',
      '- 2026-11-23 12:00:00 UTC Deleted the wishlist “Birthday gifts” — done',
    ]);
    const german = await translatorFor('de');
    expect(german(describeChange(record.entries[1]!, formatsFor('de')))).toBe(
      'Wunschliste „Birthday gifts“ in „For Mia“ umbenannt – erledigt',
    );
    const json = JSON.parse(recapJson(record, english)) as { changes: { wishlist: unknown }[] };
    expect(json.changes[1]!.wishlist).toEqual({
      id: 'w-1',
      name: 'Birthday gifts',
      renamedTo: 'For Mia',
    });
  });

  it('names the cart a deletion was about, by its name then', async () => {
    const log = new SessionLog(() => T0);
    log.start('admin@spryker.com', SONIA, null);
    const about = { cartId: 'c-1', cartName: 'Replacement', ...NO_ITEM, address: null };
    log.settle(log.begin({ action: 'delete-cart', ...about }), { status: 'done' });
    log.settle(
      log.begin({ action: 'delete-cart', ...about, cartName: null }),
      failedWith(new GlueError(422, '105', 'Cart could not be deleted.', 'DELETE /carts/c-1')),
    );
    const record = log.getState().current!;
    expect(recapText(record, english).split('\n').slice(6, 8)).toEqual([
      '- 2026-11-23 12:00:00 UTC Deleted the cart “Replacement” — done',
      '- 2026-11-23 12:00:00 UTC Deleted a cart — failed: The cart could not be deleted. (Glue: “Cart could not be deleted.”)',
    ]);
    const german = await translatorFor('de');
    expect(german(describeChange(record.entries[0]!, formatsFor('de')))).toBe(
      'Warenkorb „Replacement“ gelöscht – erledigt',
    );
    const json = JSON.parse(recapJson(record, english)) as { changes: { action: string }[] };
    expect(json.changes[0]).toMatchObject({ action: 'delete-cart', cartId: 'c-1' });
  });

  it('records nothing outside a session, and keeps ended sessions newest first', () => {
    const log = scriptedSession();
    expect(
      log.begin({
        action: 'create-cart',
        cartId: null,
        cartName: 'x',
        sku: null,
        productName: null,
        quantityBefore: null,
        quantityAfter: null,
        address: null,
      }),
    ).toBeNull();
    log.start(
      'admin@spryker.com',
      { ...SONIA, customerReference: 'DE--4', firstName: 'Bill' },
      null,
    );
    log.end(runOutReason('idle', 15));
    expect(log.getState().past.map((record) => record.customer.firstName)).toEqual([
      'Bill',
      'Sonia',
    ]);
    expect(recapText(log.getState().past[0]!, english)).toContain(
      '\nEnded after 15 minutes without activity.\n',
    );
    expect(recapText(log.getState().past[0]!, english)).toContain('Reason: (none given)');
  });

  it('settles a change that answers after its session ended, and forgets all on clear', () => {
    const log = new SessionLog(() => T0);
    log.start('admin@spryker.com', SONIA, null);
    const id = log.begin({
      action: 'remove-item',
      cartId: 'c-1',
      cartName: 'Birthday',
      sku: '005_30663301',
      productName: null,
      quantityBefore: 2,
      quantityAfter: 0,
      address: null,
    });
    log.end(null);
    log.settle(id, { status: 'done', quantityAfter: 0 });
    expect(log.getState().past[0]!.entries[0]!.status).toBe('done');
    log.clear();
    expect(log.getState()).toEqual({ current: null, past: [] });
  });
});
