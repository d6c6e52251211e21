import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  START_SECONDS,
  addItem,
  bearer,
  createCart,
  document,
  makeTestGlue,
  patch,
  signInAsCustomerThroughAgent,
  signInCustomer,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

interface AuditRow {
  id: number;
  session_id: number;
  id_agent: number;
  id_customer: number;
  method: string;
  resource: string;
  cart_uuid: string | null;
  cart_name: string | null;
  sku: string | null;
  quantity_before: number | null;
  quantity_after: number | null;
  order_reference: string | null;
  code: string | null;
  wishlist_uuid: string | null;
  wishlist_name: string | null;
  success: number;
  status: number;
  error_code: string | null;
  created_at: number;
}

const CANON = '005_30663301';

let t: TestGlue;

beforeEach(async () => {
  t = await makeTestGlue();
});

afterEach(() => t.close());

const rows = (): Omit<AuditRow, 'id'>[] =>
  t.glue.db
    .prepare<[], AuditRow>('SELECT * FROM impersonation_audit ORDER BY id')
    .all()
    .map(({ id: _id, ...row }) => row);

const sessionIds = (): number[] =>
  t.glue.db.prepare<[], number>('SELECT id FROM impersonation_sessions ORDER BY id').pluck().all();

describe('the impersonation audit trail', () => {
  it('records every change made with an impersonation token, tied to its session', async () => {
    const agent = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    const [sessionId] = sessionIds();
    const cartId = await createCart(t, agent, { name: 'For Sonia' });
    t.advance(5);
    await addItem(t, agent, cartId, { sku: CANON, quantity: 3 });
    await addItem(t, agent, cartId, { sku: CANON, quantity: '2' });
    await patch(t, `/carts/${cartId}/items/${CANON}`, document('items', { quantity: 1 }), agent);
    await t.send('DELETE', `/carts/${cartId}/items/${CANON}`, { headers: agent });
    await t.send('DELETE', `/carts/${cartId}`, { headers: agent });
    const common = {
      session_id: sessionId,
      id_agent: 1,
      id_customer: 21,
      cart_uuid: cartId,
      cart_name: 'For Sonia',
      order_reference: null,
      code: null,
      wishlist_uuid: null,
      wishlist_name: null,
      return_reference: null,
      success: 1,
      error_code: null,
    };
    expect(rows()).toEqual([
      {
        ...common,
        method: 'POST',
        resource: 'carts',
        sku: null,
        quantity_before: null,
        quantity_after: null,
        status: 201,
        created_at: START_SECONDS,
      },
      {
        ...common,
        method: 'POST',
        resource: 'items',
        sku: CANON,
        quantity_before: null,
        quantity_after: 3,
        status: 201,
        created_at: START_SECONDS + 5,
      },
      {
        ...common,
        method: 'POST',
        resource: 'items',
        sku: CANON,
        quantity_before: 3,
        quantity_after: 5,
        status: 201,
        created_at: START_SECONDS + 5,
      },
      {
        ...common,
        method: 'PATCH',
        resource: 'items',
        sku: CANON,
        quantity_before: 5,
        quantity_after: 1,
        status: 200,
        created_at: START_SECONDS + 5,
      },
      {
        ...common,
        method: 'DELETE',
        resource: 'items',
        sku: CANON,
        quantity_before: 1,
        quantity_after: null,
        status: 204,
        created_at: START_SECONDS + 5,
      },
      {
        ...common,
        method: 'DELETE',
        resource: 'carts',
        sku: null,
        quantity_before: null,
        quantity_after: null,
        status: 204,
        created_at: START_SECONDS + 5,
      },
    ]);
  });

  it('records failed attempts as failed, with the answer’s status and code', async () => {
    const agent = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    const cartId = await createCart(t, agent);
    await addItem(t, agent, cartId, { sku: 'nope', quantity: 1 });
    await addItem(t, agent, 'no-such-cart', { sku: CANON, quantity: 1 });
    await addItem(t, agent, cartId, { sku: CANON, quantity: 0 });
    await patch(t, `/carts/${cartId}/items/${CANON}`, document('items', { quantity: 2 }), agent);
    await t.post('/carts', document('carts', { name: 'Bad', priceMode: 'X' }), { headers: agent });
    await t.send('DELETE', '/carts/no-such-cart', { headers: agent });
    await t.post(`/carts/${cartId}/items`, '{"data":', { headers: agent });
    expect(
      rows()
        .slice(1)
        .map((row) => [
          row.method,
          row.resource,
          row.cart_uuid,
          row.cart_name,
          row.sku,
          row.success,
          row.status,
          row.error_code,
        ]),
    ).toEqual([
      ['POST', 'items', cartId, null, 'nope', 0, 422, '102'],
      ['POST', 'items', 'no-such-cart', null, CANON, 0, 404, '101'],
      ['POST', 'items', cartId, null, CANON, 0, 422, '901'],
      ['PATCH', 'items', cartId, null, CANON, 0, 404, '103'],
      ['POST', 'carts', null, 'Bad', null, 0, 422, '119,116,112'],
      ['DELETE', 'carts', 'no-such-cart', null, null, 0, 404, '101'],
      ['POST', 'items', cartId, null, null, 0, 400, null],
    ]);
  });

  it('keeps sessions apart, and records nothing for the customer’s own token or for reads', async () => {
    const first = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    const second = bearer((await signInAsCustomerThroughAgent(t, 'DE--4')).accessToken);
    const sonia = bearer((await signInCustomer(t)).accessToken);
    const cartId = await createCart(t, first);
    await createCart(t, second);
    await addItem(t, sonia, cartId, { sku: CANON, quantity: 1 });
    await createCart(t, sonia);
    await t.send('GET', '/carts?include=items', { headers: first });
    await t.send('GET', `/carts/${cartId}`, { headers: first });
    await t.send('GET', '/orders', { headers: first });
    const [firstSession, secondSession] = sessionIds();
    expect(rows().map((row) => [row.session_id, row.id_customer, row.method])).toEqual([
      [firstSession, 21, 'POST'],
      [secondSession, 4, 'POST'],
    ]);
  });
});
