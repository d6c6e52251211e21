/**
 * The checkout request document (§9.1) as Glue reads it: its request rules (§9.7, step 1 of §9.5),
 * then the attributes as the transfer the checkout module works with, then the checkout module's
 * own checks in Glue (step 2), all collected into one answer.
 */
import { Errors, GlueError, validationFailed } from '../../platform/errors';
import type { GlueErrorSpec } from '../../platform/errors';
import type { Attributes } from '../../platform/jsonapi';
import {
  all,
  collection,
  date,
  email,
  isNumeric,
  minLength,
  notBlank,
  optional,
  phpString,
  required,
  type,
  violationPath,
} from './request-rules';
import type { Constraint, Field, Violation } from './request-rules';

export type CheckoutEndpoint = 'checkout-data' | 'checkout';

/** The address fields every address without an id must have (the checks name them in this order). */
export const ADDRESS_FIELDS = [
  'salutation',
  'firstName',
  'lastName',
  'address1',
  'address2',
  'zipCode',
  'city',
  'iso2Code',
] as const;

/** An address as the request sends it (RestAddressTransfer): `id` of a saved one, or its fields. */
export interface AddressInput {
  id: string | null;
  salutation: string | null;
  firstName: string | null;
  lastName: string | null;
  address1: string | null;
  address2: string | null;
  address3: string | null;
  zipCode: string | null;
  city: string | null;
  country: string | null;
  iso2Code: string | null;
  company: string | null;
  phone: string | null;
  isDefaultBilling: boolean | null;
  isDefaultShipping: boolean | null;
}

export interface ShipmentsInput {
  items: string[];
  shippingAddress: AddressInput | null;
  /** Null when none was sent, or when it is no whole number. */
  idShipmentMethod: number | null;
  requestedDeliveryDate: string | null;
}

export interface PaymentInput {
  paymentProviderName: string;
  paymentMethodName: string;
}

/** RestCheckoutRequestAttributesTransfer: what was sent, each part null or empty when it was not. */
export interface CheckoutRequest {
  /** Null when none was sent or it is no string: no cart has that id (1103). */
  idCart: string | null;
  billingAddress: AddressInput | null;
  shippingAddress: AddressInput | null;
  /** `{"idShipmentMethod": …}`: present (not null) or not. */
  shipment: { idShipmentMethod: number | null } | null;
  shipments: ShipmentsInput[];
  payments: PaymentInput[];
}

// ---- step 1: the request rules (§9.7) ------------------------------------------------------------

const notBlankFields = (...names: readonly string[]): Record<string, Field> =>
  Object.fromEntries(names.map((name) => [name, required(notBlank)]));

/** checkout-rest-api's shippingAddress: every field a required key, not blank; flags boolean. */
const SHIPPING_ADDRESS: Constraint = collection({
  ...notBlankFields('salutation', 'firstName', 'lastName', 'address1', 'address2', 'zipCode'),
  city: required(notBlank, minLength(3)),
  iso2Code: required(notBlank),
  isDefaultBilling: optional(type('boolean')),
  isDefaultShipping: optional(type('boolean')),
});

/**
 * The demo shop's own billingAddress (it replaces the module's): each field optional but not
 * blank when sent; the missing ones are the checkout module's to report (step 2).
 */
const BILLING_ADDRESS: Constraint = collection({
  ...Object.fromEntries(
    ['salutation', 'firstName', 'lastName', 'address1', 'address2', 'zipCode'].map((name) => [
      name,
      optional(notBlank),
    ]),
  ),
  city: optional(notBlank, minLength(3)),
  iso2Code: optional(notBlank),
});

const PAYMENT: Constraint = collection(notBlankFields('paymentMethodName', 'paymentProviderName'));

function shipmentsEntry(endpoint: CheckoutEndpoint): Constraint {
  return collection({
    items: required(all(notBlank, type('string'))),
    shippingAddress: optional(notBlank),
    // checkout-data's rule lists Optional beside Type: the key is not required there.
    idShipmentMethod:
      endpoint === 'checkout' ? required(notBlank, type('numeric')) : optional(type('numeric')),
    requestedDeliveryDate: optional(date),
  });
}

/**
 * checkout-rest-api 3.10.0 `checkout.validation.yaml`, with the demo shop's billingAddress and
 * shipments-rest-api 1.14.0's `shipments` merged in, in that order.
 */
function requestRules(endpoint: CheckoutEndpoint): Constraint {
  return collection({
    idCart: required(notBlank),
    customer: optional(collection({ salutation: required(notBlank), email: required(email) })),
    billingAddress: endpoint === 'checkout' ? required(BILLING_ADDRESS) : optional(BILLING_ADDRESS),
    shippingAddress: optional(SHIPPING_ADDRESS),
    payments: endpoint === 'checkout' ? required(notBlank, all(PAYMENT)) : optional(all(PAYMENT)),
    shipment: optional(collection({ idShipmentMethod: required(notBlank, type('numeric')) })),
    shipments: optional(all(shipmentsEntry(endpoint))),
  });
}

const RULES: Record<CheckoutEndpoint, Constraint> = {
  'checkout-data': requestRules('checkout-data'),
  checkout: requestRules('checkout'),
};

/** Every violation of §9.7's rules, in Symfony's order. */
export function requestViolations(endpoint: CheckoutEndpoint, attributes: Attributes): Violation[] {
  const found: Violation[] = [];
  RULES[endpoint](attributes, [], found);
  return found;
}

/** Step 1 of §9.5: 422 901 for each violation, all in one answer. */
export function checkRequestRules(endpoint: CheckoutEndpoint, attributes: Attributes): void {
  const [first, ...rest] = requestViolations(endpoint, attributes).map((violation) =>
    validationFailed(violationPath(violation.path), violation.message),
  );
  if (first !== undefined) throw new GlueError(first, ...rest);
}

