import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { refetchTranslated } from '../lib/query-client';
import { activateLocale, currentLocale, rememberLocale } from './i18n';
import { LOCALES, isLocale } from './locales';
import { useT } from './translate';

/** The console's language, changeable at any time: no reload, no session lost. */
export function LanguageSwitch() {
  const t = useT();
  const id = useId();
  const queryClient = useQueryClient();
  async function choose(value: string) {
    if (!isLocale(value)) return;
    await activateLocale(value);
    rememberLocale(value);
    void refetchTranslated(queryClient);
  }
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={currentLocale()} onChange={(event) => void choose(event.target.value)}>
        {Object.entries(LOCALES).map(([locale, { label, tag }]) => (
          // Each language is named in its own words, so the agent finds theirs.
          <option key={locale} value={locale} lang={tag}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
