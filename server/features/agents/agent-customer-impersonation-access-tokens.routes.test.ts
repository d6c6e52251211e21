import { jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  IMPERSONATION_TYPE,
  START_SECONDS,
  bearer,
  decodeSegment,
  document,
  errorBody,
  impersonate,
  makeTestGlue,
  refresh,
  signInAgent,
  signInAsCustomerThroughAgent,
  signInCustomer,
  snapshot,
  tokenAttributes,
} from '../../platform/test-support';
import type { TestGlue, TokenDocument } from '../../platform/test-support';

const SONIA_SUB =
  '{"id_company_user":null,"id_agent":null,"customer_reference":"DE--21","id_customer":21,"permissions":null}';
const AGENT_ONLY = errorBody('4103', 401, 'Action is available to agent user only.');
const IMPERSONATION_FAILED = errorBody('4104', 401, 'Failed to impersonate a customer.');

let t: TestGlue;
let agentToken: string;

beforeEach(async () => {
  t = await makeTestGlue();
  agentToken = (await signInAgent(t)).accessToken;
});

afterEach(() => t.close());

const agentHeader = (token = agentToken): Record<string, string> => ({
  'X-Agent-Authorization': `Bearer ${token}`,
});

async function claims(accessToken: string): Promise<Record<string, unknown>> {
  const { payload } = await jwtVerify(accessToken, t.publicKey(), {
    algorithms: ['RS256'],
    currentDate: new Date(t.now() * 1000),
  });
  return payload;
}

async function expectError(response: Response, body: unknown): Promise<void> {
  const status = (body as { errors: { status: number }[] }).errors[0]?.status;
  expect(response.status).toBe(status);
  if (status === 401) {
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Access to shop API"');
  }
  expect(await response.json()).toEqual(body);
}

interface SessionRow {
  id: number;
  id_agent: number;
  id_customer: number;
  customer_reference: string;
  reason: string | null;
  started_at: number;
  ended_at: number | null;
}

const sessions = (): SessionRow[] =>
  t.glue.db.prepare<[], SessionRow>('SELECT * FROM impersonation_sessions ORDER BY id').all();

