import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  errorBody,
  makeTestGlue,
  signInAsCustomerThroughAgent,
  signInCustomer,
  signInCustomerWith,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

const CUSTOMER_NOT_FOUND = errorBody('402', 404, 'Customer not found.');

const SONIA = {
  type: 'customers',
  id: 'DE--21',
  attributes: {
    firstName: 'Sonia',
    lastName: 'Wagner',
    email: 'sonia@acme.com',
    gender: 'Female',
    dateOfBirth: null,
    salutation: 'Ms',
    createdAt: '2020-06-24 00:00:00.000000',
    updatedAt: '2020-06-24 00:00:00.000000',
  },
  links: { self: 'http://glue.test/customers/DE--21' },
};

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

describe('GET /customers/{customerReference}', () => {
  it('answers the customer’s own profile to their own token', async () => {
    const { accessToken } = await signInCustomer(t);
    const response = await t.send('GET', '/customers/DE--21', { headers: bearer(accessToken) });
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    const body = await statusAndBody(response);
    expect(body).toEqual({ status: 200, body: { data: SONIA } });
    expect(Object.keys((body.body as { data: typeof SONIA }).data.attributes)).toEqual([
      'firstName',
      'lastName',
      'email',
      'gender',
      'dateOfBirth',
      'salutation',
      'createdAt',
      'updatedAt',
    ]);
  });

  it('answers the same to an impersonation token for that customer', async () => {
    const { accessToken } = await signInAsCustomerThroughAgent(t);
    expect(
      await statusAndBody(
        await t.send('GET', '/customers/DE--21', { headers: bearer(accessToken) }),
      ),
    ).toEqual({ status: 200, body: { data: SONIA } });
  });

  it('shows another demo customer their own profile', async () => {
    const { accessToken } = await signInCustomerWith(t, 'bill.martin@acme.com');
    const { body } = await statusAndBody(
      await t.send('GET', '/customers/DE--4', { headers: bearer(accessToken) }),
    );
    expect(body).toMatchObject({
      data: {
        id: 'DE--4',
        attributes: { firstName: 'Bill', lastName: 'Martin', salutation: 'Mr', gender: 'Male' },
      },
    });
  });

  it.each([
    ['another customer’s reference', 'DE--4'],
    ['an unknown reference', 'DE--999'],
    ['its own reference in another letter case', 'de--21'],
  ])('answers 404 402 for %s', async (_name, reference) => {
    for (const { accessToken } of [
      await signInCustomer(t),
      await signInAsCustomerThroughAgent(t),
    ]) {
      const response = await t.send('GET', `/customers/${reference}`, {
        headers: bearer(accessToken),
      });
      expect(await statusAndBody(response)).toEqual({ status: 404, body: CUSTOMER_NOT_FOUND });
    }
  });

  it('does not let an impersonation token for one customer read another', async () => {
    const { accessToken } = await signInAsCustomerThroughAgent(t, 'DE--4');
    expect(
      (await t.send('GET', '/customers/DE--21', { headers: bearer(accessToken) })).status,
    ).toBe(404);
    expect((await t.send('GET', '/customers/DE--4', { headers: bearer(accessToken) })).status).toBe(
      200,
    );
  });
});

describe('GET /customers', () => {
  it('answers the caller’s own profile as a collection of one', async () => {
    const { accessToken } = await signInAsCustomerThroughAgent(t);
    expect(
      await statusAndBody(await t.send('GET', '/customers', { headers: bearer(accessToken) })),
    ).toEqual({
      status: 200,
      body: { data: [SONIA], links: { self: 'http://glue.test/customers' } },
    });
  });
});
