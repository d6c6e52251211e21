import type { Context, Hono } from 'hono';
import { ADDRESSES_TYPE, addressResource } from '../addresses/addresses.routes';
import { cartRelated, cartResource } from '../carts/carts.routes';
import {
  documentResponse,
  publicBaseUrl,
  relationshipRule,
  resourceObject,
  singleDocument,
  uniqueIncluded,
  withRelationships,
} from '../../platform/jsonapi';
import type { ResourceObject } from '../../platform/jsonapi';
import type { GlueServices } from '../../platform/services';
import type { CheckoutData, ShipmentGroup } from './checkout';
import type { AddressInput } from './checkout-request';
import type { PaymentMethod } from './payment-methods';
import type { ShipmentMethod } from './shipment-methods';
import { runCheckout } from './request-pipeline';

const TYPE = 'checkout-data';
export const SHIPMENTS_TYPE = 'shipments';
export const SHIPMENT_METHODS_TYPE = 'shipment-methods';
export const PAYMENT_METHODS_TYPE = 'payment-methods';
export const CARTS_TYPE = 'carts';

/** A delivery's address as `shipments` answers it: every key, all null when none was sent. */
function restAddress(address: AddressInput | null): Record<string, unknown> {
  return {
    id: address?.id ?? null,
    salutation: address?.salutation ?? null,
    firstName: address?.firstName ?? null,
    lastName: address?.lastName ?? null,
    address1: address?.address1 ?? null,
    address2: address?.address2 ?? null,
    address3: address?.address3 ?? null,
    zipCode: address?.zipCode ?? null,
    city: address?.city ?? null,
    country: address?.country ?? null,
    iso2Code: address?.iso2Code ?? null,
    company: address?.company ?? null,
    phone: address?.phone ?? null,
    isDefaultBilling: address?.isDefaultBilling ?? null,
    isDefaultShipping: address?.isDefaultShipping ?? null,
  };
}

function selectedShipmentMethod(
  method: ShipmentMethod | null,
  currency: string,
): Record<string, unknown> {
  return {
    id: method?.id ?? null,
    name: method?.name ?? null,
    carrierName: method?.carrierName ?? null,
    price: method?.grossPrice ?? null,
    taxRate: method?.taxRate ?? null,
    deliveryTime: null,
    currencyIsoCode: method === null ? null : currency,
  };
}

function shipmentMethodResource(
  base: string,
  method: ShipmentMethod,
  currency: string,
): ResourceObject {
  return resourceObject(base, SHIPMENT_METHODS_TYPE, String(method.id), {
    name: method.name,
    carrierName: method.carrierName,
    // The demo shop configures no delivery times.
    deliveryTime: null,
    price: method.grossPrice,
    currencyIsoCode: currency,
  });
}

function paymentMethodResource(base: string, method: PaymentMethod): ResourceObject {
  return resourceObject(base, PAYMENT_METHODS_TYPE, method.id, {
    paymentMethodName: method.paymentMethodName,
    paymentProviderName: method.paymentProviderName,
    priority: method.priority,
    requiredRequestData: method.requiredRequestData,
  });
}

/**
 * PHP 8's `<` of two strings, as `ShipmentMethodSorter` compares the values it cast to strings:
 * numerically when both are numeric, else byte by byte.
 */
function phpLess(a: string, b: string): boolean {
  const numeric = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) < Number(b);
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) < 0;
}

interface MethodSort {
  attribute: string;
  descending: boolean;
}

/**
 * `sort=shipment-methods.<attribute>` (`-` first for descending), as Glue reads `sort` and
 * shipments-rest-api 1.14.0 `ShipmentMethodSorter` applies it: the fields in order, each
 * deciding only where the ones before are equal; equal methods keep their order.
 */
function readMethodSorts(requestUrl: string): MethodSort[] {
  const raw = new URL(requestUrl).searchParams.get('sort');
  if (raw === null || raw === '') return [];
  return raw.split(',').flatMap((field) => {
    const descending = field.startsWith('-');
    const name = descending ? field.replace(/^-+|-+$/g, '') : field;
    const [resource, attribute] = name.split('.');
    return resource === SHIPMENT_METHODS_TYPE ? [{ attribute: attribute ?? '', descending }] : [];
  });
}

