import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  document,
  errorBody,
  makeTestGlue,
  signInAgent,
  signInAsCustomerThroughAgent,
  signInCustomer,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

async function forgot(email: string): Promise<void> {
  const response = await t.post(
    '/customer-forgotten-password',
    document('customer-forgotten-password', { email }),
  );
  expect(response.status).toBe(204);
}

async function list(query: string): Promise<{ status: number; body: unknown }> {
  const { accessToken } = await signInAgent(t);
  return statusAndBody(
    await t.send('GET', `/agent-outbox-mails${query}`, { headers: bearer(accessToken) }),
  );
}

describe('GET /agent-outbox-mails (stand-in extension)', () => {
  it('answers an empty list with only links.self when nothing was sent', async () => {
    expect(await list('')).toEqual({
      status: 200,
      body: { data: [], links: { self: 'http://glue.test/agent-outbox-mails' } },
    });
  });

  it('lists newest first, filters by recipient in any letter case, and pages as §1', async () => {
    await forgot('sonia@acme.com');
    await forgot('bill.martin@acme.com');
    await forgot('sonia@acme.com');
    const all = (await list('')).body as { data: { id: string; attributes: { to: string } }[] };
    expect(all.data.map((mail) => [mail.id, mail.attributes.to])).toEqual([
      ['3', 'sonia@acme.com'],
      ['2', 'bill.martin@acme.com'],
      ['1', 'sonia@acme.com'],
    ]);
    const sonia = await list('?to=SONIA@acme.com&page[limit]=1');
    expect(sonia.body).toMatchObject({
      data: [{ id: '3' }],
      links: {
        self: 'http://glue.test/agent-outbox-mails?to=SONIA@acme.com&page[limit]=1',
        last: 'http://glue.test/agent-outbox-mails?to=SONIA@acme.com&page[offset]=1&page[limit]=1',
        first: 'http://glue.test/agent-outbox-mails?to=SONIA@acme.com&page[offset]=0&page[limit]=1',
        next: 'http://glue.test/agent-outbox-mails?to=SONIA@acme.com&page[offset]=1&page[limit]=1',
      },
    });
    expect((await list('?to=nobody@acme.com')).body).toMatchObject({ data: [] });
  });

  it('refuses a page it cannot read with 400', async () => {
    expect(await list('?page[limit]=0')).toEqual({
      status: 400,
      body: errorBody(null, 400, 'Pagination parameters are invalid.'),
    });
  });

  it.each([
    ['no token', () => Promise.resolve({})],
    ['a customer token', async () => bearer((await signInCustomer(t)).accessToken)],
    [
      'an impersonation token',
      async () => bearer((await signInAsCustomerThroughAgent(t)).accessToken),
    ],
  ])('is for agents only: %s → 401 4103', async (_name, headers) => {
    expect(
      await statusAndBody(await t.send('GET', '/agent-outbox-mails', { headers: await headers() })),
    ).toEqual({
      status: 401,
      body: errorBody('4103', 401, 'Action is available to agent user only.'),
    });
  });

  it('refuses an invalid token with 401 001', async () => {
    expect(
      await statusAndBody(
        await t.send('GET', '/agent-outbox-mails', { headers: bearer('garbage') }),
      ),
    ).toEqual({ status: 401, body: errorBody('001', 401, 'Invalid access token.') });
  });
});
