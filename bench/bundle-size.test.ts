import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_JS_BUDGET, measureBundle, type BundleSize } from './bundle-size';

// The bundle is deterministic, so its budget is a test; speed figures live in `npm run bench`.
const outDir = mkdtempSync(join(tmpdir(), 'console-build-'));
let size: BundleSize;

beforeAll(async () => {
  // Vitest sets NODE_ENV=test, which would build React's development bundle.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      mode: 'production',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  size = measureBundle(outDir);
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('what the browser downloads', () => {
  it(`keeps the sign-in screen's JavaScript within ${SIGN_IN_JS_BUDGET / 1024} KB gzipped`, () => {
    expect(size.signInJs).toBeGreaterThan(50 * 1024);
    expect(size.signInJs).toBeLessThanOrEqual(SIGN_IN_JS_BUDGET);
  });

  it('downloads the messages of one language, when it is chosen, not of all', () => {
    expect(size.cataloguesLoadedStatically).toEqual([]);
    for (const parts of Object.values(size.catalogues)) {
      expect(parts['sign-in']).toBeGreaterThan(1024);
      expect(parts.rest).toBeGreaterThan(1024);
    }
  });

  it('keeps the messages of the screens past sign-in out of the sign-in part', () => {
    for (const parts of Object.values(size.catalogues)) {
      expect(parts['sign-in']).toBeLessThan(parts.rest);
    }
  });

  it('loads the customer workspace only when it is needed', () => {
    expect(size.totalJs - size.signInJs).toBeGreaterThan(10 * 1024);
  });
});
