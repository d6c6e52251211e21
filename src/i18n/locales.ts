/**
 * The console's languages. A third one is a catalogue in `locales/` plus a line here
 * (see the README's "Languages").
 */
export const LOCALES = {
  en: { label: 'English', tag: 'en-US' },
  de: { label: 'Deutsch', tag: 'de-DE' },
} as const;

export type Locale = keyof typeof LOCALES;

/** The catalogue every other one translates. */
export const SOURCE_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

/** The agent's own choice when they made one, else the browser's first language we speak. */
export function detectLocale(browserLanguages: readonly string[], remembered: unknown): Locale {
  if (isLocale(remembered)) return remembered;
  for (const language of browserLanguages) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return SOURCE_LOCALE;
}