describe('POST /agent-customer-impersonation-access-tokens', () => {
  it('answers 201 with a token pair document like the agent’s sign-in', async () => {
    const response = await impersonate(t, agentHeader());
    expect(response.status).toBe(201);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    const body = (await response.json()) as TokenDocument;
    expect(Object.keys(body)).toEqual(['data']);
    expect(Object.keys(body.data)).toEqual(['type', 'id', 'attributes', 'links']);
    expect(body.data).toMatchObject({
      type: IMPERSONATION_TYPE,
      id: null,
      links: { self: `http://glue.test/${IMPERSONATION_TYPE}` },
    });
    expect(Object.keys(body.data.attributes)).toEqual([
      'tokenType',
      'expiresIn',
      'accessToken',
      'refreshToken',
    ]);
    expect(body.data.attributes.tokenType).toBe('Bearer');
    expect(body.data.attributes.expiresIn).toBe(28800);
    expect(body.data.attributes.refreshToken).toMatch(/^def50200[0-9a-f]{128}$/);
  });

  it('signs a JWT with the customer’s sub and both scopes, verifiable with the public key', async () => {
    const { accessToken } = await tokenAttributes(await impersonate(t, agentHeader()));
    const [header, payload] = accessToken.split('.');
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
    expect(await claims(accessToken)).toEqual({
      aud: 'frontend',
      jti: expect.stringMatching(/^[0-9a-f]{80}$/) as unknown,
      iat: START_SECONDS,
      nbf: START_SECONDS,
      exp: START_SECONDS + 28800,
      sub: SONIA_SUB,
      scopes: ['customer_impersonation', 'customer'],
    });
  });

  it('gives the customer’s own id and reference, for any customer', async () => {
    const { accessToken } = await tokenAttributes(
      await impersonate(t, agentHeader(), { customerReference: 'DE--2' }),
    );
    expect((await claims(accessToken)).sub).toBe(
      '{"id_company_user":null,"id_agent":null,"customer_reference":"DE--2","id_customer":2,"permissions":null}',
    );
  });

  it('uses the configured access token lifetime for expiresIn and exp', async () => {
    const short = await makeTestGlue({ accessTokenTtl: 600 });
    try {
      const agent = await signInAgent(short);
      const response = await impersonate(short, bearer(agent.accessToken));
      const attributes = await tokenAttributes(response);
      expect(attributes.expiresIn).toBe(600);
      const { payload } = await jwtVerify(attributes.accessToken, short.publicKey(), {
        currentDate: new Date(START_SECONDS * 1000),
      });
      expect(payload.exp).toBe((payload.iat ?? 0) + 600);
    } finally {
      short.close();
    }
  });

  it('takes the agent token from either header', async () => {
    expect((await impersonate(t, agentHeader())).status).toBe(201);
    expect((await impersonate(t, bearer(agentToken))).status).toBe(201);
  });

  it('records the session: which agent acts as which customer, since when', async () => {
    t.advance(30);
    await tokenAttributes(await impersonate(t, agentHeader(), { customerReference: 'DE--21' }));
    expect(sessions()).toEqual([
      {
        id: 1,
        id_agent: 1,
        id_customer: 21,
        customer_reference: 'DE--21',
        reason: null,
        started_at: START_SECONDS + 30,
        ended_at: null,
      },
    ]);
  });

  it.each<[string, unknown]>([
    ['an unknown reference', 'DE--999'],
    ['an empty reference', ''],
    ['a missing reference', undefined],
    ['a null reference', null],
    ['a number', 21],
    ['a list', ['DE--21']],
    ['a reference in another letter case', 'de--21'],
    ['a padded reference', ' DE--21'],
    ['an e-mail', 'sonia@acme.com'],
  ])('answers 401 4104 for %s and stores nothing', async (_name, reference) => {
    const before = snapshot(t.glue);
    const attributes = reference === undefined ? {} : { customerReference: reference };
    await expectError(await impersonate(t, agentHeader(), attributes), IMPERSONATION_FAILED);
    expect(snapshot(t.glue)).toBe(before);
  });

  it('answers 401 4104 for empty attributes', async () => {
    const response = await t.post(`/${IMPERSONATION_TYPE}`, document(IMPERSONATION_TYPE, []), {
      headers: agentHeader(),
    });
    await expectError(response, IMPERSONATION_FAILED);
  });

  it('answers 400 Invalid type. for another type', async () => {
    const response = await t.post(
      `/${IMPERSONATION_TYPE}`,
      document('agent-access-tokens', { customerReference: 'DE--21' }),
      { headers: agentHeader() },
    );
    await expectError(response, errorBody(null, 400, 'Invalid type.'));
  });

  it.each([
    ['not JSON', '{"data":'],
    ['empty', ''],
    ['a JSON list', '[]'],
    ['data without attributes', JSON.stringify({ data: { type: IMPERSONATION_TYPE } })],
    [
      'attributes a string',
      JSON.stringify({ data: { type: IMPERSONATION_TYPE, attributes: 'DE--21' } }),
    ],
  ])('answers 400 Post data is invalid. for a body that is %s', async (_name, body) => {
    const response = await t.post(`/${IMPERSONATION_TYPE}`, body, { headers: agentHeader() });
    await expectError(response, errorBody(null, 400, 'Post data is invalid.'));
  });

  it.each(['GET', 'PATCH', 'DELETE'])('answers %s with 404', async (method) => {
    const response = await t.send(method, `/${IMPERSONATION_TYPE}`, { headers: agentHeader() });
    await expectError(response, errorBody(null, 404, 'Not Found'));
  });

  it('answers 4103 without a token, before looking at the body', async () => {
    await expectError(await impersonate(t, {}), AGENT_ONLY);
    await expectError(await t.post(`/${IMPERSONATION_TYPE}`, '{"data":'), AGENT_ONLY);
  });

  it('answers 4103 for a customer’s own token in either header', async () => {
    const customer = await signInCustomer(t);
    await expectError(await impersonate(t, bearer(customer.accessToken)), AGENT_ONLY);
    await expectError(await impersonate(t, agentHeader(customer.accessToken)), AGENT_ONLY);
  });

  it('answers 4103 for an impersonation token: it cannot start another impersonation', async () => {
    const impersonation = await signInAsCustomerThroughAgent(t, 'DE--3');
    const before = snapshot(t.glue);
    await expectError(await impersonate(t, bearer(impersonation.accessToken)), AGENT_ONLY);
    await expectError(await impersonate(t, agentHeader(impersonation.accessToken)), AGENT_ONLY);
    expect(snapshot(t.glue)).toBe(before);
  });

  it('answers 001 for a garbage Authorization and 4102 for a garbage X-Agent-Authorization', async () => {
    await expectError(
      await impersonate(t, { Authorization: 'Bearer garbage' }),
      errorBody('001', 401, 'Invalid access token.'),
    );
    await expectError(
      await impersonate(t, { 'X-Agent-Authorization': 'Bearer garbage' }),
      errorBody('4102', 401, 'Agent access token is invalid.'),
    );
  });

  it('answers 001 for an expired agent token in Authorization', async () => {
    t.advance(28800);
    await expectError(
      await impersonate(t, bearer(agentToken)),
      errorBody('001', 401, 'Invalid access token.'),
    );
  });
});

