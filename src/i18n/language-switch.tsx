import { useQueryClient } from '@tanstack/react-query';
import { refetchTranslated } from '../lib/query-client';
import { activateLocale, currentLocale, rememberLocale } from './i18n';
import { LOCALES, type Locale } from './locales';
import { useT } from './translate';

/** The console's language, changeable at any time: no reload, no session lost. */
export function LanguageSwitch() {
  const t = useT();
  const queryClient = useQueryClient();
  const active = currentLocale();
  async function choose(locale: Locale) {
    await activateLocale(locale);
    rememberLocale(locale);
    void refetchTranslated(queryClient);
  }
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {(Object.keys(LOCALES) as Locale[]).map((locale) => (
        // Each language is named in its own words, so the agent finds theirs.
        <button
          key={locale}
          type="button"
          className="language-switch__choice"
          lang={LOCALES[locale].tag}
          aria-pressed={locale === active}
          onClick={() => void (locale === active || choose(locale))}
        >
          {LOCALES[locale].label}
        </button>
      ))}
    </div>
  );
}
