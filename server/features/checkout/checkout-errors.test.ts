/**
 * §9.5–§9.7: every request rule, every error row, the order of the checks — for both endpoints.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  createCart,
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
import {
  CAMERA,
  CANON,
  NOTEBOOK,
  SONIA_ADDRESS,
  cartWith,
  consoleRequest,
  delivery,
  submit,
} from './checkout-fixtures';

type Endpoint = 'checkout' | 'checkout-data';
const BOTH: Endpoint[] = ['checkout-data', 'checkout'];

interface ErrorObject {
  code?: string;
  status: number;
  detail: string;
}

const v901 = (detail: string): ErrorObject => ({ code: '901', status: 422, detail });
const e1102 = (detail: string): ErrorObject => ({ code: '1102', status: 422, detail });
const e1101 = (detail: string): ErrorObject => ({ code: '1101', status: 422, detail });
const CART_NOT_FOUND: ErrorObject = { code: '1103', status: 422, detail: 'Cart not found.' };
const NO_USER: ErrorObject = {
  code: '1105',
  status: 400,
  detail: 'One of Authorization or X-Anonymous-Customer-Unique-Id headers is required.',
};
const MULTIPLE_PAYMENTS: ErrorObject = {
  code: '1107',
  status: 400,
  detail: 'Multiple payments are not allowed.',
};
const MIXED: ErrorObject = {
  code: '4301',
  status: 422,
  detail: 'Single and multiple shipments attributes are not allowed in the same request.',
};
const ADDRESS_NOT_VALID: ErrorObject = {
  code: '4302',
  status: 422,
  detail: 'Provided address is not valid. You can either provide address ID or address fields.',
};
const SHIPMENT_NOT_SPECIFIED: ErrorObject = {
  code: '4303',
  status: 422,
  detail: 'Shipment attribute is not specified.',
};
const SHIPMENTS_NOT_SPECIFIED: ErrorObject = {
  code: '4304',
  status: 422,
  detail: 'Shipments attributes are not specified.',
};
const THRESHOLD_EN =
  'The cart value cannot be higher than €10,000.00. Please remove some items to proceed with the order';
// Spryker formats the threshold in the request's locale, as ICU does: a no-break space before €.
const THRESHOLD_DE =
  'Der Warenkorbwert darf nicht höher als 10.000,00\u00a0€ sein. Bitte entfernen Sie einige Artikel, um mit der Bestellung fortzufahren';

let t: TestGlue;
let sonia: Record<string, string>;
let cartId: string;

beforeEach(async () => {
  t = await makeTestGlue();
  sonia = bearer((await signInCustomer(t)).accessToken);
  cartId = await cartWith(t, sonia, [[NOTEBOOK, 1]]);
});

afterEach(() => t.close());

/** The answer's status and errors; the status must be the last error's (§1). */
async function errorsOf(response: Response): Promise<{ status: number; errors: ErrorObject[] }> {
  const { status, body } = await statusAndBody(response);
  const errors = (body as { errors?: ErrorObject[] } | null)?.errors ?? [];
  return { status, errors };
}

async function expectErrors(response: Response, errors: ErrorObject[], where = ''): Promise<void> {
  expect({ where, ...(await errorsOf(response)) }).toEqual({
    where,
    status: errors.at(-1)?.status,
    errors,
  });
}

/** The console's request with some attributes changed (undefined: left out). */
function request(changes: Record<string, unknown>, id = cartId): Record<string, unknown> {
  const attributes: Record<string, unknown> = { ...consoleRequest(id), ...changes };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete attributes[key];
  }
  return attributes;
}

const german = (headers: Record<string, string>): Record<string, string> => ({
  ...headers,
  'Accept-Language': 'de-DE,de;q=0.9,en;q=0.8',
});

