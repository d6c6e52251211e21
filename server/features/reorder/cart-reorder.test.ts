import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  document,
  makeTestGlue,
  signInAsCustomerThroughAgent,
  signInCustomer,
  snapshot,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

// Contract §14: release 202410 has no reorder endpoint, so the console reorders with the cart
// endpoints; the stand-in answers the newer release's path as 202410 does, and changes nothing.
const REORDER = document('cart-reorder', { orderReference: 'DE--1', reorderStrategy: 'new' });

let t: TestGlue;
beforeEach(async () => {
  t = await makeTestGlue();
});
afterEach(() => t.close());

describe('POST /cart-reorder (§14: not in 202410)', () => {
  it.each([
    ['the customer’s own token', async () => (await signInCustomer(t)).accessToken],
    ['an impersonation token', async () => (await signInAsCustomerThroughAgent(t)).accessToken],
    ['no token', () => Promise.resolve(null)],
  ])('answers 404 Not Found with %s, and changes nothing', async (_name, tokenOf) => {
    const token = await tokenOf();
    const before = snapshot(t.glue);
    const response = await t.post('/cart-reorder', REORDER, {
      headers: token === null ? {} : bearer(token),
    });
    expect(await statusAndBody(response)).toEqual({
      status: 404,
      body: { errors: [{ status: 404, detail: 'Not Found' }] },
    });
    expect(snapshot(t.glue)).toBe(before);
  });
});
