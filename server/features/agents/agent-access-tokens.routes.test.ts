import { jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AGENT,
  DEFAULT_IP,
  START_SECONDS,
  decodeSegment,
  document,
  errorBody,
  makeTestGlue,
  snapshot,
} from '../../platform/test-support';
import type { TestGlue, TokenDocument } from '../../platform/test-support';

const TYPE = 'agent-access-tokens';
const FAILED = errorBody('4101', 401, 'Failed to authenticate an agent.');
const BLOCKED_6_MINUTES = errorBody(
  '4401',
  429,
  'Too many log in attempts from your address. Please wait 6 minutes before trying again.',
);

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

function signIn(attributes: unknown, ip = DEFAULT_IP): Promise<Response> {
  return t.post(`/${TYPE}`, document(TYPE, attributes), { ip });
}

const wrongPassword = (ip = DEFAULT_IP): Promise<Response> =>
  signIn({ username: AGENT.username, password: 'wrong' }, ip);

async function expectError(response: Response, body: unknown): Promise<void> {
  const received: unknown = await response.json();
  expect({ status: response.status, body: received }).toEqual({
    status: (body as { errors: { status: number }[] }).errors[0]?.status,
    body,
  });
}

describe('POST /agent-access-tokens', () => {
  it('answers 201 with a token pair document for the agent', async () => {
    const response = await signIn(AGENT);
    expect(response.status).toBe(201);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    const body = (await response.json()) as TokenDocument;
    expect(Object.keys(body)).toEqual(['data']);
    expect(Object.keys(body.data)).toEqual(['type', 'id', 'attributes', 'links']);
    expect(body.data.type).toBe(TYPE);
    expect(body.data.id).toBeNull();
    expect(body.data.links).toEqual({ self: 'http://glue.test/agent-access-tokens' });
    const attributes = body.data.attributes;
    expect(Object.keys(attributes)).toEqual([
      'tokenType',
      'expiresIn',
      'accessToken',
      'refreshToken',
    ]);
    expect(attributes.tokenType).toBe('Bearer');
    expect(attributes.expiresIn).toBe(28800);
    expect(attributes.refreshToken).toMatch(/^def50200[0-9a-f]{128}$/);
  });

  it('signs an RS256 JWT with the agent claims, verifiable with the stored public key', async () => {
    const body = (await (await signIn(AGENT)).json()) as TokenDocument;
    const token = body.data.attributes.accessToken;
    const [header, payload] = token.split('.');
    expect(Buffer.from(header ?? '', 'base64url').toString()).toBe('{"typ":"JWT","alg":"RS256"}');
    expect(Object.keys(decodeSegment(payload))).toEqual([
      'aud',
      'jti',
      'iat',
      'nbf',
      'exp',
      'sub',
      'scopes',
    ]);
    const verified = await jwtVerify(token, t.publicKey(), {
      algorithms: ['RS256'],
      currentDate: new Date(START_SECONDS * 1000),
    });
    expect(verified.payload).toEqual({
      aud: 'frontend',
      jti: expect.stringMatching(/^[0-9a-f]{80}$/) as unknown,
      iat: START_SECONDS,
      nbf: START_SECONDS,
      exp: START_SECONDS + 28800,
      sub: '{"id_company_user":null,"id_agent":1,"customer_reference":null,"id_customer":null,"permissions":null}',
      scopes: ['agent'],
    });
  });

  it('gives every token its own jti', async () => {
    const first = (await (await signIn(AGENT)).json()) as TokenDocument;
    const second = (await (await signIn(AGENT)).json()) as TokenDocument;
    const jti = (doc: TokenDocument): unknown =>
      decodeSegment(doc.data.attributes.accessToken.split('.')[1]).jti;
    expect(jti(first)).not.toBe(jti(second));
    expect(first.data.attributes.refreshToken).not.toBe(second.data.attributes.refreshToken);
  });

  it('uses the configured lifetimes and public URL', async () => {
    const custom = await makeTestGlue({
      accessTokenTtl: 600,
      publicUrl: 'https://glue.example.com/',
    });
    try {
      const response = await custom.post(`/${TYPE}`, document(TYPE, AGENT));
      const body = (await response.json()) as TokenDocument;
      expect(body.data.attributes.expiresIn).toBe(600);
      expect(body.data.links.self).toBe('https://glue.example.com/agent-access-tokens');
      expect(decodeSegment(body.data.attributes.accessToken.split('.')[1]).exp).toBe(
        START_SECONDS + 600,
      );
    } finally {
      custom.close();
    }
  });

  it('builds links.self from the origin the request used', async () => {
    const response = await t.post(`http://localhost:9001/${TYPE}`, document(TYPE, AGENT));
    const body = (await response.json()) as TokenDocument;
    expect(body.data.links.self).toBe('http://localhost:9001/agent-access-tokens');
  });

  it.each([
    ['a wrong password', { username: AGENT.username, password: 'change1234' }],
    ['an unknown user', { username: 'nobody@spryker.com', password: 'change123' }],
    [
      'a back-office user who is not an agent',
      { username: 'admin_de@spryker.com', password: 'change123' },
    ],
    ['a customer', { username: 'sonia@acme.com', password: 'change123' }],
    ['an empty username', { username: '', password: 'change123' }],
    ['a blank username', { username: '   ', password: 'change123' }],
    ['an empty password', { username: AGENT.username, password: '' }],
    ['a blank password', { username: AGENT.username, password: '   ' }],
    ['a missing password', { username: AGENT.username }],
    ['empty attributes', {}],
    ['an empty list as attributes', []],
    ['a numeric username', { username: 1, password: 'change123' }],
    ['an object password', { username: AGENT.username, password: { value: 'change123' } }],
    ['a list password', { username: AGENT.username, password: ['change123'] }],
    ['a null password', { username: AGENT.username, password: null }],
  ])('answers 401 4101 for %s', async (_name, attributes) => {
    const response = await signIn(attributes);
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Access to shop API"');
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    await expectError(response, FAILED);
  });

  it('accepts the username in another letter case', async () => {
    const response = await signIn({ username: 'Admin@Spryker.com', password: 'change123' });
    expect(response.status).toBe(201);
  });

  it('answers 400 Invalid type. for another type, without a code', async () => {
    const response = await t.post(`/${TYPE}`, document('access-tokens', AGENT));
    await expectError(response, errorBody(null, 400, 'Invalid type.'));
  });

  it('issues no token and stores nothing when it refuses', async () => {
    const before = snapshot(t.glue);
    await signIn({ username: '', password: 'x' });
    await t.post(`/${TYPE}`, document('wrong', AGENT));
    expect(snapshot(t.glue)).toBe(before);
  });
});

