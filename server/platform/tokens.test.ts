import { createPrivateKey, createPublicKey } from 'node:crypto';
import type Database from 'better-sqlite3';
import { SignJWT, UnsecuredJWT, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import {
  Tokens,
  agentGrant,
  customerGrant,
  decodeGrant,
  encodeSubject,
  impersonationGrant,
  loadOrCreateSigningKeys,
  ownerOf,
} from './tokens';

const START = 1_800_000_000;
let db: Database.Database;
let nowMs = START * 1000;
let tokens: Tokens;

beforeAll(async () => {
  db = await openDatabase(':memory:');
  tokens = new Tokens(
    db,
    await loadOrCreateSigningKeys(db),
    { accessTokenTtl: 100, refreshTokenTtl: 1000 },
    () => nowMs,
  );
});

afterAll(() => db.close());

function pem(key: 'jwt_private_key' | 'jwt_public_key'): string {
  return (
    db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get(key) ?? ''
  );
}

async function signWithOurKey(
  payload: Record<string, unknown>,
  header = { typ: 'JWT', alg: 'RS256' },
): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader(header)
    .sign(createPrivateKey(pem('jwt_private_key')));
}

const validClaims = (): Record<string, unknown> => ({
  aud: 'frontend',
  jti: 'a'.repeat(80),
  iat: START,
  nbf: START,
  exp: START + 100,
  sub: encodeSubject(agentGrant(1).subject),
  scopes: ['agent'],
});

describe('grants', () => {
  it('encodes sub with Spryker’s key order', () => {
    expect(encodeSubject(impersonationGrant('DE--21', 21).subject)).toBe(
      '{"id_company_user":null,"id_agent":null,"customer_reference":"DE--21","id_customer":21,"permissions":null}',
    );
  });

  it('names owners so a customer’s own and impersonated sessions share one owner', () => {
    expect(ownerOf(agentGrant(1))).toBe('agent:1');
    expect(ownerOf(customerGrant('DE--21', 21))).toBe('customer:DE--21');
    expect(ownerOf(impersonationGrant('DE--21', 21))).toBe('customer:DE--21');
  });

  it.each([
    ['a sub that is not JSON', 'x', ['agent']],
    ['a sub that is JSON null', 'null', ['agent']],
    [
      'an agent scope with a customer sub',
      encodeSubject(customerGrant('DE--1', 1).subject),
      ['agent'],
    ],
    ['a customer scope with an agent sub', encodeSubject(agentGrant(1).subject), ['customer']],
    ['an unknown scope', encodeSubject(agentGrant(1).subject), ['admin']],
    ['no scopes', encodeSubject(agentGrant(1).subject), []],
    ['scopes that are not a list', encodeSubject(agentGrant(1).subject), 'agent'],
    ['a sub that is an object', { id_agent: 1 }, ['agent']],
    [
      'a fractional agent id',
      '{"id_agent":1.5,"customer_reference":null,"id_customer":null}',
      ['agent'],
    ],
  ])('decodes nothing from %s', (_name, sub, scopes) => {
    expect(decodeGrant(sub, scopes)).toBeNull();
  });
});

