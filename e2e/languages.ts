import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMessage, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import { expect, type Page } from '@playwright/test';

type Catalogue = Record<string, string>;

const catalogue = (locale: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../src/i18n/locales', `${locale}.json`), 'utf8'),
  ) as Catalogue;

export const EN = catalogue('en');
export const DE = catalogue('de');

/** A message's own words, without its placeholders and ICU keywords. */
function literalText(compiled: CompiledMessage): string[] {
  return compiled.flatMap((token) => {
    if (typeof token === 'string') return [token];
    const [, , format] = token;
    if (!format || typeof format !== 'object') return [];
    return Object.entries(format).flatMap(([key, branch]) =>
      key !== 'offset' && Array.isArray(branch) ? literalText(branch as CompiledMessage) : [],
    );
  });
}

const wordsOf = (text: string) =>
  // A letter after a digit ("67a", "3. OG") belongs to a number, not to a language.
  (text.match(/(?<![\p{L}\p{N}])(?:\p{L}[\p{L}’'-]*\p{L}|\p{L})/gu) ?? []).map((word) =>
    word.toLowerCase(),
  );

const catalogueWords = (messages: Catalogue) =>
  new Set(
    Object.values(messages).flatMap((text) =>
      wordsOf(
        literalText(compileMessage(text))
          .join(' ')
          .replace(/<\/?\d+\/?>/g, ' '),
      ),
    ),
  );

const CATALOGUES: Record<string, Catalogue> = { en: EN, de: DE };

/** Words of the other catalogues that this one never uses: one of them on its screen is a miss. */
function foreignWords(locale: string): Set<string> {
  const own = catalogueWords(CATALOGUES[locale]!);
  const others = Object.entries(CATALOGUES).filter(([other]) => other !== locale);
  return new Set(
    others.flatMap(([, messages]) => [...catalogueWords(messages)].filter((w) => !own.has(w))),
  );
}

/** Everything a person reads or hears on the page now: text, accessible names, the title. */
function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    // Text marked as another language (a language's own name, Glue's words) is that language,
    // and a key's name (<kbd>a</kbd>) is a key, in no language: hidden while the text is read.
    const marked = [...document.querySelectorAll('body [lang], kbd')].filter(
      (element) => element.tagName === 'KBD' || element.getAttribute('lang') !== lang,
    );
    // Through the CSSOM, which the console's Content-Security-Policy allows (a <style> it does not).
    const before = marked.map((element) => (element as HTMLElement).style.display);
    for (const element of marked) {
      element.setAttribute('data-not-this-language', '');
      (element as HTMLElement).style.setProperty('display', 'none', 'important');
    }
    try {
      const parts = [document.title, document.body.innerText];
      for (const element of document.querySelectorAll('*')) {
        if (element.closest('[data-not-this-language]')) continue;
        for (const name of ['aria-label', 'aria-description', 'title', 'placeholder', 'alt']) {
          const value = element.getAttribute(name);
          if (value) parts.push(value);
        }
      }
      return parts.join('\n');
    } finally {
      marked.forEach((element, index) => {
        element.removeAttribute('data-not-this-language');
        (element as HTMLElement).style.display = before[index] ?? '';
      });
    }
  });
}

/** Fails when the screen shows a word of another language's catalogue that this one does not use. */
export async function expectOnly(
  page: Page,
  locale: 'en' | 'de',
  screen: string,
  /** What the agent typed, in whatever language: data, not the console's words. */
  typed: string[] = [],
): Promise<void> {
  const foreign = foreignWords(locale);
  const text = typed.reduce((shown, data) => shown.split(data).join(' '), await shownText(page));
  // Capitals alone (AM, SKU, JSON) are abbreviations, not words of a language.
  const words = wordsOf(text.replace(/\b\p{Lu}{2,}\b/gu, ' '));
  const found = [...new Set(words)].filter((word) => foreign.has(word));
  expect(found, `Words of another language on the ${locale} screen "${screen}":\n${text}`).toEqual(
    [],
  );
}

/** A message with its placeholders filled and markup dropped: the words a screen shows. */
export function say(messages: Catalogue, id: string, values: Record<string, string> = {}): string {
  const text = messages[id];
  if (text === undefined) throw new Error(`No message "${id}"`);
  return text
    .replace(/<\/?\d+\/?>/g, '')
    .replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/** Switches the console's language the way an agent does, with the switch in the header. */
export async function switchLanguage(page: Page, to: 'en' | 'de'): Promise<void> {
  await page
    .getByRole('group', {
      name: to === 'de' ? say(EN, 'language.label') : say(DE, 'language.label'),
    })
    .getByRole('button', { name: to === 'de' ? 'Deutsch' : 'English' })
    .click();
}
