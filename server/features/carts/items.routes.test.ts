import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addItem,
  bearer,
  createCart,
  document,
  errorBody,
  makeTestGlue,
  patch,
  signInAsCustomerThroughAgent,
  signInCustomer,
  signInCustomerWith,
  snapshot,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

const CART_NOT_FOUND = errorBody('101', 404, 'Cart with given uuid not found.');
const ITEM_NOT_FOUND = errorBody(
  '103',
  404,
  'Item with the given group key not found in the cart.',
);
const UUID_MISSING = errorBody('104', 400, 'Cart uuid is missing.');
const NOT_ADDED = errorBody('113', 422, 'Cart item could not be added.');
const NOT_UPDATED = errorBody('114', 422, 'Cart item could not be updated.');
const NO_ID = errorBody(null, 400, 'Resource id is not specified.');
const CANON = '005_30663301';
const LENOVO = '155_30149933';

const v = (detail: string): { code: string; status: number; detail: string } => ({
  code: '901',
  status: 422,
  detail,
});
const QUANTITY_BLANK = v('quantity => This value should not be blank.');
const QUANTITY_POSITIVE = v('quantity => This value should be greater than 0.');
const QUANTITY_NUMERIC = v('quantity => This value should be of type numeric.');
const SKU_BLANK = v('sku => This value should not be blank.');
const SKU_STRING = v('sku => This value should be of type string.');

interface CartDocument {
  data: {
    type: string;
    id: string;
    attributes: { totals: { subtotal: number; grandTotal: number; taxTotal: number } };
    relationships?: unknown;
  };
  included?: { id: string; attributes: { sku: string; quantity: number } }[];
}

let t: TestGlue;
let sonia: Record<string, string>;
let cartId: string;

beforeEach(async () => {
  t = await makeTestGlue();
  sonia = bearer((await signInCustomer(t)).accessToken);
  cartId = await createCart(t, sonia);
});

afterEach(() => t.close());

async function itemsOf(id = cartId, headers = sonia): Promise<[string, number][]> {
  const response = await t.send('GET', `/carts/${id}?include=items`, { headers });
  const body = (await response.json()) as CartDocument;
  return (body.included ?? []).map((item) => [item.attributes.sku, item.attributes.quantity]);
}

const changeQuantity = (
  sku: string,
  quantity: unknown,
  id = cartId,
  headers = sonia,
  query = '',
): Promise<Response> =>
  patch(t, `/carts/${id}/items/${sku}${query}`, document('items', { quantity }), headers);

