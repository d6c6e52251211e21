/**
 * §9.3 and §9.4: the order checkout places, as `POST /checkout` answers it and as the orders
 * endpoints show it afterwards; the cart it came from; the audit trail; two checkouts at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  createCart,
  errorBody,
  makeTestGlue,
  signInAgent,
  signInAsCustomerThroughAgent,
  signInCustomer,
  signInCustomerWith,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';
import {
  CANON,
  NOTEBOOK,
  SONIA_ADDRESS,
  cartWith,
  consoleRequest,
  delivery,
  saveAddress,
  submit,
} from './checkout-fixtures';

const CART_NOT_FOUND = errorBody('1103', 422, 'Cart not found.');

interface CheckoutDocument {
  data: {
    type: string;
    id: null;
    attributes: { orderReference: string; redirectUrl: null; isExternalRedirect: null };
    relationships?: Record<string, { data: { type: string; id: string }[] }>;
    links: { self: string };
  };
  included?: { type: string; id: string; attributes: Record<string, unknown>; links: unknown }[];
}

interface OrderDocument {
  data: { type: string; id: string; attributes: Record<string, unknown>; links: { self: string } };
}

let t: TestGlue;
let sonia: Record<string, string>;

beforeEach(async () => {
  t = await makeTestGlue();
  sonia = bearer((await signInCustomer(t)).accessToken);
});

afterEach(() => t.close());

const orderCount = (): number =>
  t.glue.db.prepare<[], number>('SELECT count(*) FROM orders').pluck().get() ?? 0;

/** The next reference: DE-- and one more than the highest DE--<n> so far. */
const nextReference = (): string => `DE--${orderCount() + 1}`;

async function checkout(
  attributes: Record<string, unknown>,
  headers = sonia,
  query = '',
): Promise<CheckoutDocument> {
  const response = await submit(t, 'checkout', attributes, headers, query);
  const text = await response.text();
  expect({ status: response.status, text }).toMatchObject({ status: 201 });
  return JSON.parse(text) as CheckoutDocument;
}

async function order(reference: string, headers = sonia): Promise<OrderDocument> {
  const response = await t.send('GET', `/orders/${reference}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as OrderDocument;
}

describe('POST /checkout (§9.3)', () => {
  it('places the console’s order and answers 201 with DE--<next order number>', async () => {
    const cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    const reference = nextReference();
    const response = await submit(t, 'checkout', consoleRequest(cartId), sonia);
    expect(response.status).toBe(201);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    expect(await response.json()).toEqual({
      data: {
        type: 'checkout',
        id: null,
        attributes: { orderReference: reference, redirectUrl: null, isExternalRedirect: null },
        links: { self: 'http://glue.test/checkout' },
      },
    });
    expect(orderCount()).toBe(Number(reference.slice(4)));
  });

  it('?include=orders adds the order as GET /orders/{ref} answers it; the self link keeps the query', async () => {
    const cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    const body = await checkout(consoleRequest(cartId), sonia, '?include=orders');
    const reference = body.data.attributes.orderReference;
    expect(body.data.links.self).toBe('http://glue.test/checkout?include=orders');
    expect(body.data.relationships).toEqual({
      orders: { data: [{ type: 'orders', id: reference }] },
    });
    expect(body.included).toEqual([(await order(reference)).data]);
    expect(body.included?.[0]?.links).toEqual({ self: `http://glue.test/orders/${reference}` });
  });

  it('numbers orders on from the highest DE--<n>, skipping an older database’s DE--ORD-… ones', async () => {
    t.glue.db.exec(`UPDATE orders SET order_reference = 'DE--ORD-' || (1000 + id) WHERE id > 5`);
    const first = await checkout(consoleRequest(await cartWith(t, sonia, [[NOTEBOOK, 1]])));
    expect(first.data.attributes.orderReference).toBe('DE--6');
    const second = await checkout(consoleRequest(await cartWith(t, sonia, [[NOTEBOOK, 1]])));
    expect(second.data.attributes.orderReference).toBe('DE--7');
  });
});

