import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

describe('formatMoney', () => {
  it('turns cents into the currency of the amount, in the locale of the agent', () => {
    const expected = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: 'EUR',
    }).format(70);
    expect(formatMoney(7000, 'EUR')).toBe(expected);
    expect(formatMoney(39353, 'EUR')).toBe(
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(393.53),
    );
  });

  it('knows currencies without minor units', () => {
    expect(formatMoney(500, 'JPY')).toBe(
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'JPY' }).format(500),
    );
  });
});
