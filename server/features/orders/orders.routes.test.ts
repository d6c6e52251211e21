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

const ORDER_NOT_FOUND = errorBody('801', 404, "Can't find order by the given order reference");
const UNAUTHORIZED = errorBody('802', 403, 'Unauthorized request.');

interface OrderRow {
  id: number;
  order_reference: string;
  created_at: string;
  shipment_method: string;
  shipment_carrier: string;
  shipment_price: number;
  billing_address: string;
  shipping_address: string;
}

interface ItemRow {
  uuid: string;
  sku: string;
  name: string;
  quantity: number;
  unit_gross_price: number;
  state: string;
}

interface OrdersDocument {
  data: {
    type: string;
    id: string;
    attributes: Record<string, unknown>;
    links: { self: string };
  }[];
  links: Record<string, string>;
}

let t: TestGlue;
let sonia: Record<string, string>;

beforeEach(async () => {
  t = await makeTestGlue();
  sonia = bearer((await signInCustomer(t)).accessToken);
});

afterEach(() => t.close());

/** The customer's orders in the order they were placed: what GET /orders answers without sort. */
const ordersOf = (idCustomer: number): OrderRow[] =>
  t.glue.db
    .prepare<[number], OrderRow>('SELECT * FROM orders WHERE id_customer = ? ORDER BY id')
    .all(idCustomer);

const itemsOf = (orderId: number): ItemRow[] =>
  t.glue.db
    .prepare<[number], ItemRow>(
      'SELECT uuid, sku, name, quantity, unit_gross_price, state FROM order_items WHERE order_id = ? ORDER BY id',
    )
    .all(orderId);

const taxOf = (gross: number): number => Math.round((gross * 19) / 119);

/** The totals, from the stored items and shipment by the contract's formulas. */
function expectedTotals(order: OrderRow): Record<string, number> {
  const items = itemsOf(order.id);
  const sums = items.map((item) => item.unit_gross_price * item.quantity);
  const subtotal = sums.reduce((a, b) => a + b, 0);
  const allCanceled = items.every((item) => item.state === 'canceled');
  const canceledItems = items
    .filter((item) => item.state === 'canceled')
    .reduce((sum, item) => sum + item.unit_gross_price * item.quantity, 0);
  return {
    expenseTotal: order.shipment_price,
    discountTotal: 0,
    taxTotal: sums.reduce((sum, gross) => sum + taxOf(gross), 0) + taxOf(order.shipment_price),
    subtotal,
    grandTotal: subtotal + order.shipment_price,
    canceledTotal: canceledItems + (allCanceled ? order.shipment_price : 0),
    remunerationTotal: 0,
  };
}

/** A stored address as Glue answers it: every field of §9.4, null where the order has none. */
function restAddress(stored: string): Record<string, unknown> {
  const address = JSON.parse(stored) as Record<string, unknown>;
  return {
    salutation: address.salutation,
    firstName: address.firstName,
    middleName: null,
    lastName: address.lastName,
    address1: address.address1,
    address2: address.address2,
    address3: address.address3,
    company: address.company,
    city: address.city,
    zipCode: address.zipCode,
    poBox: null,
    phone: null,
    cellPhone: null,
    description: null,
    comment: null,
    email: null,
    country: address.country,
    iso2Code: address.iso2Code,
  };
}

