import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  START_SECONDS,
  bearer,
  document,
  errorBody,
  makeTestGlue,
  signInAgent,
  signInAsCustomerThroughAgent,
  signInCustomer,
  signInCustomerWith,
  snapshot,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';
import { CAMERA, CANON } from '../checkout/checkout-fixtures';
import { deliveredOrder, returnRequest } from './return-fixtures';
import type { OrderItem } from './return-fixtures';

const CANT_CREATE = errorBody('3601', 422, "Return can't be created.");
const NOT_FOUND = errorBody('3602', 404, "Can't find return by the given return reference.");

let t: TestGlue;
let headers: Record<string, string>;

beforeEach(async () => {
  t = await makeTestGlue();
  headers = bearer((await signInCustomer(t)).accessToken);
});

afterEach(() => t.close());

async function ordersOf(
  auth: Record<string, string>,
): Promise<{ id: string; items: OrderItem[] }[]> {
  const list = (await (await t.send('GET', '/orders', { headers: auth })).json()) as {
    data: { id: string }[];
  };
  return Promise.all(
    list.data.map(async ({ id }) => {
      const order = (await (await t.send('GET', `/orders/${id}`, { headers: auth })).json()) as {
        data: { attributes: { items: OrderItem[] } };
      };
      return { id, items: order.data.attributes.items };
    }),
  );
}

