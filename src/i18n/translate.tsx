import { Trans, useLingui } from '@lingui/react';
import { useMemo, type ReactNode } from 'react';
import type en from './locales/en.json';
import { setupI18n } from '@lingui/core';
import { i18n, loadCatalogue } from './i18n';
import { LOCALES, type Locale } from './locales';

/** A key of the English catalogue, the source every other catalogue translates. */
export type MessageId = keyof typeof en;

export type MessageValues = Record<string, unknown>;

/**
 * Words to show later, in whatever language is active then: what non-React code (errors,
 * session records, notices) hands to the screen instead of a finished sentence.
 */
export interface Message {
  id: MessageId;
  values?: MessageValues;
}

export function message(id: MessageId, values?: MessageValues): Message {
  return values ? { id, values } : { id };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).id === 'string';
}

export interface Translate {
  (id: MessageId, values?: MessageValues): string;
  (message: Message): string;
}

type LinguiTranslate = (id: string, values?: MessageValues) => string;

/** A translator over one Lingui `_`; a value that is itself a Message is translated first. */
function translatorOf(lingui: LinguiTranslate): Translate {
  const translator = (what: MessageId | Message, values?: MessageValues): string => {
    const { id, values: given } = typeof what === 'string' ? { id: what, values } : what;
    if (!given) return lingui(id);
    const resolved = Object.fromEntries(
      Object.entries(given).map(([name, value]) => [
        name,
        isMessage(value) ? translator(value) : value,
      ]),
    );
    return lingui(id, resolved);
  };
  return translator;
}

/** Translates with the active catalogue. */
export const translate: Translate = translatorOf((id, values) => i18n._(id, values));

/** A translator for one fixed locale, whatever the agent has chosen: e.g. English for tickets. */
export async function translatorFor(locale: Locale): Promise<Translate> {
  const messages = await loadCatalogue(locale);
  const fixed = setupI18n({
    locale,
    locales: LOCALES[locale].tag,
    messages: { [locale]: messages },
  });
  return translatorOf((id, values) => fixed._(id, values));
}

/** `translate`, re-rendering the component when the agent switches the language. */
export function useT(): Translate {
  // Lingui's `_` is a new function whenever the locale changes, so memoised consumers see it.
  const { _ } = useLingui();
  return useMemo(() => translatorOf(_), [_]);
}

/** A message with markup: `<0>…</0>` in the catalogue becomes `components[0]`. */
export function T({
  id,
  values,
  components,
}: {
  id: MessageId;
  values?: MessageValues;
  components: Record<string, ReactNode>;
}) {
  return <Trans id={id} values={values} components={components} />;
}