describe('Tokens', () => {
  it('issues an impersonation pair with both scopes and the customer sub', async () => {
    const pair = await tokens.issuePair(impersonationGrant('DE--21', 21), 1);
    const { payload } = await jwtVerify(pair.accessToken, createPublicKey(pem('jwt_public_key')), {
      currentDate: new Date(nowMs),
    });
    expect(payload.scopes).toEqual(['customer_impersonation', 'customer']);
    expect(payload.sub).toBe(encodeSubject(impersonationGrant('DE--21', 21).subject));
    expect(await tokens.verifyAccessToken(pair.accessToken)).toEqual(
      impersonationGrant('DE--21', 21),
    );
    const rotated = await tokens.rotate(pair.refreshToken);
    expect(await tokens.verifyAccessToken(rotated?.accessToken ?? '')).toEqual(
      impersonationGrant('DE--21', 21),
    );
  });

  it('verifies a token from its nbf up to, not including, its exp', async () => {
    const pair = await tokens.issuePair(agentGrant(1));
    nowMs -= 1000;
    expect(await tokens.verifyAccessToken(pair.accessToken)).toBeNull();
    nowMs += 1000;
    expect(await tokens.verifyAccessToken(pair.accessToken)).toEqual(agentGrant(1));
    // Verified once, the token is remembered; its times are still checked on every use.
    nowMs -= 1000;
    expect(await tokens.verifyAccessToken(pair.accessToken)).toBeNull();
    nowMs += 1000;
    nowMs += 99_000;
    expect(await tokens.verifyAccessToken(pair.accessToken)).toEqual(agentGrant(1));
    nowMs += 1000;
    expect(await tokens.verifyAccessToken(pair.accessToken)).toBeNull();
    nowMs = START * 1000;
  });

  it('accepts a well-formed token signed with its key', async () => {
    expect(await tokens.verifyAccessToken(await signWithOurKey(validClaims()))).toEqual(
      agentGrant(1),
    );
  });

  it.each<[string, Record<string, unknown>]>([
    ['another audience', { aud: 'backend' }],
    ['no audience', { aud: undefined }],
    ['no exp', { exp: undefined }],
    ['no sub', { sub: undefined }],
    ['a sub that is not a string', { sub: { id_agent: 1 } }],
    ['mismatched scopes', { scopes: ['customer'] }],
  ])('refuses a token with %s', async (_name, change) => {
    const claims: Record<string, unknown> = { ...validClaims(), ...change };
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) delete claims[key];
    }
    expect(await tokens.verifyAccessToken(await signWithOurKey(claims))).toBeNull();
  });

  it('refuses an unsigned token and one signed HS256 with the public key as secret', async () => {
    const unsigned = new UnsecuredJWT(validClaims()).encode();
    expect(await tokens.verifyAccessToken(unsigned)).toBeNull();
    const confused = await new SignJWT(validClaims())
      .setProtectedHeader({ typ: 'JWT', alg: 'HS256' })
      .sign(new TextEncoder().encode(pem('jwt_public_key')));
    expect(await tokens.verifyAccessToken(confused)).toBeNull();
  });

  it('refuses a token with another typ', async () => {
    expect(
      await tokens.verifyAccessToken(
        await signWithOurKey(validClaims(), { typ: 'at+jwt', alg: 'RS256' }),
      ),
    ).toBeNull();
  });

  it('revokes only for the owner', async () => {
    const pair = await tokens.issuePair(customerGrant('DE--3', 3));
    tokens.revoke(pair.refreshToken, 'customer:DE--4');
    tokens.revokeAllOf('agent:1');
    const rotated = await tokens.rotate(pair.refreshToken);
    expect(rotated).not.toBeNull();
    tokens.revoke(rotated?.refreshToken ?? '', 'customer:DE--3');
    expect(await tokens.rotate(rotated?.refreshToken ?? '')).toBeNull();
  });
});

