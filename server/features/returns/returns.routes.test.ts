import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  document,
  errorBody,
  makeTestGlue,
  signInAsCustomerThroughAgent,
  signInCustomer,
  signInCustomerWith,
  snapshot,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

const CANT_CREATE = errorBody('3601', 422, "Return can't be created.");
const NOT_FOUND = errorBody('3602', 404, "Can't find return by the given return reference.");

interface OrderItem {
  uuid: string;
  state: string;
  isReturnable: boolean;
  refundableAmount: number;
}

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

function returnRequest(items: unknown, store: unknown = 'DE'): unknown {
  return document('returns', { store, returnItems: items });
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

  it('two returns of the same item at once: one is created, the other is 3601', async () => {
    const item = (await ordersOf(headers)).at(-1)?.items[0];
    const body = returnRequest([{ salesOrderItemUuid: item?.uuid ?? '' }]);
    const answers = await Promise.all([
      t.post('/returns', body, { headers }),
      t.post('/returns', body, { headers }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422]);
    const count = t.glue.db.prepare('SELECT count(*) AS n FROM return_items').get();
    expect(count).toEqual({ n: 1 });
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
