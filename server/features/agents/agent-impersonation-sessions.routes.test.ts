import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImpersonationSessions } from './impersonation-sessions';
import {
  START_SECONDS,
  addItem,
  bearer,
  createCart,
  document,
  errorBody,
  impersonate,
  makeTestGlue,
  patch,
  refresh,
  signInAgent,
  signInCustomer,
  statusAndBody,
  tokenAttributes,
} from '../../platform/test-support';
import type { TestGlue, TokenAttributes } from '../../platform/test-support';
import { parseDateTime } from './agent-impersonation-sessions.routes';

const SELF = 'http://glue.test/agent-impersonation-sessions';
const CANON = '005_30663301';
const AGENT_ONLY = errorBody('4103', 401, 'Action is available to agent user only.');
const AGENT_TOKEN_INVALID = errorBody('4102', 401, 'Agent access token is invalid.');
const INVALID_TOKEN = errorBody('001', 401, 'Invalid access token.');
const NOT_FOUND = errorBody('4105', 404, 'Impersonation session not found.');
const REFRESH_TOKEN_TTL = 2_628_000;

interface SessionResource {
  type: string;
  id: string;
  attributes: {
    agentUsername: string;
    customerReference: string;
    customerName: string;
    reason: string | null;
    startedAt: string;
    endedAt: string | null;
    expiresAt: string | null;
    changes: Record<string, unknown>[];
    events: Record<string, unknown>[];
    alongside: Record<string, unknown>[];
  };
  links: { self: string };
}

interface SessionsDocument {
  data: SessionResource[];
  links: Record<string, string>;
}

let t: TestGlue;
let agentHeaders: Record<string, string>;

beforeEach(async () => {
  t = await makeTestGlue();
  agentHeaders = { 'X-Agent-Authorization': `Bearer ${(await signInAgent(t)).accessToken}` };
});

afterEach(() => t.close());

/** The test clock, `offset` seconds after the start, as the endpoint writes a time. */
const at = (offset: number): string => new Date((START_SECONDS + offset) * 1000).toISOString();

function list(query = '', headers = agentHeaders): Promise<Response> {
  return t.send('GET', `/agent-impersonation-sessions${query}`, { headers });
}

function one(id: string, headers = agentHeaders): Promise<Response> {
  return t.send('GET', `/agent-impersonation-sessions/${id}`, { headers });
}

async function listed(query = ''): Promise<SessionsDocument> {
  const response = await list(query);
  expect(response.status).toBe(200);
  return (await response.json()) as SessionsDocument;
}

async function ids(query = ''): Promise<string[]> {
  return (await listed(query)).data.map((session) => session.id);
}

/** The agent of beforeEach acts as the customer: the impersonation pair. */
async function startSession(
  customerReference = 'DE--21',
  reason?: unknown,
): Promise<TokenAttributes> {
  const attributes = reason === undefined ? { customerReference } : { customerReference, reason };
  return tokenAttributes(await impersonate(t, agentHeaders, attributes));
}

function endSession(pair: TokenAttributes): Promise<Response> {
  return t.send('DELETE', `/refresh-tokens/${pair.refreshToken}`, {
    headers: bearer(pair.accessToken),
  });
}

