import { message, type Message, type MessageId, type Translate } from '../../i18n/translate';
import { formatsFor, type Formats } from '../../i18n/format';
import { currentLocale } from '../../i18n/i18n';
import type { ActivityEntry, SessionRecord } from './session-log';

/** Each change in words; `named` picks the sentence with the cart's name or without it. */
const ACTION_TEXT: Record<ActivityEntry['action'], MessageId> = {
  'create-cart': 'activity.entry.createCart',
  'delete-cart': 'activity.entry.deleteCart',
  'add-item': 'activity.entry.addItem',
  'change-quantity': 'activity.entry.changeQuantity',
  'remove-item': 'activity.entry.removeItem',
  'add-address': 'activity.entry.addAddress',
  'change-address': 'activity.entry.changeAddress',
  'default-shipping-address': 'activity.entry.defaultShippingAddress',
  'default-billing-address': 'activity.entry.defaultBillingAddress',
  'delete-address': 'activity.entry.deleteAddress',
  'place-order': 'activity.entry.placeOrder',
  'apply-code': 'activity.entry.applyCode',
  'remove-code': 'activity.entry.removeCode',
  'send-password-reset': 'activity.entry.sendPasswordReset',
  'create-return': 'activity.entry.createReturn',
  'create-wishlist': 'activity.entry.createWishlist',
  'rename-wishlist': 'activity.entry.renameWishlist',
  'delete-wishlist': 'activity.entry.deleteWishlist',
  'add-to-wishlist': 'activity.entry.addToWishlist',
  'remove-from-wishlist': 'activity.entry.removeFromWishlist',
  'allow-changes': 'activity.entry.allowChanges',
  'view-only': 'activity.entry.viewOnly',
};

/** What a change was, in words: "Added Canon IXUS 175 (005_30663301) to “Birthday”". */
export function describeEntry(
  entry: ActivityEntry,
  /** Money in these formats: the screen's language, or English for the recap's text. */
  formats?: Formats,
): Message {
  // The product as the shop names it, then its SKU: data, the same in every language.
  const product =
    entry.productName && entry.sku
      ? `${entry.productName} (${entry.sku})`
      : (entry.productName ?? entry.sku ?? '');
  const { order, code, returned, wishlist } = entry;
  const formatsNow = formats ?? formatsFor(currentLocale());
  return message(ACTION_TEXT[entry.action], {
    product,
    named: entry.cartName ? 'yes' : 'no',
    cart: entry.cartName ?? '',
    address: entry.address ?? '',
    reference: order?.reference ?? returned?.reference ?? 'none',
    orderReference: returned?.orderReference ?? '',
    reason: returned?.reason ?? '',
    wishlist: wishlist?.name ?? '',
    newName: wishlist?.renamedTo ?? '',
    total: order ? formatsNow.money(order.grandTotal, order.currency) : '',
    shipment: order?.shipment ?? '',
    payment: order ? paymentName(order.payment) : '',
    code: code?.code ?? '',
    // What the code did, once the shop's answer told: "voucher", "giftCard", else nothing.
    effect:
      !code || code.amount === null ? 'none' : code.kind === 'gift-card' ? 'giftCard' : 'voucher',
    amount: !code || code.amount === null ? '' : formatsNow.money(code.amount, code.currency),
  });
}

/** The demo shop's payment methods in words, inside a sentence and as a choice; another shows as the shop names it. */
const PAYMENT_NAMES: Record<string, { inSentence: MessageId; asChoice: MessageId }> = {
  Invoice: { inSentence: 'checkout.payment.invoice', asChoice: 'checkout.payment.option.invoice' },
  GiftCard: {
    inSentence: 'checkout.payment.giftCard',
    asChoice: 'checkout.payment.option.giftCard',
  },
  'Credit Card': {
    inSentence: 'checkout.payment.creditCard',
    asChoice: 'checkout.payment.option.creditCard',
  },
};

export function paymentName(
  method: string,
  as: 'inSentence' | 'asChoice' = 'inSentence',
): Message | string {
  const known = PAYMENT_NAMES[method];
  return known ? message(known[as]) : method;
}

