import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlue, type Glue } from '../../../server/glue';
import { createGlueClient } from '../../lib/glue-client';
import { createGlueSession, type GlueSession } from '../../lib/glue-session';
import { revokeRefreshToken, toTokenPair, tokenDocumentSchema } from '../../lib/glue-tokens';
import { openSessionsOf } from './api/open-sessions';
import { createImpersonationToken } from './api/start-impersonation';

// Against the real stand-in, in-process: its audit trail is what answers who acts as a customer now.
let glue: Glue;

function sessionOn(fetchImpl: typeof fetch): GlueSession {
  return createGlueSession(createGlueClient('http://glue.test', fetchImpl), 2_628_000_000);
}

const inProcess: typeof fetch = (input, init) =>
  Promise.resolve(glue.app.request(new Request(input, init)));

async function signedInAgent(): Promise<GlueSession> {
  const session = sessionOn(inProcess);
  const document = await session.glue.request({
    method: 'POST',
    path: '/agent-access-tokens',
    body: {
      data: {
        type: 'agent-access-tokens',
        attributes: { username: 'admin@spryker.com', password: 'change123' },
      },
    },
    schema: tokenDocumentSchema('agent-access-tokens'),
  });
  session.agent.start(toTokenPair(document.data.attributes), { username: 'admin@spryker.com' });
  return session;
}

beforeAll(async () => {
  glue = await createGlue({ dbPath: ':memory:' });
});
afterAll(() => glue.close());

describe('openSessionsOf', () => {
  it('names the sessions as the customer that run now, and none once they ended', async () => {
    const session = await signedInAgent();
    expect(await openSessionsOf(session, 'DE--21')).toEqual([]);
    const pair = await createImpersonationToken(session, 'DE--21', 'TICKET-1 first');
    await createImpersonationToken(session, 'DE--4', 'another customer');
    const open = await openSessionsOf(session, 'DE--21');
    expect(open).toEqual([
      {
        id: expect.any(String) as string,
        agentUsername: 'admin@spryker.com',
        reason: 'TICKET-1 first',
        startedAt: expect.any(String) as string,
      },
    ]);
    await revokeRefreshToken(session.glue, pair.accessToken, pair.refreshToken);
    expect(await openSessionsOf(session, 'DE--21')).toEqual([]);
  });

  it('answers null from a Glue that keeps no trail (404), so the console says it cannot tell', async () => {
    const session = await signedInAgent();
    const withoutTrail = sessionOn((input, init) => {
      const request = new Request(input, init);
      return new URL(request.url).pathname === '/agent-impersonation-sessions'
        ? Promise.resolve(
            new Response(JSON.stringify({ errors: [{ status: 404, detail: 'Not Found' }] }), {
              status: 404,
              headers: { 'Content-Type': 'application/vnd.api+json' },
            }),
          )
        : inProcess(input, init);
    });
    withoutTrail.agent.start(
      { accessToken: await session.agent.accessToken(), refreshToken: 'unused', expiresIn: 600 },
      { username: 'admin@spryker.com' },
    );
    expect(await openSessionsOf(withoutTrail, 'DE--21')).toBeNull();
  });
});