describe('POST /carts/{id}/items', () => {
  it('answers 201 with the whole cart, without items unless asked for', async () => {
    const response = await addItem(t, sonia, cartId, { sku: CANON, quantity: 1 });
    const { status, body } = await statusAndBody(response);
    expect(status).toBe(201);
    const cart = body as CartDocument;
    expect(Object.keys(cart)).toEqual(['data']);
    expect(cart.data.type).toBe('carts');
    expect(cart.data.id).toBe(cartId);
    expect(cart.data.relationships).toBeUndefined();
    expect(cart.data.attributes.totals).toMatchObject({ subtotal: 7000, grandTotal: 7000 });
  });

  it('adds the items to included with ?include=items', async () => {
    const response = await addItem(t, sonia, cartId, { sku: CANON, quantity: 2 }, '?include=items');
    const cart = (await response.json()) as CartDocument;
    expect(cart.data.relationships).toEqual({ items: { data: [{ type: 'items', id: CANON }] } });
    expect(cart.included?.map((item) => [item.id, item.attributes.quantity])).toEqual([[CANON, 2]]);
  });

  it('takes the quantity as a numeric string, "3"', async () => {
    expect((await addItem(t, sonia, cartId, { sku: CANON, quantity: '3' })).status).toBe(201);
    expect((await addItem(t, sonia, cartId, { sku: LENOVO, quantity: ' 2 ' })).status).toBe(201);
    expect(await itemsOf()).toEqual([
      [CANON, 3],
      [LENOVO, 2],
    ]);
  });

  it('adds a SKU the cart already holds to its quantity, keeping its place', async () => {
    await addItem(t, sonia, cartId, { sku: CANON, quantity: 3 });
    await addItem(t, sonia, cartId, { sku: LENOVO, quantity: 1 });
    const response = await addItem(t, sonia, cartId, { sku: CANON, quantity: '2' });
    expect(((await response.json()) as CartDocument).data.attributes.totals.subtotal).toBe(
      5 * 7000 + 8005,
    );
    expect(await itemsOf()).toEqual([
      [CANON, 5],
      [LENOVO, 1],
    ]);
  });

  it('answers 422 102 for a SKU that is not a product, naming it, and changes nothing', async () => {
    await addItem(t, sonia, cartId, { sku: CANON, quantity: 1 });
    const before = snapshot(t.glue);
    for (const sku of ['nope', '005', '005_30663301 ', CANON.toUpperCase().replace('_', '-')]) {
      const response = await addItem(t, sonia, cartId, { sku, quantity: 1 });
      expect(await statusAndBody(response)).toEqual({
        status: 422,
        body: errorBody('102', 422, `Product "${sku}" not found`),
      });
    }
    // A number is taken as its digits, and is no SKU here either.
    const response = await addItem(t, sonia, cartId, { sku: 5, quantity: 1 });
    expect(await statusAndBody(response)).toEqual({
      status: 422,
      body: errorBody('102', 422, 'Product "5" not found'),
    });
    expect(snapshot(t.glue)).toBe(before);
  });

  it.each([
    ['0', 0, [QUANTITY_POSITIVE]],
    ['-1', -1, [QUANTITY_POSITIVE]],
    ['1.5', 1.5, [QUANTITY_POSITIVE]],
    ['"0"', '0', [QUANTITY_POSITIVE]],
    ['"-2"', '-2', [QUANTITY_POSITIVE]],
    ['"2.5"', '2.5', [QUANTITY_POSITIVE]],
    ['"abc"', 'abc', [QUANTITY_NUMERIC]],
    ['"3 apples"', '3 apples', [QUANTITY_NUMERIC]],
    ['true', true, [QUANTITY_NUMERIC]],
    ['[1]', [1], [QUANTITY_NUMERIC]],
    ['missing', undefined, [QUANTITY_BLANK]],
    ['null', null, [QUANTITY_BLANK]],
    ['""', '', [QUANTITY_BLANK]],
    ['false', false, [QUANTITY_BLANK]],
  ])(
    'answers 422 901 for the quantity %s, and changes nothing',
    async (_name, quantity, errors) => {
      const before = snapshot(t.glue);
      const response = await addItem(t, sonia, cartId, { sku: CANON, quantity });
      expect(await statusAndBody(response)).toEqual({ status: 422, body: { errors } });
      expect(snapshot(t.glue)).toBe(before);
    },
  );

  it.each([
    ['no sku', { quantity: 1 }, [SKU_BLANK]],
    ['an empty sku', { sku: '', quantity: 1 }, [SKU_BLANK]],
    ['an object as sku', { sku: { a: 1 }, quantity: 1 }, [SKU_STRING]],
    ['true as sku', { sku: true, quantity: 1 }, [SKU_STRING]],
    ['empty attributes', {}, [SKU_BLANK, QUANTITY_BLANK]],
    ['both wrong', { sku: '', quantity: 0 }, [SKU_BLANK, QUANTITY_POSITIVE]],
  ])('answers 422 901 for %s, one error per field', async (_name, attributes, errors) => {
    const response = await addItem(t, sonia, cartId, attributes);
    expect(await statusAndBody(response)).toEqual({ status: 422, body: { errors } });
  });

  it('validates the attributes before it looks for the cart', async () => {
    const response = await addItem(t, sonia, 'no-such-cart', { sku: CANON, quantity: 0 });
    expect(await statusAndBody(response)).toEqual({
      status: 422,
      body: { errors: [QUANTITY_POSITIVE] },
    });
  });

  it('answers 404 101 for an unknown cart and for another customer’s, before the SKU', async () => {
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    const bills = await createCart(t, bill);
    const before = snapshot(t.glue);
    for (const id of ['no-such-cart', bills]) {
      for (const sku of [CANON, 'nope']) {
        const response = await addItem(t, sonia, id, { sku, quantity: 1 });
        expect(await statusAndBody(response)).toEqual({ status: 404, body: CART_NOT_FOUND });
      }
    }
    expect(snapshot(t.glue)).toBe(before);
    expect(await itemsOf(bills, bill)).toEqual([]);
  });

  it('answers 400 104 when the path has no cart uuid, after checking the document', async () => {
    expect(
      await statusAndBody(
        await t.post('/carts//items', document('items', { sku: CANON, quantity: 1 }), {
          headers: sonia,
        }),
      ),
    ).toEqual({ status: 400, body: UUID_MISSING });
    expect(
      await statusAndBody(
        await t.post('/carts//items', document('items', { sku: CANON }), { headers: sonia }),
      ),
    ).toEqual({ status: 422, body: { errors: [QUANTITY_BLANK] } });
    expect(
      await statusAndBody(await t.post('/carts//items', document('carts', {}), { headers: sonia })),
    ).toEqual({ status: 400, body: errorBody(null, 400, 'Invalid type.') });
  });

  it('answers 422 113 when the line would hold more than 1,000,000 units', async () => {
    expect((await addItem(t, sonia, cartId, { sku: CANON, quantity: 999_999 })).status).toBe(201);
    const before = snapshot(t.glue);
    for (const quantity of [2, 1e30]) {
      const response = await addItem(t, sonia, cartId, { sku: CANON, quantity });
      expect(await statusAndBody(response)).toEqual({ status: 422, body: NOT_ADDED });
    }
    expect(snapshot(t.glue)).toBe(before);
    expect((await addItem(t, sonia, cartId, { sku: CANON, quantity: 1 })).status).toBe(201);
    expect(await itemsOf()).toEqual([[CANON, 1_000_000]]);
  });

  it('answers 400 for a wrong type or a body that is not a document', async () => {
    const wrongType = await t.post(`/carts/${cartId}/items`, document('carts', { sku: CANON }), {
      headers: sonia,
    });
    expect(await statusAndBody(wrongType)).toEqual({
      status: 400,
      body: errorBody(null, 400, 'Invalid type.'),
    });
    const notJson = await t.post(`/carts/${cartId}/items`, 'sku=1', { headers: sonia });
    expect(await statusAndBody(notJson)).toEqual({
      status: 400,
      body: errorBody(null, 400, 'Post data is invalid.'),
    });
  });
});

