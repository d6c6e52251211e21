import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CATALOGUE_PARTS, type CataloguePart } from '../src/i18n/catalogue-parts';
import { LOCALES } from '../src/i18n/locales';

export interface BundleSize {
  /**
   * Gzip bytes of the JavaScript the sign-in screen loads: the entry, its static imports and
   * the largest sign-in part of the message catalogues (one is loaded, the agent's language).
   */
  signInJs: number;
  /**
   * Gzip bytes of each locale's catalogue chunks, by part, e.g.
   * `{ de: { 'sign-in': 2400, rest: 6500 } }`: the sign-in part comes before the first screen,
   * the rest once that part is active.
   */
  catalogues: Record<string, Record<CataloguePart, number>>;
  /** The catalogue chunks the first screen loads before any language is chosen: none. */
  cataloguesLoadedStatically: string[];
  signInCss: number;
  /** Gzip bytes of every JavaScript and CSS file of the build, lazy chunks included. */
  totalJs: number;
  totalCss: number;
}

/** The sign-in screen's budget for JavaScript, gzipped (issue 5). */
export const SIGN_IN_JS_BUDGET = 130 * 1024;

const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** What the browser downloads for the first screen: what index.html names, and what those files import statically. */
export function measureBundle(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1]!,
  );
  const loaded = new Set<string>();
  const queue = [...named];
  while (queue.length) {
    const asset = queue.pop()!;
    if (loaded.has(asset)) continue;
    loaded.add(asset);
    if (asset.endsWith('.js')) {
      const code = readFileSync(join(distDir, asset), 'utf8');
      // Static imports only (`import ... from "./x.js"`); `import("./x.js")` loads later, on demand.
      for (const match of code.matchAll(
        /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g,
      )) {
        queue.push(`/assets/${match[1]!.slice(2)}`);
      }
    }
  }
  const assets = readdirSync(join(distDir, 'assets')).map((name) => `/assets/${name}`);
  const sum = (files: Iterable<string>, extension: string) =>
    [...files]
      .filter((file) => extname(file) === extension)
      .reduce((total, file) => total + gzipBytes(join(distDir, file)), 0);
  // The catalogue plugin names each part's chunk after its locale and part: `de.sign-in-<hash>.js`.
  const catalogues = Object.fromEntries(
    Object.keys(LOCALES).map((locale) => [
      locale,
      Object.fromEntries(
        CATALOGUE_PARTS.map((part) => {
          const chunk = assets.find((asset) => isCatalogue(asset, locale, part));
          if (!chunk) throw new Error(`The build has no ${part} catalogue chunk for "${locale}".`);
          return [part, gzipBytes(join(distDir, chunk))];
        }),
      ) as Record<CataloguePart, number>,
    ]),
  );
  const cataloguesLoadedStatically = [...loaded].filter((asset) =>
    Object.keys(LOCALES).some((locale) =>
      CATALOGUE_PARTS.some((part) => isCatalogue(asset, locale, part)),
    ),
  );
  return {
    signInJs:
      sum(loaded, '.js') + Math.max(...Object.values(catalogues).map((parts) => parts['sign-in'])),
    catalogues,
    cataloguesLoadedStatically,
    signInCss: sum(loaded, '.css'),
    totalJs: sum(assets, '.js'),
    totalCss: sum(assets, '.css'),
  };
}

const isCatalogue = (asset: string, locale: string, part: CataloguePart) =>
  new RegExp(`^/assets/${locale}\\.${part}-[\\w-]{8}\\.js$`).test(asset);
