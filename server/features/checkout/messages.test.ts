import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKOUT_MESSAGES, checkoutMessage, formatMoney } from './messages';

const CONTRACT = readFileSync(new URL('../../../docs/glue-contract.md', import.meta.url), 'utf8');

/** §9.6's table of 1102 details: English and German, parameters as the contract writes them. */
function detailRows(): [english: string, german: string][] {
  const start = CONTRACT.indexOf('`1102` details');
  const table = CONTRACT.slice(start, CONTRACT.indexOf('\n\n', CONTRACT.indexOf('| ---', start)));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [texts = ''] = line.split('|').slice(1, 2);
      const quoted = [...texts.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
      return [quoted[0] ?? '', quoted[1] ?? ''];
    });
}

/** Placeholders of either kind (%code%, {{threshold}}, <iso2Code>) as one. */
const shape = (text: string): string =>
  text.replace(/%\w+%|\{\{\w+\}\}|<\w+>/g, '<>').replace('€10,000.00', '<>');

describe('the checkout messages (§9.6)', () => {
  it('hold every 1102 detail of the contract, in English and German', () => {
    const rows = detailRows();
    expect(rows).toHaveLength(7);
    const messages = Object.values(CHECKOUT_MESSAGES);
    for (const [english, german] of rows) {
      const message = messages.find((candidate) => shape(candidate.en_US) === shape(english));
      expect({ english, found: message !== undefined }).toEqual({ english, found: true });
      // The contract shortens the German threshold text with "…".
      const expected = german.endsWith('…') ? german.slice(0, -1) : german;
      expect(shape(message?.de_DE ?? '').startsWith(shape(expected))).toBe(true);
    }
  });

  it('fills the parameters in and falls back to English for any other locale', () => {
    expect(checkoutMessage('noShipmentSelected', 'de_DE', { '%id%': '005_30663301' })).toBe(
      'Es wurde keine Lieferung für den Warenkorbartikel 005_30663301 ausgewählt.',
    );
    expect(checkoutMessage('billingCountryNotFound', 'fr_FR', { '%code%': 'XX' })).toBe(
      'Billing address country not found for country code: XX',
    );
  });

  it('writes money as Spryker’s formatter does in each locale', () => {
    expect(formatMoney(1_000_000, 'EUR', 'en_US')).toBe('€10,000.00');
    expect(formatMoney(1_000_000, 'EUR', 'de_DE')).toBe('10.000,00\u00a0€');
  });
});
