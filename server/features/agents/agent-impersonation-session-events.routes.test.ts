import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  START_SECONDS,
  bearer,
  document,
  errorBody,
  impersonate,
  makeTestGlue,
  signInAgent,
  signInCustomer,
  snapshot,
  statusAndBody,
  tokenAttributes,
} from '../../platform/test-support';
import type { TestGlue, TokenAttributes } from '../../platform/test-support';

const TYPE = 'agent-impersonation-session-events';
const SELF = `http://glue.test/${TYPE}`;
const AGENT_ONLY = errorBody('4103', 401, 'Action is available to agent user only.');
const INVALID_TOKEN = errorBody('001', 401, 'Invalid access token.');
const POST_DATA_INVALID = errorBody(null, 400, 'Post data is invalid.');
const INVALID_TYPE = errorBody(null, 400, 'Invalid type.');
const ACCESS_TOKEN_TTL = 28800;

let t: TestGlue;
let agentToken: string;

beforeEach(async () => {
  t = await makeTestGlue();
  agentToken = (await signInAgent(t)).accessToken;
});

afterEach(() => t.close());

/** The test clock, `offset` seconds after the start, as the stand-in writes a time. */
const at = (offset: number): string => new Date((START_SECONDS + offset) * 1000).toISOString();

async function startSession(customerReference = 'DE--21'): Promise<TokenAttributes> {
  return tokenAttributes(await impersonate(t, bearer(agentToken), { customerReference }));
}

function sendEvent(attributes: unknown, headers: Record<string, string>): Promise<Response> {
  return t.post(`/${TYPE}`, document(TYPE, attributes), { headers });
}

async function eventsOf(sessionId: string): Promise<unknown[]> {
  const response = await t.send('GET', `/agent-impersonation-sessions/${sessionId}`, {
    headers: bearer(agentToken),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { attributes: { events: unknown[] } } }).data
    .attributes.events;
}

const eventRows = (): unknown =>
  t.glue.db.prepare('SELECT * FROM impersonation_session_events ORDER BY id').all();

describe('POST /agent-impersonation-session-events: a mode switch', () => {
  it('answers 201 with the event, and the session lists it', async () => {
    const sonia = bearer((await startSession()).accessToken);
    t.advance(30);
    const response = await sendEvent({ event: 'change-mode', mode: 'change' }, sonia);
    expect(response.status).toBe(201);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    // Byte for byte: the key order of the resource and of its attributes.
    expect(await response.text()).toBe(
      JSON.stringify({
        data: {
          type: TYPE,
          id: '1',
          attributes: { event: 'change-mode', mode: 'change', at: at(30) },
          links: { self: `${SELF}/1` },
        },
      }),
    );
    expect(await eventsOf('1')).toEqual([{ at: at(30), event: 'change-mode', mode: 'change' }]);
  });

  it('lists each session’s own switches, oldest first', async () => {
    const first = bearer((await startSession()).accessToken);
    const second = bearer((await startSession('DE--3')).accessToken);
    for (const [offset, mode, headers] of [
      [10, 'change', first],
      [20, 'view', second],
      [30, 'view', first],
      [40, 'change', first],
    ] as const) {
      t.advance(offset - (t.now() - START_SECONDS));
      expect((await sendEvent({ event: 'change-mode', mode }, headers)).status).toBe(201);
    }
    expect(await eventsOf('1')).toEqual([
      { at: at(10), event: 'change-mode', mode: 'change' },
      { at: at(30), event: 'change-mode', mode: 'view' },
      { at: at(40), event: 'change-mode', mode: 'change' },
    ]);
    expect(await eventsOf('2')).toEqual([{ at: at(20), event: 'change-mode', mode: 'view' }]);
  });

  it('takes the same mode twice: each switch the console sends is recorded', async () => {
    const sonia = bearer((await startSession()).accessToken);
    await sendEvent({ event: 'change-mode', mode: 'view' }, sonia);
    await sendEvent({ event: 'change-mode', mode: 'view' }, sonia);
    expect(await eventsOf('1')).toHaveLength(2);
  });

  it('records a switch through a token of an ended session, as changes are (§4.2)', async () => {
    const pair = await startSession();
    const ended = await t.send('DELETE', `/refresh-tokens/${pair.refreshToken}`, {
      headers: bearer(pair.accessToken),
    });
    expect(ended.status).toBe(204);
    const response = await sendEvent(
      { event: 'change-mode', mode: 'view' },
      bearer(pair.accessToken),
    );
    expect(response.status).toBe(201);
    expect(await eventsOf('1')).toHaveLength(1);
  });

  it('ignores attributes it does not know', async () => {
    const sonia = bearer((await startSession()).accessToken);
    const response = await sendEvent({ event: 'change-mode', mode: 'view', extra: 1 }, sonia);
    expect(response.status).toBe(201);
  });
});