describe('after the order (§9.4)', () => {
  it('holds the Express notebook order’s totals, expenses, shipments and payments exactly', async () => {
    const cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    const reference = (await checkout(consoleRequest(cartId))).data.attributes.orderReference;
    const { attributes } = (await order(reference)).data;
    expect(attributes.totals).toEqual({
      expenseTotal: 590,
      discountTotal: 0,
      taxTotal: 1372,
      subtotal: 8005,
      grandTotal: 8595,
      canceledTotal: 0,
      remunerationTotal: 0,
    });
    const expenses = attributes.expenses as Record<string, unknown>[];
    expect(expenses).toEqual([
      {
        type: 'SHIPMENT_EXPENSE_TYPE',
        name: 'Express',
        sumPrice: 590,
        unitGrossPrice: 590,
        sumGrossPrice: 590,
        taxRate: '19.00',
        unitNetPrice: 0,
        sumNetPrice: 0,
        canceledAmount: null,
        unitDiscountAmountAggregation: null,
        sumDiscountAmountAggregation: null,
        unitTaxAmount: 94,
        sumTaxAmount: 94,
        unitPriceToPayAggregation: 590,
        sumPriceToPayAggregation: 590,
        taxAmountAfterCancellation: null,
        idShipment: expect.any(Number) as number,
        idSalesExpense: expect.any(Number) as number,
      },
    ]);
    expect(attributes.shipments).toEqual([
      {
        shipmentMethodName: 'Express',
        carrierName: 'DHL',
        deliveryTime: null,
        defaultGrossPrice: 590,
        defaultNetPrice: 0,
        currencyIsoCode: 'EUR',
      },
    ]);
    expect(attributes.payments).toEqual([
      { amount: 8595, paymentProvider: 'DummyPayment', paymentMethod: 'Invoice' },
    ]);
    expect(attributes).toMatchObject({ currencyIsoCode: 'EUR', priceMode: 'GROSS_MODE' });
  });

  it('holds both addresses with every field of §9.4', async () => {
    const cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    const reference = (await checkout(consoleRequest(cartId))).data.attributes.orderReference;
    const { attributes } = (await order(reference)).data;
    const address = {
      salutation: 'Ms',
      firstName: 'Sonia',
      middleName: null,
      lastName: 'Wagner',
      address1: 'Julie-Wolfthorn-Straße',
      address2: '1',
      address3: null,
      company: null,
      city: 'Berlin',
      zipCode: '10115',
      poBox: null,
      phone: null,
      cellPhone: null,
      description: null,
      comment: null,
      email: null,
      country: 'Germany',
      iso2Code: 'DE',
    };
    expect(attributes.billingAddress).toEqual(address);
    expect(attributes.shippingAddress).toEqual(address);
    expect(Object.keys(attributes.billingAddress as object)).toEqual(Object.keys(address));
    // What was sent beyond the eight fields is kept: address3, company, phone.
    const other = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    const billingAddress = { ...SONIA_ADDRESS, address3: '2. OG', company: 'Acme', phone: '030 1' };
    const second = await checkout({ ...consoleRequest(other), billingAddress });
    const billing = (await order(second.data.attributes.orderReference)).data.attributes
      .billingAddress;
    expect(billing).toMatchObject({ address3: '2. OG', company: 'Acme', phone: '030 1' });
  });

  it('splits items below quantity 10 into single units, each payment pending', async () => {
    const cartId = await cartWith(t, sonia, [
      [NOTEBOOK, 3],
      [CANON, 10],
    ]);
    const reference = (await checkout(consoleRequest(cartId))).data.attributes.orderReference;
    const { attributes } = (await order(reference)).data;
    const items = attributes.items as Record<string, unknown>[];
    expect(
      items.map((item) => [item.sku, item.quantity, item.unitGrossPrice, item.sumGrossPrice]),
    ).toEqual([
      [NOTEBOOK, 1, 8005, 8005],
      [NOTEBOOK, 1, 8005, 8005],
      [NOTEBOOK, 1, 8005, 8005],
      [CANON, 10, 7000, 70000],
    ]);
    for (const item of items) {
      expect(item).toMatchObject({
        name: expect.any(String) as string,
        unitPrice: item.unitGrossPrice,
        sumPrice: item.sumGrossPrice,
        taxRate: '19.00',
        unitNetPrice: 0,
        sumNetPrice: 0,
        state: 'payment pending',
        isReturnable: false,
        idShipment: (attributes.expenses as { idShipment: number }[])[0]?.idShipment,
      });
      expect(item.uuid).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
    expect(attributes.itemStates).toEqual(['payment pending']);
    // Per unit, rounded: three notebooks' tax, the cameras' and the shipment's.
    const tax = (gross: number): number => Math.round((gross * 19) / 119);
    expect(attributes.totals).toMatchObject({
      subtotal: 3 * 8005 + 70000,
      taxTotal: 3 * tax(8005) + tax(70000) + tax(590),
      grandTotal: 3 * 8005 + 70000 + 590,
    });
  });

  it('names the items in the locale of the checkout request (§7.2)', async () => {
    const cartId = await cartWith(t, sonia, [['211_123', 1]]);
    const reference = (
      await checkout(consoleRequest(cartId), { ...sonia, 'Accept-Language': 'de' })
    ).data.attributes.orderReference;
    const items = (await order(reference)).data.attributes.items as { name: string }[];
    expect(items.map((item) => item.name)).toEqual(['HP Bündel']);
  });

  it('keeps the payment as the request named it', async () => {
    const cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    const payments = [{ paymentProviderName: 'dummyPayment', paymentMethodName: 'Credit Card' }];
    const reference = (await checkout({ ...consoleRequest(cartId), payments })).data.attributes
      .orderReference;
    expect((await order(reference)).data.attributes.payments).toEqual([
      { amount: 8595, paymentProvider: 'dummyPayment', paymentMethod: 'Credit Card' },
    ]);
  });

  it('gives a split delivery one shipment and one expense each, its items theirs', async () => {
    const cartId = await cartWith(t, sonia, [
      [NOTEBOOK, 1],
      [CANON, 2],
    ]);
    const second = { ...delivery([CANON], 1), requestedDeliveryDate: '2027-02-01' };
    const { shipment: _shipment, shippingAddress: _address, ...rest } = consoleRequest(cartId);
    const attributes = { ...rest, shipments: [delivery([NOTEBOOK], 2), second] };
    const reference = (await checkout(attributes)).data.attributes.orderReference;
    const detail = (await order(reference)).data.attributes;
    const expenses = detail.expenses as { name: string; idShipment: number }[];
    expect(expenses.map((expense) => expense.name)).toEqual(['Express', 'Standard']);
    expect(
      (detail.shipments as { shipmentMethodName: string }[]).map((s) => s.shipmentMethodName),
    ).toEqual(['Express', 'Standard']);
    expect(
      (detail.items as { sku: string; idShipment: number }[]).map((item) => [
        item.sku,
        item.idShipment,
      ]),
    ).toEqual([
      [NOTEBOOK, expenses[0]?.idShipment],
      [CANON, expenses[1]?.idShipment],
      [CANON, expenses[1]?.idShipment],
    ]);
    expect(detail.totals).toMatchObject({ expenseTotal: 590 + 490, subtotal: 8005 + 2 * 7000 });
    expect(detail.shippingAddress).toMatchObject({ phone: '+49 30 1234567', country: 'Germany' });
  });

  it('deletes the cart: GET /carts/{id} is 404 101, GET /carts lists the other carts only', async () => {
    const other = await createCart(t, sonia, { name: 'Kept' });
    const cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    await checkout(consoleRequest(cartId));
    expect(
      await statusAndBody(await t.send('GET', `/carts/${cartId}`, { headers: sonia })),
    ).toEqual({
      status: 404,
      body: errorBody('101', 404, 'Cart with given uuid not found.'),
    });
    const list = (await (await t.send('GET', '/carts', { headers: sonia })).json()) as {
      data: { id: string; attributes: { isDefault: boolean } }[];
    };
    // No new cart is made; the one left is the default.
    expect(list.data.map((cart) => [cart.id, cart.attributes.isDefault])).toEqual([[other, true]]);
    for (const endpoint of ['checkout', 'checkout-data'] as const) {
      expect(await statusAndBody(await submit(t, endpoint, consoleRequest(cartId), sonia))).toEqual(
        {
          status: 422,
          body: CART_NOT_FOUND,
        },
      );
    }
  });

  it('shows the order placed through an agent to the customer’s own token, and to no one else', async () => {
    const asSonia = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    const cartId = await cartWith(t, asSonia, [[NOTEBOOK, 1]]);
    const reference = (await checkout(consoleRequest(cartId), asSonia)).data.attributes
      .orderReference;
    const list = (await (
      await t.send('GET', '/orders?page[limit]=50', { headers: sonia })
    ).json()) as {
      data: { type: string; id: string }[];
    };
    // Oldest first: the new order is the last of hers.
    expect(list.data.at(-1)).toMatchObject({ type: 'orders', id: reference });
    expect((await order(reference, sonia)).data.id).toBe(reference);
    expect((await order(reference, asSonia)).data.id).toBe(reference);
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    expect(
      await statusAndBody(await t.send('GET', `/orders/${reference}`, { headers: bill })),
    ).toEqual({
      status: 404,
      body: errorBody('801', 404, "Can't find order by the given order reference"),
    });
  });

  it('leaves the cart as it was when the checkout fails', async () => {
    const cartId = await cartWith(t, sonia, [
      [NOTEBOOK, 2],
      [CANON, 1],
    ]);
    const read = async (): Promise<unknown> =>
      (await t.send('GET', `/carts/${cartId}?include=items`, { headers: sonia })).json();
    const before = await read();
    const orders = orderCount();
    const response = await submit(
      t,
      'checkout',
      { ...consoleRequest(cartId), shipment: { idShipmentMethod: 99 } },
      sonia,
    );
    expect(response.status).toBe(422);
    expect(await read()).toEqual(before);
    expect(orderCount()).toBe(orders);
  });

  it('places exactly one order when one cart is checked out twice at once; the other is 1103', async () => {
    const cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    const orders = orderCount();
    const answers = await Promise.all([
      submit(t, 'checkout', consoleRequest(cartId), sonia),
      submit(t, 'checkout', consoleRequest(cartId), sonia),
    ]);
    const results = await Promise.all(answers.map((answer) => statusAndBody(answer)));
    expect(results.map((result) => result.status).sort()).toEqual([201, 422]);
    expect(results.find((result) => result.status === 422)?.body).toEqual(CART_NOT_FOUND);
    expect(orderCount()).toBe(orders + 1);
  });
});

describe('addresses by id (§9.1, §8)', () => {
  const SAVED = {
    salutation: 'Ms',
    firstName: 'Sonia',
    middleName: null,
    lastName: 'Wagner',
    address1: 'Hauptstraße',
    address2: '7',
    address3: null,
    company: 'Acme GmbH',
    city: 'Hamburg',
    zipCode: '20095',
    poBox: null,
    phone: '040 123',
    cellPhone: null,
    description: null,
    comment: null,
    email: null,
    country: 'Germany',
    iso2Code: 'DE',
  };

  it('bills and delivers to the customer’s saved addresses named by id', async () => {
    const uuid = await saveAddress(t, sonia, 'DE--21');
    const cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    const { shipment: _shipment, shippingAddress: _address, ...rest } = consoleRequest(cartId);
    const reference = (
      await checkout({
        ...rest,
        billingAddress: { id: uuid },
        shipments: [{ items: [NOTEBOOK], shippingAddress: { id: uuid }, idShipmentMethod: 2 }],
      })
    ).data.attributes.orderReference;
    const { attributes } = (await order(reference)).data;
    expect(attributes.billingAddress).toEqual(SAVED);
    expect(attributes.shippingAddress).toEqual(SAVED);
  });

  it('takes the saved address for the one shippingAddress when its id names one', async () => {
    const uuid = await saveAddress(t, sonia, 'DE--21');
    const cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    const shippingAddress = { ...SONIA_ADDRESS, id: uuid };
    const reference = (await checkout({ ...consoleRequest(cartId), shippingAddress })).data
      .attributes.orderReference;
    const { attributes } = (await order(reference)).data;
    expect(attributes.shippingAddress).toEqual(SAVED);
    expect(attributes.billingAddress).toMatchObject({ city: 'Berlin' });
  });

  it('takes a billing address as sent when its id is none of the customer’s', async () => {
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    const billsAddress = await saveAddress(t, bill, 'DE--4');
    const cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    const billingAddress = { ...SONIA_ADDRESS, id: billsAddress, city: 'Potsdam' };
    const reference = (await checkout({ ...consoleRequest(cartId), billingAddress })).data
      .attributes.orderReference;
    expect((await order(reference)).data.attributes.billingAddress).toMatchObject({
      city: 'Potsdam',
      company: null,
    });
    // A delivery's id must be the customer's own.
    const other = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    const { shipment: _shipment, shippingAddress: _address, ...rest } = consoleRequest(other);
    const refused = await submit(
      t,
      'checkout',
      {
        ...rest,
        shipments: [
          { items: [NOTEBOOK], shippingAddress: { id: billsAddress }, idShipmentMethod: 2 },
        ],
      },
      sonia,
    );
    expect(await statusAndBody(refused)).toEqual({
      status: 422,
      body: errorBody('1102', 422, `Customer address with ID ${billsAddress} not found.`),
    });
  });

  it('takes every country Spryker has, in any letter case, and names it in English', async () => {
    const cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    const reference = (
      await checkout({
        ...consoleRequest(cartId),
        billingAddress: { ...SONIA_ADDRESS, iso2Code: 'FR', city: 'Paris', zipCode: '75001' },
        shippingAddress: { ...SONIA_ADDRESS, iso2Code: 'de' },
      })
    ).data.attributes.orderReference;
    const { attributes } = (await order(reference)).data;
    expect(attributes.billingAddress).toMatchObject({ country: 'France', iso2Code: 'FR' });
    expect(attributes.shippingAddress).toMatchObject({ country: 'Germany', iso2Code: 'DE' });
  });
});

describe('the audit trail of the impersonation session that placed the order', () => {
  interface Change {
    method: string;
    resource: string;
    cartId: string | null;
    cartName: string | null;
    success: boolean;
    status: number;
    errorCode: string | null;
    orderReference: string | null;
  }

  async function changes(agentToken: string): Promise<Change[]> {
    const response = await t.send('GET', '/agent-impersonation-sessions?customerReference=DE--21', {
      headers: bearer(agentToken),
    });
    const body = (await response.json()) as { data: { attributes: { changes: Change[] } }[] };
    return body.data[0]?.attributes.changes ?? [];
  }

  it('records the checkout, with its cart and the order it placed, as one change', async () => {
    const agent = await signInAgent(t);
    const impersonation = await t.post(
      '/agent-customer-impersonation-access-tokens',
      {
        data: {
          type: 'agent-customer-impersonation-access-tokens',
          attributes: { customerReference: 'DE--21' },
        },
      },
      { headers: bearer(agent.accessToken) },
    );
    const asSonia = bearer(
      ((await impersonation.json()) as { data: { attributes: { accessToken: string } } }).data
        .attributes.accessToken,
    );
    const cartId = await cartWith(t, asSonia, [[NOTEBOOK, 1]]);
    const refused = await submit(
      t,
      'checkout',
      { ...consoleRequest(cartId), shipment: { idShipmentMethod: 99 } },
      asSonia,
    );
    expect(refused.status).toBe(422);
    const reference = (await checkout(consoleRequest(cartId), asSonia)).data.attributes
      .orderReference;
    const recorded = (await changes(agent.accessToken)).filter(
      (change) => change.resource === 'checkout',
    );
    expect(recorded).toEqual([
      expect.objectContaining({
        method: 'POST',
        resource: 'checkout',
        cartId,
        success: false,
        status: 422,
        errorCode: '1102',
        orderReference: null,
      }),
      expect.objectContaining({
        method: 'POST',
        resource: 'checkout',
        cartId,
        cartName: 'Weekly shopping',
        success: true,
        status: 201,
        errorCode: null,
        orderReference: reference,
      }),
    ]);
    // The cart's deletion is part of the checkout, not a change of its own.
    expect(
      (await changes(agent.accessToken)).filter(
        (change) => change.resource === 'carts' && change.method === 'DELETE',
      ),
    ).toEqual([]);
  });

  it('records nothing for a customer’s own checkout', async () => {
    const cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
    await checkout(consoleRequest(cartId));
    const rows = t.glue.db
      .prepare("SELECT count(*) FROM impersonation_audit WHERE resource = 'checkout'")
      .pluck()
      .get();
    expect(rows).toBe(0);
  });
});
