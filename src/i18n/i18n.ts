import { i18n, type Messages } from '@lingui/core';
import type { CataloguePart } from './catalogue-parts';
import { LOCALES, SOURCE_LOCALE, detectLocale, isLocale, type Locale } from './locales';

export { i18n };

/**
 * Each locale's compiled catalogue comes in two chunks (`catalogue-parts.ts`): the sign-in
 * part, downloaded before the first screen, and the rest, downloaded once that part is active.
 * Only the active locale's are downloaded.
 */
const parts: Record<CataloguePart, Record<string, () => Promise<Messages>>> = {
  'sign-in': import.meta.glob<Messages>('./locales/*.json', {
    query: '?lingui=sign-in',
    import: 'messages',
  }),
  rest: import.meta.glob<Messages>('./locales/*.json', {
    query: '?lingui=rest',
    import: 'messages',
  }),
};

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

const downloads = new Map<string, Promise<Messages>>();
/** The parts already downloaded, by `locale/part`. */
const downloaded = new Map<string, Messages>();

/** One part of the locale's compiled messages, downloaded once (again after a failure). */
function loadPart(locale: Locale, part: CataloguePart): Promise<Messages> {
  const key = `${locale}/${part}`;
  let download = downloads.get(key);
  if (!download) {
    const load = parts[part][`./locales/${locale}.json`];
    if (!load) return Promise.reject(new Error(`No catalogue for locale "${locale}".`));
    download = load().then(
      (messages) => {
        downloaded.set(key, messages);
        return messages;
      },
      (error: unknown) => {
        downloads.delete(key);
        throw error;
      },
    );
    downloads.set(key, download);
  }
  return download;
}

/** The locale's complete compiled messages, both parts. */
export async function loadCatalogue(locale: Locale): Promise<Messages> {
  const [signIn, rest] = await Promise.all([loadPart(locale, 'sign-in'), loadPart(locale, 'rest')]);
  return { ...signIn, ...rest };
}

/** Set once a screen past sign-in is on its way: from then on a language comes whole. */
let wholeCatalogueNeeded = false;

/**
 * Loads the locale's catalogue and switches every translated word to it. Before any screen
 * past sign-in, the sign-in part is enough and the rest follows; after, both come first.
 */
export async function activateLocale(locale: Locale): Promise<void> {
  // Past sign-in, both parts download side by side (`loadPart` keeps this download for below).
  if (wholeCatalogueNeeded) loadPart(locale, 'rest').catch(() => {});
  const signIn = await loadPart(locale, 'sign-in');
  const rest = wholeCatalogueNeeded
    ? await loadPart(locale, 'rest')
    : downloaded.get(`${locale}/rest`);
  i18n.loadAndActivate({ locale, locales: LOCALES[locale].tag, messages: { ...signIn, ...rest } });
  document.documentElement.lang = LOCALES[locale].tag;
  // Downloaded while the agent signs in; loadWholeCatalogue tries again after a failure.
  if (!rest) completeCatalogue(locale).catch(() => {});
}

/**
 * Resolves once the active language has all its messages: screens past sign-in wait for it,
 * so none shows a message id. Every later switch of language then loads both parts first.
 */
export function loadWholeCatalogue(): Promise<void> {
  wholeCatalogueNeeded = true;
  return completeCatalogue(currentLocale());
}

async function completeCatalogue(locale: Locale): Promise<void> {
  const rest = await loadPart(locale, 'rest');
  // `load` adds to the locale's messages; another language may have become active meanwhile.
  if (i18n.locale === locale) i18n.load(locale, rest);
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
