import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleHost, type RunningConsoleHost } from './console-host';

const GLUE = 'http://127.0.0.1:9555';
let host: RunningConsoleHost;
let outside: string;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'console-host-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dist, 'assets', 'app-123.js'), 'console.log(1)');
  outside = join(root, 'secret.txt');
  writeFileSync(outside, 'not for the browser');
  host = await startConsoleHost({ distDir: dist, port: 0, glueBaseUrl: GLUE });
});

afterAll(() => host.close());

describe('console host', () => {
  it('serves every page with a strict CSP, no framing, no referrer and no sniffing', async () => {
    const response = await fetch(`${host.url}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain(`connect-src 'self' ${GLUE}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('tells the console where Glue lives, uncached', async () => {
    const response = await fetch(`${host.url}/glue-config.json`);
    expect(await response.json()).toEqual({ glueBaseUrl: GLUE });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers app routes with index.html and fingerprinted assets as immutable', async () => {
    const route = await fetch(`${host.url}/customers/DE--21`);
    expect(route.headers.get('content-type')).toContain('text/html');
    expect(await route.text()).toContain('<title>console</title>');
    const asset = await fetch(`${host.url}/assets/app-123.js`);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers a missing file 404 and never serves a file outside dist', async () => {
    expect((await fetch(`${host.url}/assets/missing.js`)).status).toBe(404);
    for (const path of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt']) {
      const response = await fetch(`${host.url}${path}`);
      expect(await response.text()).not.toContain('not for the browser');
    }
    expect((await fetch(`${host.url}/%E0%A4%A`)).status).toBe(400);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await fetch(`${host.url}/`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