describe('PATCH /carts/{id}/items/{groupKey}', () => {
  beforeEach(async () => {
    await addItem(t, sonia, cartId, { sku: CANON, quantity: 1 });
    await addItem(t, sonia, cartId, { sku: LENOVO, quantity: 2 });
  });

  it('sets the quantity and answers 200 with the cart', async () => {
    const response = await changeQuantity(CANON, 10);
    const { status, body } = await statusAndBody(response);
    expect(status).toBe(200);
    expect((body as CartDocument).data.type).toBe('carts');
    expect((body as CartDocument).data.attributes.totals.subtotal).toBe(70000 + 16010);
    expect(Object.keys(body as object)).toEqual(['data']);
    expect(await itemsOf()).toEqual([
      [CANON, 10],
      [LENOVO, 2],
    ]);
  });

  it('answers with the items with ?include=items, and takes "3"', async () => {
    const response = await changeQuantity(LENOVO, '3', cartId, sonia, '?include=items');
    const body = (await response.json()) as CartDocument;
    expect(body.included?.map((item) => [item.id, item.attributes.quantity])).toEqual([
      [CANON, 1],
      [LENOVO, 3],
    ]);
  });

  it('answers 404 103 for a group key the cart does not hold, and changes nothing', async () => {
    const other = await createCart(t, sonia, { name: 'Other' });
    await addItem(t, sonia, other, { sku: '066_23294028', quantity: 1 });
    const before = snapshot(t.glue);
    for (const key of ['066_23294028', 'nope', CANON.toLowerCase() + 'x']) {
      expect(await statusAndBody(await changeQuantity(key, 2))).toEqual({
        status: 404,
        body: ITEM_NOT_FOUND,
      });
    }
    expect(snapshot(t.glue)).toBe(before);
  });

  it('answers 404 101 for an unknown cart and another customer’s', async () => {
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    const bills = await createCart(t, bill);
    await addItem(t, bill, bills, { sku: CANON, quantity: 1 });
    for (const id of ['no-such-cart', bills]) {
      expect(await statusAndBody(await changeQuantity(CANON, 5, id))).toEqual({
        status: 404,
        body: CART_NOT_FOUND,
      });
    }
    expect(await itemsOf(bills, bill)).toEqual([[CANON, 1]]);
  });

  it.each([
    [0, QUANTITY_POSITIVE],
    [-3, QUANTITY_POSITIVE],
    ['x', QUANTITY_NUMERIC],
    [null, QUANTITY_BLANK],
  ])('answers 422 901 for the quantity %s', async (quantity, error) => {
    const before = snapshot(t.glue);
    expect(await statusAndBody(await changeQuantity(CANON, quantity))).toEqual({
      status: 422,
      body: { errors: [error] },
    });
    expect(snapshot(t.glue)).toBe(before);
  });

  it.each([
    ['a wrong type', JSON.stringify(document('carts', { quantity: 2 })), 'Invalid type.'],
    ['no JSON', 'quantity=2', 'Post data is invalid.'],
    ['an empty body', '', 'Post data is invalid.'],
    ['no attributes', JSON.stringify({ data: { type: 'items' } }), 'Post data is invalid.'],
    ['no type', JSON.stringify({ data: { attributes: { quantity: 2 } } }), 'Post data is invalid.'],
  ])('answers 400 for %s, and changes nothing', async (_name, body, detail) => {
    const before = snapshot(t.glue);
    expect(
      await statusAndBody(await patch(t, `/carts/${cartId}/items/${CANON}`, body, sonia)),
    ).toEqual({ status: 400, body: errorBody(null, 400, detail) });
    expect(snapshot(t.glue)).toBe(before);
  });

  it('answers 422 114 above 1,000,000 units', async () => {
    expect(await statusAndBody(await changeQuantity(CANON, 1_000_001))).toEqual({
      status: 422,
      body: NOT_UPDATED,
    });
    expect((await changeQuantity(CANON, 1_000_000)).status).toBe(200);
  });

  it('answers 400 104 without a cart uuid and 400 without a group key', async () => {
    const body = document('items', { quantity: 2 });
    expect(await statusAndBody(await patch(t, `/carts//items/${CANON}`, body, sonia))).toEqual({
      status: 400,
      body: UUID_MISSING,
    });
    for (const path of [`/carts/${cartId}/items`, `/carts/${cartId}/items/`]) {
      expect(await statusAndBody(await patch(t, path, body, sonia))).toEqual({
        status: 400,
        body: NO_ID,
      });
    }
  });
});

