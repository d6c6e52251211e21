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
    const pair = await tokens.issuePair(impersonationGrant('DE--21', 21));
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