describe('§12 returns', () => {
  it('the newest order is returnable, older ones are not', async () => {
    const orders = await ordersOf(headers);
    expect(orders.length).toBeGreaterThanOrEqual(2);
    const newest = orders.at(-1);
    expect(newest?.items.every((item) => item.isReturnable && item.state === 'delivered')).toBe(
      true,
    );
    for (const order of orders.slice(0, -1)) {
      expect(order.items.some((item) => item.isReturnable)).toBe(false);
    }
  });

  it('creates a return, reads it, lists it; the item turns waiting for return, not returnable', async () => {
    const newest = (await ordersOf(headers)).at(-1);
    const item = newest?.items[0];
    if (newest === undefined || item === undefined) throw new Error('no order');
    const created = await t.post(
      '/returns',
      returnRequest([{ salesOrderItemUuid: item.uuid, reason: 'Damaged' }]),
      { headers },
    );
    const want = {
      type: 'returns',
      id: 'DE--21-R1',
      attributes: {
        returnReference: 'DE--21-R1',
        store: 'DE',
        customerReference: 'DE--21',
        returnTotals: { refundTotal: 0, remunerationTotal: item.refundableAmount },
      },
      links: { self: 'http://glue.test/returns/DE--21-R1' },
    };
    expect(await statusAndBody(created)).toEqual({ status: 201, body: { data: want } });
    expect(await statusAndBody(await t.send('GET', '/returns/DE--21-R1', { headers }))).toEqual({
      status: 200,
      body: { data: want },
    });
    expect(await statusAndBody(await t.send('GET', '/returns', { headers }))).toEqual({
      status: 200,
      body: { data: [want], links: { self: 'http://glue.test/returns' } },
    });
    const after = (await ordersOf(headers)).at(-1)?.items[0];
    expect(after).toMatchObject({ state: 'waiting for return', isReturnable: false });
    // The same item again: already returned.
    expect(
      await statusAndBody(
        await t.post('/returns', returnRequest([{ salesOrderItemUuid: item.uuid }]), { headers }),
      ),
    ).toEqual({ status: 422, body: CANT_CREATE });
  });

  it('an impersonation token acts as the customer', async () => {
    const auth = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    const item = (await ordersOf(auth)).at(-1)?.items[0];
    if (item === undefined) throw new Error('no item');
    const response = await t.post('/returns', returnRequest([{ salesOrderItemUuid: item.uuid }]), {
      headers: auth,
    });
    expect(response.status).toBe(201);
  });

  it.each<[string, (uuids: { returnable: string; old: string; other: string }) => unknown]>([
    ['an unknown uuid', () => returnRequest([{ salesOrderItemUuid: 'nope' }])],
    ['an empty uuid', () => returnRequest([{ salesOrderItemUuid: '' }])],
    ['no uuid', () => returnRequest([{ reason: 'Damaged' }])],
    ['another customer’s item', (u) => returnRequest([{ salesOrderItemUuid: u.other }])],
    ['an item of an old order', (u) => returnRequest([{ salesOrderItemUuid: u.old }])],
    [
      'one good and one old item',
      (u) => returnRequest([{ salesOrderItemUuid: u.returnable }, { salesOrderItemUuid: u.old }]),
    ],
    [
      'the same item twice',
      (u) =>
        returnRequest([{ salesOrderItemUuid: u.returnable }, { salesOrderItemUuid: u.returnable }]),
    ],
    ['an unknown store', (u) => returnRequest([{ salesOrderItemUuid: u.returnable }], 'XX')],
    ['returnItems not a list', () => returnRequest('abc')],
  ])('refuses %s with 422 3601, creating nothing', async (_name, body) => {
    const orders = await ordersOf(headers);
    const returnable = orders.at(-1)?.items[0]?.uuid ?? '';
    const old = orders[0]?.items[0]?.uuid ?? '';
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    const other = (await ordersOf(bill)).at(-1)?.items[0]?.uuid ?? '';
    const before = snapshot(t.glue);
    expect(
      await statusAndBody(await t.post('/returns', body({ returnable, old, other }), { headers })),
    ).toEqual({ status: 422, body: CANT_CREATE });
    expect(snapshot(t.glue)).toBe(before);
  });

  it.each<[string, unknown, string[]]>([
    [
      'no store',
      { returnItems: [{ salesOrderItemUuid: 'x' }] },
      ['store => This value should not be blank.'],
    ],
    [
      'a blank store',
      { store: '', returnItems: [{ salesOrderItemUuid: 'x' }] },
      ['store => This value should not be blank.'],
    ],
    ['no returnItems', { store: 'DE' }, ['returnItems => This value should not be blank.']],
    [
      'empty returnItems',
      { store: 'DE', returnItems: [] },
      ['returnItems => This value should not be blank.'],
    ],
    [
      'neither',
      {},
      [
        'store => This value should not be blank.',
        'returnItems => This value should not be blank.',
      ],
    ],
  ])('refuses %s with 422 901', async (_name, attributes, details) => {
    expect(
      await statusAndBody(await t.post('/returns', document('returns', attributes), { headers })),
    ).toEqual({
      status: 422,
      body: { errors: details.map((detail) => ({ code: '901', status: 422, detail })) },
    });
  });

  it('answers 404 3602 for an unknown return and for another customer’s', async () => {
    const item = (await ordersOf(headers)).at(-1)?.items[0];
    await t.post('/returns', returnRequest([{ salesOrderItemUuid: item?.uuid ?? '' }]), {
      headers,
    });
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    for (const [auth, reference] of [
      [headers, 'DE--21-R2'],
      [bill, 'DE--21-R1'],
    ] as const) {
      expect(
        await statusAndBody(await t.send('GET', `/returns/${reference}`, { headers: auth })),
      ).toEqual({ status: 404, body: NOT_FOUND });
    }
    expect(await statusAndBody(await t.send('GET', '/returns', { headers: bill }))).toEqual({
      status: 200,
      body: { data: [], links: { self: 'http://glue.test/returns' } },
    });
  });

  it('pages the list when asked to', async () => {
    const items = (await ordersOf(headers)).at(-1)?.items ?? [];
    for (const item of items) {
      await t.post('/returns', returnRequest([{ salesOrderItemUuid: item.uuid }]), { headers });
    }
    const { body } = await statusAndBody(
      await t.send('GET', '/returns?page[offset]=0&page[limit]=1', { headers }),
    );
    expect(body).toMatchObject({
      data: [{ id: 'DE--21-R1' }],
      links: {
        first: 'http://glue.test/returns?page[offset]=0&page[limit]=1',
        last: `http://glue.test/returns?page[offset]=${items.length - 1}&page[limit]=1`,
      },
    });
  });

  it('needs a token: 403 002 without, 401 001 with an invalid one', async () => {
    expect(await statusAndBody(await t.send('GET', '/returns'))).toEqual({
      status: 403,
      body: errorBody('002', 403, 'Missing access token.'),
    });
    expect(
      await statusAndBody(await t.send('GET', '/returns', { headers: bearer('garbage') })),
    ).toEqual({ status: 401, body: errorBody('001', 401, 'Invalid access token.') });
  });
});