describe('DELETE /carts/{id}/items/{groupKey}', () => {
  beforeEach(async () => {
    await addItem(t, sonia, cartId, { sku: CANON, quantity: 1 });
    await addItem(t, sonia, cartId, { sku: LENOVO, quantity: 2 });
  });

  it('answers 204 with an empty body and removes the item', async () => {
    const response = await t.send('DELETE', `/carts/${cartId}/items/${CANON}`, { headers: sonia });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(await itemsOf()).toEqual([[LENOVO, 2]]);
    const again = await t.send('DELETE', `/carts/${cartId}/items/${CANON}`, { headers: sonia });
    expect(await statusAndBody(again)).toEqual({ status: 404, body: ITEM_NOT_FOUND });
  });

  it('answers 101 for another customer’s or an unknown cart, 104 without a uuid, 400 without a key', async () => {
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    const bills = await createCart(t, bill);
    await addItem(t, bill, bills, { sku: CANON, quantity: 1 });
    const before = snapshot(t.glue);
    expect(
      await statusAndBody(
        await t.send('DELETE', `/carts/${bills}/items/${CANON}`, { headers: sonia }),
      ),
    ).toEqual({ status: 404, body: CART_NOT_FOUND });
    expect(
      await statusAndBody(
        await t.send('DELETE', `/carts/no-such-cart/items/${CANON}`, { headers: sonia }),
      ),
    ).toEqual({ status: 404, body: CART_NOT_FOUND });
    expect(
      await statusAndBody(await t.send('DELETE', `/carts//items/${CANON}`, { headers: sonia })),
    ).toEqual({ status: 400, body: UUID_MISSING });
    expect(
      await statusAndBody(await t.send('DELETE', `/carts/${cartId}/items`, { headers: sonia })),
    ).toEqual({ status: 400, body: NO_ID });
    expect(snapshot(t.glue)).toBe(before);
  });
});

