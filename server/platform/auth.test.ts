import type Database from 'better-sqlite3';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, authenticateAgent } from './auth';
import { openDatabase } from './db';
import { GlueError } from './errors';
import { errorResponse } from './jsonapi';
import {
  Tokens,
  agentGrant,
  customerGrant,
  impersonationGrant,
  loadOrCreateSigningKeys,
} from './tokens';

let db: Database.Database;
let app: Hono;
let agentToken: string;
let customerToken: string;
let impersonationToken: string;

beforeAll(async () => {
  db = await openDatabase(':memory:');
  const tokens = new Tokens(
    db,
    await loadOrCreateSigningKeys(db),
    { accessTokenTtl: 100, refreshTokenTtl: 100 },
    Date.now,
  );
  agentToken = (await tokens.issuePair(agentGrant(1))).accessToken;
  customerToken = (await tokens.issuePair(customerGrant('DE--21', 21))).accessToken;
  impersonationToken = (await tokens.issuePair(impersonationGrant('DE--21', 21), 1)).accessToken;
  app = new Hono();
  // The jti differs per token, so the answers leave it out.
  app.get('/agent', async (c) => {
    const { jti, ...agent } = await authenticateAgent(c, tokens);
    return c.json({ ...agent, jti: jti.length });
  });
  app.get('/caller', async (c) => {
    const { jti, ...caller } = await authenticate(c, tokens);
    return c.json({ ...caller, jti: jti.length });
  });
  app.onError((error) =>
    error instanceof GlueError ? errorResponse(error.errors) : errorResponse([]),
  );
});

afterAll(() => db.close());

async function call(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const response = await app.request(path, { headers });
  return { status: response.status, body: await response.json() };
}

const error = (code: string, detail: string): unknown => ({
  errors: [{ code, status: 401, detail }],
});
const AGENT_ONLY = error('4103', 'Action is available to agent user only.');
const AGENT_INVALID = error('4102', 'Agent access token is invalid.');
const INVALID = error('001', 'Invalid access token.');
const AGENT_CALLER = { kind: 'agent', grant: agentGrant(1), idAgent: 1, owner: 'agent:1', jti: 80 };
const CUSTOMER_CALLER = {
  kind: 'customer',
  grant: customerGrant('DE--21', 21),
  idCustomer: 21,
  customerReference: 'DE--21',
  owner: 'customer:DE--21',
  jti: 80,
  impersonation: null,
};

describe('authenticateAgent', () => {
  it('takes the agent token from X-Agent-Authorization or from Authorization', async () => {
    const fromAgentHeader = await call('/agent', {
      'X-Agent-Authorization': `Bearer ${agentToken}`,
    });
    expect(fromAgentHeader).toEqual({ status: 200, body: AGENT_CALLER });
    const fromAuthorization = await call('/agent', { Authorization: `Bearer ${agentToken}` });
    expect(fromAuthorization).toEqual({ status: 200, body: AGENT_CALLER });
  });

  it('finds the agent in X-Agent-Authorization while Authorization holds a customer token', async () => {
    const both = await call('/agent', {
      'X-Agent-Authorization': `Bearer ${agentToken}`,
      Authorization: `Bearer ${impersonationToken}`,
    });
    expect(both.status).toBe(200);
  });

  // Functions: the table is read before beforeAll has issued the tokens.
  it.each<[string, () => Record<string, string>]>([
    ['no token at all', () => ({})],
    ['a customer token in Authorization', () => ({ Authorization: `Bearer ${customerToken}` })],
    [
      'a customer token in X-Agent-Authorization',
      () => ({ 'X-Agent-Authorization': `Bearer ${customerToken}` }),
    ],
    ['an impersonation token', () => ({ Authorization: `Bearer ${impersonationToken}` })],
    ['an empty X-Agent-Authorization', () => ({ 'X-Agent-Authorization': '' })],
  ])('answers 4103 for %s', async (_name, headers) => {
    expect(await call('/agent', headers())).toEqual({ status: 401, body: AGENT_ONLY });
  });

  it('answers 4102 for an invalid X-Agent-Authorization', async () => {
    expect(await call('/agent', { 'X-Agent-Authorization': 'Bearer garbage' })).toEqual({
      status: 401,
      body: AGENT_INVALID,
    });
    expect(await call('/agent', { 'X-Agent-Authorization': agentToken })).toEqual({
      status: 401,
      body: AGENT_INVALID,
    });
  });

  it('answers 001 for an invalid Authorization', async () => {
    expect(await call('/agent', { Authorization: 'Bearer garbage' })).toEqual({
      status: 401,
      body: INVALID,
    });
  });
});

describe('authenticate', () => {
  it('accepts agent, customer and impersonation tokens', async () => {
    expect((await call('/caller', { Authorization: `Bearer ${agentToken}` })).body).toEqual(
      AGENT_CALLER,
    );
    expect((await call('/caller', { Authorization: `Bearer ${customerToken}` })).body).toEqual(
      CUSTOMER_CALLER,
    );
  });

  it('takes an impersonation token as the customer, and says which agent acts as them', async () => {
    const sessionId = db
      .prepare<[], number>('SELECT max(id) FROM impersonation_sessions')
      .pluck()
      .get();
    expect((await call('/caller', { Authorization: `Bearer ${impersonationToken}` })).body).toEqual(
      {
        ...CUSTOMER_CALLER,
        grant: impersonationGrant('DE--21', 21),
        impersonation: { sessionId, idAgent: 1 },
      },
    );
  });

  it('answers 403 002 without Authorization and ignores X-Agent-Authorization', async () => {
    expect(await call('/caller', { 'X-Agent-Authorization': `Bearer ${agentToken}` })).toEqual({
      status: 403,
      body: { errors: [{ code: '002', status: 403, detail: 'Missing access token.' }] },
    });
  });

  it('answers 001 for a token without the Bearer scheme', async () => {
    expect(await call('/caller', { Authorization: agentToken })).toEqual({
      status: 401,
      body: INVALID,
    });
  });
});