describe('agent sign-in lockout', () => {
  async function failTimes(times: number, ip = DEFAULT_IP): Promise<void> {
    for (let i = 0; i < times; i++) await expectError(await wrongPassword(ip), FAILED);
  }

  it('answers the 9th failure with 4101 and the 10th request with 429 4401, even with the right password', async () => {
    await failTimes(8);
    await expectError(await wrongPassword(), FAILED);
    const blocked = await signIn(AGENT);
    expect(blocked.headers.get('Content-Type')).toBe('application/vnd.api+json');
    expect(blocked.headers.get('WWW-Authenticate')).toBeNull();
    await expectError(blocked, BLOCKED_6_MINUTES);
    await expectError(await wrongPassword(), BLOCKED_6_MINUTES);
  });

  it('lets 8 failures pass and the correct password still sign in', async () => {
    await failTimes(8);
    expect((await signIn(AGENT)).status).toBe(201);
  });

  it('neither counts nor resets on a successful sign-in', async () => {
    await failTimes(8);
    expect((await signIn(AGENT)).status).toBe(201);
    expect(t.glue.db.prepare('SELECT count FROM login_attempts').pluck().get()).toBe(8);
    await expectError(await wrongPassword(), FAILED);
    await expectError(await signIn(AGENT), BLOCKED_6_MINUTES);
  });

  it('lets no more than 9 of a burst of parallel guesses reach the password check', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, () => wrongPassword()));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(9);
    expect(statuses.filter((status) => status === 429)).toHaveLength(11);
  });

  it('signs in every one of a burst of parallel right passwords, and counts none of them', async () => {
    const responses = await Promise.all(Array.from({ length: 12 }, () => signIn(AGENT)));
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(201));
    expect(t.glue.db.prepare('SELECT count(*) FROM login_attempts').pluck().get()).toBe(0);
  });

  it('does not count requests refused while blocked', async () => {
    await failTimes(9);
    const count = (): unknown =>
      t.glue.db.prepare('SELECT count FROM login_attempts WHERE ip = ?').pluck().get(DEFAULT_IP);
    expect(count()).toBe(9);
    await signIn(AGENT);
    await wrongPassword();
    expect(count()).toBe(9);
  });

  it('counts per username: another username from the same address is not blocked', async () => {
    await failTimes(9);
    await expectError(
      await signIn({ username: 'admin_de@spryker.com', password: 'change123' }),
      FAILED,
    );
    await expectError(await signIn({ username: 'nobody@spryker.com', password: 'x' }), FAILED);
  });

  it('counts per address: the same username from another address signs in', async () => {
    await failTimes(9);
    expect((await signIn(AGENT, '10.0.0.6')).status).toBe(201);
    await expectError(await signIn(AGENT), BLOCKED_6_MINUTES);
  });

  it('counts the username regardless of letter case and surrounding blanks', async () => {
    await failTimes(5);
    for (let i = 0; i < 4; i++) {
      await expectError(await signIn({ username: ' ADMIN@spryker.com ', password: 'x' }), FAILED);
    }
    await expectError(await signIn(AGENT), BLOCKED_6_MINUTES);
  });

  it('does not count blank usernames', async () => {
    for (let i = 0; i < 10; i++)
      await expectError(await signIn({ username: ' ', password: 'x' }), FAILED);
    expect(t.glue.db.prepare('SELECT COUNT(*) FROM login_attempts').pluck().get()).toBe(0);
  });

  it('lifts the block after blockFor seconds, and the count starts again', async () => {
    await failTimes(9);
    t.advance(359);
    await expectError(await signIn(AGENT), BLOCKED_6_MINUTES);
    t.advance(1);
    expect((await signIn(AGENT)).status).toBe(201);
    await failTimes(8);
    expect((await signIn(AGENT)).status).toBe(201);
  });

  it('keeps counting within blockingTtl', async () => {
    await failTimes(8);
    t.advance(899);
    await expectError(await wrongPassword(), FAILED);
    await expectError(await signIn(AGENT), BLOCKED_6_MINUTES);
  });

  it('forgets the count after blockingTtl seconds', async () => {
    await failTimes(8);
    t.advance(900);
    await failTimes(8);
    expect((await signIn(AGENT)).status).toBe(201);
  });

  it('takes the numbers from the configuration', async () => {
    const strict = await makeTestGlue({
      lockoutAttempts: 2,
      lockoutBlockSeconds: 61,
      lockoutTtlSeconds: 30,
    });
    try {
      const attempt = (password: string): Promise<Response> =>
        strict.post(`/${TYPE}`, document(TYPE, { username: AGENT.username, password }));
      await expectError(await attempt('x'), FAILED);
      strict.advance(30);
      await expectError(await attempt('x'), FAILED);
      await expectError(await attempt('x'), FAILED);
      await expectError(
        await attempt('change123'),
        errorBody(
          '4401',
          429,
          'Too many log in attempts from your address. Please wait 2 minutes before trying again.',
        ),
      );
      strict.advance(61);
      expect((await attempt('change123')).status).toBe(201);
    } finally {
      strict.close();
    }
  });

  it('takes about as long to refuse an unknown user as a wrong password', async () => {
    const time = async (username: string): Promise<number> => {
      const started = performance.now();
      await signIn({ username, password: 'wrong' });
      return performance.now() - started;
    };
    const median = (values: number[]): number => values.sort((a, b) => a - b)[1] ?? 0;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(AGENT.username));
      unknown.push(await time(`nobody${i}@spryker.com`));
    }
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });
});