describe('§12 returns with their items and order items included', () => {
  const BASE = 'http://glue.test';

  /** Two returns of a delivered order: R1 its first item (a reason), R2 its second (none). */
  async function twoReturns(): Promise<{ orderReference: string; items: OrderItem[] }> {
    const order = await deliveredOrder(t, headers);
    const [first, second] = order.items;
    if (first === undefined || second === undefined) throw new Error('two items wanted');
    const made = [
      await t.post(
        '/returns',
        returnRequest([{ salesOrderItemUuid: first.uuid, reason: 'Damaged' }]),
        {
          headers,
        },
      ),
      await t.post('/returns', returnRequest([{ salesOrderItemUuid: second.uuid }]), { headers }),
    ];
    expect(made.map((response) => response.status)).toEqual([201, 201]);
    return order;
  }

  /** The order's items as GET /orders/{ref} answers them now: what `order-items` carry. */
  async function orderItemsNow(orderReference: string): Promise<Record<string, unknown>[]> {
    const order = await t.send('GET', `/orders/${orderReference}`, { headers });
    return ((await order.json()) as { data: { attributes: { items: Record<string, unknown>[] } } })
      .data.attributes.items;
  }

  /** The return item's UUID, by the return and the order item it returns. */
  function returnItemUuid(reference: string, orderItemUuid: string): string {
    return (
      t.glue.db
        .prepare<[string, string], string>(
          `SELECT ri.uuid FROM return_items AS ri JOIN returns AS r ON r.id = ri.return_id
           JOIN order_items AS i ON i.id = ri.order_item_id
           WHERE r.return_reference = ? AND i.uuid = ?`,
        )
        .pluck()
        .get(reference, orderItemUuid) ?? ''
    );
  }

  function returnItem(reference: string, orderItemUuid: string, reason: string | null) {
    const uuid = returnItemUuid(reference, orderItemUuid);
    return {
      type: 'return-items',
      id: uuid,
      attributes: { uuid, reason, orderItemUuid },
      links: { self: `${BASE}/returns/${reference}/return-items/${uuid}` },
    };
  }

  function orderItem(orderReference: string, attributes: Record<string, unknown>) {
    const uuid = attributes.uuid as string;
    return {
      type: 'order-items',
      id: uuid,
      attributes,
      links: { self: `${BASE}/orders/${orderReference}/order-items/${uuid}` },
    };
  }

  /** The return resource, its self link with the request's query (§1), relating its items. */
  function returnData(reference: string, query: string, items: { id: string }[]) {
    return {
      type: 'returns',
      id: reference,
      attributes: expect.objectContaining({ returnReference: reference }) as unknown,
      relationships: {
        'return-items': { data: items.map(({ id }) => ({ type: 'return-items', id })) },
      },
      links: { self: `${BASE}/returns/${reference}?${query}` },
    };
  }

  it('GET /returns/{ref}?include=return-items: the return relates its items, included with their own links', async () => {
    const { items } = await twoReturns();
    const item = returnItem('DE--21-R1', items[0]?.uuid ?? '', 'Damaged');
    expect(
      await statusAndBody(
        await t.send('GET', '/returns/DE--21-R1?include=return-items', { headers }),
      ),
    ).toEqual({
      status: 200,
      body: { data: returnData('DE--21-R1', 'include=return-items', [item]), included: [item] },
    });
  });

  it('GET /returns/{ref}?include=return-items,order-items: each item relates its order item, included before it', async () => {
    const { orderReference, items } = await twoReturns();
    const [first] = await orderItemsNow(orderReference);
    expect(first).toMatchObject({ uuid: items[0]?.uuid, state: 'waiting for return' });
    const item = {
      ...returnItem('DE--21-R1', items[0]?.uuid ?? '', 'Damaged'),
      relationships: { 'order-items': { data: [{ type: 'order-items', id: items[0]?.uuid }] } },
    };
    // Glue's key order on a resource: type, id, attributes, relationships, links.
    const { links, ...rest } = item;
    const query = 'include=return-items,order-items';
    const answer = await statusAndBody(
      await t.send('GET', `/returns/DE--21-R1?${query}`, { headers }),
    );
    expect(answer).toEqual({
      status: 200,
      body: {
        data: returnData('DE--21-R1', query, [item]),
        included: [orderItem(orderReference, first ?? {}), { ...rest, links }],
      },
    });
    expect(JSON.stringify((answer.body as { included: unknown[] }).included[1])).toBe(
      JSON.stringify({ ...rest, links }),
    );
  });

  it('GET /returns?include=return-items,order-items: every return’s items, each after its order item, in the returns’ order', async () => {
    const { orderReference, items } = await twoReturns();
    const now = await orderItemsNow(orderReference);
    const query = 'include=return-items,order-items';
    const related = (reference: string, index: number, reason: string | null) => ({
      ...returnItem(reference, items[index]?.uuid ?? '', reason),
      relationships: {
        'order-items': { data: [{ type: 'order-items', id: items[index]?.uuid }] },
      },
    });
    const r1 = related('DE--21-R1', 0, 'Damaged');
    const r2 = related('DE--21-R2', 1, null);
    expect(await statusAndBody(await t.send('GET', `/returns?${query}`, { headers }))).toEqual({
      status: 200,
      body: {
        data: [returnData('DE--21-R1', query, [r1]), returnData('DE--21-R2', query, [r2])],
        links: { self: `${BASE}/returns?${query}` },
        included: [
          orderItem(orderReference, now[0] ?? {}),
          r1,
          orderItem(orderReference, now[1] ?? {}),
          r2,
        ],
      },
    });
  });

  it('POST /returns?include=return-items,order-items answers the new return with its items and order items', async () => {
    const { orderReference, items } = await deliveredOrder(t, headers);
    const uuids = items.map((item) => item.uuid);
    const query = 'include=return-items,order-items';
    const created = await t.post(
      `/returns?${query}`,
      returnRequest(uuids.map((uuid) => ({ salesOrderItemUuid: uuid, reason: 'Wrong Item' }))),
      { headers },
    );
    const now = await orderItemsNow(orderReference);
    const related = uuids.map((uuid) => ({
      ...returnItem('DE--21-R1', uuid, 'Wrong Item'),
      relationships: { 'order-items': { data: [{ type: 'order-items', id: uuid }] } },
    }));
    expect(await statusAndBody(created)).toEqual({
      status: 201,
      body: {
        data: returnData('DE--21-R1', query, related),
        included: related.flatMap((item, index) => [
          orderItem(orderReference, now[index] ?? {}),
          item,
        ]),
      },
    });
  });

  it.each([
    ['order-items alone: the items are not loaded, so neither are theirs', 'include=order-items'],
    ['an empty include', 'include='],
  ])('includes nothing for %s', async (_name, query) => {
    await twoReturns();
    const { body } = await statusAndBody(
      await t.send('GET', `/returns/DE--21-R1?${query}`, { headers }),
    );
    expect(body).toEqual({
      data: {
        type: 'returns',
        id: 'DE--21-R1',
        attributes: expect.objectContaining({ returnReference: 'DE--21-R1' }) as unknown,
        links: { self: `${BASE}/returns/DE--21-R1?${query}` },
      },
    });
  });
});