describe('changes to one cart at once', () => {
  it('counts both of two concurrent additions of the same SKU', async () => {
    const responses = await Promise.all([
      addItem(t, sonia, cartId, { sku: CANON, quantity: 1 }),
      addItem(t, sonia, cartId, { sku: CANON, quantity: 2 }),
    ]);
    expect(responses.map((response) => response.status)).toEqual([201, 201]);
    expect(await itemsOf()).toEqual([[CANON, 3]]);
  });

  it('counts all of 20 concurrent additions, from the customer and an agent acting as her', async () => {
    const agent = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    const quantities = Array.from({ length: 20 }, (_, i) => i + 1);
    const responses = await Promise.all(
      quantities.map((quantity, i) =>
        addItem(t, i % 2 === 0 ? sonia : agent, cartId, {
          sku: CANON,
          quantity: i % 3 === 0 ? String(quantity) : quantity,
        }),
      ),
    );
    expect(responses.every((response) => response.status === 201)).toBe(true);
    expect(await itemsOf()).toEqual([[CANON, 210]]);
    // Each answer shows the cart as that request left it: every total from 1 to 210 is distinct.
    const subtotals = await Promise.all(
      responses.map(
        async (response) =>
          ((await response.json()) as CartDocument).data.attributes.totals.subtotal,
      ),
    );
    expect(new Set(subtotals).size).toBe(20);
    expect(Math.max(...subtotals)).toBe(210 * 7000);
    // The agent's ten additions are in the audit trail, each with its before and after.
    const audited = t.glue.db
      .prepare<[], { quantity_before: number | null; quantity_after: number }>(
        "SELECT quantity_before, quantity_after FROM impersonation_audit WHERE resource = 'items'",
      )
      .all();
    expect(audited).toHaveLength(10);
    for (const row of audited) expect(row.quantity_after).toBeGreaterThan(row.quantity_before ?? 0);
  });

  it('keeps every line of concurrent additions of different SKUs, and concurrent changes', async () => {
    const skus = ['003_26138343', '011_30775359', CANON, '008_30692992', '201_11217755'];
    await Promise.all(skus.map((sku) => addItem(t, sonia, cartId, { sku, quantity: 1 })));
    expect((await itemsOf()).map(([sku]) => sku).sort()).toEqual([...skus].sort());
    await Promise.all([
      changeQuantity(CANON, 4),
      addItem(t, sonia, cartId, { sku: '003_26138343', quantity: 2 }),
      t.send('DELETE', `/carts/${cartId}/items/011_30775359`, { headers: sonia }),
    ]);
    expect(new Map(await itemsOf())).toEqual(
      new Map([
        ['003_26138343', 3],
        [CANON, 4],
        ['008_30692992', 1],
        ['201_11217755', 1],
      ]),
    );
  });
});

