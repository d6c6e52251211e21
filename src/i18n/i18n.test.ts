import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as I18nModule from './i18n';
import { compiledCatalogue } from './test-catalogues';

// Fresh for each test: which parts are downloaded, and whether a screen past sign-in is near.
let i18n: typeof I18nModule;
const html = { lang: '' };

beforeEach(async () => {
  vi.resetModules();
  vi.stubGlobal('document', { documentElement: html });
  i18n = await import('./i18n');
});
afterEach(() => vi.unstubAllGlobals());

const shown = (id: string) => i18n.i18n._(id);

describe('the active language', () => {
  it('starts with the sign-in part; the rest is there before a screen past sign-in', async () => {
    await i18n.activateLocale('de');
    expect(shown('auth.signIn.heading')).toBe('Agenten-Anmeldung');
    expect(html.lang).toBe('de-DE');
    await i18n.loadWholeCatalogue();
    expect(shown('carts.title')).toBe('Warenkörbe');
  });

  it('once past sign-in, comes whole with each switch', async () => {
    await i18n.activateLocale('de');
    await i18n.loadWholeCatalogue();
    await i18n.activateLocale('en');
    expect(shown('carts.title')).toBe('Carts');
    expect(shown('auth.signIn.heading')).toBe('Agent sign-in');
    expect(html.lang).toBe('en-US');
  });

  it('loadCatalogue gives the whole catalogue, whatever is active', async () => {
    await i18n.activateLocale('de');
    expect(await i18n.loadCatalogue('en')).toEqual(compiledCatalogue('en'));
  });
});
