import { createHash } from 'node:crypto';
import { jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  START_SECONDS,
  bearer,
  document,
  errorBody,
  makeTestGlue,
  refresh,
  signInAgent,
  signInCustomer,
  snapshot,
  tokenAttributes,
} from '../../platform/test-support';
import type { TestGlue, TokenDocument } from '../../platform/test-support';

const FAILED = errorBody('004', 401, 'Failed to refresh token.');
const BLANK = errorBody('901', 422, 'refreshToken => This value should not be blank.');

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

async function claims(accessToken: string): Promise<Record<string, unknown>> {
  const { payload } = await jwtVerify(accessToken, t.publicKey(), {
    currentDate: new Date(t.now() * 1000),
  });
  return payload;
}

async function expectRefused(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Access to shop API"');
  expect(await response.json()).toEqual(FAILED);
}

const revoke = (token: string, headers: Record<string, string>): Promise<Response> =>
  t.send('DELETE', `/refresh-tokens/${encodeURIComponent(token)}`, { headers });

describe('POST /refresh-tokens', () => {
  it('rotates an agent pair: 201, a new pair with the same sub and scopes, a fresh TTL', async () => {
    const first = await signInAgent(t);
    t.advance(100);
    const response = await refresh(t, first.refreshToken);
    expect(response.status).toBe(201);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    const body = (await response.json()) as TokenDocument;
    expect(Object.keys(body.data)).toEqual(['type', 'id', 'attributes', 'links']);
    expect(body.data).toMatchObject({
      type: 'refresh-tokens',
      id: null,
      attributes: { tokenType: 'Bearer', expiresIn: 28800 },
      links: { self: 'http://glue.test/refresh-tokens' },
    });
    const second = body.data.attributes;
    expect(second.refreshToken).toMatch(/^def50200[0-9a-f]{128}$/);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const before = await claims(first.accessToken);
    const after = await claims(second.accessToken);
    expect(after.sub).toBe(before.sub);
    expect(after.scopes).toEqual(['agent']);
    expect(after.iat).toBe(START_SECONDS + 100);
    expect(after.jti).not.toBe(before.jti);
    const expiresAt = t.glue.db
      .prepare('SELECT expires_at FROM refresh_tokens WHERE token_hash = ?')
      .pluck()
      .get(createHash('sha256').update(second.refreshToken).digest('hex'));
    expect(expiresAt).toBe(START_SECONDS + 100 + 2628000);
  });

  it('rotates a customer pair with the customer sub and scopes', async () => {
    const first = await signInCustomer(t);
    const second = await tokenAttributes(await refresh(t, first.refreshToken));
    const after = await claims(second.accessToken);
    expect(after.sub).toBe(
      '{"id_company_user":null,"id_agent":null,"customer_reference":"DE--21","id_customer":21,"permissions":null}',
    );
    expect(after.scopes).toEqual(['customer']);
  });

  it('makes the new refresh token usable and the old one refused with 004', async () => {
    const first = await signInAgent(t);
    const second = await tokenAttributes(await refresh(t, first.refreshToken));
    await expectRefused(await refresh(t, first.refreshToken));
    const third = await tokenAttributes(await refresh(t, second.refreshToken));
    expect(third.refreshToken).not.toBe(second.refreshToken);
  });

  it('lets exactly one of several concurrent refreshes of one token succeed', async () => {
    const { refreshToken } = await signInAgent(t);
    const responses = await Promise.all(Array.from({ length: 5 }, () => refresh(t, refreshToken)));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 401, 401, 401, 401]);
    expect(t.glue.db.prepare('SELECT COUNT(*) FROM refresh_tokens').pluck().get()).toBe(2);
  });

  it('refuses an expired refresh token with 004, and accepts it a second before', async () => {
    const early = await signInAgent(t);
    const late = await signInAgent(t);
    t.advance(2628000 - 1);
    expect((await refresh(t, early.refreshToken)).status).toBe(201);
    t.advance(1);
    await expectRefused(await refresh(t, late.refreshToken));
  });

  it.each([
    ['an unknown token', `def50200${'0'.repeat(128)}`],
    ['a blank-looking token', '   '],
    ['a number', 12345],
    ['true', true],
    ['an object', { token: 'x' }],
    ['a list', ['x']],
    ['a huge string', 'x'.repeat(100_000)],
  ])('answers 004 for %s', async (_name, refreshToken) => {
    await expectRefused(await refresh(t, refreshToken));
  });

  it('answers 004 for an access token given as refresh token', async () => {
    const { accessToken } = await signInAgent(t);
    await expectRefused(await refresh(t, accessToken));
  });

  it.each([
    ['an empty string', ''],
    ['null', null],
    ['false', false],
    ['an empty list', []],
    ['an empty object', {}],
  ])('answers 422 901 for %s', async (_name, refreshToken) => {
    const response = await refresh(t, refreshToken);
    expect(response.status).toBe(422);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    expect(await response.json()).toEqual(BLANK);
  });

  it('answers 422 901 when refreshToken is missing', async () => {
    const response = await t.post('/refresh-tokens', document('refresh-tokens', {}));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual(BLANK);
  });

  it('answers 400 Invalid type. for another type', async () => {
    const { refreshToken } = await signInAgent(t);
    const response = await t.post('/refresh-tokens', document('access-tokens', { refreshToken }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(errorBody(null, 400, 'Invalid type.'));
    expect((await refresh(t, refreshToken)).status).toBe(201);
  });

  it('changes nothing when it refuses', async () => {
    const { accessToken } = await signInAgent(t);
    const before = snapshot(t.glue);
    await refresh(t, accessToken);
    await refresh(t, '');
    await refresh(t, 'def50200abc');
    expect(snapshot(t.glue)).toBe(before);
  });

  it('stores the refresh token only as its SHA-256 hash', async () => {
    const { refreshToken } = await signInAgent(t);
    const rows = t.glue.db.prepare('SELECT * FROM refresh_tokens').all();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(refreshToken.slice(8, 40));
    expect(rows[0]).toMatchObject({
      token_hash: createHash('sha256').update(refreshToken).digest('hex'),
      subject: 'agent:1',
      scopes: '["agent"]',
      revoked_at: null,
    });
  });
});

