import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  errorBody,
  makeTestGlue,
  signInAgent,
  signInAsCustomerThroughAgent,
  signInCustomer,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

const SELF = 'http://glue.test/agent-customer-search';
const AGENT_ONLY = errorBody('4103', 401, 'Action is available to agent user only.');
const AGENT_TOKEN_INVALID = errorBody('4102', 401, 'Agent access token is invalid.');
const INVALID_TOKEN = errorBody('001', 401, 'Invalid access token.');

interface Customer {
  customerReference: string;
  email: string;
  firstName: string;
  lastName: string;
}

interface SearchDocument {
  data: {
    type: string;
    id: null;
    attributes: { customers: Customer[] };
    links: { self: string };
  }[];
  links: Record<string, string>;
}

let t: TestGlue;
let agentHeaders: Record<string, string>;

beforeEach(async () => {
  t = await makeTestGlue();
  agentHeaders = { 'X-Agent-Authorization': `Bearer ${(await signInAgent(t)).accessToken}` };
});

afterEach(() => t.close());

function search(query: string, headers = agentHeaders): Promise<Response> {
  return t.send('GET', `/agent-customer-search${query}`, { headers });
}

async function found(query: string): Promise<SearchDocument> {
  const response = await search(query);
  expect(response.status).toBe(200);
  return (await response.json()) as SearchDocument;
}

async function references(query: string): Promise<string[]> {
  const body = await found(query);
  return body.data[0]?.attributes.customers.map((customer) => customer.customerReference) ?? [];
}

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `DE--${from + i}`);

describe('GET /agent-customer-search: the document', () => {
  it('answers the contract’s example for sonia@acme.com byte for byte', async () => {
    const response = await search('?q=sonia@acme.com');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    expect(await response.text()).toBe(
      JSON.stringify({
        data: [
          {
            type: 'agent-customer-search',
            id: null,
            attributes: {
              customers: [
                {
                  customerReference: 'DE--21',
                  email: 'sonia@acme.com',
                  firstName: 'Sonia',
                  lastName: 'Wagner',
                },
              ],
            },
            links: { self: `${SELF}?q=sonia@acme.com` },
          },
        ],
        links: {
          self: `${SELF}?q=sonia@acme.com`,
          last: `${SELF}?q=sonia@acme.com&page[offset]=0&page[limit]=10`,
          first: `${SELF}?q=sonia@acme.com&page[offset]=0&page[limit]=10`,
        },
      }),
    );
  });

  it('answers an empty list and a self link only when nothing matches', async () => {
    expect(await found('?q=nobody-at-all')).toEqual({
      data: [
        {
          type: 'agent-customer-search',
          id: null,
          attributes: { customers: [] },
          links: { self: `${SELF}?q=nobody-at-all` },
        },
      ],
      links: { self: `${SELF}?q=nobody-at-all` },
    });
  });

  it('builds its links on the configured public URL', async () => {
    const configured = await makeTestGlue({ publicUrl: 'https://shop.example.com/glue/' });
    try {
      const agent = await signInAgent(configured);
      const response = await configured.send('GET', '/agent-customer-search?q=wagner', {
        headers: bearer(agent.accessToken),
      });
      const body = (await response.json()) as SearchDocument;
      expect(body.links.self).toBe('https://shop.example.com/glue/agent-customer-search?q=wagner');
      expect(body.data[0]?.links.self).toBe(body.links.self);
      expect(body.links.first).toBe(
        'https://shop.example.com/glue/agent-customer-search?q=wagner&page[offset]=0&page[limit]=10',
      );
    } finally {
      configured.close();
    }
  });
});