describe('GET /agent-impersonation-sessions: a scripted session', () => {
  it('answers exactly what the agent did for Sonia, why, and from when to when', async () => {
    t.advance(60);
    const pair = await startSession('DE--21', 'TICKET-4711 wrong address');
    const sonia = bearer(pair.accessToken);
    t.advance(10);
    const cartId = await createCart(t, sonia, { name: 'Replacement' });
    t.advance(10);
    expect((await addItem(t, sonia, cartId, { sku: CANON, quantity: 2 })).status).toBe(201);
    t.advance(10);
    const itemPath = `/carts/${cartId}/items/${CANON}`;
    expect((await patch(t, itemPath, document('items', { quantity: 5 }), sonia)).status).toBe(200);
    t.advance(10);
    const refused = await patch(t, itemPath, document('items', { quantity: 0 }), sonia);
    expect(refused.status).toBe(422);
    t.advance(10);
    expect((await t.send('DELETE', itemPath, { headers: sonia })).status).toBe(204);
    t.advance(10);
    expect((await endSession(pair)).status).toBe(204);
    t.advance(3600);

    const cart = { cartId, cartName: 'Replacement' };
    const item = { cartId, cartName: 'Replacement', sku: CANON };
    const expected = {
      type: 'agent-impersonation-sessions',
      id: '1',
      attributes: {
        agentUsername: 'admin@spryker.com',
        customerReference: 'DE--21',
        customerName: 'Sonia Wagner',
        reason: 'TICKET-4711 wrong address',
        startedAt: '2027-01-15T08:01:00.000Z',
        endedAt: '2027-01-15T08:02:00.000Z',
        expiresAt: null,
        changes: [
          {
            at: '2027-01-15T08:01:10.000Z',
            method: 'POST',
            resource: 'carts',
            ...cart,
            sku: null,
            quantityBefore: null,
            quantityAfter: null,
            success: true,
            status: 201,
            errorCode: null,
            orderReference: null,
            code: null,
          },
          {
            at: '2027-01-15T08:01:20.000Z',
            method: 'POST',
            resource: 'items',
            ...item,
            quantityBefore: null,
            quantityAfter: 2,
            success: true,
            status: 201,
            errorCode: null,
            orderReference: null,
            code: null,
          },
          {
            at: '2027-01-15T08:01:30.000Z',
            method: 'PATCH',
            resource: 'items',
            ...item,
            quantityBefore: 2,
            quantityAfter: 5,
            success: true,
            status: 200,
            errorCode: null,
            orderReference: null,
            code: null,
          },
          {
            // A refused change: only what the request said is known; the cart stays unread.
            at: '2027-01-15T08:01:40.000Z',
            method: 'PATCH',
            resource: 'items',
            cartId,
            cartName: null,
            sku: CANON,
            quantityBefore: null,
            quantityAfter: null,
            success: false,
            status: 422,
            errorCode: '901',
            orderReference: null,
            code: null,
          },
          {
            at: '2027-01-15T08:01:50.000Z',
            method: 'DELETE',
            resource: 'items',
            ...item,
            quantityBefore: 5,
            quantityAfter: null,
            success: true,
            status: 204,
            errorCode: null,
            orderReference: null,
            code: null,
          },
        ],
        // No mode switch was sent, and Sonia had no other session open.
        events: [],
        alongside: [],
      },
      links: { self: `${SELF}/1` },
    };

    const response = await list();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    // Byte for byte: the key order of the resource, its attributes and each change too.
    expect(await response.text()).toBe(
      JSON.stringify({
        data: [expected],
        links: {
          self: SELF,
          last: `${SELF}?page[offset]=0&page[limit]=10`,
          first: `${SELF}?page[offset]=0&page[limit]=10`,
        },
      }),
    );
    const single = await one('1');
    expect(single.status).toBe(200);
    expect(await single.text()).toBe(JSON.stringify({ data: expected }));
  });

  it('shows a live session’s expiry: its refresh token’s, moved on by each refresh', async () => {
    const pair = await startSession();
    const live = async (): Promise<SessionResource['attributes'] | undefined> =>
      (await listed()).data[0]?.attributes;
    expect(await live()).toMatchObject({
      reason: null,
      endedAt: null,
      expiresAt: at(REFRESH_TOKEN_TTL),
      changes: [],
    });
    t.advance(600);
    await tokenAttributes(await refresh(t, pair.refreshToken));
    expect((await live())?.expiresAt).toBe(at(600 + REFRESH_TOKEN_TTL));
    // Left to run out, it keeps the time it could last have been kept alive.
    t.advance(REFRESH_TOKEN_TTL + 1);
    agentHeaders = bearer((await signInAgent(t)).accessToken);
    expect(await live()).toMatchObject({ endedAt: null, expiresAt: at(600 + REFRESH_TOKEN_TTL) });
  });

  it('ends the session when the agent revokes the customer’s tokens with /refresh-tokens/mine', async () => {
    const pair = await startSession();
    t.advance(45);
    const response = await t.send('DELETE', '/refresh-tokens/mine', {
      headers: bearer(pair.accessToken),
    });
    expect(response.status).toBe(204);
    expect((await listed()).data[0]?.attributes).toMatchObject({
      endedAt: at(45),
      expiresAt: null,
    });
  });

  it('keeps each session’s own changes apart, fetched for the whole page', async () => {
    const first = bearer((await startSession('DE--21')).accessToken);
    await startSession('DE--3');
    const third = bearer((await startSession('DE--21')).accessToken);
    await createCart(t, first, { name: 'First' });
    await createCart(t, third, { name: 'Third' });
    await createCart(t, first, { name: 'First again' });
    // The customer's own changes are not the agent's.
    await createCart(t, bearer((await signInCustomer(t)).accessToken), { name: 'Own' });
    const body = await listed();
    expect(
      body.data.map((session) => [
        session.id,
        session.attributes.customerReference,
        session.attributes.customerName,
        session.attributes.changes.map((change) => change.cartName),
      ]),
    ).toEqual([
      ['3', 'DE--21', 'Sonia Wagner', ['Third']],
      ['2', 'DE--3', 'Maggie May', []],
      ['1', 'DE--21', 'Sonia Wagner', ['First', 'First again']],
    ]);
  });
});

