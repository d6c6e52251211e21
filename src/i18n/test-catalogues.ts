import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Messages } from '@lingui/core';
import { compileCatalogue } from '../../scripts/lingui-catalogues';
import { i18n } from './i18n';
import { LOCALES, type Locale } from './locales';

/** For unit tests in Node: a catalogue compiled as the build does it, without Vite. */
export function compiledCatalogue(locale: Locale): Messages {
  const file = join(import.meta.dirname, 'locales', `${locale}.json`);
  return compileCatalogue(readFileSync(file, 'utf8'), file) as Messages;
}

/** Makes `locale` the active language of the shared Lingui instance, as the console does. */
export function activateForTest(locale: Locale): void {
  i18n.loadAndActivate({
    locale,
    locales: LOCALES[locale].tag,
    messages: compiledCatalogue(locale),
  });
}

/** The console's code: every `.ts`/`.tsx` file under `dir`, without tests and catalogues. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Whether code names the catalogue key, in quotes: `t('carts.title')`, `id="shell.signedInAs"`. */
export const namesKey = (code: string, id: string) =>
  code.includes(`'${id}'`) || code.includes(`"${id}"`);