describe('DELETE /refresh-tokens/{refreshToken}', () => {
  it('revokes the caller’s token: 204 with an empty body, then refresh answers 004', async () => {
    const agent = await signInAgent(t);
    const response = await revoke(agent.refreshToken, bearer(agent.accessToken));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    await expectRefused(await refresh(t, agent.refreshToken));
  });

  it('answers 204 for another user’s token and leaves it valid', async () => {
    const agent = await signInAgent(t);
    const customer = await signInCustomer(t);
    expect((await revoke(agent.refreshToken, bearer(customer.accessToken))).status).toBe(204);
    expect((await refresh(t, agent.refreshToken)).status).toBe(201);
  });

  it('answers 204 for an unknown token', async () => {
    const agent = await signInAgent(t);
    const before = snapshot(t.glue);
    expect((await revoke(`def50200${'1'.repeat(128)}`, bearer(agent.accessToken))).status).toBe(
      204,
    );
    expect(snapshot(t.glue)).toBe(before);
  });

  it('does not end access tokens already issued', async () => {
    const agent = await signInAgent(t);
    await revoke(agent.refreshToken, bearer(agent.accessToken));
    const other = await signInAgent(t);
    // A revoked session's access token still authenticates until it expires.
    expect((await revoke(other.refreshToken, bearer(agent.accessToken))).status).toBe(204);
    await expectRefused(await refresh(t, other.refreshToken));
  });

  it('accepts a customer revoking their own token', async () => {
    const customer = await signInCustomer(t);
    expect((await revoke(customer.refreshToken, bearer(customer.accessToken))).status).toBe(204);
    await expectRefused(await refresh(t, customer.refreshToken));
  });

  it('answers 403 002 without Authorization and keeps the token', async () => {
    const agent = await signInAgent(t);
    const response = await revoke(agent.refreshToken, {});
    expect(response.status).toBe(403);
    expect(response.headers.get('WWW-Authenticate')).toBeNull();
    expect(await response.json()).toEqual(errorBody('002', 403, 'Missing access token.'));
    expect((await refresh(t, agent.refreshToken)).status).toBe(201);
  });

  it.each([
    ['garbage', 'Bearer garbage'],
    ['no scheme', 'eyJhbGciOiJub25lIn0.e30.'],
    ['another scheme', 'Basic YWRtaW46Y2hhbmdlMTIz'],
    ['a bare Bearer', 'Bearer'],
    ['two tokens', 'Bearer a b'],
  ])('answers 401 001 for an Authorization with %s', async (_name, authorization) => {
    const agent = await signInAgent(t);
    const response = await revoke(agent.refreshToken, { Authorization: authorization });
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Access to shop API"');
    expect(await response.json()).toEqual(errorBody('001', 401, 'Invalid access token.'));
    expect((await refresh(t, agent.refreshToken)).status).toBe(201);
  });

  it('answers 401 001 for an expired access token', async () => {
    const agent = await signInAgent(t);
    t.advance(28800);
    const response = await revoke(agent.refreshToken, bearer(agent.accessToken));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(errorBody('001', 401, 'Invalid access token.'));
  });

  it('answers 401 001 for a token signed by another stand-in', async () => {
    // Its own in-memory database, so its own key pair.
    const other = await makeTestGlue({ dbPath: ':memory:' });
    try {
      const foreign = await signInAgent(other);
      const agent = await signInAgent(t);
      const response = await revoke(agent.refreshToken, bearer(foreign.accessToken));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(errorBody('001', 401, 'Invalid access token.'));
    } finally {
      other.close();
    }
  });

  it('accepts the scheme in any letter case', async () => {
    const agent = await signInAgent(t);
    const response = await revoke(agent.refreshToken, {
      Authorization: `bearer ${agent.accessToken}`,
    });
    expect(response.status).toBe(204);
  });

  it.each(['/refresh-tokens', '/refresh-tokens/'])(
    'answers 400 Resource id is not specified. for DELETE %s',
    async (path) => {
      const agent = await signInAgent(t);
      const response = await t.send('DELETE', path, { headers: bearer(agent.accessToken) });
      expect(response.status).toBe(400);
      expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
      expect(await response.json()).toEqual(errorBody(null, 400, 'Resource id is not specified.'));
    },
  );

  it('answers 204 for a path with bad percent-encoding', async () => {
    const agent = await signInAgent(t);
    const response = await t.send('DELETE', '/refresh-tokens/%E0%A4%A', {
      headers: bearer(agent.accessToken),
    });
    expect(response.status).toBe(204);
  });
});

