/** §9.2: `POST /checkout-data`, its answer and everything it includes. */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  createCart,
  makeTestGlue,
  signInCustomer,
  snapshot,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';
import {
  CANON,
  GIFT_CARD,
  NOTEBOOK,
  SONIA_ADDRESS,
  cartWith,
  consoleRequest,
  delivery,
  saveAddress,
  submit,
} from './checkout-fixtures';

interface Resource {
  type: string;
  id: string | null;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data: { type: string; id: string }[] }>;
  links: { self: string };
}

interface DataDocument {
  data: Resource;
  included?: Resource[];
}

const EXPRESS = {
  name: 'Express',
  carrierName: 'DHL',
  deliveryTime: null,
  price: 590,
  currencyIsoCode: 'EUR',
};

const METHODS = [
  ['1', 'Standard', 'DHL', 490],
  ['2', 'Express', 'DHL', 590],
  ['3', 'Standard', 'Hermes', 500],
  ['4', 'Same Day', 'Hermes', 1000],
  ['5', 'Next Day', 'Hermes', 1500],
] as const;

let t: TestGlue;
let sonia: Record<string, string>;
let cartId: string;

beforeEach(async () => {
  t = await makeTestGlue();
  sonia = bearer((await signInCustomer(t)).accessToken);
  cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
});

afterEach(() => t.close());

async function checkoutData(
  attributes: Record<string, unknown>,
  query = '',
  headers = sonia,
): Promise<DataDocument> {
  const response = await submit(t, 'checkout-data', attributes, headers, query);
  const text = await response.text();
  expect({ status: response.status, text }).toMatchObject({ status: 200 });
  return JSON.parse(text) as DataDocument;
}

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

/** The split request: shipments instead of shipment and shippingAddress. */
function split(shipments: unknown[], id = cartId): Record<string, unknown> {
  const { shipment: _shipment, shippingAddress: _address, ...rest } = consoleRequest(id);
  return { ...rest, shipments };
}

const ofType = (document: DataDocument, type: string): Resource[] =>
  (document.included ?? []).filter((resource) => resource.type === type);

