import { jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CUSTOMER,
  START_SECONDS,
  document,
  errorBody,
  makeTestGlue,
  snapshot,
} from '../../platform/test-support';
import type { TestGlue, TokenDocument } from '../../platform/test-support';

const TYPE = 'access-tokens';
const FAILED = errorBody('003', 401, 'Failed to authenticate user.');

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

const signIn = (attributes: unknown): Promise<Response> =>
  t.post(`/${TYPE}`, document(TYPE, attributes));

describe('POST /access-tokens', () => {
  it('signs sonia@acme.com in with a customer token', async () => {
    const response = await signIn(CUSTOMER);
    expect(response.status).toBe(201);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    const body = (await response.json()) as TokenDocument;
    expect(body.data).toMatchObject({
      type: 'access-tokens',
      id: null,
      attributes: { tokenType: 'Bearer', expiresIn: 28800 },
      links: { self: 'http://glue.test/access-tokens' },
    });
    expect(body.data.attributes.refreshToken).toMatch(/^def50200[0-9a-f]{128}$/);
    const { payload, protectedHeader } = await jwtVerify(
      body.data.attributes.accessToken,
      t.publicKey(),
      {
        currentDate: new Date(START_SECONDS * 1000),
      },
    );
    expect(protectedHeader).toEqual({ typ: 'JWT', alg: 'RS256' });
    expect(payload.sub).toBe(
      '{"id_company_user":null,"id_agent":null,"customer_reference":"DE--21","id_customer":21,"permissions":null}',
    );
    expect(payload.scopes).toEqual(['customer']);
    expect(payload.aud).toBe('frontend');
  });

  it('signs in the first demo customer as DE--1', async () => {
    const response = await signIn({ username: 'spencor.hopkin@acme.com', password: 'change123' });
    const body = (await response.json()) as TokenDocument;
    const { payload } = await jwtVerify(body.data.attributes.accessToken, t.publicKey(), {
      currentDate: new Date(START_SECONDS * 1000),
    });
    expect(JSON.parse(payload.sub ?? '')).toMatchObject({
      customer_reference: 'DE--1',
      id_customer: 1,
    });
  });

  it.each([
    ['a wrong password', { username: CUSTOMER.username, password: 'change124' }],
    ['an unknown e-mail', { username: 'nobody@acme.com', password: 'change123' }],
    ['the agent', { username: 'admin@spryker.com', password: 'change123' }],
    ['an empty username', { username: '', password: 'change123' }],
    ['an empty password', { username: CUSTOMER.username, password: '' }],
    ['a missing password', { username: CUSTOMER.username }],
    ['empty attributes', {}],
    ['a numeric password', { username: CUSTOMER.username, password: 123 }],
    ['an object username', { username: { email: CUSTOMER.username }, password: 'change123' }],
  ])('answers 401 003 for %s', async (_name, attributes) => {
    const response = await signIn(attributes);
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Access to shop API"');
    expect(await response.json()).toEqual(FAILED);
  });

  it('answers 400 Invalid type. for another type', async () => {
    const response = await t.post(`/${TYPE}`, document('agent-access-tokens', CUSTOMER));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(errorBody(null, 400, 'Invalid type.'));
  });

  it('does not lock customers out (the agent lockout is for agents only)', async () => {
    for (let i = 0; i < 10; i++) await signIn({ username: CUSTOMER.username, password: 'x' });
    expect((await signIn(CUSTOMER)).status).toBe(201);
  });

  it('stores nothing when it refuses', async () => {
    const before = snapshot(t.glue);
    await signIn({ username: CUSTOMER.username, password: 'x' });
    expect(snapshot(t.glue)).toBe(before);
  });
});