async function list(path: string, headers = sonia): Promise<OrdersDocument> {
  const response = await t.send('GET', path, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as OrdersDocument;
}

describe('GET /orders', () => {
  it('lists the customer’s orders in the order they were placed, with their totals', async () => {
    const stored = ordersOf(21);
    expect(stored.length).toBeGreaterThanOrEqual(2);
    const body = await list('/orders');
    expect(body.data).toEqual(
      stored.map((order) => ({
        type: 'orders',
        id: order.order_reference,
        attributes: {
          createdAt: order.created_at,
          currencyIsoCode: 'EUR',
          priceMode: 'GROSS_MODE',
          totals: expectedTotals(order),
        },
        links: { self: `http://glue.test/orders/${order.order_reference}` },
      })),
    );
    // Key order as the contract lists the attributes (toEqual alone does not look at it).
    for (const order of body.data) {
      expect(Object.keys(order.attributes)).toEqual([
        'createdAt',
        'currencyIsoCode',
        'priceMode',
        'totals',
      ]);
      expect(Object.keys(order.attributes.totals as object)).toEqual([
        'expenseTotal',
        'discountTotal',
        'taxTotal',
        'subtotal',
        'grandTotal',
        'canceledTotal',
        'remunerationTotal',
      ]);
    }
    // The demo orders were placed in the order of their dates: oldest first.
    const createdAt = body.data.map((order) => String(order.attributes.createdAt));
    expect([...createdAt].sort()).toEqual(createdAt);
  });

  it('answers in placing order without sort, even when the dates say otherwise', async () => {
    const [first, second] = ordersOf(21);
    if (first === undefined || second === undefined) throw new Error('DE--21 needs two orders');
    // The older order gets the later date: no sort means no ORDER BY created_at.
    t.glue.db
      .prepare('UPDATE orders SET created_at = ?, updated_at = ? WHERE id = ?')
      .run('2099-01-01 00:00:00.000000', '2099-01-01 00:00:00.000000', first.id);
    const ids = (await list('/orders')).data.map((order) => order.id);
    expect(ids.slice(0, 2)).toEqual([first.order_reference, second.order_reference]);
    expect((await list('/orders?sort=createdAt')).data.at(-1)?.id).toBe(first.order_reference);
  });

  it.each([
    ['createdAt', 'created_at', 'ASC'],
    ['-createdAt', 'created_at', 'DESC'],
    ['updatedAt', 'updated_at', 'ASC'],
    ['-updatedAt', 'updated_at', 'DESC'],
    // Glue trims dashes off both ends and reads the direction from the first character only.
    ['createdAt-', 'created_at', 'ASC'],
    ['--createdAt', 'created_at', 'DESC'],
    // The orders module sorts by the first field only.
    ['-createdAt,updatedAt', 'created_at', 'DESC'],
  ])('sorts by sort=%s', async (sort, column, direction) => {
    // updated_at in the opposite order to created_at, so each sort shows which column it read.
    const rows = ordersOf(21);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    rows.forEach((row, index) => {
      t.glue.db
        .prepare('UPDATE orders SET updated_at = ? WHERE id = ?')
        .run(`2030-01-${10 + rows.length - index} 00:00:00.000000`, row.id);
    });
    const expected = t.glue.db
      .prepare<[number], { order_reference: string }>(
        `SELECT order_reference FROM orders WHERE id_customer = ?
         ORDER BY ${column} ${direction}, id ${direction}`,
      )
      .all(21)
      .map((row) => row.order_reference);
    const body = await list(`/orders?sort=${encodeURIComponent(sort)}`);
    expect(body.data.map((order) => order.id)).toEqual(expected);
  });

  it.each([
    '',
    'foo',
    'created_at',
    'id_sales_order',
    'grandTotal',
    '-',
    'createdAt;drop',
    ',createdAt',
    ' createdAt',
  ])('ignores sort=%j: the orders in placing order', async (sort) => {
    const body = await list(`/orders?sort=${encodeURIComponent(sort)}`);
    expect(body.data.map((order) => order.id)).toEqual(
      ordersOf(21).map((order) => order.order_reference),
    );
  });

  it('keeps sort in the page links and the self links', async () => {
    const body = await list('/orders?sort=-createdAt&page[offset]=1&page[limit]=1');
    const link = (offset: number): string =>
      `http://glue.test/orders?sort=-createdAt&page[offset]=${offset}&page[limit]=1`;
    const total = ordersOf(21).length;
    expect(body.links).toEqual({
      self: link(1),
      last: link(total - 1),
      first: link(0),
      prev: link(0),
      ...(total > 2 ? { next: link(2) } : {}),
    });
    const newestFirst = [...ordersOf(21)].reverse();
    expect(body.data.map((order) => [order.id, order.links.self])).toEqual([
      [
        newestFirst[1]?.order_reference,
        `http://glue.test/orders/${newestFirst[1]?.order_reference ?? ''}?sort=-createdAt&page[offset]=1&page[limit]=1`,
      ],
    ]);
    // /customers/{ref}/orders sorts the same.
    const nested = await list('/customers/DE--21/orders?sort=-createdAt');
    expect(nested.data.map((order) => order.id)).toEqual(
      newestFirst.map((order) => order.order_reference),
    );
  });

  it('answers the same to an impersonation token, and each customer only their own', async () => {
    const agent = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    expect(await list('/orders', agent)).toEqual(await list('/orders'));
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    expect((await list('/orders', bill)).data.map((order) => order.id)).toEqual(
      ordersOf(4).map((order) => order.order_reference),
    );
  });

  it('pages by 10 by default, with page links even without page parameters', async () => {
    const total = ordersOf(21).length;
    const body = await list('/orders');
    expect(body.links).toEqual({
      self: 'http://glue.test/orders',
      last: 'http://glue.test/orders?page[offset]=0&page[limit]=10',
      first: 'http://glue.test/orders?page[offset]=0&page[limit]=10',
    });
    expect(body.data).toHaveLength(total);
  });

  it('links the first, a middle and the last page as §1 says', async () => {
    const all = (await list('/orders')).data.map((order) => order.id);
    const total = all.length;
    expect(total).toBeGreaterThanOrEqual(3);
    const link = (offset: number): string =>
      `http://glue.test/orders?page[offset]=${offset}&page[limit]=1`;
    const first = await list('/orders?page[offset]=0&page[limit]=1');
    expect(first.data.map((order) => order.id)).toEqual(all.slice(0, 1));
    expect(first.links).toEqual({
      self: link(0),
      last: link(total - 1),
      first: link(0),
      next: link(1),
    });
    const middle = await list('/orders?page[offset]=1&page[limit]=1');
    expect(middle.data.map((order) => order.id)).toEqual(all.slice(1, 2));
    expect(middle.links).toEqual({
      self: link(1),
      last: link(total - 1),
      first: link(0),
      prev: link(0),
      next: link(2),
    });
    expect(Object.keys(middle.links)).toEqual(['self', 'last', 'first', 'prev', 'next']);
    const last = await list(`/orders?page[offset]=${total - 1}&page[limit]=1`);
    expect(last.data.map((order) => order.id)).toEqual(all.slice(total - 1));
    expect(last.links).toEqual({
      self: link(total - 1),
      last: link(total - 1),
      first: link(0),
      prev: link(total - 2),
    });
    // Past the end: no orders, the links still there.
    const beyond = await list(`/orders?page[offset]=${total + 5}&page[limit]=1`);
    expect(beyond.data).toEqual([]);
    expect(beyond.links.prev).toBe(link(total + 4));
  });

  it('keeps the other query parameters in the page links', async () => {
    const body = await list('/orders?include=items&page[limit]=2');
    expect(body.links.self).toBe('http://glue.test/orders?include=items&page[limit]=2');
    expect(body.links.first).toBe(
      'http://glue.test/orders?include=items&page[offset]=0&page[limit]=2',
    );
  });

  it('answers only self for a customer without orders', async () => {
    t.glue.db.exec(
      'DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE id_customer = 21); DELETE FROM orders WHERE id_customer = 21;',
    );
    expect(await list('/orders')).toEqual({
      data: [],
      links: { self: 'http://glue.test/orders' },
    });
  });

  it.each([
    'page[limit]=0',
    'page[limit]=-1',
    'page[offset]=x',
    'page[limit]=1.5',
    // Beyond a safe integer: refused, not rounded.
    'page[offset]=99999999999999999999',
    'page[limit]=1e3',
  ])('answers 400 for %s', async (query) => {
    const response = await t.send('GET', `/orders?${query}`, { headers: sonia });
    expect(await statusAndBody(response)).toEqual({
      status: 400,
      body: errorBody(null, 400, 'Pagination parameters are invalid.'),
    });
  });
});

describe('GET /customers/{customerReference}/orders', () => {
  it('lists the caller’s own orders, linked under the customer', async () => {
    const body = await list('/customers/DE--21/orders?page[limit]=2');
    const orders = await list('/orders?page[limit]=2');
    expect(body.data).toEqual(orders.data);
    expect(body.links.self).toBe('http://glue.test/customers/DE--21/orders?page[limit]=2');
    expect(body.links.first).toBe(
      'http://glue.test/customers/DE--21/orders?page[offset]=0&page[limit]=2',
    );
  });

  it('answers 403 802 for another customer’s reference', async () => {
    for (const reference of ['DE--4', 'DE--999', 'de--21']) {
      const response = await t.send('GET', `/customers/${reference}/orders`, { headers: sonia });
      expect(await statusAndBody(response)).toEqual({ status: 403, body: UNAUTHORIZED });
    }
  });
});

describe('GET /orders/{orderReference}', () => {
  it('answers the order with its items, addresses, expenses and states', async () => {
    const orders = ordersOf(21);
    const newest = orders.at(-1);
    for (const order of orders) {
      const response = await t.send('GET', `/orders/${order.order_reference}`, {
        headers: sonia,
      });
      const { status, body } = await statusAndBody(response);
      expect(status).toBe(200);
      const items = itemsOf(order.id);
      const data = (body as { data: { attributes: Record<string, unknown> } }).data;
      expect(Object.keys(data.attributes)).toEqual([
        'createdAt',
        'currencyIsoCode',
        'priceMode',
        'totals',
        'items',
        'billingAddress',
        'shippingAddress',
        'expenses',
        'payments',
        'shipments',
        'calculatedDiscounts',
        'bundleItems',
        'itemStates',
      ]);
      // The item keys the contract names come first, in its order.
      for (const item of data.attributes.items as object[]) {
        expect(Object.keys(item).slice(0, 8)).toEqual([
          'name',
          'sku',
          'quantity',
          'unitGrossPrice',
          'sumGrossPrice',
          'unitPrice',
          'sumPrice',
          'state',
        ]);
      }
      const shipmentTax = taxOf(order.shipment_price);
      const allCanceled = items.every((item) => item.state === 'canceled');
      expect(body).toEqual({
        data: {
          type: 'orders',
          id: order.order_reference,
          attributes: {
            createdAt: order.created_at,
            currencyIsoCode: 'EUR',
            priceMode: 'GROSS_MODE',
            totals: expectedTotals(order),
            itemStates: [...new Set(items.map((item) => item.state))],
            billingAddress: restAddress(order.billing_address),
            shippingAddress: restAddress(order.shipping_address),
            items: items.map((item) => {
              const sum = item.unit_gross_price * item.quantity;
              const canceled = item.state === 'canceled';
              return {
                name: item.name,
                sku: item.sku,
                sumPrice: sum,
                quantity: item.quantity,
                unitGrossPrice: item.unit_gross_price,
                sumGrossPrice: sum,
                taxRate: '19.00',
                // §9.4: Spryker calculates no net prices in gross mode.
                unitNetPrice: 0,
                sumNetPrice: 0,
                unitPrice: item.unit_gross_price,
                unitTaxAmountFullAggregation: taxOf(item.unit_gross_price),
                sumTaxAmountFullAggregation: taxOf(sum),
                refundableAmount: canceled ? 0 : sum,
                canceledAmount: canceled ? sum : 0,
                sumSubtotalAggregation: sum,
                unitSubtotalAggregation: item.unit_gross_price,
                unitProductOptionPriceAggregation: 0,
                sumProductOptionPriceAggregation: 0,
                unitExpensePriceAggregation: 0,
                sumExpensePriceAggregation: null,
                unitDiscountAmountAggregation: 0,
                sumDiscountAmountAggregation: 0,
                unitDiscountAmountFullAggregation: 0,
                sumDiscountAmountFullAggregation: 0,
                unitPriceToPayAggregation: item.unit_gross_price,
                sumPriceToPayAggregation: sum,
                taxRateAverageAggregation: '19.00',
                taxAmountAfterCancellation: null,
                orderReference: null,
                uuid: item.uuid,
                // §6: only the newest demo order is recent, delivered and so returnable.
                isReturnable: order === newest,
                idShipment: order.id,
                bundleItemIdentifier: null,
                relatedBundleItemIdentifier: null,
                salesOrderConfiguredBundle: null,
                salesOrderConfiguredBundleItem: null,
                salesOrderItemConfiguration: null,
                metadata: { superAttributes: [], image: null },
                calculatedDiscounts: [],
                productOptions: [],
                state: item.state,
              };
            }),
            expenses: [
              {
                type: 'SHIPMENT_EXPENSE_TYPE',
                name: order.shipment_method,
                sumPrice: order.shipment_price,
                unitGrossPrice: order.shipment_price,
                sumGrossPrice: order.shipment_price,
                taxRate: '19.00',
                unitNetPrice: 0,
                sumNetPrice: 0,
                canceledAmount: allCanceled ? order.shipment_price : null,
                unitDiscountAmountAggregation: null,
                sumDiscountAmountAggregation: null,
                unitTaxAmount: shipmentTax,
                sumTaxAmount: shipmentTax,
                unitPriceToPayAggregation: order.shipment_price,
                sumPriceToPayAggregation: order.shipment_price,
                taxAmountAfterCancellation: null,
                idShipment: order.id,
                idSalesExpense: order.id,
              },
            ],
            payments: [
              {
                amount: expectedTotals(order).grandTotal,
                paymentProvider: 'DummyPayment',
                paymentMethod: 'Invoice',
              },
            ],
            shipments: [
              {
                shipmentMethodName: order.shipment_method,
                carrierName: 'DHL',
                deliveryTime: null,
                defaultGrossPrice: order.shipment_price,
                defaultNetPrice: 0,
                currencyIsoCode: 'EUR',
              },
            ],
            calculatedDiscounts: [],
            bundleItems: [],
          },
          links: { self: `http://glue.test/orders/${order.order_reference}` },
        },
      });
    }
  });

  it('has addresses with every field of §9.4', async () => {
    const [order] = ordersOf(21);
    const { body } = await statusAndBody(
      await t.send('GET', `/orders/${order?.order_reference}`, { headers: sonia }),
    );
    const attributes = (body as { data: { attributes: Record<string, unknown> } }).data.attributes;
    for (const address of [attributes.billingAddress, attributes.shippingAddress]) {
      // §9.4's order.
      expect(Object.keys(address as object)).toEqual([
        'salutation',
        'firstName',
        'middleName',
        'lastName',
        'address1',
        'address2',
        'address3',
        'company',
        'city',
        'zipCode',
        'poBox',
        'phone',
        'cellPhone',
        'description',
        'comment',
        'email',
        'country',
        'iso2Code',
      ]);
    }
  });

  it('writes the expenses in §9.4’s key order', async () => {
    const [order] = ordersOf(21);
    const { body } = await statusAndBody(
      await t.send('GET', `/orders/${order?.order_reference}`, { headers: sonia }),
    );
    const { expenses } = (body as { data: { attributes: { expenses: object[] } } }).data.attributes;
    expect(Object.keys(expenses[0] ?? {})).toEqual([
      'type',
      'name',
      'sumPrice',
      'unitGrossPrice',
      'sumGrossPrice',
      'taxRate',
      'unitNetPrice',
      'sumNetPrice',
      'canceledAmount',
      'unitDiscountAmountAggregation',
      'sumDiscountAmountAggregation',
      'unitTaxAmount',
      'sumTaxAmount',
      'unitPriceToPayAggregation',
      'sumPriceToPayAggregation',
      'taxAmountAfterCancellation',
      'idShipment',
      'idSalesExpense',
    ]);
  });

  it('tells which items can be returned: shipped or delivered, ordered at most 30 days ago', async () => {
    const [order] = ordersOf(21);
    if (order === undefined) throw new Error('Sonia has no orders');
    const dayMs = 24 * 3600 * 1000;
    const returnable = async (state: string, daysAgo: number): Promise<boolean[]> => {
      const createdAt = new Date(t.now() * 1000 - daysAgo * dayMs - 1000)
        .toISOString()
        .replace('T', ' ')
        .replace('Z', '000');
      t.glue.db.prepare('UPDATE orders SET created_at = ? WHERE id = ?').run(createdAt, order.id);
      t.glue.db.prepare('UPDATE order_items SET state = ? WHERE order_id = ?').run(state, order.id);
      const { body } = await statusAndBody(
        await t.send('GET', `/orders/${order.order_reference}`, { headers: sonia }),
      );
      const { items } = (body as { data: { attributes: { items: { isReturnable: boolean }[] } } })
        .data.attributes;
      return items.map((item) => item.isReturnable);
    };
    const everyItem = (value: boolean): boolean[] => itemsOf(order.id).map(() => value);
    expect(await returnable('delivered', 0)).toEqual(everyItem(true));
    expect(await returnable('shipped', 30)).toEqual(everyItem(true));
    expect(await returnable('delivered', 31)).toEqual(everyItem(false));
    for (const state of ['payment pending', 'confirmed', 'canceled', 'closed']) {
      expect(await returnable(state, 1), state).toEqual(everyItem(false));
    }
  });

  it('keeps each item’s UUID from one read to the next', async () => {
    const [order] = ordersOf(21);
    const uuids = async (): Promise<string[]> => {
      const { body } = await statusAndBody(
        await t.send('GET', `/orders/${order?.order_reference}`, { headers: sonia }),
      );
      const { items } = (body as { data: { attributes: { items: { uuid: string }[] } } }).data
        .attributes;
      return items.map((item) => item.uuid);
    };
    const first = await uuids();
    expect(first).toEqual(itemsOf(order?.id ?? 0).map((item) => item.uuid));
    for (const uuid of first) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab]/);
    expect(await uuids()).toEqual(first);
  });

  it('answers 404 801 for another customer’s order and an unknown one', async () => {
    const [bills] = ordersOf(4);
    const placed = t.glue.db.prepare<[], number>('SELECT count(*) FROM orders').pluck().get() ?? 0;
    const agent = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    // The next order's reference (none placed yet), a number Spryker's sequence never gives, the
    // form of the stand-in's references before they were Spryker's, and no reference at all.
    const unknown = [`DE--${placed + 1}`, 'DE--0', 'DE--ORD-1001', 'nope'];
    for (const headers of [sonia, agent]) {
      for (const reference of [bills?.order_reference, ...unknown]) {
        const response = await t.send('GET', `/orders/${reference}`, { headers });
        expect(await statusAndBody(response)).toEqual({ status: 404, body: ORDER_NOT_FOUND });
      }
    }
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    expect(
      (await t.send('GET', `/orders/${bills?.order_reference}`, { headers: bill })).status,
    ).toBe(200);
  });

  it('reads an order reference as an order’s, even when it spells a customer reference', async () => {
    // Order DE--21 is the 21st order placed, whoever placed it; customer DE--21 is Sonia.
    const order = t.glue.db
      .prepare<[], { id_customer: number; email: string }>(
        `SELECT o.id_customer, c.email FROM orders AS o JOIN customers AS c ON c.id = o.id_customer
         WHERE o.order_reference = 'DE--21'`,
      )
      .get();
    if (order === undefined) throw new Error('The demo data needs an order DE--21');
    const owner =
      order.id_customer === 21
        ? sonia
        : bearer((await signInCustomerWith(t, order.email)).accessToken);
    const response = await t.send('GET', '/orders/DE--21', { headers: owner });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { id: string } }).data.id).toBe('DE--21');
    // Sonia's own order list holds only the orders she placed, whatever their numbers.
    const ids = (await list('/orders?page[limit]=50')).data.map((listed) => listed.id);
    expect(ids).toEqual(ordersOf(21).map((listed) => listed.order_reference));
    if (order.id_customer !== 21) {
      expect(
        await statusAndBody(await t.send('GET', '/orders/DE--21', { headers: sonia })),
      ).toEqual({ status: 404, body: ORDER_NOT_FOUND });
    }
  });

  it('shows a canceled order’s cancellation in its totals', async () => {
    const canceled = t.glue.db
      .prepare<[], OrderRow & { email: string }>(
        `SELECT o.*, c.email FROM orders AS o JOIN customers AS c ON c.id = o.id_customer
         WHERE NOT EXISTS (SELECT 1 FROM order_items AS i WHERE i.order_id = o.id
           AND i.state <> 'canceled')
         ORDER BY o.id LIMIT 1`,
      )
      .get();
    expect(canceled).toBeDefined();
    if (canceled === undefined) return;
    const headers = bearer((await signInCustomerWith(t, canceled.email)).accessToken);
    const { body } = await statusAndBody(
      await t.send('GET', `/orders/${canceled.order_reference}`, { headers }),
    );
    const { totals, itemStates } = (
      body as { data: { attributes: { totals: Record<string, number>; itemStates: string[] } } }
    ).data.attributes;
    expect(itemStates).toEqual(['canceled']);
    expect(totals.canceledTotal).toBe(totals.grandTotal);
  });
});