describe('GET /agent-impersonation-sessions: filters', () => {
  beforeEach(async () => {
    await startSession('DE--21', 'first');
    t.advance(100);
    await startSession('DE--3', 'second');
    t.advance(100);
    await startSession('DE--21', 'third');
  });

  it('lists every session, newest first', async () => {
    expect(await ids()).toEqual(['3', '2', '1']);
  });

  it('breaks a tie in the start by the newest session', async () => {
    await startSession('DE--5');
    await startSession('DE--5');
    expect(await ids()).toEqual(['5', '4', '3', '2', '1']);
  });

  it.each(['DE--21', 'de--21', 'De--21'])(
    'filters by a whole customer reference in any letter case (%s)',
    async (reference) => {
      expect(await ids(`?customerReference=${reference}`)).toEqual(['3', '1']);
    },
  );

  it.each(['DE--2', 'DE--210', 'E--21', 'DE--21 ', 'DE--999', 'sonia@acme.com'])(
    'finds nothing for %j, with a self link only',
    async (reference) => {
      const query = `?customerReference=${encodeURIComponent(reference)}`;
      expect(await listed(query)).toEqual({ data: [], links: { self: `${SELF}${query}` } });
    },
  );

  it('filters by start, both bounds inclusive', async () => {
    expect(await ids(`?startedFrom=${at(100)}`)).toEqual(['3', '2']);
    expect(await ids(`?startedTo=${at(100)}`)).toEqual(['2', '1']);
    expect(await ids(`?startedFrom=${at(100)}&startedTo=${at(100)}`)).toEqual(['2']);
    expect(await ids(`?startedFrom=${at(101)}&startedTo=${at(199)}`)).toEqual([]);
    expect(await ids(`?startedFrom=${at(200)}&startedTo=${at(0)}`)).toEqual([]);
  });

  it('compares instants: a fraction of a second, another offset', async () => {
    expect(await ids('?startedFrom=2027-01-15T08:01:40.001Z')).toEqual(['3']);
    expect(await ids('?startedTo=2027-01-15T08:01:39.999Z')).toEqual(['1']);
    expect(await ids('?startedFrom=2027-01-15T09:01:40%2B01:00')).toEqual(['3', '2']);
    // An unencoded "+" arrives as a space.
    expect(await ids('?startedFrom=2027-01-15T09:01:40+01:00')).toEqual(['3', '2']);
    expect(await ids('?startedTo=2027-01-15T03:00-05:00')).toEqual(['1']);
  });

  it('combines the customer and the start', async () => {
    expect(await ids(`?customerReference=DE--21&startedFrom=${at(1)}`)).toEqual(['3']);
    expect(await ids(`?customerReference=DE--3&startedTo=${at(99)}`)).toEqual([]);
  });

  it('takes empty filters as none', async () => {
    expect(await ids('?customerReference=&startedFrom=&startedTo=')).toEqual(['3', '2', '1']);
  });

  it.each([
    'yesterday',
    '2027-01-15',
    '2027-01-15T08:00:00',
    '2027-01-15 08:00:00Z',
    '2027-02-30T08:00:00Z',
    '2027-01-15T24:00:00Z',
    '2027-01-15T08:60:00Z',
    '2027-01-15T08:00:00+25:00',
    '1800000000',
  ])('answers 422 901 for the datetime %j', async (value) => {
    const query = encodeURIComponent(value);
    expect(await statusAndBody(await list(`?startedFrom=${query}`))).toEqual({
      status: 422,
      body: errorBody('901', 422, 'startedFrom => This value is not a valid datetime.'),
    });
    expect(await statusAndBody(await list(`?startedTo=${query}`))).toEqual({
      status: 422,
      body: errorBody('901', 422, 'startedTo => This value is not a valid datetime.'),
    });
  });

  it('answers one 901 per bad field', async () => {
    expect(await statusAndBody(await list('?startedTo=x&startedFrom=y'))).toEqual({
      status: 422,
      body: {
        errors: [
          {
            code: '901',
            status: 422,
            detail: 'startedFrom => This value is not a valid datetime.',
          },
          { code: '901', status: 422, detail: 'startedTo => This value is not a valid datetime.' },
        ],
      },
    });
  });
});

