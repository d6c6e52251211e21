import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  document,
  errorBody,
  makeTestGlue,
  signInAgent,
  signInAsCustomerThroughAgent,
  signInCustomer,
  snapshot,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

const TYPE = 'customer-forgotten-password';
const LINK = /^http:\/\/yves\.eu\.spryker\.local\/password\/restore\?token=([0-9a-f]{32})$/;

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

function forgotten(attributes: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return t.post(`/${TYPE}`, document(TYPE, attributes), { headers });
}

interface Mail {
  type: string;
  id: string;
  attributes: {
    to: string;
    customerReference: string;
    type: string;
    subject: string;
    restorePasswordKey: string;
    restorePasswordLink: string;
    createdAt: string;
  };
  links: { self: string };
}

async function outbox(query = ''): Promise<{ data: Mail[]; links: Record<string, string> }> {
  const { accessToken } = await signInAgent(t);
  const response = await t.send('GET', `/agent-outbox-mails${query}`, {
    headers: bearer(accessToken),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { data: Mail[]; links: Record<string, string> };
}

describe('POST /customer-forgotten-password (§13)', () => {
  it('answers 204 with no body for a registered e-mail, and writes the restore mail', async () => {
    const response = await forgotten({ email: 'sonia@acme.com' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const { data } = await outbox();
    expect(data).toHaveLength(1);
    const [mail] = data;
    expect(mail?.attributes).toEqual({
      to: 'sonia@acme.com',
      customerReference: 'DE--21',
      type: 'customer restore password',
      subject: 'New password for your Spryker Shop account',
      restorePasswordKey: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      restorePasswordLink: expect.stringMatching(LINK) as unknown,
      createdAt: '2027-01-15 08:00:00.000000',
    });
    expect(mail?.attributes.restorePasswordLink.match(LINK)?.[1]).toBe(
      mail?.attributes.restorePasswordKey,
    );
    expect(mail?.links.self).toBe(`http://glue.test/agent-outbox-mails/${mail?.id ?? ''}`);
  });

  it('answers the same 204 for an e-mail without an account, and writes nothing', async () => {
    const before = snapshot(t.glue);
    const response = await forgotten({ email: 'nobody@acme.com' });
    expect({ status: response.status, text: await response.text() }).toEqual({
      status: 204,
      text: '',
    });
    expect(snapshot(t.glue)).toBe(before);
    expect((await outbox()).data).toEqual([]);
  });

  it('finds the account whatever the letter case, and writes to the address the shop has', async () => {
    expect((await forgotten({ email: 'Sonia@ACME.com' })).status).toBe(204);
    expect((await outbox()).data.map((mail) => mail.attributes.to)).toEqual(['sonia@acme.com']);
  });

  it('gives a German customer the German subject', async () => {
    // DE--4's locale is de_DE in the demo data.
    expect((await forgotten({ email: 'bill.martin@acme.com' })).status).toBe(204);
    const [mail] = (await outbox()).data;
    expect(mail?.attributes.customerReference).toBe('DE--4');
    expect(mail?.attributes.subject).toBe('Neues Passwort für deinen Spryker Shop Account');
  });

  it('writes a new key each time: a second request, a second mail', async () => {
    await forgotten({ email: 'sonia@acme.com' });
    t.advance(60);
    await forgotten({ email: 'sonia@acme.com' });
    const { data } = await outbox();
    expect(data).toHaveLength(2);
    const [newest, oldest] = data;
    expect(Number(newest?.id)).toBeGreaterThan(Number(oldest?.id));
    expect(newest?.attributes.restorePasswordKey).not.toBe(oldest?.attributes.restorePasswordKey);
  });

  it.each([
    ['a customer token', () => signInCustomer(t)],
    ['an impersonation token', () => signInAsCustomerThroughAgent(t)],
    ['an agent token', () => signInAgent(t)],
  ])('answers the same with %s', async (_name, signIn) => {
    const { accessToken } = await signIn();
    expect((await forgotten({ email: 'sonia@acme.com' }, bearer(accessToken))).status).toBe(204);
  });

  it('answers the same with an invalid token: the endpoint is not protected', async () => {
    const response = await forgotten({ email: 'sonia@acme.com' }, bearer('garbage'));
    expect(response.status).toBe(204);
  });

  const TOO_LONG = `${'a'.repeat(244)}@example.com`;
  it.each<[string, unknown, [string][]]>([
    ['an empty e-mail', { email: '' }, [['email => This value should not be blank.']]],
    ['a null e-mail', { email: null }, [['email => This value should not be blank.']]],
    ['no e-mail', {}, [['email => This field is missing.']]],
    ['no e-mail, other attributes', { username: 'x' }, [['email => This field is missing.']]],
    ['not an address', { email: 'xyz' }, [['email => This value is not a valid email address.']]],
    [
      'no dot after the @',
      { email: 'a@b' },
      [['email => This value is not a valid email address.']],
    ],
    [
      'a space after the @',
      { email: 'a@b c.de' },
      [['email => This value is not a valid email address.']],
    ],
    ['a number', { email: 12 }, [['email => This value is not a valid email address.']]],
    ['a list', { email: ['a@b.de'] }, [['email => This value is not a valid email address.']]],
    [
      '256 characters',
      { email: TOO_LONG },
      [['email => This value is too long. It should have 255 characters or less.']],
    ],
    [
      '256 characters, not an address',
      { email: 'a'.repeat(256) },
      [
        ['email => This value is not a valid email address.'],
        ['email => This value is too long. It should have 255 characters or less.'],
      ],
    ],
  ])('refuses %s with 422 901', async (_name, attributes, details) => {
    const before = snapshot(t.glue);
    expect(await statusAndBody(await forgotten(attributes))).toEqual({
      status: 422,
      body: { errors: details.map(([detail]) => ({ code: '901', status: 422, detail })) },
    });
    expect(snapshot(t.glue)).toBe(before);
  });

  it('takes 255 characters', async () => {
    expect(TOO_LONG.length).toBe(256);
    expect((await forgotten({ email: TOO_LONG.slice(1) })).status).toBe(204);
  });

  it('refuses another type with 400 Invalid type.', async () => {
    expect(
      await statusAndBody(
        await t.post(`/${TYPE}`, document('customers', { email: 'sonia@acme.com' })),
      ),
    ).toEqual({ status: 400, body: { errors: [{ status: 400, detail: 'Invalid type.' }] } });
  });

  it.each([
    ['not JSON', '{'],
    ['no data', '{}'],
    ['no type', JSON.stringify({ data: { attributes: { email: 'sonia@acme.com' } } })],
    ['no attributes', JSON.stringify({ data: { type: TYPE } })],
  ])('refuses a body with %s: 400 Post data is invalid.', async (_name, body) => {
    expect(await statusAndBody(await t.post(`/${TYPE}`, body))).toEqual({
      status: 400,
      body: errorBody(null, 400, 'Post data is invalid.'),
    });
  });
});

describe('POST /customer-forgotten-password in the impersonation audit trail', () => {
  const auditRows = (): unknown[] =>
    t.glue.db
      .prepare(
        `SELECT session_id, method, resource, cart_uuid, sku, success, status, error_code
         FROM impersonation_audit ORDER BY id`,
      )
      .all();

  it('records the restore mail an agent asks for through an impersonation token, refusals too', async () => {
    const { accessToken } = await signInAsCustomerThroughAgent(t);
    const agent = bearer(accessToken);
    expect((await forgotten({ email: 'sonia@acme.com' }, agent)).status).toBe(204);
    expect((await forgotten({ email: 'xyz' }, agent)).status).toBe(422);
    const row = { session_id: 1, method: 'POST', resource: TYPE, cart_uuid: null, sku: null };
    expect(auditRows()).toEqual([
      { ...row, success: 1, status: 204, error_code: null },
      { ...row, success: 0, status: 422, error_code: '901' },
    ]);
    const sessions = await t.send('GET', '/agent-impersonation-sessions', {
      headers: bearer((await signInAgent(t)).accessToken),
    });
    const body = (await sessions.json()) as {
      data: { attributes: { changes: Record<string, unknown>[] } }[];
    };
    // A restore-mail row has the keys of every change and no others.
    expect(JSON.stringify(body.data[0]?.attributes.changes[0])).toBe(
      JSON.stringify({
        at: new Date(t.now() * 1000).toISOString(),
        method: 'POST',
        resource: TYPE,
        cartId: null,
        cartName: null,
        sku: null,
        quantityBefore: null,
        quantityAfter: null,
        success: true,
        status: 204,
        errorCode: null,
        orderReference: null,
        code: null,
      }),
    );
  });

  it.each([
    ['no token', () => Promise.resolve(null)],
    ['a customer token', () => signInCustomer(t)],
    ['an agent token', () => signInAgent(t)],
  ])('records nothing with %s', async (_name, signIn) => {
    const pair = await signIn();
    const headers = pair === null ? {} : bearer(pair.accessToken);
    expect((await forgotten({ email: 'sonia@acme.com' }, headers)).status).toBe(204);
    expect((await forgotten({ email: '' }, headers)).status).toBe(422);
    expect(auditRows()).toEqual([]);
  });

  it('records nothing with an invalid token, and still answers 204', async () => {
    expect((await forgotten({ email: 'sonia@acme.com' }, bearer('garbage'))).status).toBe(204);
    expect(auditRows()).toEqual([]);
  });
});