describe('§9.7 request rules (422 901, nested paths joined with ".")', () => {
  it('idCart: required and not blank, on both endpoints', async () => {
    for (const endpoint of BOTH) {
      await expectErrors(
        await submit(t, endpoint, request({ idCart: undefined }), sonia),
        [v901('idCart => This field is missing.')],
        endpoint,
      );
      await expectErrors(
        await submit(t, endpoint, request({ idCart: '' }), sonia),
        [v901('idCart => This value should not be blank.')],
        endpoint,
      );
    }
  });

  it('customer.salutation and customer.email: required when customer is sent; the e-mail valid', async () => {
    for (const endpoint of BOTH) {
      await expectErrors(
        await submit(t, endpoint, request({ customer: { firstName: 'Sonia' } }), sonia),
        [
          v901('customer.salutation => This field is missing.'),
          v901('customer.email => This field is missing.'),
        ],
        endpoint,
      );
      await expectErrors(
        await submit(t, endpoint, request({ customer: { salutation: '', email: '' } }), sonia),
        [
          v901('customer.salutation => This value should not be blank.'),
          v901('customer.email => Email is invalid.'),
        ],
        endpoint,
      );
      await expectErrors(
        await submit(
          t,
          endpoint,
          request({ customer: { salutation: 'Ms', email: 'sonia@' } }),
          sonia,
        ),
        [v901('customer.email => Email is invalid.')],
        endpoint,
      );
    }
  });

  it('billingAddress: a required key of checkout, optional for checkout-data', async () => {
    await expectErrors(await submit(t, 'checkout', request({ billingAddress: undefined }), sonia), [
      v901('billingAddress => This field is missing.'),
    ]);
    const data = await submit(t, 'checkout-data', request({ billingAddress: undefined }), sonia);
    expect(data.status).toBe(200);
  });

  it('billingAddress.<field>: not blank when sent, city at least 3 characters', async () => {
    for (const endpoint of BOTH) {
      const billingAddress = { ...SONIA_ADDRESS, firstName: '', city: '' };
      await expectErrors(
        await submit(t, endpoint, request({ billingAddress }), sonia),
        [
          v901('billingAddress.firstName => This value should not be blank.'),
          v901('billingAddress.city => This value should not be blank.'),
          v901(
            'billingAddress.city => This value is too short. It should have 3 characters or more.',
          ),
        ],
        endpoint,
      );
      await expectErrors(
        await submit(
          t,
          endpoint,
          request({ billingAddress: { ...SONIA_ADDRESS, city: 'Ab' } }),
          sonia,
        ),
        [
          v901(
            'billingAddress.city => This value is too short. It should have 3 characters or more.',
          ),
        ],
        endpoint,
      );
      await expectErrors(
        await submit(
          t,
          endpoint,
          request({ billingAddress: { ...SONIA_ADDRESS, zipCode: null } }),
          sonia,
        ),
        [v901('billingAddress.zipCode => This value should not be blank.')],
        endpoint,
      );
    }
  });

  it('billingAddress.<field>: without an id, each missing field is missing (step 2, in order)', async () => {
    for (const endpoint of BOTH) {
      await expectErrors(
        await submit(
          t,
          endpoint,
          request({ billingAddress: { firstName: 'Sonia', city: 'Berlin' } }),
          sonia,
        ),
        ['salutation', 'lastName', 'address1', 'address2', 'zipCode', 'iso2Code'].map((field) =>
          v901(`billingAddress.${field} => This field is missing.`),
        ),
        endpoint,
      );
      // With an id the fields are not looked for; Spryker takes the address as sent.
      const withId = await submit(
        t,
        'checkout-data',
        request({ billingAddress: { id: '6b5a7c2e-0000-4000-8000-000000000001' } }),
        sonia,
      );
      expect(withId.status).toBe(200);
    }
  });

  it('shippingAddress.<field>: every field a required key, not blank; an id alone does not pass', async () => {
    const missing = [
      'salutation',
      'firstName',
      'lastName',
      'address1',
      'address2',
      'zipCode',
      'city',
      'iso2Code',
    ].map((field) => v901(`shippingAddress.${field} => This field is missing.`));
    for (const endpoint of BOTH) {
      await expectErrors(
        await submit(t, endpoint, request({ shippingAddress: {} }), sonia),
        missing,
        endpoint,
      );
      await expectErrors(
        await submit(
          t,
          endpoint,
          request({ shippingAddress: { id: '6b5a7c2e-0000-4000-8000-000000000001' } }),
          sonia,
        ),
        missing,
        endpoint,
      );
      await expectErrors(
        await submit(
          t,
          endpoint,
          request({ shippingAddress: { ...SONIA_ADDRESS, lastName: '', city: 'X' } }),
          sonia,
        ),
        [
          v901('shippingAddress.lastName => This value should not be blank.'),
          v901(
            'shippingAddress.city => This value is too short. It should have 3 characters or more.',
          ),
        ],
        endpoint,
      );
    }
  });

  it('shippingAddress.isDefaultBilling / isDefaultShipping: boolean when sent', async () => {
    for (const endpoint of BOTH) {
      const shippingAddress = { ...SONIA_ADDRESS, isDefaultBilling: 'yes', isDefaultShipping: 1 };
      await expectErrors(
        await submit(t, endpoint, request({ shippingAddress }), sonia),
        [
          v901('shippingAddress.isDefaultBilling => This value should be of type boolean.'),
          v901('shippingAddress.isDefaultShipping => This value should be of type boolean.'),
        ],
        endpoint,
      );
    }
    const flags = { ...SONIA_ADDRESS, isDefaultBilling: true, isDefaultShipping: null };
    expect(
      (await submit(t, 'checkout-data', request({ shippingAddress: flags }), sonia)).status,
    ).toBe(200);
  });

  it('payments: required and not empty for checkout, optional for checkout-data', async () => {
    await expectErrors(await submit(t, 'checkout', request({ payments: undefined }), sonia), [
      v901('payments => This field is missing.'),
    ]);
    await expectErrors(await submit(t, 'checkout', request({ payments: [] }), sonia), [
      v901('payments => This value should not be blank.'),
    ]);
    expect((await submit(t, 'checkout-data', request({ payments: undefined }), sonia)).status).toBe(
      200,
    );
    expect((await submit(t, 'checkout-data', request({ payments: [] }), sonia)).status).toBe(200);
  });

  it('payments.<i>.paymentMethodName, .paymentProviderName: required, not blank, method first', async () => {
    for (const endpoint of BOTH) {
      await expectErrors(
        await submit(t, endpoint, request({ payments: [{}] }), sonia),
        [
          v901('payments.0.paymentMethodName => This field is missing.'),
          v901('payments.0.paymentProviderName => This field is missing.'),
        ],
        endpoint,
      );
      await expectErrors(
        await submit(
          t,
          endpoint,
          request({ payments: [{ paymentProviderName: '', paymentMethodName: '' }] }),
          sonia,
        ),
        [
          v901('payments.0.paymentMethodName => This value should not be blank.'),
          v901('payments.0.paymentProviderName => This value should not be blank.'),
        ],
        endpoint,
      );
    }
  });

  it('shipment.idShipmentMethod: a required key when shipment is sent, numeric', async () => {
    for (const endpoint of BOTH) {
      await expectErrors(
        await submit(t, endpoint, request({ shipment: {} }), sonia),
        [v901('shipment.idShipmentMethod => This field is missing.')],
        endpoint,
      );
      await expectErrors(
        await submit(t, endpoint, request({ shipment: { idShipmentMethod: 'express' } }), sonia),
        [v901('shipment.idShipmentMethod => This value should be of type numeric.')],
        endpoint,
      );
    }
    // A numeric string is a number.
    expect(
      (await submit(t, 'checkout', request({ shipment: { idShipmentMethod: '2' } }), sonia)).status,
    ).toBe(201);
  });

  it('shipments.<i>.items.<j>: not blank, a string', async () => {
    for (const endpoint of BOTH) {
      const shipments = [{ ...delivery([NOTEBOOK]), items: ['', 5] }];
      await expectErrors(
        await submit(
          t,
          endpoint,
          request({ shipment: undefined, shippingAddress: undefined, shipments }),
          sonia,
        ),
        [
          v901('shipments.0.items.0 => This value should not be blank.'),
          v901('shipments.0.items.1 => This value should be of type string.'),
        ],
        endpoint,
      );
    }
  });

  it('shipments.<i>.shippingAddress: not blank when sent', async () => {
    for (const endpoint of BOTH) {
      const shipments = [delivery([NOTEBOOK]), { ...delivery([NOTEBOOK]), shippingAddress: {} }];
      await expectErrors(
        await submit(
          t,
          endpoint,
          request({ shipment: undefined, shippingAddress: undefined, shipments }),
          sonia,
        ),
        [v901('shipments.1.shippingAddress => This value should not be blank.')],
        endpoint,
      );
    }
  });

  it('shipments.<i>.idShipmentMethod: numeric; for checkout also required and not blank', async () => {
    const split = (entry: Record<string, unknown>): Record<string, unknown> =>
      request({ shipment: undefined, shippingAddress: undefined, shipments: [entry] });
    for (const endpoint of BOTH) {
      await expectErrors(
        await submit(
          t,
          endpoint,
          split({ ...delivery([NOTEBOOK]), idShipmentMethod: 'one' }),
          sonia,
        ),
        [v901('shipments.0.idShipmentMethod => This value should be of type numeric.')],
        endpoint,
      );
    }
    const { idShipmentMethod: _left, ...withoutMethod } = delivery([NOTEBOOK]);
    await expectErrors(await submit(t, 'checkout', split(withoutMethod), sonia), [
      v901('shipments.0.idShipmentMethod => This field is missing.'),
    ]);
    await expectErrors(
      await submit(
        t,
        'checkout',
        split({ ...delivery([NOTEBOOK]), idShipmentMethod: null }),
        sonia,
      ),
      [v901('shipments.0.idShipmentMethod => This value should not be blank.')],
    );
    expect((await submit(t, 'checkout-data', split(withoutMethod), sonia)).status).toBe(200);
  });

  it('shipments.<i>.requestedDeliveryDate: a date YYYY-MM-DD when sent, null passes', async () => {
    const split = (date: unknown): Record<string, unknown> =>
      request({
        shipment: undefined,
        shippingAddress: undefined,
        shipments: [{ ...delivery([NOTEBOOK]), requestedDeliveryDate: date }],
      });
    for (const endpoint of BOTH) {
      for (const date of ['2027-02-30', '15.01.2027', '2027-1-5']) {
        await expectErrors(
          await submit(t, endpoint, split(date), sonia),
          [v901('shipments.0.requestedDeliveryDate => This value is not a valid date.')],
          `${endpoint} ${date}`,
        );
      }
    }
    expect((await submit(t, 'checkout-data', split(null), sonia)).status).toBe(200);
    expect((await submit(t, 'checkout-data', split('2027-02-28'), sonia)).status).toBe(200);
  });

  it('ignores unknown attributes', async () => {
    const response = await submit(
      t,
      'checkout',
      request({ preOrderPaymentData: [], giftWrap: true, customer_reference: 'DE--4' }),
      sonia,
    );
    expect(response.status).toBe(201);
  });
});