describe('GET /agent-customer-search: what q finds', () => {
  it.each([
    ['a whole e-mail', 'sonia@acme.com', ['DE--21']],
    ['part of an e-mail', 'ottom', range(8, 13)],
    ['an e-mail domain', 'acme.com', [...range(1, 7), ...range(14, 21)]],
    ['a first name', 'maggie', ['DE--3']],
    ['a last name', 'wagner', ['DE--21']],
    // Maria Williams by first name (and e-mail), Bill Martin by last name (and e-mail).
    ['part of a name', 'mar', ['DE--2', 'DE--4']],
    ['a hyphenated last name', 'gyeong-min', ['DE--13']],
    ['a name and e-mail part in three customers', 'ill', ['DE--2', 'DE--4', 'DE--9']],
    ['two letters', 'er', ['DE--8', 'DE--14', 'DE--17', 'DE--18', 'DE--19', 'DE--20', 'DE--21']],
    ['two letters elsewhere', 'ri', ['DE--2', 'DE--11', 'DE--15']],
    ['one letter', 'z', ['DE--18']],
    ['a letter every customer has', 'm', range(1, 21)],
  ])('finds %s (%s)', async (_name, q, expected) => {
    expect(await references(`?q=${encodeURIComponent(q)}&page[limit]=100`)).toEqual(expected);
  });

  it.each([
    ['MARIA', ['DE--2']],
    ['aHiLL', ['DE--9']],
    ['ahill@OTTOM.DE', ['DE--9']],
    ['Z', ['DE--18']],
    ['ER', ['DE--8', 'DE--14', 'DE--17', 'DE--18', 'DE--19', 'DE--20', 'DE--21']],
  ])('ignores letter case: %s', async (q, expected) => {
    expect(await references(`?q=${encodeURIComponent(q)}&page[limit]=100`)).toEqual(expected);
  });

  it.each([
    ['DE--21', ['DE--21']],
    ['de--21', ['DE--21']],
    ['De--21', ['DE--21']],
    // A whole reference only: DE--2 is not a part of DE--21.
    ['DE--2', ['DE--2']],
    ['DE--1', ['DE--1']],
  ])('finds the customer whose whole reference is %s', async (q, expected) => {
    expect(await references(`?q=${encodeURIComponent(q)}`)).toEqual(expected);
  });

  it.each(['DE--', 'E--21', 'DE--21 ', ' DE--21', 'DE--210', 'DE-21'])(
    'finds no one for the partial or padded reference "%s"',
    async (q) => {
      expect(await references(`?q=${encodeURIComponent(q)}`)).toEqual([]);
    },
  );

  it('lists every customer by id without q, and with an empty q', async () => {
    expect(await references('?page[limit]=50')).toEqual(range(1, 21));
    expect(await references('?q=&page[limit]=50')).toEqual(range(1, 21));
  });

  it('reads + and %20 as a space and %40 as @', async () => {
    expect(await references('?q=sonia%40acme.com')).toEqual(['DE--21']);
    expect(await references('?q=bill+martin')).toEqual([]);
    expect(await references('?q=%20')).toEqual([]);
  });

  it.each([
    '"',
    '""',
    '*',
    'a*',
    'mar OR wagner',
    'NEAR(a b)',
    '^sonia',
    'sonia:',
    '{email}: sonia',
    '%',
    '_',
    '\\',
    "'",
    '\u0000',
    'sonia\u0000',
    '\u{1F600}',
    'x'.repeat(2000),
  ])('treats "%s" as plain text (no match, no error)', async (q) => {
    const response = await search(`?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as SearchDocument).data[0]?.attributes.customers).toEqual([]);
  });
});

describe('GET /agent-customer-search: pages', () => {
  it('pages 10 by default, with self, last, first and next when there are 21 customers', async () => {
    const body = await found('');
    expect(body.data[0]?.attributes.customers.map((c) => c.customerReference)).toEqual(
      range(1, 10),
    );
    expect(Object.keys(body.links)).toEqual(['self', 'last', 'first', 'next']);
    expect(body.links).toEqual({
      self: SELF,
      last: `${SELF}?page[offset]=20&page[limit]=10`,
      first: `${SELF}?page[offset]=0&page[limit]=10`,
      next: `${SELF}?page[offset]=10&page[limit]=10`,
    });
    expect(body.data[0]?.links.self).toBe(SELF);
  });

  // acme.com matches 15 customers: DE--1…7 and DE--14…21.
  it('links the first page', async () => {
    const body = await found('?q=acme.com&page[offset]=0&page[limit]=5');
    expect(body.data[0]?.attributes.customers.map((c) => c.customerReference)).toEqual(range(1, 5));
    expect(body.links).toEqual({
      self: `${SELF}?q=acme.com&page[offset]=0&page[limit]=5`,
      last: `${SELF}?q=acme.com&page[offset]=10&page[limit]=5`,
      first: `${SELF}?q=acme.com&page[offset]=0&page[limit]=5`,
      next: `${SELF}?q=acme.com&page[offset]=5&page[limit]=5`,
    });
  });

  it('links a middle page, keeping the other query parameters', async () => {
    const body = await found('?page[limit]=5&q=acme.com&page[offset]=5&x=1');
    expect(body.data[0]?.attributes.customers.map((c) => c.customerReference)).toEqual([
      'DE--6',
      'DE--7',
      'DE--14',
      'DE--15',
      'DE--16',
    ]);
    expect(Object.keys(body.links)).toEqual(['self', 'last', 'first', 'prev', 'next']);
    expect(body.links).toEqual({
      self: `${SELF}?page[limit]=5&q=acme.com&page[offset]=5&x=1`,
      last: `${SELF}?q=acme.com&x=1&page[offset]=10&page[limit]=5`,
      first: `${SELF}?q=acme.com&x=1&page[offset]=0&page[limit]=5`,
      prev: `${SELF}?q=acme.com&x=1&page[offset]=0&page[limit]=5`,
      next: `${SELF}?q=acme.com&x=1&page[offset]=10&page[limit]=5`,
    });
  });

  it('links the last page without next', async () => {
    const body = await found('?q=acme.com&page[offset]=10&page[limit]=5');
    expect(body.data[0]?.attributes.customers.map((c) => c.customerReference)).toEqual(
      range(17, 21),
    );
    expect(body.links).toEqual({
      self: `${SELF}?q=acme.com&page[offset]=10&page[limit]=5`,
      last: `${SELF}?q=acme.com&page[offset]=10&page[limit]=5`,
      first: `${SELF}?q=acme.com&page[offset]=0&page[limit]=5`,
      prev: `${SELF}?q=acme.com&page[offset]=5&page[limit]=5`,
    });
  });

  it('links a page past the end, with an empty list', async () => {
    const body = await found('?q=acme.com&page[offset]=30&page[limit]=5');
    expect(body.data[0]?.attributes.customers).toEqual([]);
    expect(body.links).toEqual({
      self: `${SELF}?q=acme.com&page[offset]=30&page[limit]=5`,
      last: `${SELF}?q=acme.com&page[offset]=10&page[limit]=5`,
      first: `${SELF}?q=acme.com&page[offset]=0&page[limit]=5`,
      prev: `${SELF}?q=acme.com&page[offset]=25&page[limit]=5`,
    });
  });

  it('links an offset that is not a multiple of the limit', async () => {
    const body = await found('?page[offset]=3&page[limit]=10');
    expect(body.data[0]?.attributes.customers.map((c) => c.customerReference)).toEqual(
      range(4, 13),
    );
    expect(body.links.prev).toBe(`${SELF}?page[offset]=0&page[limit]=10`);
    expect(body.links.next).toBe(`${SELF}?page[offset]=13&page[limit]=10`);
    expect(body.links.last).toBe(`${SELF}?page[offset]=20&page[limit]=10`);
  });

  it('links the page of a whole reference', async () => {
    const body = await found('?q=DE--21&page[limit]=1');
    expect(body.links).toEqual({
      self: `${SELF}?q=DE--21&page[limit]=1`,
      last: `${SELF}?q=DE--21&page[offset]=0&page[limit]=1`,
      first: `${SELF}?q=DE--21&page[offset]=0&page[limit]=1`,
    });
  });

  it('lowers a limit above 100 to 100, in the customers and in the links', async () => {
    const body = await found('?page[limit]=5000');
    expect(body.data[0]?.attributes.customers).toHaveLength(21);
    expect(body.links).toEqual({
      self: `${SELF}?page[limit]=5000`,
      last: `${SELF}?page[offset]=0&page[limit]=100`,
      first: `${SELF}?page[offset]=0&page[limit]=100`,
    });
  });

  it.each([
    'page[offset]=-1',
    'page[offset]=x',
    'page[offset]=1.5',
    'page[offset]=',
    'page[limit]=0',
    'page[limit]=-10',
    'page[limit]=ten',
    'page[limit]=1e2',
    'page[limit]=99999999999999999999',
  ])('answers 400 for %s', async (query) => {
    const response = await search(`?q=mar&${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      errorBody(null, 400, 'Pagination parameters are invalid.'),
    );
  });
});

describe('GET /agent-customer-search: who may search', () => {
  it('takes the agent token from X-Agent-Authorization or from Authorization', async () => {
    const agent = await signInAgent(t);
    expect((await search('?q=mar', bearer(agent.accessToken))).status).toBe(200);
    expect(
      (await search('?q=mar', { 'X-Agent-Authorization': `Bearer ${agent.accessToken}` })).status,
    ).toBe(200);
  });

  it('finds the agent in X-Agent-Authorization while Authorization holds the impersonation token', async () => {
    const impersonation = await signInAsCustomerThroughAgent(t);
    const response = await search('?q=mar', {
      ...agentHeaders,
      Authorization: `Bearer ${impersonation.accessToken}`,
    });
    expect(response.status).toBe(200);
  });

  async function expectRefused(response: Response, body: unknown): Promise<void> {
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Access to shop API"');
    expect(await response.json()).toEqual(body);
  }

  it('answers 4103 without any token', async () => {
    await expectRefused(await search('?q=mar', {}), AGENT_ONLY);
  });

  it('answers 4103 for a customer’s own token in either header', async () => {
    const customer = await signInCustomer(t);
    await expectRefused(await search('?q=mar', bearer(customer.accessToken)), AGENT_ONLY);
    await expectRefused(
      await search('?q=mar', { 'X-Agent-Authorization': `Bearer ${customer.accessToken}` }),
      AGENT_ONLY,
    );
  });

  it('answers 4103 for an impersonation token in either header', async () => {
    const impersonation = await signInAsCustomerThroughAgent(t);
    await expectRefused(await search('?q=mar', bearer(impersonation.accessToken)), AGENT_ONLY);
    await expectRefused(
      await search('?q=mar', { 'X-Agent-Authorization': `Bearer ${impersonation.accessToken}` }),
      AGENT_ONLY,
    );
  });

  it('answers 001 for a garbage Authorization, even beside a good agent token', async () => {
    await expectRefused(await search('?q=mar', { Authorization: 'Bearer garbage' }), INVALID_TOKEN);
    await expectRefused(
      await search('?q=mar', { ...agentHeaders, Authorization: 'Bearer garbage' }),
      INVALID_TOKEN,
    );
  });

  it('answers 4102 for a garbage X-Agent-Authorization', async () => {
    await expectRefused(
      await search('?q=mar', { 'X-Agent-Authorization': 'Bearer garbage' }),
      AGENT_TOKEN_INVALID,
    );
  });

  it('answers 4102 / 001 for an expired agent token, by header', async () => {
    const agent = await signInAgent(t);
    t.advance(28800);
    await expectRefused(
      await search('?q=mar', { 'X-Agent-Authorization': `Bearer ${agent.accessToken}` }),
      AGENT_TOKEN_INVALID,
    );
    await expectRefused(await search('?q=mar', bearer(agent.accessToken)), INVALID_TOKEN);
  });

  it('checks the token before the page parameters', async () => {
    await expectRefused(await search('?page[limit]=0', {}), AGENT_ONLY);
  });

  it('answers other methods with 404', async () => {
    for (const method of ['POST', 'PATCH', 'DELETE']) {
      const response = await t.send(method, '/agent-customer-search', { headers: agentHeaders });
      expect(response.status).toBe(404);
    }
  });
});