describe('POST /agent-impersonation-session-events: who may send it', () => {
  it('answers 4103 without a token, and writes nothing', async () => {
    await startSession();
    const before = snapshot(t.glue);
    const response = await sendEvent({ event: 'change-mode', mode: 'view' }, {});
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Access to shop API"');
    expect(await statusAndBody(response)).toEqual({ status: 401, body: AGENT_ONLY });
    expect(snapshot(t.glue)).toBe(before);
  });

  it.each<[string, () => Promise<Record<string, string>>]>([
    ['a customer’s own token', async () => bearer((await signInCustomer(t)).accessToken)],
    ['an agent’s own token', () => Promise.resolve(bearer(agentToken))],
    [
      'an agent token in X-Agent-Authorization',
      () => Promise.resolve({ 'X-Agent-Authorization': `Bearer ${agentToken}` }),
    ],
    [
      'an impersonation token in X-Agent-Authorization only',
      async () => ({ 'X-Agent-Authorization': `Bearer ${(await startSession()).accessToken}` }),
    ],
  ])('answers 4103 for %s: it names no session', async (_name, headers) => {
    const sent = await headers();
    const before = snapshot(t.glue);
    expect(
      await statusAndBody(await sendEvent({ event: 'change-mode', mode: 'view' }, sent)),
    ).toEqual({ status: 401, body: AGENT_ONLY });
    expect(snapshot(t.glue)).toBe(before);
  });

  it.each<[string, () => Promise<Record<string, string>>]>([
    ['a garbage token', () => Promise.resolve(bearer('garbage'))],
    ['Basic credentials', () => Promise.resolve({ Authorization: 'Basic YTpi' })],
    [
      'an expired impersonation token',
      async () => {
        const { accessToken } = await startSession();
        t.advance(ACCESS_TOKEN_TTL + 1);
        return bearer(accessToken);
      },
    ],
  ])('answers 001 for %s', async (_name, headers) => {
    const sent = await headers();
    expect(
      await statusAndBody(await sendEvent({ event: 'change-mode', mode: 'view' }, sent)),
    ).toEqual({ status: 401, body: INVALID_TOKEN });
    expect(eventRows()).toEqual([]);
  });

  it('checks the token before the document', async () => {
    expect(
      await statusAndBody(await t.send('POST', `/${TYPE}`, { body: 'not json', headers: {} })),
    ).toEqual({ status: 401, body: AGENT_ONLY });
  });

  it('answers other methods and paths with 404 Not Found', async () => {
    const sonia = bearer((await startSession()).accessToken);
    for (const [method, path] of [
      ['GET', `/${TYPE}`],
      ['GET', `/${TYPE}/1`],
      ['PATCH', `/${TYPE}/1`],
      ['DELETE', `/${TYPE}/1`],
    ] as const) {
      expect(await statusAndBody(await t.send(method, path, { headers: sonia }))).toEqual({
        status: 404,
        body: errorBody(null, 404, 'Not Found'),
      });
    }
  });
});

describe('POST /agent-impersonation-session-events: the document', () => {
  let sonia: Record<string, string>;

  beforeEach(async () => {
    sonia = bearer((await startSession()).accessToken);
  });

  it.each<[string, string]>([
    ['no body', ''],
    ['a body that is not JSON', '{"data":'],
    ['no data', '{}'],
    ['no type', JSON.stringify({ data: { attributes: { event: 'change-mode', mode: 'view' } } })],
    ['no attributes', JSON.stringify({ data: { type: TYPE } })],
    ['attributes that are a string', JSON.stringify({ data: { type: TYPE, attributes: 'x' } })],
  ])('answers 400 Post data is invalid for %s', async (_name, body) => {
    expect(await statusAndBody(await t.send('POST', `/${TYPE}`, { body, headers: sonia }))).toEqual(
      { status: 400, body: POST_DATA_INVALID },
    );
    expect(eventRows()).toEqual([]);
  });

  it('answers 400 Invalid type for another type (§1)', async () => {
    const response = await t.post(
      `/${TYPE}`,
      document('agent-impersonation-sessions', { event: 'change-mode', mode: 'view' }),
      { headers: sonia },
    );
    expect(await statusAndBody(response)).toEqual({ status: 400, body: INVALID_TYPE });
    expect(eventRows()).toEqual([]);
  });

  const missing = (field: string): string => `${field} => This field is missing.`;
  const notAChoice = (field: string): string =>
    `${field} => The value you selected is not a valid choice.`;

  it.each<[string, unknown, string[]]>([
    ['no attributes at all', {}, [missing('event'), missing('mode')]],
    ['an empty list of attributes', [], [missing('event'), missing('mode')]],
    ['no mode', { event: 'change-mode' }, [missing('mode')]],
    ['no event', { mode: 'view' }, [missing('event')]],
    [
      'an event the stand-in does not take',
      { event: 'joined-by', mode: 'view' },
      [notAChoice('event')],
    ],
    ['an event to come', { event: 'continued-alongside', mode: 'view' }, [notAChoice('event')]],
    ['another mode', { event: 'change-mode', mode: 'edit' }, [notAChoice('mode')]],
    ['a mode in capitals', { event: 'change-mode', mode: 'VIEW' }, [notAChoice('mode')]],
    ['a blank mode', { event: 'change-mode', mode: '' }, [notAChoice('mode')]],
    ['a null mode', { event: 'change-mode', mode: null }, [notAChoice('mode')]],
    ['a number', { event: 'change-mode', mode: 1 }, [notAChoice('mode')]],
    [
      'a list',
      { event: ['change-mode'], mode: ['view'] },
      [notAChoice('event'), notAChoice('mode')],
    ],
  ])('answers 422 901 for %s, one error per field', async (_name, attributes, details) => {
    expect(await statusAndBody(await sendEvent(attributes, sonia))).toEqual({
      status: 422,
      body: { errors: details.map((detail) => ({ code: '901', status: 422, detail })) },
    });
    expect(eventRows()).toEqual([]);
  });
});
