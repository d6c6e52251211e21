import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Gzip bytes of the JavaScript the sign-in screen loads (entry and its static imports). */
  signInJs: number;
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
  return {
    signInJs: sum(loaded, '.js'),
    signInCss: sum(loaded, '.css'),
    totalJs: sum(assets, '.js'),
    totalCss: sum(assets, '.css'),
  };
}
