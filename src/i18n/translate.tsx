import { Trans, useLingui } from '@lingui/react';
import { useMemo, type ReactNode } from 'react';
import type en from './locales/en.json';
import { setupI18n, type I18n } from '@lingui/core';
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

/** A translator over one Lingui instance; a value that is itself a Message is translated first. */
function translatorOf(instance: I18n): Translate {
  const translator = (what: MessageId | Message, values?: MessageValues): string => {
    const { id, values: given } = typeof what === 'string' ? { id: what, values } : what;
    if (!given) return instance._(id);
    const resolved = Object.fromEntries(
      Object.entries(given).map(([name, value]) => [
        name,
        isMessage(value) ? translator(value) : value,
      ]),
    );
    return instance._(id, resolved);
  };
  return translator as Translate;
}

/** Translates with the active catalogue. */
export const translate: Translate = translatorOf(i18n);

/** A translator for one fixed locale, whatever the agent has chosen: e.g. English for tickets. */
export async function translatorFor(locale: Locale): Promise<Translate> {
  const messages = await loadCatalogue(locale);
  return translatorOf(
    setupI18n({ locale, locales: LOCALES[locale].tag, messages: { [locale]: messages } }),
  );
}

/** `translate`, re-rendering the component when the agent switches the language. */
export function useT(): Translate {
  const { i18n: active } = useLingui();
  // A new function per locale, so memoised consumers see the switch.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the locale is the dependency.
  return useMemo(
    () => ((...args: Parameters<Translate>) => translate(...args)) as Translate,
    [active.locale],
  );
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
