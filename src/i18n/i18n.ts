import { i18n, type Messages } from '@lingui/core';
import { LOCALES, SOURCE_LOCALE, detectLocale, isLocale, type Locale } from './locales';

export { i18n };

/** Each locale's compiled catalogue is a chunk of its own: only the active one is downloaded. */
const catalogues = import.meta.glob<Messages>('./locales/*.json', {
  query: '?lingui',
  import: 'messages',
});

/** The language is no secret, so it may outlive the tab; tokens never do. */
const REMEMBERED_KEY = 'agent-assist.locale';

/** The active language; the source one before any is active (e.g. in a unit test). */
export function currentLocale(): Locale {
  return isLocale(i18n.locale) ? i18n.locale : SOURCE_LOCALE;
}

/** The BCP 47 tag of the active language: for Intl formats and Glue's Accept-Language. */
export function currentTag(): string {
  return LOCALES[currentLocale()].tag;
}

const loaded: Partial<Record<Locale, Messages>> = {};

/** The locale's compiled messages, downloaded once. */
export async function loadCatalogue(locale: Locale): Promise<Messages> {
  const load = catalogues[`./locales/${locale}.json`];
  if (!load) throw new Error(`No catalogue for locale "${locale}".`);
  return loaded[locale] ?? (loaded[locale] = await load());
}

/** Loads the locale's catalogue and switches every translated word to it. */
export async function activateLocale(locale: Locale): Promise<void> {
  const messages = await loadCatalogue(locale);
  i18n.loadAndActivate({ locale, locales: LOCALES[locale].tag, messages });
  document.documentElement.lang = LOCALES[locale].tag;
}

/** The language to start in: the agent's last choice in this browser, else the browser's. */
export function initialLocale(): Locale {
  return detectLocale(navigator.languages ?? [navigator.language], readRemembered());
}

/** Keeps the agent's explicit choice for the next visit. */
export function rememberLocale(locale: Locale): void {
  try {
    // eslint-disable-next-line no-restricted-globals -- the language only, never a token.
    localStorage.setItem(REMEMBERED_KEY, locale);
  } catch {
    // Storage may be off (private mode, policy): the choice then lasts for this tab.
  }
}

function readRemembered(): string | null {
  try {
    // eslint-disable-next-line no-restricted-globals -- the language only, never a token.
    return localStorage.getItem(REMEMBERED_KEY);
  } catch {
    return null;
  }
}
