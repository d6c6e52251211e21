import type { ActivityEntry, SessionRecord } from './session-log';

/** What a change was, in words: "Added Canon IXUS 175 (005_30663301) to “Birthday”". */
export function describeEntry(entry: ActivityEntry): string {
  const product = entry.productName ? `${entry.productName} (${entry.sku})` : (entry.sku ?? '');
  const cart = entry.cartName ? `“${entry.cartName}”` : 'the cart';
  switch (entry.action) {
    case 'create-cart':
      return `Created cart ${cart}`;
    case 'add-item':
      return `Added ${product} to ${cart}`;
    case 'change-quantity':
      return `Changed the quantity of ${product} in ${cart}`;
    case 'remove-item':
      return `Removed ${product} from ${cart}`;
  }
}

/** "quantity 1 → 3", or null when the change has no quantity. */
export function describeQuantities(entry: ActivityEntry): string | null {
  if (entry.action === 'create-cart') return null;
  const after = entry.status === 'failed' ? entry.quantityBefore : entry.quantityAfter;
  return `quantity ${entry.quantityBefore ?? 0} → ${after ?? '?'}`;
}

export function describeOutcome(entry: ActivityEntry): string {
  if (entry.status === 'pending') return 'under way';
  if (entry.status === 'done') return 'done';
  return `failed: ${entry.error ?? 'unknown error'}`;
}

/** A date and time as tickets want it: unambiguous, in UTC. */
export function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 1 ? 'under a minute' : `${minutes} min`;
}

/** The recap as plain text, to paste into a ticket. */
export function recapText(record: SessionRecord): string {
  const { customer } = record;
  const failed = record.entries.filter((entry) => entry.status === 'failed').length;
  const end = record.endedAt ?? Date.now();
  const lines = [
    `Assisted session: ${customer.firstName} ${customer.lastName} (${customer.email}, ${customer.customerReference})`,
    `Agent: ${record.agent}`,
    `Reason: ${record.reason ?? '(none given)'}`,
    `From ${utc(record.startedAt)} to ${utc(end)} (${duration(end - record.startedAt)})`,
  ];
  if (record.endedBecause) lines.push(record.endedBecause);
  if (record.entries.length === 0) {
    lines.push('Changes: none.');
  } else {
    lines.push(`Changes: ${record.entries.length}${failed > 0 ? `, ${failed} failed` : ''}`);
    for (const entry of record.entries) {
      const quantities = describeQuantities(entry);
      lines.push(
        `- ${utc(entry.at)} ${describeEntry(entry)}${quantities ? `: ${quantities}` : ''} — ${describeOutcome(entry)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The recap as JSON, for tools: the record as it is, with times in ISO 8601. */
export function recapJson(record: SessionRecord): string {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return `${JSON.stringify(
    {
      agent: record.agent,
      customer: record.customer,
      reason: record.reason,
      startedAt: iso(record.startedAt),
      endedAt: iso(record.endedAt),
      endedBecause: record.endedBecause,
      changes: record.entries.map(({ id: _id, at, ...entry }) => ({ at: iso(at), ...entry })),
    },
    null,
    2,
  )}\n`;
}