describe('§9.5 order of checks', () => {
  it('answers the request document before the token: 400 Invalid type. with a bad token', async () => {
    for (const endpoint of BOTH) {
      const wrongType = t.post(`/${endpoint}`, document('carts', consoleRequest(cartId)), {
        headers: { Authorization: 'Bearer garbage' },
      });
      expect(await statusAndBody(await wrongType)).toEqual({
        status: 400,
        body: errorBody(null, 400, 'Invalid type.'),
      });
      const unreadable = await t.post(`/${endpoint}`, '{"data":', { headers: {} });
      expect(await statusAndBody(unreadable)).toEqual({
        status: 400,
        body: errorBody(null, 400, 'Post data is invalid.'),
      });
    }
  });

  it('answers an invalid token (401 001) before the request rules', async () => {
    for (const endpoint of BOTH) {
      const response = await submit(t, endpoint, {}, { Authorization: 'Bearer garbage' });
      await expectErrors(response, [{ code: '001', status: 401, detail: 'Invalid access token.' }]);
    }
  });

  it('answers the request rules (901) before the missing token (1105)', async () => {
    for (const endpoint of BOTH) {
      await expectErrors(await submit(t, endpoint, request({ idCart: '' }), {}), [
        v901('idCart => This value should not be blank.'),
      ]);
    }
  });

  it('collects the checkout module’s checks into one answer, its status the last one’s', async () => {
    const attributes = request({
      billingAddress: {
        firstName: 'Sonia',
        lastName: 'Wagner',
        address1: 'Hauptstraße',
        address2: '1',
        zipCode: '10115',
        city: 'Berlin',
        iso2Code: 'DE',
      },
      shipment: undefined,
      payments: [
        { paymentProviderName: 'DummyPayment', paymentMethodName: 'Invoice' },
        { paymentProviderName: 'DummyPayment', paymentMethodName: 'Credit Card' },
      ],
    });
    await expectErrors(await submit(t, 'checkout', attributes, {}), [
      NO_USER,
      MULTIPLE_PAYMENTS,
      v901('billingAddress.salutation => This field is missing.'),
      SHIPMENT_NOT_SPECIFIED,
    ]);
    // checkout-data has no delivery checks: the last error is 1107's, so the answer is a 400.
    await expectErrors(await submit(t, 'checkout-data', attributes, {}), [
      NO_USER,
      MULTIPLE_PAYMENTS,
      v901('billingAddress.salutation => This field is missing.'),
    ]);
  });

  it('collects the 1102 checks of the order in Zed, after the cart checks', async () => {
    const attributes = request({
      billingAddress: { ...SONIA_ADDRESS, iso2Code: 'XX' },
      shipment: { idShipmentMethod: 99 },
    });
    await expectErrors(await submit(t, 'checkout', attributes, sonia), [
      e1102('Shipment method not found.'),
      e1102('Billing address country not found for country code: XX'),
    ]);
    // The cart is checked first: an unknown one is 1103 alone.
    await expectErrors(
      await submit(t, 'checkout', { ...attributes, idCart: 'no-such-cart' }, sonia),
      [CART_NOT_FOUND],
    );
  });
});