function sortMethods(
  resources: readonly ResourceObject[],
  sorts: readonly MethodSort[],
): ResourceObject[] {
  if (sorts.length === 0) return [...resources];
  const value = (resource: ResourceObject, attribute: string): string => {
    const attributes = resource.attributes as Record<string, unknown>;
    const held = Object.hasOwn(attributes, attribute) ? attributes[attribute] : null;
    // PHP's (string) of the attribute: its attributes are strings, numbers or null.
    return typeof held === 'string' || typeof held === 'number' ? String(held) : '';
  };
  return [...resources].sort((a, b) => {
    for (const { attribute, descending } of sorts) {
      const [x, y] = [value(a, attribute), value(b, attribute)];
      if (phpLess(x, y) || phpLess(y, x)) return phpLess(x, y) === descending ? 1 : -1;
    }
    return 0;
  });
}

function shipmentsResource(base: string, group: ShipmentGroup, currency: string): ResourceObject {
  return resourceObject(base, SHIPMENTS_TYPE, group.hash, {
    items: group.items.map((item) => item.sku),
    shippingAddress: restAddress(group.address),
    selectedShipmentMethod: selectedShipmentMethod(group.method, currency),
    requestedDeliveryDate: group.requestedDeliveryDate,
  });
}

/**
 * The answer (§9.2): every attribute list empty but `selectedPaymentMethods`, and, as `include`
 * asks, the deliveries (each after its methods), the payment methods, the saved addresses and
 * the cart (after its own included resources): nested resources before their parent.
 */
function checkoutDataResponse(
  c: Context,
  services: GlueServices,
  customerReference: string | null,
  data: CheckoutData,
): Response {
  const base = publicBaseUrl(c.req.url, services.config.publicUrl);
  const rule = relationshipRule(c);
  const currency = data.cart.currency;
  let resource: ResourceObject = resourceObject(base, TYPE, null, {
    addresses: [],
    paymentProviders: [],
    shipmentMethods: [],
    selectedShipmentMethods: [],
    selectedPaymentMethods: data.selectedPaymentMethods.map((method) => ({
      paymentMethodName: method.paymentMethodName,
      paymentProviderName: method.paymentProviderName,
      requiredRequestData: method.requiredRequestData,
    })),
  });
  const included: ResourceObject[] = [];
  const related: Record<string, ResourceObject[]> = {};
  if (rule.loads(SHIPMENTS_TYPE)) {
    const sorts = readMethodSorts(c.req.url);
    related[SHIPMENTS_TYPE] = data.groups.map((group) => {
      let shipments = shipmentsResource(base, group, currency);
      if (rule.loads(SHIPMENT_METHODS_TYPE)) {
        const methods = sortMethods(
          group.available.map((method) => shipmentMethodResource(base, method, currency)),
          sorts,
        );
        included.push(...methods);
        if (rule.shows(SHIPMENT_METHODS_TYPE)) {
          shipments = withRelationships(shipments, { [SHIPMENT_METHODS_TYPE]: methods });
        }
      }
      included.push(shipments);
      return shipments;
    });
  }
  if (rule.loads(PAYMENT_METHODS_TYPE)) {
    related[PAYMENT_METHODS_TYPE] = services.checkout
      .paymentMethods()
      .map((method) => paymentMethodResource(base, method));
    included.push(...related[PAYMENT_METHODS_TYPE]);
  }
  if (rule.loads(ADDRESSES_TYPE) && customerReference !== null) {
    // The customer's saved addresses, as §8 answers them (customers-rest-api
    // `AddressByCheckoutDataResourceRelationshipExpander`).
    const addresses = data.addresses.map((address): ResourceObject => {
      const resource = addressResource(base, customerReference, address);
      return { ...resource, attributes: { ...resource.attributes } };
    });
    related[ADDRESSES_TYPE] = addresses;
    included.push(...addresses);
  }
  if (rule.loads(CARTS_TYPE)) {
    const cart = cartResource(base, data.cart, cartRelated(c, services, base, [data.cart]));
    included.push(...cart.included, cart.resource);
    related[CARTS_TYPE] = [cart.resource];
  }
  const shown = Object.fromEntries(Object.entries(related).filter(([name]) => rule.shows(name)));
  resource = withRelationships(resource, shown);
  return documentResponse(c, base, singleDocument(resource, uniqueIncluded(included)), 200);
}

/**
 * `POST /checkout-data` (§9.2): what can be chosen for the cart with the request's addresses,
 * deliveries and payment applied to a copy of it. It changes nothing; an empty cart is answered
 * as any other.
 */
export function registerCheckoutData(app: Hono, services: GlueServices): void {
  app.post(`/${TYPE}`, async (c) => {
    const { data, customerReference } = await runCheckout(
      c,
      services,
      TYPE,
      ({ caller, request, locale }) => ({
        data: services.checkout.readData(caller, request, locale),
        customerReference: caller.customerReference,
      }),
    );
    return checkoutDataResponse(c, services, customerReference, data);
  });
}
