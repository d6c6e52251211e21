/** What the checkout tests send: §9.1's request, its address, carts to check out. */
import { addItem, createCart, document } from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

export const NOTEBOOK = '155_30149933';
export const CAMERA = '017_21748906';
export const CANON = '005_30663301';
export const GIFT_CARD = '666_133';

/** §9.1's address, as the console sends it for Sonia. */
export const SONIA_ADDRESS = {
  salutation: 'Ms',
  firstName: 'Sonia',
  lastName: 'Wagner',
  address1: 'Julie-Wolfthorn-Straße',
  address2: '1',
  zipCode: '10115',
  city: 'Berlin',
  iso2Code: 'DE',
} as const;

/** §9.1: the request the console sends (single delivery), for a cart. */
export function consoleRequest(idCart: string): Record<string, unknown> {
  return {
    idCart,
    customer: { email: 'sonia@acme.com', salutation: 'Ms', firstName: 'Sonia', lastName: 'Wagner' },
    billingAddress: { ...SONIA_ADDRESS },
    shippingAddress: { ...SONIA_ADDRESS },
    shipment: { idShipmentMethod: 2 },
    payments: [{ paymentProviderName: 'DummyPayment', paymentMethodName: 'Invoice' }],
  };
}

/** A split delivery's entry with a complete address (phone included, as 4302 wants). */
export function delivery(items: string[], idShipmentMethod = 1): Record<string, unknown> {
  return {
    items,
    shippingAddress: { ...SONIA_ADDRESS, phone: '+49 30 1234567' },
    idShipmentMethod,
    requestedDeliveryDate: null,
  };
}

/** A new cart of the caller's holding these lines. */
export async function cartWith(
  t: TestGlue,
  headers: Record<string, string>,
  lines: readonly (readonly [sku: string, quantity: number])[],
): Promise<string> {
  const cartId = await createCart(t, headers);
  for (const [sku, quantity] of lines) {
    const response = await addItem(t, headers, cartId, { sku, quantity });
    if (response.status !== 201) throw new Error(`adding ${sku}: ${await response.text()}`);
  }
  return cartId;
}

/** POST /checkout or /checkout-data with the attributes. */
export function submit(
  t: TestGlue,
  endpoint: 'checkout' | 'checkout-data',
  attributes: unknown,
  headers: Record<string, string>,
  query = '',
): Promise<Response> {
  return t.post(`/${endpoint}${query}`, document(endpoint, attributes), { headers });
}

/** POST /customers/{ref}/addresses (§8): a saved address of the caller's; its UUID. */
export async function saveAddress(
  t: TestGlue,
  headers: Record<string, string>,
  customerReference: string,
  attributes: Record<string, unknown> = {},
): Promise<string> {
  const response = await t.post(
    `/customers/${customerReference}/addresses`,
    document('addresses', {
      ...SONIA_ADDRESS,
      address1: 'Hauptstraße',
      address2: '7',
      city: 'Hamburg',
      zipCode: '20095',
      company: 'Acme GmbH',
      phone: '040 123',
      isDefaultShipping: true,
      isDefaultBilling: true,
      ...attributes,
    }),
    { headers },
  );
  if (response.status !== 201) throw new Error(`saving an address: ${await response.text()}`);
  return ((await response.json()) as { data: { id: string } }).data.id;
}