// ---- the attributes as the checkout module sees them -------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A transfer's string property: a scalar as PHP casts it, nothing else. */
function text(value: unknown): string | null {
  if (value === null || value === undefined || isRecord(value)) return null;
  return phpString(value);
}

function flag(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** A numeric value as a whole number; anything else names no shipment method. */
function wholeNumber(value: unknown): number | null {
  if (!isNumeric(value)) return null;
  const number = Number(typeof value === 'string' ? value.trim() : value);
  return Number.isSafeInteger(number) ? number : null;
}

function elements(value: unknown): unknown[] {
  return isRecord(value) ? Object.values(value) : [];
}

export function readAddress(value: unknown): AddressInput | null {
  if (!isRecord(value)) return null;
  const get = (key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);
  return {
    id: text(get('id')),
    salutation: text(get('salutation')),
    firstName: text(get('firstName')),
    lastName: text(get('lastName')),
    address1: text(get('address1')),
    address2: text(get('address2')),
    address3: text(get('address3')),
    zipCode: text(get('zipCode')),
    city: text(get('city')),
    // Not the request's to set: an address from the request has no country name (§8.1).
    country: null,
    iso2Code: text(get('iso2Code')),
    company: text(get('company')),
    phone: text(get('phone')),
    isDefaultBilling: flag(get('isDefaultBilling')),
    isDefaultShipping: flag(get('isDefaultShipping')),
  };
}

/** The attributes, once they passed step 1, as the checkout module reads them. */
export function readCheckoutRequest(attributes: Attributes): CheckoutRequest {
  const shipment = attributes.shipment;
  return {
    idCart: typeof attributes.idCart === 'string' ? attributes.idCart : null,
    billingAddress: readAddress(attributes.billingAddress),
    shippingAddress: readAddress(attributes.shippingAddress),
    shipment: isRecord(shipment)
      ? { idShipmentMethod: wholeNumber(shipment.idShipmentMethod) }
      : null,
    shipments: elements(attributes.shipments).flatMap((entry) => {
      if (!isRecord(entry)) return [];
      const get = (key: string): unknown => (Object.hasOwn(entry, key) ? entry[key] : undefined);
      return [
        {
          items: elements(get('items')).flatMap((key) => (typeof key === 'string' ? [key] : [])),
          shippingAddress: readAddress(get('shippingAddress')),
          idShipmentMethod: wholeNumber(get('idShipmentMethod')),
          requestedDeliveryDate: text(get('requestedDeliveryDate')),
        },
      ];
    }),
    payments: elements(attributes.payments).flatMap((entry) =>
      isRecord(entry)
        ? [
            {
              paymentProviderName: text(entry.paymentProviderName) ?? '',
              paymentMethodName: text(entry.paymentMethodName) ?? '',
            },
          ]
        : [],
    ),
  };
}

// ---- step 2: the checkout module's checks in Glue ----------------------------------------------

/** PHP's truthiness of a transfer string: null, "" and "0" are false. */
function truthy(value: string | null): boolean {
  return value !== null && value !== '' && value !== '0';
}

/**
 * customers-rest-api 1.22.0 `CheckoutBillingAddressChecker`: a billing address without an id
 * needs each of its eight fields; a missing or null one is reported as missing.
 */
function billingAddressErrors(request: CheckoutRequest): GlueErrorSpec[] {
  const billing = request.billingAddress;
  if (billing === null || billing.id !== null) return [];
  return ADDRESS_FIELDS.filter((field) => billing[field] === null).map((field) =>
    validationFailed(`billingAddress.${field}`, 'This field is missing.'),
  );
}

/** shipments-rest-api 1.14.0 `ShipmentCheckoutDataValidator`: one delivery form or the other. */
function shipmentErrors(request: CheckoutRequest): GlueErrorSpec[] {
  const single = request.shipment !== null || request.shippingAddress !== null;
  if (request.shipments.length > 0 && single) return [Errors.singleAndMultipleShipments];
  if (
    request.shipments.length === 0 &&
    (request.shipment === null || request.shippingAddress === null)
  ) {
    return [Errors.shipmentNotSpecified];
  }
  if (!single && request.shipments.some((entry) => entry.shippingAddress === null)) {
    return [Errors.shipmentsNotSpecified];
  }
  return [];
}

/** `AddressSourceCheckoutDataValidator`: each delivery's address is a saved one or complete. */
function addressSourceErrors(request: CheckoutRequest): GlueErrorSpec[] {
  return request.shipments.flatMap((entry) => {
    const address = entry.shippingAddress;
    if (address === null || address.id !== null) return [];
    const complete = [
      address.address1,
      address.address2,
      address.city,
      address.zipCode,
      address.iso2Code,
      address.phone,
      address.salutation,
      address.firstName,
      address.lastName,
    ].every(truthy);
    return complete ? [] : [Errors.shipmentAddressNotValid];
  });
}

/**
 * Step 2 of §9.5, collected in this order: 1105 without a token, 1107 for more than one payment,
 * the billing address's missing fields, and for `/checkout` only 4301, 4303 or 4304, then 4302
 * per delivery.
 */
export function checkoutModuleErrors(
  endpoint: CheckoutEndpoint,
  request: CheckoutRequest,
  hasCaller: boolean,
): GlueErrorSpec[] {
  return [
    ...(hasCaller ? [] : [Errors.checkoutUserNotSpecified]),
    ...(request.payments.length > 1 ? [Errors.multiplePaymentsNotAllowed] : []),
    ...billingAddressErrors(request),
    ...(endpoint === 'checkout'
      ? [...shipmentErrors(request), ...addressSourceErrors(request)]
      : []),
  ];
}
