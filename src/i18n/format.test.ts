import { beforeEach, describe, expect, it } from 'vitest';
import { formatsFor } from './format';
import { activateForTest } from './test-catalogues';

const de = formatsFor('de');
const en = formatsFor('en');
// Intl separates the amount from € with a no-break space.
const plain = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');

describe('formats of each language', () => {
  beforeEach(() => activateForTest('en'));

  it('writes money as the language does, from minor units', () => {
    expect(plain(de.money(181_514, 'EUR'))).toBe('1.815,14 €');
    expect(en.money(181_514, 'EUR')).toBe('€1,815.14');
    expect(en.money(500, 'JPY')).toBe('¥500');
  });

  it('reads Glue’s "Y-m-d H:i:s" as UTC and ISO as it is, and leaves anything else alone', () => {
    expect(de.dateTime('2025-10-24 20:49:30.000000')).toBe(de.dateTime('2025-10-24T20:49:30Z'));
    expect(en.dateTime('not a date')).toBe('not a date');
  });

  it('shows dates and times as each language does', () => {
    // Unit tests run in UTC (vite.config.ts), as the agent's own clock would show it there.
    const moment = '2025-10-24 20:49:00.000000';
    expect(de.dateTime(moment)).toBe('24.10.2025, 20:49');
    expect(plain(en.dateTime(moment))).toBe('Oct 24, 2025, 8:49 PM');
    expect(de.date('1982-05-28')).toBe('28.05.1982');
    expect(en.date('1982-05-28')).toBe('May 28, 1982');
  });

  it('names countries in the language', () => {
    expect(de.country('DE')).toBe('Deutschland');
    expect(en.country('de')).toBe('Germany');
    expect(en.country('not a code')).toBe('not a code');
  });

  it('counts down with hours only when there are some, and in days past two days', () => {
    expect(en.timeLeft(28_800_000)).toBe('8:00:00');
    expect(en.timeLeft(3_909_000)).toBe('1:05:09');
    expect(en.timeLeft(299_000)).toBe('4:59');
    expect(en.timeLeft(172_799_000)).toBe('47:59:59');
    expect(en.timeLeft(2_628_000_000)).toBe('30 days');
    activateForTest('de');
    expect(de.timeLeft(2_628_000_000)).toBe('30 Tage');
  });

  it('rounds up partial seconds and never goes below zero', () => {
    expect(en.timeLeft(1)).toBe('0:01');
    expect(en.timeLeft(-5_000)).toBe('0:00');
  });
});