describe('DELETE /refresh-tokens/mine', () => {
  it('revokes every refresh token of the calling agent and no one else’s', async () => {
    const first = await signInAgent(t);
    const second = await signInAgent(t, '10.0.0.9');
    const customer = await signInCustomer(t);
    const response = await t.send('DELETE', '/refresh-tokens/mine', {
      headers: bearer(first.accessToken),
    });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    await expectRefused(await refresh(t, first.refreshToken));
    await expectRefused(await refresh(t, second.refreshToken));
    expect((await refresh(t, customer.refreshToken)).status).toBe(201);
  });

  it('revokes the customer’s tokens, including one made by rotation', async () => {
    const customer = await signInCustomer(t);
    const rotated = await tokenAttributes(await refresh(t, customer.refreshToken));
    const agent = await signInAgent(t);
    const response = await t.send('DELETE', '/refresh-tokens/mine', {
      headers: bearer(customer.accessToken),
    });
    expect(response.status).toBe(204);
    await expectRefused(await refresh(t, rotated.refreshToken));
    expect((await refresh(t, agent.refreshToken)).status).toBe(201);
  });

  it('answers 403 002 without Authorization', async () => {
    const response = await t.send('DELETE', '/refresh-tokens/mine');
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(errorBody('002', 403, 'Missing access token.'));
  });
});