describe('§12 returns in the impersonation audit trail', () => {
  /** The changes of the newest impersonation session, as GET /agent-impersonation-sessions answers. */
  async function auditedChanges(): Promise<Record<string, unknown>[]> {
    const agent = bearer((await signInAgent(t)).accessToken);
    const response = await t.send('GET', '/agent-impersonation-sessions', { headers: agent });
    const body = (await response.json()) as {
      data: { attributes: { changes: Record<string, unknown>[] } }[];
    };
    return body.data[0]?.attributes.changes ?? [];
  }

  const returnRow = (fields: Record<string, unknown>): Record<string, unknown> => ({
    at: new Date(START_SECONDS * 1000).toISOString(),
    method: 'POST',
    resource: 'returns',
    cartId: null,
    cartName: null,
    sku: null,
    quantityBefore: null,
    quantityAfter: null,
    success: true,
    status: 201,
    errorCode: null,
    orderReference: null,
    code: null,
    returnReference: null,
    ...fields,
  });

  it('records a return an agent makes, with its reference, its order and its one SKU, keys in order', async () => {
    const auth = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    const { orderReference, items } = await deliveredOrder(t, auth, [[CANON, 1]]);
    const uuid = items[0]?.uuid ?? '';
    const made = await t.post('/returns', returnRequest([{ salesOrderItemUuid: uuid }]), {
      headers: auth,
    });
    expect(made.status).toBe(201);
    const [row] = (await auditedChanges()).filter((change) => change.resource === 'returns');
    // Byte for byte: a return row carries every key a change has, then returnReference.
    expect(JSON.stringify(row)).toBe(
      JSON.stringify(returnRow({ sku: CANON, orderReference, returnReference: 'DE--21-R1' })),
    );
  });

  it('names no SKU for a return of several items, and the orders they came from', async () => {
    const auth = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    const first = await deliveredOrder(t, auth, [[CANON, 1]]);
    const second = await deliveredOrder(t, auth, [[CAMERA, 2]]);
    const uuids = [...first.items, ...second.items].map((item) => ({
      salesOrderItemUuid: item.uuid,
      reason: 'Damaged',
    }));
    expect((await t.post('/returns', returnRequest(uuids), { headers: auth })).status).toBe(201);
    const rows = (await auditedChanges()).filter((change) => change.resource === 'returns');
    expect(rows).toEqual([
      returnRow({
        orderReference: `${first.orderReference},${second.orderReference}`,
        returnReference: 'DE--21-R1',
      }),
    ]);
  });

  it('records a refused return with its status and code, and no reference', async () => {
    const auth = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    const orders = await ordersOf(auth);
    const old = orders[0];
    const oldItem = old?.items[0];
    if (old === undefined || oldItem === undefined) throw new Error('no old order');
    const refused = await t.post(
      '/returns',
      returnRequest([{ salesOrderItemUuid: oldItem.uuid }]),
      { headers: auth },
    );
    expect(refused.status).toBe(422);
    const blank = await t.post('/returns', document('returns', { store: 'DE' }), {
      headers: auth,
    });
    expect(blank.status).toBe(422);
    const unknown = await t.post('/returns', returnRequest([{ salesOrderItemUuid: 'nope' }]), {
      headers: auth,
    });
    expect(unknown.status).toBe(422);
    const failed = { success: false, status: 422 };
    expect((await auditedChanges()).filter((change) => change.resource === 'returns')).toEqual([
      returnRow({
        ...failed,
        errorCode: '3601',
        sku: oldItem.sku,
        orderReference: old.id,
      }),
      returnRow({ ...failed, errorCode: '901' }),
      // An item that is not the customer's names no order and no SKU.
      returnRow({ ...failed, errorCode: '3601' }),
    ]);
  });

  it('records nothing of a return the customer makes with their own token', async () => {
    const item = (await ordersOf(headers)).at(-1)?.items[0];
    if (item === undefined) throw new Error('no item');
    const made = await t.post('/returns', returnRequest([{ salesOrderItemUuid: item.uuid }]), {
      headers,
    });
    expect(made.status).toBe(201);
    const refused = await t.post('/returns', returnRequest([{ salesOrderItemUuid: 'nope' }]), {
      headers,
    });
    expect(refused.status).toBe(422);
    expect(t.glue.db.prepare('SELECT count(*) FROM impersonation_audit').pluck().get()).toBe(0);
  });
});