describe('POST /agent-customer-impersonation-access-tokens: the reason for access', () => {
  const reasonOf = async (reason: unknown): Promise<string | null | undefined> => {
    await tokenAttributes(
      await impersonate(t, agentHeader(), { customerReference: 'DE--21', reason }),
    );
    return sessions().at(-1)?.reason;
  };

  it.each<[string, unknown, string | null]>([
    ['a reason as given', 'TICKET-4711 wrong address', 'TICKET-4711 wrong address'],
    ['a padded reason, trimmed', '  \tTICKET-4711 wrong address\n ', 'TICKET-4711 wrong address'],
    ['an empty string as none', '', null],
    ['a blank string as none', ' \n\t\u00a0', null],
    ['a number as none', 4711, null],
    ['true as none', true, null],
    ['null as none', null, null],
    ['a list as none', ['TICKET-4711'], null],
    ['an object as none', { text: 'TICKET-4711' }, null],
    ['600 characters as their first 500', 'a'.repeat(600), 'a'.repeat(500)],
    ['exactly 500 characters as they are', 'b'.repeat(500), 'b'.repeat(500)],
    ['501 characters after trimming as 500', ` ${'c'.repeat(501)} `, 'c'.repeat(500)],
    ['characters, not UTF-16 units', '😀'.repeat(501), '😀'.repeat(500)],
  ])('records %s', async (_name, reason, recorded) => {
    expect(await reasonOf(reason)).toBe(recorded);
  });

  it('records no reason when none is sent', async () => {
    await tokenAttributes(await impersonate(t, agentHeader()));
    expect(sessions()[0]?.reason).toBeNull();
  });

  it.each<[string, unknown]>([
    ['a reason', 'TICKET-4711 wrong address'],
    ['a blank reason', '   '],
    ['a reason that is not a string', { nested: ['x'] }],
    ['a reason of 600 characters', 'x'.repeat(600)],
  ])('answers byte for byte as without one, for %s', async (_name, reason) => {
    // The tokens are random: everything else of the two answers must be the same.
    const text = async (response: Response): Promise<[number, string | null, string]> => {
      const body = await response.text();
      const { accessToken, refreshToken } = (JSON.parse(body) as TokenDocument).data.attributes;
      const masked = body.replace(accessToken, '<access>').replace(refreshToken, '<refresh>');
      return [response.status, response.headers.get('Content-Type'), masked];
    };
    const without = await text(await impersonate(t, agentHeader()));
    const withReason = await text(
      await impersonate(t, agentHeader(), { customerReference: 'DE--21', reason }),
    );
    expect(withReason).toEqual(without);
  });

  it('changes no error: 4104, 4103, 001, 4102 and 400 are answered as without a reason', async () => {
    const reason = 'TICKET-4711 wrong address';
    const before = snapshot(t.glue);
    await expectError(
      await impersonate(t, agentHeader(), { customerReference: 'DE--999', reason }),
      IMPERSONATION_FAILED,
    );
    await expectError(await impersonate(t, agentHeader(), { reason }), IMPERSONATION_FAILED);
    await expectError(
      await impersonate(t, {}, { customerReference: 'DE--21', reason }),
      AGENT_ONLY,
    );
    await expectError(
      await impersonate(
        t,
        { Authorization: 'Bearer garbage' },
        { customerReference: 'DE--21', reason },
      ),
      errorBody('001', 401, 'Invalid access token.'),
    );
    await expectError(
      await impersonate(
        t,
        { 'X-Agent-Authorization': 'Bearer garbage' },
        { customerReference: 'DE--21', reason },
      ),
      errorBody('4102', 401, 'Agent access token is invalid.'),
    );
    const wrongType = await t.post(
      `/${IMPERSONATION_TYPE}`,
      document('agent-access-tokens', { customerReference: 'DE--21', reason }),
      { headers: agentHeader() },
    );
    await expectError(wrongType, errorBody(null, 400, 'Invalid type.'));
    expect(snapshot(t.glue)).toBe(before);
  });

  it('keeps the reason through a refresh, in the one session', async () => {
    const pair = await tokenAttributes(
      await impersonate(t, agentHeader(), { customerReference: 'DE--21', reason: 'TICKET-1' }),
    );
    await tokenAttributes(await refresh(t, pair.refreshToken));
    expect(sessions().map((session) => session.reason)).toEqual(['TICKET-1']);
  });
});