describe('GET /agent-impersonation-sessions: open sessions (open=true|false)', () => {
  let live: TokenAttributes;

  beforeEach(async () => {
    // 1 runs out: its refresh token expires before the others are looked at.
    await startSession('DE--21', 'runs out');
    t.advance(REFRESH_TOKEN_TTL - 100);
    agentHeaders = bearer((await signInAgent(t)).accessToken);
    live = await startSession('DE--21', 'live');
    expect((await endSession(await startSession('DE--21', 'ended'))).status).toBe(204);
    await startSession('DE--3', 'live elsewhere');
    t.advance(200);
  });

  it('keeps the sessions not ended and not expired, or only the others', async () => {
    expect(await ids('?open=true')).toEqual(['4', '2']);
    expect(await ids('?open=false')).toEqual(['3', '1']);
    expect(await ids('?open=')).toEqual(['4', '3', '2', '1']);
  });

  it('answers what the console asks before an agent joins a customer', async () => {
    const body = await listed('?customerReference=DE--21&open=true');
    expect(body.data.map((session) => [session.id, session.attributes.reason])).toEqual([
      ['2', 'live'],
    ]);
    expect(body.links.self).toBe(`${SELF}?customerReference=DE--21&open=true`);
    expect(await ids('?customerReference=DE--3&open=false')).toEqual([]);
  });

  it('counts the open sessions for the page links', async () => {
    const body = await listed('?open=true&page[limit]=1');
    expect(body.data.map((session) => session.id)).toEqual(['4']);
    expect(body.links).toEqual({
      self: `${SELF}?open=true&page[limit]=1`,
      last: `${SELF}?open=true&page[offset]=1&page[limit]=1`,
      first: `${SELF}?open=true&page[offset]=0&page[limit]=1`,
      next: `${SELF}?open=true&page[offset]=1&page[limit]=1`,
    });
  });

  it('closes a session when it ends, and keeps it open while it is refreshed', async () => {
    const refreshed = await tokenAttributes(await refresh(t, live.refreshToken));
    expect(await ids('?customerReference=DE--21&open=true')).toEqual(['2']);
    expect((await endSession(refreshed)).status).toBe(204);
    expect(await ids('?customerReference=DE--21&open=true')).toEqual([]);
  });

  it.each(['yes', '1', '0', 'TRUE', 'True', ' true', 'true,false'])(
    'answers 422 901 for open=%s',
    async (value) => {
      expect(await statusAndBody(await list(`?open=${encodeURIComponent(value)}`))).toEqual({
        status: 422,
        body: errorBody('901', 422, 'open => The value you selected is not a valid choice.'),
      });
    },
  );

  it('answers every bad filter at once', async () => {
    expect(await statusAndBody(await list('?startedFrom=x&open=x'))).toEqual({
      status: 422,
      body: {
        errors: [
          {
            code: '901',
            status: 422,
            detail: 'startedFrom => This value is not a valid datetime.',
          },
          {
            code: '901',
            status: 422,
            detail: 'open => The value you selected is not a valid choice.',
          },
        ],
      },
    });
  });
});