describe('§9.6 errors', () => {
  it('001: an invalid token, on both endpoints, with WWW-Authenticate', async () => {
    for (const endpoint of BOTH) {
      for (const authorization of ['Bearer garbage', 'Basic YTpi']) {
        const response = await submit(t, endpoint, consoleRequest(cartId), {
          Authorization: authorization,
        });
        expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Access to shop API"');
        await expectErrors(response, [
          { code: '001', status: 401, detail: 'Invalid access token.' },
        ]);
      }
    }
  });

  it('1101: checkout-data for a cart above the hard maximum (localized)', async () => {
    const cameras = await cartWith(t, sonia, [[CAMERA, 3]]);
    const attributes = consoleRequest(cameras);
    await expectErrors(await submit(t, 'checkout-data', attributes, sonia), [e1101(THRESHOLD_EN)]);
    await expectErrors(await submit(t, 'checkout-data', attributes, german(sonia)), [
      e1101(THRESHOLD_DE),
    ]);
    // 2 × 345 699 is below it.
    const two = await cartWith(t, sonia, [[CAMERA, 2]]);
    expect((await submit(t, 'checkout-data', consoleRequest(two), sonia)).status).toBe(200);
  });

  it('1101: checkout-data whose shipments leave a cart item out (localized)', async () => {
    const two = await cartWith(t, sonia, [
      [NOTEBOOK, 1],
      [CANON, 2],
    ]);
    const attributes = request(
      { shipment: undefined, shippingAddress: undefined, shipments: [delivery([NOTEBOOK])] },
      two,
    );
    await expectErrors(await submit(t, 'checkout-data', attributes, sonia), [
      e1101(`No shipment selected for the cart item ${CANON}.`),
    ]);
    await expectErrors(await submit(t, 'checkout-data', attributes, german(sonia)), [
      e1101(`Es wurde keine Lieferung für den Warenkorbartikel ${CANON} ausgewählt.`),
    ]);
  });

  it('1102: a shipment method id that is none (0, 99) — Shipment method not found. / Versandart nicht gefunden.', async () => {
    for (const idShipmentMethod of [0, 99, '99']) {
      const attributes = request({ shipment: { idShipmentMethod } });
      await expectErrors(await submit(t, 'checkout', attributes, sonia), [
        e1102('Shipment method not found.'),
      ]);
      await expectErrors(await submit(t, 'checkout', attributes, german(sonia)), [
        e1102('Versandart nicht gefunden.'),
      ]);
    }
  });

  it('1102: a payment that is none of §9.1’s — Checkout payment is not valid (localized)', async () => {
    for (const payment of [
      { paymentProviderName: 'fake_provider_name', paymentMethodName: 'fake_payment.method_name' },
      { paymentProviderName: 'DummyPayment', paymentMethodName: 'invoice' },
      { paymentProviderName: 'dummyPaymentInvoice', paymentMethodName: 'Invoice' },
    ]) {
      const attributes = request({ payments: [payment] });
      await expectErrors(await submit(t, 'checkout', attributes, sonia), [
        e1102('Checkout payment is not valid'),
      ]);
      await expectErrors(await submit(t, 'checkout', attributes, german(sonia)), [
        e1102('Checkout Zahlung ist ungültig'),
      ]);
    }
  });

  it('1102: a billing country that is none — Billing address country not found … (localized)', async () => {
    for (const iso2Code of ['fake_iso2Code', 'XX']) {
      const attributes = request({ billingAddress: { ...SONIA_ADDRESS, iso2Code } });
      await expectErrors(await submit(t, 'checkout', attributes, sonia), [
        e1102(`Billing address country not found for country code: ${iso2Code}`),
      ]);
      await expectErrors(await submit(t, 'checkout', attributes, german(sonia)), [
        e1102(`Rechnungsadresse Land für Ländercode nicht gefunden: ${iso2Code}`),
      ]);
    }
  });

  it('1102: a delivery’s country that is none — Shipping address country not found … (localized)', async () => {
    const entry = delivery([NOTEBOOK]);
    const shipments = [
      { ...entry, shippingAddress: { ...(entry.shippingAddress as object), iso2Code: 'XX' } },
    ];
    const attributes = request({ shipment: undefined, shippingAddress: undefined, shipments });
    await expectErrors(await submit(t, 'checkout', attributes, sonia), [
      e1102('Shipping address country not found for country code: XX'),
    ]);
    await expectErrors(await submit(t, 'checkout', attributes, german(sonia)), [
      e1102('Lieferadresse Land für Ländercode nicht gefunden: XX'),
    ]);
  });

  it('1102: shipments that leave a cart item out — No shipment selected … (localized)', async () => {
    const two = await cartWith(t, sonia, [
      [NOTEBOOK, 1],
      [CANON, 2],
    ]);
    const attributes = request(
      { shipment: undefined, shippingAddress: undefined, shipments: [delivery([CANON])] },
      two,
    );
    await expectErrors(await submit(t, 'checkout', attributes, sonia), [
      e1102(`No shipment selected for the cart item ${NOTEBOOK}.`),
    ]);
    await expectErrors(await submit(t, 'checkout', attributes, german(sonia)), [
      e1102(`Es wurde keine Lieferung für den Warenkorbartikel ${NOTEBOOK} ausgewählt.`),
    ]);
  });

  it('1102: a delivery address id that is none of the customer’s — Customer address with ID … (localized)', async () => {
    const uuid = '6b5a7c2e-0000-4000-8000-000000000001';
    const attributes = request({
      shipment: undefined,
      shippingAddress: undefined,
      shipments: [{ ...delivery([NOTEBOOK]), shippingAddress: { id: uuid } }],
    });
    await expectErrors(await submit(t, 'checkout', attributes, sonia), [
      e1102(`Customer address with ID ${uuid} not found.`),
    ]);
    await expectErrors(await submit(t, 'checkout', attributes, german(sonia)), [
      e1102(` Kundenaddresse mit ID ${uuid} wurde nicht gefunden.`),
    ]);
  });

  it('1102: checkout of a cart above the hard maximum (3 × 017_21748906, localized)', async () => {
    const cameras = await cartWith(t, sonia, [[CAMERA, 3]]);
    await expectErrors(await submit(t, 'checkout', consoleRequest(cameras), sonia), [
      e1102(THRESHOLD_EN),
    ]);
    await expectErrors(await submit(t, 'checkout', consoleRequest(cameras), german(sonia)), [
      e1102(THRESHOLD_DE),
    ]);
  });

  it('1103: an unknown cart, one that is no UUID, another customer’s — on both endpoints', async () => {
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    const billsCart = await cartWith(t, bill, [[NOTEBOOK, 1]]);
    for (const endpoint of BOTH) {
      for (const idCart of ['8f7b1f44-1c2b-4d1e-9a4e-000000000000', 'not-a-uuid', billsCart, 42]) {
        await expectErrors(
          await submit(t, endpoint, request({ idCart }), sonia),
          [CART_NOT_FOUND],
          `${endpoint} ${String(idCart)}`,
        );
      }
    }
    // Details without a glossary entry stay English.
    await expectErrors(
      await submit(t, 'checkout', request({ idCart: 'not-a-uuid' }), german(sonia)),
      [CART_NOT_FOUND],
    );
  });

  it('1104: checkout of a cart without items; checkout-data answers it normally', async () => {
    const empty = await createCart(t, sonia);
    await expectErrors(await submit(t, 'checkout', consoleRequest(empty), sonia), [
      { code: '1104', status: 422, detail: 'Cart is empty.' },
    ]);
    expect((await submit(t, 'checkout-data', consoleRequest(empty), sonia)).status).toBe(200);
  });

  it('1105: no Authorization, on both endpoints (an X-Agent-Authorization is none)', async () => {
    const { accessToken } = await signInAsCustomerThroughAgent(t);
    for (const endpoint of BOTH) {
      const headerSets: Record<string, string>[] = [
        {},
        { 'X-Agent-Authorization': `Bearer ${accessToken}` },
      ];
      for (const headers of headerSets) {
        await expectErrors(await submit(t, endpoint, consoleRequest(cartId), headers), [NO_USER]);
      }
    }
  });

  it('1107: more than one payment, on both endpoints (400)', async () => {
    const payments = [
      { paymentProviderName: 'DummyPayment', paymentMethodName: 'Invoice' },
      { paymentProviderName: 'DummyPayment', paymentMethodName: 'Invoice' },
    ];
    for (const endpoint of BOTH) {
      await expectErrors(await submit(t, endpoint, request({ payments }), sonia), [
        MULTIPLE_PAYMENTS,
      ]);
    }
  });

  it('1108 is never answered: an unknown payment is 1102 Checkout payment is not valid', async () => {
    const payments = [{ paymentProviderName: 'Paypal', paymentMethodName: 'Express' }];
    const { errors } = await errorsOf(await submit(t, 'checkout', request({ payments }), sonia));
    expect(errors.map((error) => error.code)).toEqual(['1102']);
    expect((await submit(t, 'checkout-data', request({ payments }), sonia)).status).toBe(200);
  });

  it('1109 is not reached with a customer token: the customer object may be left out', async () => {
    const response = await submit(t, 'checkout', request({ customer: undefined }), sonia);
    expect(response.status).toBe(201);
  });

  it('4301: checkout with shipments and also shipment or shippingAddress', async () => {
    const shipments = [delivery([NOTEBOOK])];
    await expectErrors(
      await submit(t, 'checkout', request({ shippingAddress: undefined, shipments }), sonia),
      [MIXED],
    );
    await expectErrors(
      await submit(t, 'checkout', request({ shipment: undefined, shipments }), sonia),
      [MIXED],
    );
    // checkout-data does not check it.
    expect((await submit(t, 'checkout-data', request({ shipments }), sonia)).status).toBe(200);
  });

  it('4302: a delivery address without id lacks (or has empty) one of its nine fields', async () => {
    const entry = delivery([NOTEBOOK]);
    const address = entry.shippingAddress as Record<string, unknown>;
    const { phone: _phone, ...withoutPhone } = address;
    for (const shippingAddress of [
      withoutPhone,
      { ...address, phone: '' },
      { ...address, address2: '0' },
    ]) {
      await expectErrors(
        await submit(
          t,
          'checkout',
          request({
            shipment: undefined,
            shippingAddress: undefined,
            shipments: [delivery([NOTEBOOK]), { ...entry, shippingAddress }],
          }),
          sonia,
        ),
        [ADDRESS_NOT_VALID],
      );
    }
  });

  it('4303: checkout without shipments and without shipment or shippingAddress', async () => {
    for (const changes of [
      { shipment: undefined },
      { shippingAddress: undefined },
      { shipment: undefined, shippingAddress: undefined },
      { shipments: [] },
      { shipment: null },
    ]) {
      await expectErrors(
        await submit(
          t,
          'checkout',
          request({ ...changes, ...('shipments' in changes ? { shipment: undefined } : {}) }),
          sonia,
        ),
        [SHIPMENT_NOT_SPECIFIED],
      );
    }
    expect((await submit(t, 'checkout-data', request({ shipment: undefined }), sonia)).status).toBe(
      200,
    );
  });

  it('4304: checkout with a shipments entry that has no shippingAddress', async () => {
    const { shippingAddress: _address, ...entry } = delivery([NOTEBOOK]);
    await expectErrors(
      await submit(
        t,
        'checkout',
        request({
          shipment: undefined,
          shippingAddress: undefined,
          shipments: [delivery([NOTEBOOK]), entry],
        }),
        sonia,
      ),
      [SHIPMENTS_NOT_SPECIFIED],
    );
  });

  it('changes nothing when a checkout fails', async () => {
    const before = snapshot(t.glue);
    for (const attributes of [
      request({ shipment: { idShipmentMethod: 99 } }),
      request({ payments: [{ paymentProviderName: 'x', paymentMethodName: 'y' }] }),
      request({ billingAddress: { ...SONIA_ADDRESS, iso2Code: 'XX' } }),
      request({ idCart: 'not-a-uuid' }),
      request({ payments: [] }),
    ]) {
      const response = await submit(t, 'checkout', attributes, sonia);
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
    expect(snapshot(t.glue)).toBe(before);
  });
});