describe('the impersonation token', () => {
  it('rotates through POST /refresh-tokens with the same sub and scopes, in the same session', async () => {
    const first = await signInAsCustomerThroughAgent(t);
    t.advance(60);
    const response = await refresh(t, first.refreshToken);
    expect(response.status).toBe(201);
    const body = (await response.json()) as TokenDocument;
    expect(body.data.type).toBe('refresh-tokens');
    const second = body.data.attributes;
    const after = await claims(second.accessToken);
    expect(after.sub).toBe(SONIA_SUB);
    expect(after.scopes).toEqual(['customer_impersonation', 'customer']);
    expect(after.iat).toBe(START_SECONDS + 60);
    expect(after.exp).toBe(START_SECONDS + 60 + 28800);
    // The old refresh token is used up; the new one rotates again.
    expect((await refresh(t, first.refreshToken)).status).toBe(401);
    const third = await tokenAttributes(await refresh(t, second.refreshToken));
    expect((await claims(third.accessToken)).scopes).toEqual([
      'customer_impersonation',
      'customer',
    ]);
    const linked = t.glue.db
      .prepare<[], { session_id: number }>('SELECT DISTINCT session_id FROM impersonation_tokens')
      .all();
    expect(linked).toEqual([{ session_id: 1 }]);
  });

  it('is still refused on the agent endpoints after a refresh', async () => {
    const first = await signInAsCustomerThroughAgent(t);
    const rotated = await tokenAttributes(await refresh(t, first.refreshToken));
    await expectError(await impersonate(t, bearer(rotated.accessToken)), AGENT_ONLY);
    const search = await t.send('GET', '/agent-customer-search?q=mar', {
      headers: bearer(rotated.accessToken),
    });
    await expectError(search, AGENT_ONLY);
  });

  it('revokes its own refresh token with DELETE /refresh-tokens/{token} and ends the session', async () => {
    const pair = await signInAsCustomerThroughAgent(t);
    t.advance(120);
    const response = await t.send(
      'DELETE',
      `/refresh-tokens/${encodeURIComponent(pair.refreshToken)}`,
      { headers: bearer(pair.accessToken) },
    );
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    await expectError(
      await refresh(t, pair.refreshToken),
      errorBody('004', 401, 'Failed to refresh token.'),
    );
    expect(sessions()[0]?.ended_at).toBe(START_SECONDS + 120);
  });

  it('acts as the customer on DELETE /refresh-tokens: the customer’s tokens, not the agent’s', async () => {
    const own = await signInCustomer(t);
    const agent = await signInAgent(t);
    const pair = await signInAsCustomerThroughAgent(t);
    // The agent's refresh token is not the customer's: left alone.
    await t.send('DELETE', `/refresh-tokens/${agent.refreshToken}`, {
      headers: bearer(pair.accessToken),
    });
    expect((await refresh(t, agent.refreshToken)).status).toBe(201);
    const response = await t.send('DELETE', '/refresh-tokens/mine', {
      headers: bearer(pair.accessToken),
    });
    expect(response.status).toBe(204);
    expect((await refresh(t, pair.refreshToken)).status).toBe(401);
    expect((await refresh(t, own.refreshToken)).status).toBe(401);
  });

  it('keeps the agent’s own session alive when the impersonation ends', async () => {
    const agent = await signInAgent(t);
    const pair = await tokenAttributes(await impersonate(t, bearer(agent.accessToken)));
    await t.send('DELETE', `/refresh-tokens/${pair.refreshToken}`, {
      headers: bearer(pair.accessToken),
    });
    expect((await refresh(t, agent.refreshToken)).status).toBe(201);
    expect((await impersonate(t, bearer(agent.accessToken))).status).toBe(201);
  });
});