describe('GET /agent-impersonation-sessions: sessions of one customer at once', () => {
  /** Each session's id, its `alongside` and its `events`, newest first. */
  async function overlaps(): Promise<[string, unknown[], unknown[]][]> {
    return (await listed()).data.map((session) => [
      session.id,
      session.attributes.alongside,
      session.attributes.events,
    ]);
  }

  const joinedBy = (offset: number, sessionId: string): unknown => ({
    at: at(offset),
    event: 'joined-by',
    sessionId,
    agentUsername: 'admin@spryker.com',
  });
  const alongside = (sessionId: string, offset: number): unknown => ({
    sessionId,
    agentUsername: 'admin@spryker.com',
    startedAt: at(offset),
  });

  it('records on both sides the sessions open when another starts, and no others', async () => {
    await startSession('DE--21');
    t.advance(10);
    // Another customer's session overlaps with nothing of Sonia's.
    await startSession('DE--3');
    t.advance(10);
    // The same agent in another tab counts as much as another agent.
    await startSession('DE--21');
    t.advance(10);
    await startSession('DE--21');
    expect(await overlaps()).toEqual([
      ['4', [alongside('1', 0), alongside('3', 20)], []],
      ['3', [alongside('1', 0)], [joinedBy(30, '4')]],
      ['2', [], []],
      ['1', [], [joinedBy(20, '3'), joinedBy(30, '4')]],
    ]);
  });

  it('leaves out sessions that ended or ran out', async () => {
    expect((await endSession(await startSession('DE--21'))).status).toBe(204);
    await startSession('DE--21');
    t.advance(REFRESH_TOKEN_TTL + 1);
    agentHeaders = bearer((await signInAgent(t)).accessToken);
    await startSession('DE--21');
    expect(await overlaps()).toEqual([
      ['3', [], []],
      ['2', [], []],
      ['1', [], []],
    ]);
  });

  it('keeps mode switches and joins in the order they happened', async () => {
    const first = bearer((await startSession('DE--21')).accessToken);
    t.advance(10);
    const switched = await t.post(
      '/agent-impersonation-session-events',
      document('agent-impersonation-session-events', { event: 'change-mode', mode: 'change' }),
      { headers: first },
    );
    expect(switched.status).toBe(201);
    t.advance(10);
    await startSession('DE--21');
    expect((await listed()).data.at(-1)?.attributes.events).toEqual([
      { at: at(10), event: 'change-mode', mode: 'change' },
      joinedBy(20, '2'),
    ]);
  });

  it('answers events and alongside after the changes, byte for byte', async () => {
    await startSession('DE--21', 'first');
    t.advance(5);
    await startSession('DE--21', 'second');
    const expiresAt = (offset: number): string => at(offset + REFRESH_TOKEN_TTL);
    const session = (id: string, attributes: Record<string, unknown>): unknown => ({
      type: 'agent-impersonation-sessions',
      id,
      attributes,
      links: { self: `${SELF}/${id}` },
    });
    const common = {
      agentUsername: 'admin@spryker.com',
      customerReference: 'DE--21',
      customerName: 'Sonia Wagner',
    };
    const response = await one('2');
    expect(await response.text()).toBe(
      JSON.stringify({
        data: session('2', {
          ...common,
          reason: 'second',
          startedAt: at(5),
          endedAt: null,
          expiresAt: expiresAt(5),
          changes: [],
          events: [],
          alongside: [{ sessionId: '1', agentUsername: 'admin@spryker.com', startedAt: at(0) }],
        }),
      }),
    );
    expect(await (await one('1')).text()).toBe(
      JSON.stringify({
        data: session('1', {
          ...common,
          reason: 'first',
          startedAt: at(0),
          endedAt: null,
          expiresAt: expiresAt(0),
          changes: [],
          events: [
            { at: at(5), event: 'joined-by', sessionId: '2', agentUsername: 'admin@spryker.com' },
          ],
          alongside: [],
        }),
      }),
    );
  });
});

describe('parseDateTime', () => {
  it.each<[string, string]>([
    ['2026-11-23T10:00:00Z', '2026-11-23T10:00:00.000Z'],
    ['2026-11-23t10:00:00z', '2026-11-23T10:00:00.000Z'],
    ['2026-11-23T10:00Z', '2026-11-23T10:00:00.000Z'],
    ['2026-11-23T10:00:00.25Z', '2026-11-23T10:00:00.250Z'],
    ['2026-11-23T11:30:00+01:30', '2026-11-23T10:00:00.000Z'],
    ['2026-11-23T05:00:00-0500', '2026-11-23T10:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00.000Z'],
  ])('reads %s', (text, instant) => {
    expect(new Date(parseDateTime(text) ?? NaN).toISOString()).toBe(instant);
  });

  it.each(['', '2026-11-23', '2025-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-23T10Z'])(
    'refuses %j',
    (text) => {
      expect(parseDateTime(text)).toBeNull();
    },
  );
});

