import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locale';

const DE = { defaultLocale: 'en_US', locales: ['en_US', 'de_DE'] };

describe('negotiateLocale (§7.2)', () => {
  it.each([
    // The contract's table.
    ['', 'en_US'],
    ['en', 'en_US'],
    ['en-GB', 'en_US'],
    ['fr-FR', 'en_US'],
    ['de_DE', 'en_US'],
    ['de', 'de_DE'],
    ['de-DE', 'de_DE'],
    ['de-AT', 'de_DE'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de_DE'],
    ['en;q=0.5, de;q=0.8', 'de_DE'],
    // No match at all, and things that are no language range.
    ['fr', 'en_US'],
    ['fr-FR, it;q=0.9', 'en_US'],
    [',,,', 'en_US'],
    ['0', 'en_US'],
    [';q=1', 'en_US'],
    ['"de"', 'en_US'],
    // Letter case and white space do not matter; the region never prevents a match.
    ['DE', 'de_DE'],
    ['De-dE', 'de_DE'],
    ['  de  ', 'de_DE'],
    ['de-Latn-DE', 'de_DE'],
    ['de-', 'de_DE'],
    // Four parts or more: refused, skipped.
    ['de-a-b-c', 'en_US'],
    ['de-a-b-c, de-DE;q=0.1', 'de_DE'],
    // The highest q wins; on equal q the store's order (en, de) decides, not the header's.
    ['fr, de;q=0.7, en;q=0.6', 'de_DE'],
    ['de, en', 'en_US'],
    ['de;q=0.8, en;q=0.8', 'en_US'],
    ['de;q=0.9, en;q=0.8', 'de_DE'],
    // "*" matches every language, less specifically than the language itself.
    ['*', 'en_US'],
    ['*;q=0.1, de', 'de_DE'],
    ['de;q=0.5, *', 'en_US'],
    // Per language the most specific range counts, with its q (AcceptMatch::reduce()).
    ['de;q=0.5, de-DE;q=0.9, en;q=0.7', 'en_US'],
    ['de-DE;q=0.9, de;q=0.5, en;q=0.7', 'en_US'],
    ['de-DE;q=0.9, de-AT;q=0.5, en;q=0.7', 'de_DE'],
    // q as PHP reads a float: a q of 0, or none that reads as a number, still matches.
    ['de;q=0', 'de_DE'],
    ['de;q=x', 'de_DE'],
    ['de;q=0, en;q=0', 'en_US'],
    ['de;q=1e3, en', 'de_DE'],
    ['de;Q=0.9, en;q=0.8', 'de_DE'],
    ['de;q="0.9", en;q=0.8', 'de_DE'],
    ['de;q=0.9;q=0.1, en;q=0.5', 'en_US'],
    // A comma inside double quotes does not separate ranges.
    ['de;x="a,b", en;q=0.5', 'de_DE'],
  ])('%j → %s', (header, locale) => {
    expect(negotiateLocale(header, DE)).toBe(locale);
  });

  it('answers the store’s default locale, wherever it stands in the list', () => {
    const store = { defaultLocale: 'de_DE', locales: ['en_US', 'de_DE'] };
    expect(negotiateLocale('', store)).toBe('de_DE');
    expect(negotiateLocale('fr', store)).toBe('de_DE');
    expect(negotiateLocale('en', store)).toBe('en_US');
  });

  it('keys locales by language: a later locale of the same language takes the key', () => {
    const store = { defaultLocale: 'en_US', locales: ['en_US', 'de_DE', 'de_AT'] };
    expect(negotiateLocale('de-DE', store)).toBe('de_AT');
  });
});