describe('a request that fails', () => {
  it('changes nothing, whatever the reason', async () => {
    await addItem(t, sonia, cartId, { sku: CANON, quantity: 1 });
    const before = snapshot(t.glue);
    const failing = [
      addItem(t, sonia, cartId, { sku: 'nope', quantity: 1 }),
      addItem(t, sonia, cartId, { sku: CANON, quantity: 0 }),
      addItem(t, sonia, cartId, { sku: CANON, quantity: 1_000_000 }),
      addItem(t, sonia, 'nope', { sku: CANON, quantity: 1 }),
      changeQuantity('nope', 1),
      changeQuantity(CANON, -1),
      t.send('DELETE', `/carts/${cartId}/items/nope`, { headers: sonia }),
      t.send('DELETE', '/carts/nope', { headers: sonia }),
      t.post('/carts', document('carts', { name: 'x' }), { headers: sonia }),
    ];
    for (const response of await Promise.all(failing)) {
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
    expect(snapshot(t.glue)).toBe(before);
  });

  it('rolls back a change whose audit record cannot be written, and answers 500', async () => {
    const agent = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    await addItem(t, agent, cartId, { sku: CANON, quantity: 1 });
    t.glue.db.exec(`CREATE TRIGGER audit_down BEFORE INSERT ON impersonation_audit
      BEGIN SELECT RAISE(ABORT, 'audit down'); END`);
    const before = snapshot(t.glue);
    const requests = [
      addItem(t, agent, cartId, { sku: CANON, quantity: 1 }),
      addItem(t, agent, cartId, { sku: LENOVO, quantity: 1 }),
      changeQuantity(CANON, 7, cartId, agent),
      t.send('DELETE', `/carts/${cartId}/items/${CANON}`, { headers: agent }),
      t.send('DELETE', `/carts/${cartId}`, { headers: agent }),
      t.post(
        '/carts',
        document('carts', { priceMode: 'GROSS_MODE', currency: 'EUR', store: 'DE' }),
        {
          headers: agent,
        },
      ),
    ];
    for (const response of await Promise.all(requests)) {
      expect(await statusAndBody(response)).toEqual({
        status: 500,
        body: errorBody(null, 500, 'Internal Server Error'),
      });
    }
    expect(snapshot(t.glue)).toBe(before);
    expect(t.logLines).toHaveLength(6);
  });
});

describe('malformed requests', () => {
  it('never answer 500 and change nothing', async () => {
    const before = snapshot(t.glue);
    const bodies = [
      '{',
      'null',
      '[]',
      '{"data":{"type":"items","attributes":{"sku":{"__proto__":{"x":1}},"quantity":1}}}',
      '{"data":{"type":"items","attributes":{"sku":"005_30663301","quantity":{"valueOf":3}}}}',
      '{"data":{"type":"items","attributes":{"sku":"005_30663301","quantity":1e999}}}',
      '{"data":{"type":"items","attributes":{"sku":"005_30663301","quantity":"Infinity"}}}',
      '{"data":{"type":"items","attributes":{"sku":"005_30663301","quantity":"0x10"}}}',
      `{"data":{"type":"items","attributes":{"sku":"${'x'.repeat(10_000)}","quantity":1}}}`,
      '{"data":{"type":"carts","attributes":{"priceMode":{"toString":1},"currency":[],"store":{}}}}',
    ];
    const statuses: number[] = [];
    for (const body of bodies) {
      for (const path of [`/carts/${cartId}/items`, '/carts', '/carts//items']) {
        statuses.push((await t.post(path, body, { headers: sonia })).status);
      }
      statuses.push((await patch(t, `/carts/${cartId}/items/x`, body, sonia)).status);
    }
    for (const path of [`/carts/%`, `/carts/${cartId}/items/%E0%A4%A`]) {
      statuses.push((await t.send('DELETE', path, { headers: sonia })).status);
    }
    expect(statuses.every((status) => status >= 400 && status < 500)).toBe(true);
    expect(snapshot(t.glue)).toBe(before);
    expect(t.logLines).toEqual([]);
  });
});