describe('impersonation sessions', () => {
  interface SessionRow {
    id: number;
    id_agent: number;
    id_customer: number;
    customer_reference: string;
    reason: string | null;
    started_at: number;
    ended_at: number | null;
  }

  const session = (id: number | undefined): SessionRow | undefined =>
    db
      .prepare<[number], SessionRow>('SELECT * FROM impersonation_sessions WHERE id = ?')
      .get(id ?? -1);

  it('refuses an impersonation grant without an agent, and an agent for any other grant', async () => {
    await expect(tokens.issuePair(impersonationGrant('DE--21', 21))).rejects.toThrow();
    await expect(tokens.issuePair(customerGrant('DE--21', 21), 1)).rejects.toThrow();
    await expect(tokens.issuePair(agentGrant(1), 1)).rejects.toThrow();
  });

  it('records who acts as whom, and finds the session from the access token', async () => {
    const pair = await tokens.issuePair(impersonationGrant('DE--21', 21), 1);
    const verified = await tokens.verify(pair.accessToken);
    expect(verified).toEqual({
      grant: impersonationGrant('DE--21', 21),
      jti: expect.stringMatching(/^[0-9a-f]{80}$/) as unknown,
      impersonation: { sessionId: expect.any(Number) as unknown, idAgent: 1 },
    });
    expect(session(verified?.impersonation?.sessionId)).toEqual({
      id: verified?.impersonation?.sessionId,
      id_agent: 1,
      id_customer: 21,
      customer_reference: 'DE--21',
      reason: null,
      started_at: Math.floor(nowMs / 1000),
      ended_at: null,
    });
  });

  it('keeps the session through rotation, and starts a new one for each issue', async () => {
    const first = await tokens.issuePair(impersonationGrant('DE--5', 5), 1);
    const rotated = await tokens.rotate(first.refreshToken);
    const again = await tokens.issuePair(impersonationGrant('DE--5', 5), 1);
    const sessionOf = async (accessToken: string): Promise<number | undefined> =>
      (await tokens.verify(accessToken ?? ''))?.impersonation?.sessionId;
    const firstSession = await sessionOf(first.accessToken);
    expect(firstSession).toBeDefined();
    expect(await sessionOf(rotated?.accessToken ?? '')).toBe(firstSession);
    expect(await sessionOf(again.accessToken)).not.toBe(firstSession);
    expect(session(firstSession)?.ended_at).toBeNull();
  });

  it('has no session for agent and customer tokens', async () => {
    const agent = await tokens.issuePair(agentGrant(1));
    const customer = await tokens.issuePair(customerGrant('DE--21', 21));
    expect((await tokens.verify(agent.accessToken))?.impersonation).toBeNull();
    expect((await tokens.verify(customer.accessToken))?.impersonation).toBeNull();
  });

  it('refuses an impersonation token whose jti it never recorded', async () => {
    const forged = await signWithOurKey({
      ...validClaims(),
      sub: encodeSubject(impersonationGrant('DE--21', 21).subject),
      scopes: ['customer_impersonation', 'customer'],
    });
    expect(await tokens.verify(forged)).toBeNull();
    expect(await tokens.verifyAccessToken(forged)).toBeNull();
  });

  it('ends the session when its refresh token is revoked, not when someone else’s is', async () => {
    const pair = await tokens.issuePair(impersonationGrant('DE--6', 6), 1);
    const id = (await tokens.verify(pair.accessToken))?.impersonation?.sessionId;
    tokens.revoke(pair.refreshToken, 'customer:DE--7');
    expect(session(id)?.ended_at).toBeNull();
    nowMs += 5000;
    tokens.revoke(pair.refreshToken, 'customer:DE--6');
    expect(session(id)?.ended_at).toBe(Math.floor(nowMs / 1000));
    nowMs = START * 1000;
    // Access tokens already issued stay valid until they expire (§4.2).
    expect((await tokens.verify(pair.accessToken))?.impersonation?.sessionId).toBe(id);
  });

  it('ends every live session of the customer on revokeAllOf, and no ended one again', async () => {
    const ended = await tokens.issuePair(impersonationGrant('DE--8', 8), 1);
    const endedId = (await tokens.verify(ended.accessToken))?.impersonation?.sessionId;
    tokens.revoke(ended.refreshToken, 'customer:DE--8');
    const endedAt = session(endedId)?.ended_at;
    const live = await tokens.issuePair(impersonationGrant('DE--8', 8), 1);
    const liveId = (await tokens.verify(live.accessToken))?.impersonation?.sessionId;
    nowMs += 7000;
    tokens.revokeAllOf('customer:DE--8');
    expect(session(liveId)?.ended_at).toBe(Math.floor(nowMs / 1000));
    expect(session(endedId)?.ended_at).toBe(endedAt);
    nowMs = START * 1000;
    expect(await tokens.rotate(live.refreshToken)).toBeNull();
  });
});
