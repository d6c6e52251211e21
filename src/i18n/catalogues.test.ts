import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMessage, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../scripts/lingui-catalogues';
import { LOCALES, SOURCE_LOCALE } from './locales';
import { namesKey, sourceFiles } from './test-catalogues';

const srcDir = join(import.meta.dirname, '..');
const catalogue = (locale: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, 'locales', `${locale}.json`), 'utf8'),
  ) as Record<string, string>;
const source = catalogue(SOURCE_LOCALE);
const translations = Object.keys(LOCALES)
  .filter((locale) => locale !== SOURCE_LOCALE)
  .map((locale) => [locale, catalogue(locale)] as const);

/** Messages whose words are the same in every language: names, codes and formats. */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'app.brand',
  'app.documentTitle',
  'auth.signIn.glueAt',
  'checkout.review.item',
  'error.glueSaid.where',
  'reorder.line',
  'returns.line',
  'reorder.refused',
  'workspace.documentTitle',
]);

const files = sourceFiles(srcDir).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** The names a message interpolates, in its plural and select branches too. */
function argumentsOf(compiled: CompiledMessage, names = new Set<string>()): Set<string> {
  for (const token of compiled) {
    if (typeof token === 'string') continue;
    const [name, , format] = token;
    names.add(name);
    if (format && typeof format === 'object') {
      for (const [key, branch] of Object.entries(format)) {
        if (key !== 'offset' && Array.isArray(branch))
          argumentsOf(branch as CompiledMessage, names);
      }
    }
  }
  return names;
}
const tagsOf = (text: string) => [...text.matchAll(/<\/?\w+\/?>/g)].map((m) => m[0]).sort();

describe('the message catalogues', () => {
  it('compile: every message is valid ICU', () => {
    for (const locale of Object.keys(LOCALES)) {
      const file = `${locale}.json`;
      expect(() => compileCatalogue(JSON.stringify(catalogue(locale)), file)).not.toThrow();
    }
  });

  it.each(translations)('%s has every key of English, and no other', (_locale, messages) => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(source).sort());
  });

  it.each(translations)('%s uses the same placeholders and markup as English', (_l, messages) => {
    for (const [id, english] of Object.entries(source)) {
      const translated = messages[id] ?? '';
      expect([...argumentsOf(compileMessage(translated))].sort(), id).toEqual(
        [...argumentsOf(compileMessage(english))].sort(),
      );
      expect(tagsOf(translated), id).toEqual(tagsOf(english));
    }
  });

  it.each(translations)('%s leaves nothing in English', (_locale, messages) => {
    const untranslated = Object.keys(source).filter(
      (id) => messages[id] === source[id] && !SAME_IN_EVERY_LANGUAGE.has(id),
    );
    expect(untranslated).toEqual([]);
  });

  it('has no unused keys: each one is named, in quotes, in the console’s code', () => {
    const code = files.map((file) => file.text).join('\n');
    const unused = Object.keys(source).filter((id) => !namesKey(code, id));
    expect(unused).toEqual([]);
  });
});

/** Props whose text a person reads or hears. */
const READ_PROPS =
  /^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label|\w+Label|\w+Title)$/;
// A catalogue key (`title={adding ? 'addresses.form.addTitle' : …}`) is translated where it is shown.
const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && source[text] === undefined;

const hasLang = (element: ts.JsxOpeningElement) =>
  element.attributes.properties.some(
    (attribute) => ts.isJsxAttribute(attribute) && attribute.name.getText() === 'lang',
  );

/** Every text literal a screen shows, outside the catalogues: each is a string to translate. */
function untranslatedTexts(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${path.slice(srcDir.length + 1)}:${line + 1} ${node.getText().trim()}`);
  };
  /** String literals an expression may render, short of calls (t(), format()) and JSX. */
  const literals = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (hasWords(node.text)) report(node);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      if (hasWords(node.head.text) || node.templateSpans.some((s) => hasWords(s.literal.text)))
        report(node);
      return;
    }
    if (ts.isCallExpression(node) || ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node))
      return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind !== ts.SyntaxKind.PlusToken) {
      // `a === 'x' && …`: the comparison is not shown, what follows may be.
      literals(node.right);
      return;
    }
    if (ts.isConditionalExpression(node)) {
      literals(node.whenTrue);
      literals(node.whenFalse);
      return;
    }
    ts.forEachChild(node, literals);
  };
  const visit = (node: ts.Node) => {
    // Text marked with its own language (`<h1 lang="en">`) is that language on purpose.
    if (ts.isJsxElement(node) && hasLang(node.openingElement)) return;
    if (ts.isJsxText(node) && hasWords(node.text)) report(node);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      literals(node.expression);
    }
    // `cancelLabel = 'Cancel'`: a default for a prop a person reads.
    if (
      ts.isBindingElement(node) &&
      node.initializer &&
      READ_PROPS.test(node.name.getText()) &&
      ts.isStringLiteral(node.initializer) &&
      hasWords(node.initializer.text)
    ) {
      report(node);
    }
    if (ts.isJsxAttribute(node) && READ_PROPS.test(node.name.getText()) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) {
        if (hasWords(node.initializer.text)) report(node);
      } else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) {
        literals(node.initializer.expression);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the console’s screens', () => {
  it('show no text that is not in the catalogues', () => {
    const found = files
      .filter((file) => file.path.endsWith('.tsx'))
      .flatMap((file) => untranslatedTexts(file.path, file.text));
    expect(found).toEqual([]);
  });
});