describe('GET /agent-impersonation-sessions: pages', () => {
  beforeEach(async () => {
    for (let i = 0; i < 12; i++) {
      await startSession(i % 2 === 0 ? 'DE--21' : 'DE--3');
      t.advance(1);
    }
  });

  it('pages 10 by default, with self, last, first and next', async () => {
    const body = await listed();
    expect(body.data.map((session) => session.id)).toEqual([
      '12',
      '11',
      '10',
      '9',
      '8',
      '7',
      '6',
      '5',
      '4',
      '3',
    ]);
    expect(body.links).toEqual({
      self: SELF,
      last: `${SELF}?page[offset]=10&page[limit]=10`,
      first: `${SELF}?page[offset]=0&page[limit]=10`,
      next: `${SELF}?page[offset]=10&page[limit]=10`,
    });
  });

  it('links the last page with prev, keeping the other query parameters', async () => {
    const query = '?customerReference=DE--21&page[offset]=4&page[limit]=2';
    const body = await listed(query);
    expect(body.data.map((session) => session.id)).toEqual(['3', '1']);
    const base = `${SELF}?customerReference=DE--21&`;
    expect(body.links).toEqual({
      self: `${SELF}${query}`,
      last: `${base}page[offset]=4&page[limit]=2`,
      first: `${base}page[offset]=0&page[limit]=2`,
      prev: `${base}page[offset]=2&page[limit]=2`,
    });
  });

  it('lowers a limit above 100 to 100', async () => {
    const body = await listed('?page[limit]=500');
    expect(body.data).toHaveLength(12);
    expect(body.links.first).toBe(`${SELF}?page[offset]=0&page[limit]=100`);
  });

  it.each(['page[offset]=-1', 'page[limit]=0', 'page[limit]=x'])(
    'answers 400 for %s',
    async (query) => {
      expect(await statusAndBody(await list(`?${query}`))).toEqual({
        status: 400,
        body: errorBody(null, 400, 'Pagination parameters are invalid.'),
      });
    },
  );

  it('builds its links on the configured public URL', async () => {
    const configured = await makeTestGlue({ publicUrl: 'https://shop.example.com/glue/' });
    try {
      const agent = bearer((await signInAgent(configured)).accessToken);
      await tokenAttributes(await impersonate(configured, agent));
      const response = await configured.send('GET', '/agent-impersonation-sessions', {
        headers: agent,
      });
      const body = (await response.json()) as SessionsDocument;
      expect(body.links.self).toBe('https://shop.example.com/glue/agent-impersonation-sessions');
      expect(body.data[0]?.links.self).toBe(
        'https://shop.example.com/glue/agent-impersonation-sessions/1',
      );
    } finally {
      configured.close();
    }
  });
});

describe('GET /agent-impersonation-sessions/{id}', () => {
  it.each(['2', '999', '0', '01', '1.0', '-1', 'abc', '99999999999999999999'])(
    'answers 404 4105 for %j',
    async (id) => {
      await startSession();
      expect(await statusAndBody(await one(id))).toEqual({ status: 404, body: NOT_FOUND });
    },
  );

  it('answers an empty list of sessions with a self link only', async () => {
    expect(await listed()).toEqual({ data: [], links: { self: SELF } });
  });
});

