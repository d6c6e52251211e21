import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGlue, startGlue } from './glue';
import {
  AGENT,
  bearer,
  document,
  errorBody,
  makeTestGlue,
  refresh,
  signInAgent,
  snapshot,
  tokenAttributes,
} from './platform/test-support';
import type { TestGlue } from './platform/test-support';

const NOT_FOUND = errorBody(null, 404, 'Not Found');
const POST_DATA_INVALID = errorBody(null, 400, 'Post data is invalid.');
const INVALID_TYPE = errorBody(null, 400, 'Invalid type.');

const scratch = mkdtempSync(join(tmpdir(), 'glue-glue-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

async function expectJsonApi(response: Response, status: number, body: unknown): Promise<void> {
  expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
  const received: unknown = await response.json();
  expect({ status: response.status, body: received }).toEqual({ status, body });
}

const endpoints = ['agent-access-tokens', 'access-tokens', 'refresh-tokens'] as const;

describe.each(endpoints)('request document rules on POST /%s', (type) => {
  it.each([
    ['not JSON', '{"data":'],
    ['empty', ''],
    ['JSON null', 'null'],
    ['a JSON list', '[]'],
    ['a JSON string', '"data"'],
    ['a JSON number', '42'],
    ['an object without data', '{}'],
    ['data null', '{"data":null}'],
    ['data a list', '{"data":[]}'],
    ['data a string', '{"data":"x"}'],
    ['data without type', JSON.stringify({ data: { attributes: {} } })],
    ['data with type null', JSON.stringify({ data: { type: null, attributes: {} } })],
    ['data without attributes', JSON.stringify({ data: { type } })],
    ['attributes null', JSON.stringify({ data: { type, attributes: null } })],
    ['attributes a string', JSON.stringify({ data: { type, attributes: 'x' } })],
    ['attributes a number', JSON.stringify({ data: { type, attributes: 1 } })],
    ['attributes a non-empty list', JSON.stringify({ data: { type, attributes: ['x'] } })],
    ['JSON followed by a NUL character', '{"data":{"type":"x"}}\u0000'],
  ])('answers 400 Post data is invalid. for a body that is %s', async (_name, body) => {
    await expectJsonApi(await t.post(`/${type}`, body), 400, POST_DATA_INVALID);
  });

  it.each([
    ['another resource', 'carts'],
    ['the type in another case', type.toUpperCase()],
    ['a number', 1],
    ['an empty string', ''],
    ['a list', [type]],
  ])('answers 400 Invalid type. for a type that is %s', async (_name, sentType) => {
    const body = JSON.stringify({ data: { type: sentType, attributes: {} } });
    await expectJsonApi(await t.post(`/${type}`, body), 400, INVALID_TYPE);
  });
});

describe('unknown paths and methods', () => {
  it.each([
    ['GET', '/'],
    ['GET', '/nothing-here'],
    ['GET', '/agent-access-tokens'],
    ['PATCH', '/agent-access-tokens'],
    ['DELETE', '/agent-access-tokens'],
    ['PUT', '/refresh-tokens/abc'],
    ['POST', '/refresh-tokens/abc'],
    ['GET', '/refresh-tokens/abc'],
    ['DELETE', '/refresh-tokens/abc/def'],
    ['POST', '/access-tokens/x'],
    ['OPTIONS', '/access-tokens'],
    ['GET', '/%E0%A4%A'],
    ['POST', '/agent-access-tokens%zz'],
    ['GET', '/..%2f..%2fetc%2fpasswd'],
    ['PUT', '/carts'],
    ['PATCH', '/carts/abc'],
    ['GET', '/carts/abc/items'],
    ['GET', '/carts/abc/items/005_30663301'],
    ['POST', '/orders'],
    ['DELETE', '/orders/DE--1'],
    ['GET', '/abstract-products'],
    ['GET', '/concrete-products'],
    ['POST', '/catalog-search-suggestions'],
    ['POST', '/customers'],
  ])('answers %s %s with 404 Not Found', async (method, path) => {
    const response = await t.send(method, path);
    await expectJsonApi(response, 404, NOT_FOUND);
    expect(response.headers.get('WWW-Authenticate')).toBeNull();
  });
});

describe('CORS', () => {
  const preflight = (origin: string, glue: TestGlue = t): Promise<Response> =>
    glue.send('OPTIONS', '/agent-access-tokens', {
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, x-agent-authorization',
      },
    });

  it.each([
    'http://127.0.0.1:4173',
    'http://localhost:4173',
    'http://127.0.0.1:5173',
    'http://localhost:5173',
  ])('answers a preflight from the console origin %s', async (origin) => {
    const response = await preflight(origin);
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET, POST, PATCH, DELETE');
    expect(response.headers.get('Access-Control-Allow-Headers')).toBe(
      'Authorization, X-Agent-Authorization, Content-Type, Accept, Accept-Language',
    );
    expect(response.headers.get('Vary')).toContain('Origin');
  });

  it('gives a preflight from another origin no CORS headers', async () => {
    const response = await preflight('http://evil.example');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(response.headers.get('Access-Control-Allow-Methods')).toBeNull();
    expect(response.headers.get('Access-Control-Allow-Headers')).toBeNull();
  });

  it('allows the console origin on the actual response, errors included', async () => {
    const ok = await t.post('/agent-access-tokens', document('agent-access-tokens', AGENT), {
      headers: { Origin: 'http://localhost:5173' },
    });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    const failed = await t.send('GET', '/nothing', {
      headers: { Origin: 'http://localhost:5173' },
    });
    expect(failed.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    const foreign = await t.send('GET', '/nothing', { headers: { Origin: 'http://evil.example' } });
    expect(foreign.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('uses the configured origins instead of the defaults', async () => {
    const custom = await makeTestGlue({ corsOrigins: ['https://console.example.com'] });
    try {
      const allowed = await preflight('https://console.example.com', custom);
      expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(
        'https://console.example.com',
      );
      const former = await preflight('http://localhost:5173', custom);
      expect(former.headers.get('Access-Control-Allow-Origin')).toBeNull();
    } finally {
      custom.close();
    }
  });
});

describe('bodies the stand-in cannot or will not read', () => {
  const huge = JSON.stringify(
    document('agent-access-tokens', {
      username: AGENT.username,
      password: 'x'.repeat(1024 * 1024),
    }),
  );

  it('answers 413 for a body over 1 MiB, streamed without Content-Length', async () => {
    const before = snapshot(t.glue);
    const response = await t.post('/agent-access-tokens', huge);
    await expectJsonApi(response, 413, errorBody(null, 413, 'Content Too Large'));
    expect(snapshot(t.glue)).toBe(before);
  });

  it('answers 413 for a declared Content-Length over 1 MiB', async () => {
    const response = await t.post('/agent-access-tokens', huge, {
      headers: { 'Content-Length': String(Buffer.byteLength(huge)) },
    });
    await expectJsonApi(response, 413, errorBody(null, 413, 'Content Too Large'));
  });

  it('reads a body of just under 1 MiB', async () => {
    const body = JSON.stringify(
      document('refresh-tokens', { refreshToken: 'x'.repeat(1024 * 1024 - 100) }),
    );
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(1024 * 1024);
    const response = await t.post('/refresh-tokens', body);
    expect(response.status).toBe(401);
  });

  it('reads deeply nested JSON without crashing', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const response = await t.post(
      '/agent-access-tokens',
      `{"data":{"type":"agent-access-tokens","attributes":{"username":${deep}}}}`,
    );
    expect(response.status).toBe(401);
  });

  it('never answers 500 and changes nothing for malformed requests', async () => {
    const { accessToken, refreshToken } = await signInAgent(t);
    const before = snapshot(t.glue);
    const bodies = [
      '{',
      '\u00ff\u00fe',
      'true',
      '{"data":{"type":"refresh-tokens","attributes":{"refreshToken":{"__proto__":{"x":1}}}}}',
      '{"__proto__":{"data":{"type":"refresh-tokens","attributes":{}}}}',
      '{"data":{"type":"agent-access-tokens","attributes":{"constructor":"x","toString":1}}}',
      '{"data":{"type":"access-tokens","attributes":{"username":["a"],"password":{"b":1}}}}',
    ];
    const statuses: number[] = [];
    for (const path of ['/agent-access-tokens', '/access-tokens', '/refresh-tokens']) {
      for (const body of bodies) statuses.push((await t.post(path, body)).status);
    }
    const headerCases: Record<string, string>[] = [
      { Authorization: 'Bearer ' },
      { Authorization: `Bearer ${accessToken}x` },
      { Authorization: `Bearer ${'a'.repeat(20_000)}` },
      { Authorization: `Bearer ${accessToken.split('.').slice(0, 2).join('.')}.` },
    ];
    for (const headers of headerCases) {
      statuses.push(
        (await t.send('DELETE', `/refresh-tokens/${refreshToken}`, { headers })).status,
      );
    }
    statuses.push((await t.send('DELETE', '/refresh-tokens/%', { headers: bearer('x') })).status);
    expect(statuses.every((status) => status >= 400 && status < 500)).toBe(true);
    expect(snapshot(t.glue)).toBe(before);
    expect(t.logLines).toEqual([]);
    expect((await refresh(t, refreshToken)).status).toBe(201);
  });
});

describe('unexpected failures', () => {
  it('answers a JSON:API 500 without details and logs one line without tokens', async () => {
    const { accessToken, refreshToken } = await signInAgent(t);
    t.glue.db.close();
    const response = await t.send('DELETE', `/refresh-tokens/${refreshToken}`, {
      headers: bearer(accessToken),
    });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    expect(JSON.parse(text)).toEqual(errorBody(null, 500, 'Internal Server Error'));
    expect(t.logLines).toHaveLength(1);
    const line = t.logLines[0] ?? '';
    expect(line).not.toMatch(/\n/);
    expect(line).toContain('DELETE');
    expect(line).not.toContain(refreshToken);
    expect(line).not.toContain(accessToken.slice(0, 40));
  });
});

describe('the database file', () => {
  it('keeps the key pair, tokens and seed across a reopen', async () => {
    const dbPath = join(scratch, 'nested', 'folder', 'glue.sqlite');
    const first = await createGlue({ dbPath });
    const signIn = await first.app.request('http://glue.test/agent-access-tokens', {
      method: 'POST',
      body: JSON.stringify(document('agent-access-tokens', AGENT)),
    });
    const tokens = await tokenAttributes(signIn);
    const keyQuery = "SELECT value FROM meta WHERE key = 'jwt_private_key'";
    const key = first.db.prepare(keyQuery).pluck().get();
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.db.pragma('foreign_keys', { simple: true })).toBe(1);
    first.close();

    const second = await createGlue({ dbPath });
    try {
      expect(second.db.prepare(keyQuery).pluck().get()).toBe(key);
      expect(second.db.prepare('SELECT COUNT(*) FROM customers').pluck().get()).toBe(21);
      expect(second.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(2);
      const revoke = await second.app.request(
        `http://glue.test/refresh-tokens/${tokens.refreshToken}`,
        {
          method: 'DELETE',
          headers: bearer(tokens.accessToken),
        },
      );
      // 204 rather than 401: the access token from before the reopen still verifies.
      expect(revoke.status).toBe(204);
    } finally {
      second.close();
    }
  });

  it('makes a new key pair for a new database', async () => {
    const a = await createGlue({ dbPath: ':memory:' });
    const b = await createGlue({ dbPath: ':memory:' });
    const query = "SELECT value FROM meta WHERE key = 'jwt_public_key'";
    try {
      expect(a.db.prepare(query).pluck().get()).toMatch(/^-----BEGIN PUBLIC KEY-----/);
      expect(a.db.prepare(query).pluck().get()).not.toBe(b.db.prepare(query).pluck().get());
      expect(
        a.db.prepare("SELECT value FROM meta WHERE key = 'jwt_private_key'").pluck().get(),
      ).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('startGlue', () => {
  it('serves on 127.0.0.1, reports the port, counts lockouts per socket address and closes', async () => {
    const running = await startGlue({ port: 0, dbPath: join(scratch, 'served.sqlite') });
    try {
      expect(running.port).toBeGreaterThan(0);
      expect(running.url).toBe(`http://127.0.0.1:${running.port}`);
      const response = await fetch(`${running.url}/agent-access-tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/vnd.api+json', 'X-Forwarded-For': '203.0.113.9' },
        body: JSON.stringify(document('agent-access-tokens', { ...AGENT, password: 'wrong' })),
      });
      expect(response.status).toBe(401);
      expect(running.glue.db.prepare('SELECT ip FROM login_attempts').pluck().all()).toEqual([
        expect.stringMatching(/127\.0\.0\.1$/),
      ]);
      const big = await fetch(`${running.url}/agent-access-tokens`, {
        method: 'POST',
        body: 'x'.repeat(1024 * 1024 + 1),
      });
      expect(big.status).toBe(413);
      expect(await big.json()).toEqual(errorBody(null, 413, 'Content Too Large'));
    } finally {
      await running.close();
    }
    expect(running.glue.db.open).toBe(false);
    await expect(fetch(`${running.url}/agent-access-tokens`)).rejects.toThrow();
  });

  it('answers a request Node cannot turn into a URL with a JSON:API 400', async () => {
    const running = await startGlue({ port: 0, dbPath: ':memory:' });
    try {
      const { status, body, type } = await new Promise<{
        status: number;
        body: string;
        type: string;
      }>((resolve, reject) => {
        const request = httpRequest(
          { host: '127.0.0.1', port: running.port, path: '/a\\b', method: 'GET' },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () =>
              resolve({
                status: response.statusCode ?? 0,
                body: text,
                type: String(response.headers['content-type']),
              }),
            );
          },
        );
        request.on('error', reject);
        request.end();
      });
      expect(status).toBe(400);
      expect(type).toBe('application/vnd.api+json');
      expect(JSON.parse(body)).toEqual(errorBody(null, 400, 'Bad Request'));
    } finally {
      await running.close();
    }
  });

  it('rejects when the port is taken', async () => {
    const first = await startGlue({ port: 0, dbPath: ':memory:' });
    try {
      await expect(startGlue({ port: first.port, dbPath: ':memory:' })).rejects.toThrow(
        /EADDRINUSE/,
      );
    } finally {
      await first.close();
    }
  });
});