describe('POST /checkout-data (§9.2)', () => {
  it('answers 200 with every list empty, and changes nothing', async () => {
    const before = snapshot(t.glue);
    const response = await submit(t, 'checkout-data', consoleRequest(cartId), sonia);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    expect(await response.json()).toEqual({
      data: {
        type: 'checkout-data',
        id: null,
        attributes: {
          addresses: [],
          paymentProviders: [],
          shipmentMethods: [],
          selectedShipmentMethods: [],
          selectedPaymentMethods: [],
        },
        links: { self: 'http://glue.test/checkout-data' },
      },
    });
    expect(snapshot(t.glue)).toBe(before);
  });

  it('selects a requested payment named by the provider key, not by DummyPayment', async () => {
    const selected = await checkoutData({
      ...consoleRequest(cartId),
      payments: [{ paymentProviderName: 'dummyPayment', paymentMethodName: 'Credit Card' }],
    });
    expect(selected.data.attributes.selectedPaymentMethods).toEqual([
      {
        paymentMethodName: 'Credit Card',
        paymentProviderName: 'dummyPayment',
        requiredRequestData: ['paymentMethod', 'paymentProvider'],
      },
    ]);
    for (const payments of [
      [{ paymentProviderName: 'DummyPayment', paymentMethodName: 'Invoice' }],
      [{ paymentProviderName: 'dummyPayment', paymentMethodName: 'Paypal' }],
    ]) {
      const none = await checkoutData({ ...consoleRequest(cartId), payments });
      expect(none.data.attributes.selectedPaymentMethods).toEqual([]);
    }
  });

  it('answers an empty cart normally', async () => {
    const empty = await createCart(t, sonia);
    const body = await checkoutData(consoleRequest(empty), '?include=shipments');
    expect(body.data.attributes.selectedPaymentMethods).toEqual([]);
    // A delivery is made of items: an empty cart has none.
    expect(body.included).toBeUndefined();
  });

  it('include=shipments: one delivery with the request’s address and method; the self link keeps the query', async () => {
    const body = await checkoutData(consoleRequest(cartId), '?include=shipments');
    expect(body.data.links.self).toBe('http://glue.test/checkout-data?include=shipments');
    const [shipment] = ofType(body, 'shipments');
    expect(body.data.relationships).toEqual({
      shipments: { data: [{ type: 'shipments', id: shipment?.id }] },
    });
    // md5 of method, address key and date, as Spryker's ShipmentHashGenerator makes it.
    const addressKey = md5(
      '{"firstName":"Sonia","lastName":"Wagner","address1":"Julie-Wolfthorn-Stra\\u00dfe","address2":"1","city":"Berlin","zipCode":"10115","iso2Code":"DE","salutation":"Ms"}',
    );
    const id = md5(`{"name":"Express","carrierName":"DHL"}-${addressKey}--[]`);
    expect(shipment).toEqual({
      type: 'shipments',
      id,
      attributes: {
        items: [NOTEBOOK],
        shippingAddress: {
          id: null,
          ...{ salutation: 'Ms', firstName: 'Sonia', lastName: 'Wagner' },
          ...{ address1: 'Julie-Wolfthorn-Straße', address2: '1', address3: null },
          ...{ zipCode: '10115', city: 'Berlin', country: null, iso2Code: 'DE' },
          ...{ company: null, phone: null, isDefaultBilling: null, isDefaultShipping: null },
        },
        selectedShipmentMethod: {
          id: 2,
          name: 'Express',
          carrierName: 'DHL',
          price: 590,
          taxRate: '19.00',
          deliveryTime: null,
          currencyIsoCode: 'EUR',
        },
        requestedDeliveryDate: null,
      },
      links: { self: `http://glue.test/shipments/${id}` },
    });
  });

  it('include=shipments: everything null where no address, no valid method was sent', async () => {
    const { shippingAddress: _address, ...rest } = consoleRequest(cartId);
    const attributes = { ...rest, shipment: { idShipmentMethod: 99 } };
    const [shipment] = ofType(await checkoutData(attributes, '?include=shipments'), 'shipments');
    expect(shipment?.id).toBe(md5('---[]'));
    expect(shipment?.attributes.selectedShipmentMethod).toEqual({
      id: null,
      name: null,
      carrierName: null,
      price: null,
      taxRate: null,
      deliveryTime: null,
      currencyIsoCode: null,
    });
    expect(Object.values(shipment?.attributes.shippingAddress as object)).toEqual(
      Array<null>(15).fill(null),
    );
  });

  it('include=shipments,shipment-methods: the methods 1–5 of each delivery, before it', async () => {
    const body = await checkoutData(consoleRequest(cartId), '?include=shipments,shipment-methods');
    const types = (body.included ?? []).map((resource) => resource.type);
    expect(types).toEqual([...Array<string>(5).fill('shipment-methods'), 'shipments']);
    expect(ofType(body, 'shipment-methods')).toEqual(
      METHODS.map(([id, name, carrierName, price]) => ({
        type: 'shipment-methods',
        id,
        attributes: { name, carrierName, deliveryTime: null, price, currencyIsoCode: 'EUR' },
        links: { self: `http://glue.test/shipment-methods/${id}` },
      })),
    );
    expect(ofType(body, 'shipment-methods')[1]?.attributes).toEqual(EXPRESS);
    expect(ofType(body, 'shipments')[0]?.relationships).toEqual({
      'shipment-methods': {
        data: METHODS.map(([id]) => ({ type: 'shipment-methods', id })),
      },
    });
  });

  it('include=shipment-methods without shipments includes nothing', async () => {
    const body = await checkoutData(consoleRequest(cartId), '?include=shipment-methods');
    expect(body.included).toBeUndefined();
    expect(body.data.relationships).toBeUndefined();
  });

  it('sorts the methods by sort=shipment-methods.<attribute>, - for descending', async () => {
    const ids = async (sort: string): Promise<(string | null)[]> =>
      ofType(
        await checkoutData(
          consoleRequest(cartId),
          `?include=shipments,shipment-methods&sort=${sort}`,
        ),
        'shipment-methods',
      ).map((method) => method.id);
    expect(await ids('-shipment-methods.price')).toEqual(['5', '4', '2', '3', '1']);
    expect(await ids('shipment-methods.price')).toEqual(['1', '3', '2', '4', '5']);
    // Equal names keep their order; the next field decides between them.
    expect(await ids('shipment-methods.name')).toEqual(['2', '5', '4', '1', '3']);
    expect(await ids('shipment-methods.name,-shipment-methods.carrierName')).toEqual([
      '2',
      '5',
      '4',
      '3',
      '1',
    ]);
    expect(await ids('createdAt')).toEqual(['1', '2', '3', '4', '5']);
  });

  it('offers a delivery of gift cards only NoShipment (11) alone, any other delivery 1–5', async () => {
    const giftCards = await cartWith(t, sonia, [[GIFT_CARD, 1]]);
    const only = await checkoutData(
      consoleRequest(giftCards),
      '?include=shipments,shipment-methods',
    );
    expect(ofType(only, 'shipment-methods')).toEqual([
      {
        type: 'shipment-methods',
        id: '11',
        attributes: {
          name: 'NoShipment',
          carrierName: 'NoShipment',
          deliveryTime: null,
          price: 0,
          currencyIsoCode: 'EUR',
        },
        links: { self: 'http://glue.test/shipment-methods/11' },
      },
    ]);
    // Express may not carry gift cards alone: no method is selected.
    expect(ofType(only, 'shipments')[0]?.attributes.selectedShipmentMethod).toMatchObject({
      id: null,
    });
    const mixed = await cartWith(t, sonia, [
      [GIFT_CARD, 1],
      [NOTEBOOK, 1],
    ]);
    const both = await checkoutData(consoleRequest(mixed), '?include=shipments,shipment-methods');
    expect(ofType(both, 'shipment-methods').map((method) => method.id)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
  });

  it('include=shipments with split deliveries: one resource per delivery, the same ones together', async () => {
    const three = await cartWith(t, sonia, [
      [NOTEBOOK, 1],
      [CANON, 1],
      ['211_123', 1],
    ]);
    const body = await checkoutData(
      split([delivery([NOTEBOOK], 2), delivery(['211_123'], 2), delivery([CANON], 1)], three),
      '?include=shipments',
    );
    const shipments = ofType(body, 'shipments');
    expect(shipments.map((shipment) => shipment.attributes.items)).toEqual([
      [NOTEBOOK, '211_123'],
      [CANON],
    ]);
    expect(
      shipments.map(
        (shipment) => (shipment.attributes.selectedShipmentMethod as { id: number }).id,
      ),
    ).toEqual([2, 1]);
    expect((shipments[0]?.attributes.shippingAddress as { phone: string }).phone).toBe(
      '+49 30 1234567',
    );
    // A requested date makes a delivery of its own.
    const dated = await checkoutData(
      split(
        [
          delivery([NOTEBOOK, CANON], 2),
          { ...delivery(['211_123'], 2), requestedDeliveryDate: '2027-02-01' },
        ],
        three,
      ),
      '?include=shipments',
    );
    expect(
      ofType(dated, 'shipments').map((shipment) => shipment.attributes.requestedDeliveryDate),
    ).toEqual([null, '2027-02-01']);
  });

  it('include=payment-methods: Invoice and Credit Card of dummyPayment', async () => {
    const body = await checkoutData(consoleRequest(cartId), '?include=payment-methods');
    expect(body.data.relationships).toEqual({
      'payment-methods': {
        data: [
          { type: 'payment-methods', id: '1' },
          { type: 'payment-methods', id: '2' },
        ],
      },
    });
    expect(body.included).toEqual(
      [
        ['1', 'Invoice', 1],
        ['2', 'Credit Card', 2],
      ].map(([id, paymentMethodName, priority]) => ({
        type: 'payment-methods',
        id,
        attributes: {
          paymentMethodName,
          paymentProviderName: 'dummyPayment',
          priority,
          requiredRequestData: ['paymentMethod', 'paymentProvider'],
        },
        links: { self: `http://glue.test/payment-methods/${String(id)}` },
      })),
    );
  });

  it('include=carts: the cart as GET /carts/{id} answers it; with items, they come first', async () => {
    const body = await checkoutData(consoleRequest(cartId), '?include=carts');
    const cart = (await (await t.send('GET', `/carts/${cartId}`, { headers: sonia })).json()) as {
      data: Resource;
    };
    expect(body.included).toEqual([cart.data]);
    expect(body.data.relationships).toEqual({ carts: { data: [{ type: 'carts', id: cartId }] } });
    const withItems = await checkoutData(consoleRequest(cartId), '?include=carts,items');
    expect((withItems.included ?? []).map((resource) => resource.type)).toEqual(['items', 'carts']);
    expect(withItems.included?.[1]?.relationships).toEqual({
      items: { data: [{ type: 'items', id: NOTEBOOK }] },
    });
  });

  it('include=addresses: the customer’s saved addresses, as §8 answers them', async () => {
    const none = await checkoutData(consoleRequest(cartId), '?include=addresses');
    // The demo data holds no saved addresses.
    expect(none.included).toBeUndefined();
    expect(none.data.relationships).toBeUndefined();
    const first = await saveAddress(t, sonia, 'DE--21');
    const second = await saveAddress(t, sonia, 'DE--21', { city: 'Bremen', zipCode: '28195' });
    const body = await checkoutData(consoleRequest(cartId), '?include=addresses');
    const listed = (await (
      await t.send('GET', '/customers/DE--21/addresses', { headers: sonia })
    ).json()) as { data: Resource[] };
    expect(body.included).toEqual(listed.data);
    expect(body.data.relationships).toEqual({
      addresses: {
        data: [
          { type: 'addresses', id: first },
          { type: 'addresses', id: second },
        ],
      },
    });
    expect(body.included?.[0]?.links.self).toBe(
      `http://glue.test/customers/DE--21/addresses/${first}`,
    );
  });

  it('include=shipments: a delivery to a saved address shows it, with its id, country and flags', async () => {
    const uuid = await saveAddress(t, sonia, 'DE--21');
    const body = await checkoutData(
      split([{ items: [NOTEBOOK], shippingAddress: { id: uuid }, idShipmentMethod: 1 }]),
      '?include=shipments',
    );
    expect(ofType(body, 'shipments')[0]?.attributes.shippingAddress).toEqual({
      id: uuid,
      salutation: 'Ms',
      firstName: 'Sonia',
      lastName: 'Wagner',
      address1: 'Hauptstraße',
      address2: '7',
      address3: null,
      zipCode: '20095',
      city: 'Hamburg',
      country: 'Germany',
      iso2Code: 'DE',
      company: 'Acme GmbH',
      phone: '040 123',
      isDefaultBilling: true,
      isDefaultShipping: true,
    });
  });

  it('includes nested resources before their parent: methods, shipments, payment methods, addresses, carts', async () => {
    await saveAddress(t, sonia, 'DE--21');
    const body = await checkoutData(
      consoleRequest(cartId),
      '?include=carts,payment-methods,addresses,shipment-methods,shipments',
    );
    expect((body.included ?? []).map((resource) => resource.type)).toEqual([
      ...Array<string>(5).fill('shipment-methods'),
      'shipments',
      'payment-methods',
      'payment-methods',
      'addresses',
      'carts',
    ]);
    expect(Object.keys(body.data.relationships ?? {})).toEqual([
      'shipments',
      'payment-methods',
      'addresses',
      'carts',
    ]);
  });

  it('reads the cart with the request applied to a copy: the cart itself is unchanged', async () => {
    const before = await (
      await t.send('GET', `/carts/${cartId}?include=items`, { headers: sonia })
    ).text();
    await checkoutData(
      { ...consoleRequest(cartId), shippingAddress: { ...SONIA_ADDRESS, city: 'Hamburg' } },
      '?include=shipments,carts',
    );
    const after = await (
      await t.send('GET', `/carts/${cartId}?include=items`, { headers: sonia })
    ).text();
    expect(after).toBe(before);
  });
});