/** "quantity 1 → 3", or null when the change has no quantity. */
export function describeQuantities(entry: ActivityEntry): Message | null {
  if (entry.quantityBefore === null && entry.quantityAfter === null) return null;
  const after = entry.status === 'failed' ? entry.quantityBefore : entry.quantityAfter;
  return message('activity.entry.quantities', {
    before: entry.quantityBefore ?? 0,
    after: after ?? '?',
  });
}

export function describeOutcome(entry: ActivityEntry): Message {
  if (entry.status === 'pending') return message('activity.outcome.pending');
  if (entry.status === 'done') return message('activity.outcome.done');
  return message('activity.outcome.failed', {
    reason: entry.error ?? message('activity.outcome.unknownError'),
  });
}

/** Whether an entry is the agent switching between view and change mode, not a change of the account. */
export function isModeSwitch(entry: ActivityEntry): boolean {
  return entry.action === 'allow-changes' || entry.action === 'view-only';
}

/** The whole line of a change: "Added … to “Birthday”: quantity 0 → 3 — done". */
export function describeChange(entry: ActivityEntry, formats?: Formats): Message {
  const change = describeEntry(entry, formats);
  // A mode switch is the console's own, done the moment it is asked: no outcome to tell.
  if (isModeSwitch(entry)) return change;
  const outcome = describeOutcome(entry);
  const quantities = describeQuantities(entry);
  return quantities
    ? message('activity.entry.withQuantities', { change, quantities, outcome })
    : message('activity.entry.withoutQuantities', { change, outcome });
}

/*
 * The recap below is what goes into tickets, read by anyone: ONE stable form, in English,
 * whatever language the agent works in (docs/recap.md). Its fixed words are written here, not
 * in the catalogues; the messages a record holds (changes, errors, why it ended) are given to
 * it with an English translator, `await translatorFor('en')`.
 */

/** A date and time as tickets want it: unambiguous, in UTC. */
export function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 1 ? 'under a minute' : `${minutes} min`;
}

/** The recap as plain text, to paste into a ticket; `t` translates into English. */
export function recapText(record: SessionRecord, t: Translate): string {
  const { customer } = record;
  const failed = record.entries.filter((entry) => entry.status === 'failed').length;
  const changes = record.entries.filter((entry) => !isModeSwitch(entry)).length;
  const end = record.endedAt ?? Date.now();
  const lines = [
    `Assisted session: ${customer.firstName} ${customer.lastName} (${customer.email}, ${customer.customerReference})`,
    `Agent: ${record.agent}`,
    `Reason: ${record.reason ?? '(none given)'}`,
    `Started in ${record.startedInMode} mode`,
    `From ${utc(record.startedAt)} to ${utc(end)} (${duration(end - record.startedAt)})`,
  ];
  if (record.endedBecause) lines.push(t(record.endedBecause));
  if (record.entries.length === 0) {
    lines.push('Changes: none.');
  } else {
    lines.push(`Changes: ${changes}${failed > 0 ? `, ${failed} failed` : ''}`);
    for (const entry of record.entries) {
      const glue = entry.glueSaid ? ` (Glue: “${entry.glueSaid}”)` : '';
      lines.push(`- ${utc(entry.at)} ${t(describeChange(entry, formatsFor('en')))}${glue}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The recap as JSON, for tools: the record as it is, with times in ISO 8601, texts in English. */
export function recapJson(record: SessionRecord, t: Translate): string {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const text = (words: Message | null) => (words === null ? null : t(words));
  return `${JSON.stringify(
    {
      agent: record.agent,
      customer: record.customer,
      reason: record.reason,
      startedInMode: record.startedInMode,
      startedAt: iso(record.startedAt),
      endedAt: iso(record.endedAt),
      endedBecause: text(record.endedBecause),
      changes: record.entries.map(({ id: _id, at, error, ...entry }) => ({
        at: iso(at),
        ...entry,
        error: text(error),
      })),
    },
    null,
    2,
  )}\n`;
}
