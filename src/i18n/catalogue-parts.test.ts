import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { cataloguePart } from '../../scripts/lingui-catalogues';
import { CATALOGUE_PARTS, SIGN_IN_PREFIXES, partOf } from './catalogue-parts';
import { LOCALES, SOURCE_LOCALE, type Locale } from './locales';
import { compiledCatalogue, namesKey, sourceFiles } from './test-catalogues';

const srcDir = join(import.meta.dirname, '..');
const keys = Object.keys(compiledCatalogue(SOURCE_LOCALE));

/** The console's files a file imports statically; `import()` starts a chunk loaded later. */
function staticImports(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
  return file.statements.flatMap((statement) => {
    const imported =
      (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) ||
      (ts.isExportDeclaration(statement) && !statement.isTypeOnly);
    const specifier = imported && statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) return [];
    const base = resolve(dirname(path), specifier.text);
    return [`${base}.ts`, `${base}.tsx`, base].filter((candidate) =>
      /\.tsx?$/.test(candidate) ? existsSync(candidate) : false,
    );
  });
}

/** What the first download is built of: `main.tsx` and everything it imports statically. */
function firstDownload(): string[] {
  const found = new Set<string>();
  const visit = (path: string) => {
    if (found.has(path)) return;
    found.add(path);
    staticImports(path).forEach(visit);
  };
  visit(join(srcDir, 'main.tsx'));
  return [...found];
}

describe('the sign-in part of the catalogues', () => {
  const files = firstDownload();
  const named = (path: string) => {
    const code = readFileSync(path, 'utf8');
    return keys.filter((id) => namesKey(code, id));
  };

  it('is what the code of the first download follows: the sign-in screen and its surroundings', () => {
    const names = files.map((path) => relative(srcDir, path));
    expect(names).toEqual(
      expect.arrayContaining([
        'app/router.tsx',
        'features/auth/components/sign-in-screen.tsx',
        'i18n/language-switch.tsx',
        'app/routes/not-found.tsx',
        'lib/glue-errors.ts',
      ]),
    );
    // Signed-in screens come later, with the rest of the catalogue.
    expect(names).not.toContain('app/app-shell.tsx');
    expect(names.length).toBeLessThan(sourceFiles(srcDir).length);
  });

  it('holds every key the code of the first download names', () => {
    const outside = files.flatMap((path) =>
      named(path)
        .filter((id) => partOf(id) !== 'sign-in')
        .map((id) => `${relative(srcDir, path)}: ${id}`),
    );
    // A key listed here is missing from SIGN_IN_PREFIXES in catalogue-parts.ts.
    expect(outside).toEqual([]);
    expect(files.flatMap(named)).toContain('auth.signIn.heading');
  });

  it('has no prefix left over: each names keys of the catalogue', () => {
    for (const prefix of SIGN_IN_PREFIXES) {
      expect(
        keys.some((id) => id.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  it.each(Object.keys(LOCALES) as Locale[])(
    '%s: the parts together are the whole catalogue, each message in one',
    (locale) => {
      const whole = compiledCatalogue(locale);
      const parts = CATALOGUE_PARTS.map((part) => cataloguePart(whole, part));
      for (const part of parts) expect(Object.keys(part).length).toBeGreaterThan(10);
      expect(parts.flatMap((part) => Object.keys(part)).sort()).toEqual(Object.keys(whole).sort());
      expect(Object.assign({}, ...parts)).toEqual(whole);
    },
  );
});
