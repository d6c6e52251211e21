import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { message } from '../i18n/translate';
import { createGlue, type Glue } from '../../server/glue';
import { createGlueClient } from './glue-client';
import { SessionEndedError, ViewModeError, describeError } from './glue-errors';
import { createGlueSession, type GlueSession } from './glue-session';
import { toTokenPair, tokenDocumentSchema } from './glue-tokens';

// The console's session layer against the real stand-in, in-process (no port, no mock).
let glue: Glue;
const requests: string[] = [];

function newSession(changesAllowed?: () => boolean): GlueSession {
  const fetchInProcess: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
    return Promise.resolve(glue.app.request(request));
  };
  return createGlueSession(
    createGlueClient('http://glue.test', fetchInProcess),
    2_628_000_000,
    changesAllowed,
  );
}

async function signIn(session: GlueSession, path: string, type: string, username: string) {
  const document = await session.glue.request({
    method: 'POST',
    path,
    body: { data: { type, attributes: { username, password: 'change123' } } },
    schema: tokenDocumentSchema(type),
  });
  return toTokenPair(document.data.attributes);
}

const signInAgent = (session: GlueSession) =>
  signIn(session, '/agent-access-tokens', 'agent-access-tokens', 'admin@spryker.com');

async function refreshStatus(session: GlueSession, refreshToken: string) {
  return session.glue
    .request({
      method: 'POST',
      path: '/refresh-tokens',
      body: { data: { type: 'refresh-tokens', attributes: { refreshToken } } },
    })
    .then(
      () => 201,
      (error: { status?: number }) => error.status,
    );
}

beforeAll(async () => {
  glue = await createGlue({ dbPath: ':memory:' });
});
afterAll(() => glue.close());

describe('GlueSession against the stand-in', () => {
  it('ending a session forgets its tokens at once and revokes the refresh token at Glue', async () => {
    const session = newSession();
    const pair = await signInAgent(session);
    session.agent.start(pair, { username: 'admin@spryker.com' });
    await session.endSession(session.agent, message('auth.signedOut'));
    expect(session.agent.getState()).toEqual({
      status: 'signed-out',
      endedReason: message('auth.signedOut'),
    });
    expect(await refreshStatus(session, pair.refreshToken)).toBe(401);
  });

  it('sends one refresh for many requests that meet an expiring token', async () => {
    const session = newSession();
    const pair = await signInAgent(session);
    // Only the slot's own renewal timer is held back, so every refresh below is one a request asked for.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // A token that has already run out.
      session.agent.start({ ...pair, expiresIn: 0 }, { username: 'admin@spryker.com' });
      requests.length = 0;
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          session.asAgent({ path: '/agent-customer-search?q=sonia' }),
        ),
      );
      expect(answers).toHaveLength(8);
      expect(requests.filter((r) => r === 'POST /refresh-tokens')).toHaveLength(1);
      expect(requests.filter((r) => r === 'GET /agent-customer-search')).toHaveLength(8);
      session.agent.end(null);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends the agent session, saying why, when Glue refuses its token on an agent endpoint', async () => {
    const session = newSession();
    // A customer's own token where an agent token belongs: Glue answers 4103.
    const customerPair = await signIn(session, '/access-tokens', 'access-tokens', 'sonia@acme.com');
    session.agent.start(customerPair, { username: 'sonia@acme.com' });
    const refused = session.asAgent({ path: '/agent-customer-search' });
    await expect(refused).rejects.toBeInstanceOf(SessionEndedError);
    const error = (await refused.catch((e: unknown) => e)) as SessionEndedError;
    expect(error.reason).toEqual(
      message('session.agentInvalid', {
        glue: message('glue.code.4103', {
          minutes: 0,
          detail: 'Action is available to agent user only.',
        }),
      }),
    );
    // Glue's own words stay with it, for the agent to quote.
    expect(error.endedBy?.detail).toBe('Action is available to agent user only.');
    expect(session.agent.getState()).toEqual({
      status: 'signed-out',
      endedReason: error.reason,
      endedBy: error.endedBy,
    });
  });

  it('ends the customer session when the agent session ends', async () => {
    const session = newSession();
    session.agent.start(await signInAgent(session), { username: 'admin@spryker.com' });
    const customerPair = await signIn(session, '/access-tokens', 'access-tokens', 'sonia@acme.com');
    const profile = {
      customerReference: 'DE--21',
      email: 'sonia@acme.com',
      firstName: 'Sonia',
      lastName: 'Wagner',
    };
    session.customer.start(customerPair, profile);
    session.agent.end(null);
    expect(session.customer.getState().status).toBe('signed-out');
    expect(session.customer.refreshToken).toBeNull();
  });

  it('in view mode sends reads as the customer, and refuses every change before it leaves', async () => {
    let allowed = false;
    const session = newSession(() => allowed);
    const pair = await signIn(session, '/access-tokens', 'access-tokens', 'sonia@acme.com');
    session.customer.start(pair, {
      customerReference: 'DE--21',
      email: 'sonia@acme.com',
      firstName: 'Sonia',
      lastName: 'Wagner',
    });
    requests.length = 0;
    await session.asCustomer({ path: '/carts' });
    const refusals = await Promise.all(
      (['POST', 'PATCH', 'DELETE'] as const).map((method) =>
        session
          .asCustomer({ method, path: '/carts?include=items', body: { data: {} } })
          .catch((error: unknown) => error),
      ),
    );
    expect(refusals.every((error) => error instanceof ViewModeError)).toBe(true);
    expect((refusals[0] as ViewModeError).endpoint).toBe('POST /carts');
    expect(describeError(refusals[0])).toEqual(message('error.viewMode'));
    // Only the read reached Glue.
    expect(requests).toEqual(['GET /carts']);
    // A request that says it changes no account (the stand-in's mode event) goes in view mode too.
    await session
      .asCustomer({
        method: 'POST',
        path: '/agent-impersonation-session-events',
        changesNoAccount: true,
        body: { data: {} },
      })
      .catch(() => undefined);
    expect(requests).toEqual(['GET /carts', 'POST /agent-impersonation-session-events']);
    allowed = true;
    await session.asCustomer({
      method: 'POST',
      path: '/carts',
      body: {
        data: {
          type: 'carts',
          attributes: { name: 'Now', store: 'DE', currency: 'EUR', priceMode: 'GROSS_MODE' },
        },
      },
    });
    expect(requests).toEqual([
      'GET /carts',
      'POST /agent-impersonation-session-events',
      'POST /carts',
    ]);
    session.customer.end(null);
  });
});