describe('GET /agent-impersonation-sessions: who may read it', () => {
  async function expectRefused(response: Response, body: unknown): Promise<void> {
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Access to shop API"');
    expect(await response.json()).toEqual(body);
  }

  const both = async (headers: Record<string, string>): Promise<Response[]> => [
    await list('', headers),
    await one('1', headers),
  ];

  beforeEach(async () => {
    await startSession();
  });

  it('takes the agent token from X-Agent-Authorization or from Authorization', async () => {
    const agent = await signInAgent(t);
    for (const headers of [
      bearer(agent.accessToken),
      { 'X-Agent-Authorization': `Bearer ${agent.accessToken}` },
    ]) {
      for (const response of await both(headers)) expect(response.status).toBe(200);
    }
  });

  it('finds the agent in X-Agent-Authorization while Authorization holds the impersonation token', async () => {
    const impersonation = await startSession();
    const headers = { ...agentHeaders, ...bearer(impersonation.accessToken) };
    for (const response of await both(headers)) expect(response.status).toBe(200);
  });

  it('answers 4103 without any token', async () => {
    for (const response of await both({})) await expectRefused(response, AGENT_ONLY);
  });

  it('answers 4103 for a customer’s own token in either header', async () => {
    const customer = await signInCustomer(t);
    for (const headers of [
      bearer(customer.accessToken),
      { 'X-Agent-Authorization': `Bearer ${customer.accessToken}` },
    ]) {
      for (const response of await both(headers)) await expectRefused(response, AGENT_ONLY);
    }
  });

  it('answers 4103 for an impersonation token in either header', async () => {
    const impersonation = await startSession();
    for (const headers of [
      bearer(impersonation.accessToken),
      { 'X-Agent-Authorization': `Bearer ${impersonation.accessToken}` },
    ]) {
      for (const response of await both(headers)) await expectRefused(response, AGENT_ONLY);
    }
  });

  it('answers 001 for a garbage Authorization, even beside a good agent token', async () => {
    for (const headers of [
      { Authorization: 'Bearer garbage' },
      { ...agentHeaders, Authorization: 'Bearer garbage' },
    ]) {
      for (const response of await both(headers)) await expectRefused(response, INVALID_TOKEN);
    }
  });

  it('answers 4102 for a garbage X-Agent-Authorization', async () => {
    const headers = { 'X-Agent-Authorization': 'Bearer garbage' };
    for (const response of await both(headers)) await expectRefused(response, AGENT_TOKEN_INVALID);
  });

  it('answers 4102 / 001 for an expired agent token, by header', async () => {
    const agent = await signInAgent(t);
    t.advance(28800);
    const agentHeader = { 'X-Agent-Authorization': `Bearer ${agent.accessToken}` };
    for (const response of await both(agentHeader)) {
      await expectRefused(response, AGENT_TOKEN_INVALID);
    }
    for (const response of await both(bearer(agent.accessToken))) {
      await expectRefused(response, INVALID_TOKEN);
    }
  });

  it('checks the token before the query and the id', async () => {
    await expectRefused(await list('?startedFrom=x', {}), AGENT_ONLY);
    await expectRefused(await list('?page[limit]=0', {}), AGENT_ONLY);
    await expectRefused(await one('999', {}), AGENT_ONLY);
  });

  it('answers other methods with 404 Not Found', async () => {
    for (const [method, path] of [
      ['POST', ''],
      ['PATCH', '/1'],
      ['DELETE', '/1'],
    ] as const) {
      const response = await t.send(method, `/agent-impersonation-sessions${path}`, {
        headers: agentHeaders,
      });
      expect(await statusAndBody(response)).toEqual({
        status: 404,
        body: errorBody(null, 404, 'Not Found'),
      });
    }
  });
});

describe('GET /agent-impersonation-sessions: query plans', () => {
  it('reads through indexes only: no table scan, no sort', () => {
    const plans = new ImpersonationSessions(t.glue.db, Date.now).explain();
    for (const [name, plan] of Object.entries(plans)) {
      const scans = plan.filter((line) => /^SCAN (?!json_each)/.test(line));
      const sorts = plan.filter((line) => line.includes('TEMP B-TREE'));
      expect({ name, scans, sorts }).toEqual({ name, scans: [], sorts: [] });
    }
    expect(plans.pageAll?.[0]).toBe(
      'SEARCH s USING INDEX impersonation_sessions_started (started_at>? AND started_at<?)',
    );
    expect(plans.pageOfCustomer).toContain(
      'SEARCH s USING INDEX impersonation_sessions_customer (id_customer=? AND started_at>? AND started_at<?)',
    );
    expect(plans.changes?.[0]).toBe(
      'SEARCH impersonation_audit USING INDEX impersonation_audit_session (session_id=?)',
    );
  });
});
