import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import type { Plugin } from 'vite';
import { CATALOGUE_PARTS, partOf, type CataloguePart } from '../src/i18n/catalogue-parts.ts';

/** Where the message catalogues live: one flat JSON object of ICU messages per locale. */
export const CATALOGUE_PATTERN = /[\\/]src[\\/]i18n[\\/]locales[\\/][a-z]{2}(?:-[A-Z]{2})?\.json$/;

/** A catalogue's ICU messages compiled for Lingui's runtime, which ships without a parser. */
export function compileCatalogue(source: string, file: string): Record<string, unknown> {
  const messages = JSON.parse(source) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(messages).map(([id, text]) => {
      try {
        return [id, compileMessageOrThrow(text)];
      } catch (error) {
        throw new Error(`${file}: message "${id}" is not valid ICU: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }),
  );
}

/** The messages of one part of a catalogue (`src/i18n/catalogue-parts.ts`). */
export function cataloguePart<M>(messages: Record<string, M>, part: CataloguePart) {
  return Object.fromEntries(Object.entries(messages).filter(([id]) => partOf(id) === part));
}

const isPart = (value: unknown): value is CataloguePart =>
  CATALOGUE_PARTS.some((part) => part === value);

/**
 * `import('./locales/de.json?lingui=sign-in')` yields `{ messages }`, that part of the catalogue
 * compiled at build time, so each part of each locale is a chunk of its own and a broken message
 * fails the build, not the agent's screen.
 */
export function linguiCatalogues(): Plugin {
  return {
    name: 'lingui-catalogues',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?');
      const part = new URLSearchParams(query).get('lingui');
      if (!isPart(part) || !file || !CATALOGUE_PATTERN.test(file)) return null;
      this.addWatchFile(file);
      // A chunk of its own, named after its part (`de.sign-in-<hash>.js`), so a reader of the
      // build, and `bench/bundle-size.ts`, can tell the parts apart.
      if (this.environment.mode === 'build') {
        this.emitFile({ type: 'chunk', id, name: `${basename(file, '.json')}.${part}` });
      }
      const messages = cataloguePart(compileCatalogue(readFileSync(file, 'utf8'), file), part);
      return {
        code: `export const messages = JSON.parse(${JSON.stringify(JSON.stringify(messages))});`,
        moduleType: 'js',
      };
    },
  };
}
