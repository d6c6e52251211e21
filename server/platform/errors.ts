/** One JSON:API error object; `code` is absent for the Glue application's generic errors. */
export interface GlueErrorSpec {
  readonly code?: string;
  readonly status: number;
  readonly detail: string;
}

// Copied once from glue-contract.md; routes name these constants, never the strings.
export const Errors = {
  notFound: { status: 404, detail: 'Not Found' },
  invalidType: { status: 400, detail: 'Invalid type.' },
  postDataInvalid: { status: 400, detail: 'Post data is invalid.' },
  resourceIdNotSpecified: { status: 400, detail: 'Resource id is not specified.' },
  // Not in the contract: HTTP status texts, as Glue's own 404 "Not Found" is.
  badRequest: { status: 400, detail: 'Bad Request' },
  paginationInvalid: { status: 400, detail: 'Pagination parameters are invalid.' },
  requestTimeout: { status: 408, detail: 'Request Timeout' },
  payloadTooLarge: { status: 413, detail: 'Content Too Large' },
  requestHeaderFieldsTooLarge: { status: 431, detail: 'Request Header Fields Too Large' },
  internal: { status: 500, detail: 'Internal Server Error' },

  invalidAccessToken: { code: '001', status: 401, detail: 'Invalid access token.' },
  missingAccessToken: { code: '002', status: 403, detail: 'Missing access token.' },
  failedToAuthenticateUser: { code: '003', status: 401, detail: 'Failed to authenticate user.' },
  failedToRefreshToken: { code: '004', status: 401, detail: 'Failed to refresh token.' },

  agentAuthenticationFailed: {
    code: '4101',
    status: 401,
    detail: 'Failed to authenticate an agent.',
  },
  agentTokenInvalid: { code: '4102', status: 401, detail: 'Agent access token is invalid.' },
  agentOnly: { code: '4103', status: 401, detail: 'Action is available to agent user only.' },
  impersonationFailed: { code: '4104', status: 401, detail: 'Failed to impersonate a customer.' },
  // Not in the contract: GET /agent-impersonation-sessions/{id} is the stand-in's own extension.
  impersonationSessionNotFound: {
    code: '4105',
    status: 404,
    detail: 'Impersonation session not found.',
  },

  cartNotFound: { code: '101', status: 404, detail: 'Cart with given uuid not found.' },
  itemNotFound: {
    code: '103',
    status: 404,
    detail: 'Item with the given group key not found in the cart.',
  },
  cartUuidMissing: { code: '104', status: 400, detail: 'Cart uuid is missing.' },
  cartCouldNotBeDeleted: { code: '105', status: 422, detail: 'Cart could not be deleted.' },
  failedToCreateCart: { code: '107', status: 422, detail: 'Failed to create cart.' },
  storeDataInvalid: { code: '112', status: 422, detail: 'Store data is invalid.' },
  cartItemCouldNotBeAdded: { code: '113', status: 422, detail: 'Cart item could not be added.' },
  cartItemCouldNotBeUpdated: {
    code: '114',
    status: 422,
    detail: 'Cart item could not be updated.',
  },
  currencyMissing: { code: '116', status: 422, detail: 'Currency is missing.' },
  currencyIncorrect: { code: '117', status: 422, detail: 'Currency is incorrect.' },
  priceModeMissing: { code: '118', status: 422, detail: 'Price mode is missing.' },
  priceModeIncorrect: { code: '119', status: 422, detail: 'Price mode is incorrect.' },
  abstractProductNotFound: { code: '301', status: 404, detail: 'Abstract product is not found.' },
  concreteProductNotFound: { code: '302', status: 404, detail: 'Concrete product is not found.' },
  customerNotFound: { code: '402', status: 404, detail: 'Customer not found.' },
  addressNotFound: { code: '404', status: 404, detail: 'Address was not found.' },
  // §8: the route authorization of customer addresses, when {ref} is not the caller's own.
  customerUnauthorized: { code: '411', status: 403, detail: 'Unauthorized request.' },
  orderNotFound: {
    code: '801',
    status: 404,
    detail: "Can't find order by the given order reference",
  },
  unauthorizedRequest: { code: '802', status: 403, detail: 'Unauthorized request.' },
  storeNotFound: { code: '601', status: 404, detail: 'Store not found.' },

  // §12: sales-returns-rest-api 1.1.0 `SalesReturnsRestApiConfig`.
  returnCantBeCreated: { code: '3601', status: 422, detail: "Return can't be created." },
  returnNotFound: {
    code: '3602',
    status: 404,
    detail: "Can't find return by the given return reference.",
  },

  // §10: cart-codes-rest-api 1.4.1 `CartCodesRestApiConfig`.
  cartCodeNotFound: { code: '3301', status: 422, detail: 'Cart code not found in cart.' },
  cartCodeCantBeAdded: { code: '3302', status: 422, detail: "Cart code can't be added." },
  // No B2C demo flow locks a cart, so the stand-in never answers it (§10).
  cartCodeCantBeRemoved: { code: '3303', status: 422, detail: "Cart code can't be removed." },

  // §11: wishlists-rest-api 1.6.2 `WishlistsRestApiConfig`. The same code answers 400 from POST
  // and 422 from PATCH (`WishlistRestResponseBuilder` against the config's error mapping).
  wishlistUnknownError: { code: '200', status: 422, detail: 'Unknown error.' },
  wishlistNotFound: { code: '201', status: 404, detail: "Can't find wishlist." },
  wishlistNameExistsOnCreate: {
    code: '202',
    status: 400,
    detail: 'A wishlist with the same name already exists.',
  },
  wishlistNameExistsOnUpdate: {
    code: '202',
    status: 422,
    detail: 'A wishlist with the same name already exists.',
  },
  wishlistCantBeUpdated: { code: '204', status: 422, detail: "Can't update wishlist" },
  wishlistCantAddItem: { code: '206', status: 422, detail: "Can't add an item." },
  wishlistItemNotFound: {
    code: '208',
    status: 404,
    detail: 'No item with provided sku in wishlist.',
  },
  wishlistNameInvalidOnCreate: {
    code: '210',
    status: 400,
    detail: 'Please enter name using only letters, numbers, underscores, spaces or dashes.',
  },
  wishlistNameInvalidOnUpdate: {
    code: '210',
    status: 422,
    detail: 'Please enter name using only letters, numbers, underscores, spaces or dashes.',
  },

  // §9.6: checkout-rest-api 3.10.0 `CheckoutRestApiConfig`, shipments-rest-api 1.14.0 (43xx).
  checkoutDataInvalid: { code: '1101', status: 422, detail: 'Checkout data is invalid.' },
  orderNotPlaced: { code: '1102', status: 422, detail: 'Order could not be placed.' },
  checkoutCartNotFound: { code: '1103', status: 422, detail: 'Cart not found.' },
  checkoutCartIsEmpty: { code: '1104', status: 422, detail: 'Cart is empty.' },
  checkoutUserNotSpecified: {
    code: '1105',
    status: 400,
    detail: 'One of Authorization or X-Anonymous-Customer-Unique-Id headers is required.',
  },
  unableToDeleteCart: { code: '1106', status: 422, detail: 'Unable to delete cart.' },
  multiplePaymentsNotAllowed: {
    code: '1107',
    status: 400,
    detail: 'Multiple payments are not allowed.',
  },
  customerDataMissing: {
    code: '1109',
    status: 422,
    detail: 'Required customer information is missing from the request body.',
  },
  singleAndMultipleShipments: {
    code: '4301',
    status: 422,
    detail: 'Single and multiple shipments attributes are not allowed in the same request.',
  },
  shipmentAddressNotValid: {
    code: '4302',
    status: 422,
    detail: 'Provided address is not valid. You can either provide address ID or address fields.',
  },
  shipmentNotSpecified: {
    code: '4303',
    status: 422,
    detail: 'Shipment attribute is not specified.',
  },
  shipmentsNotSpecified: {
    code: '4304',
    status: 422,
    detail: 'Shipments attributes are not specified.',
  },
} as const satisfies Record<string, GlueErrorSpec>;

/** 422 1108: not used by the demo shop, whose Glue config switches the check off (§9.6). */
export function invalidPayment(method: string, provider: string): GlueErrorSpec {
  return {
    code: '1108',
    status: 422,
    detail: `Payment method "${method}" of payment provider "${provider}" is invalid`,
  };
}

/** 1101 or 1102 with the message of the failing check instead of the generic detail (§9.6). */
export function withDetail(spec: GlueErrorSpec, detail: string): GlueErrorSpec {
  return { ...spec, detail };
}

/** 429 4401: N is the configured block time rounded up to whole minutes. */
export function tooManyLoginAttempts(blockSeconds: number): GlueErrorSpec {
  const minutes = Math.ceil(blockSeconds / 60);
  return {
    code: '4401',
    status: 429,
    detail: `Too many log in attempts from your address. Please wait ${minutes} minutes before trying again.`,
  };
}

/** 422 102: a quote validation message, so it names the SKU and has no final period. */
export function productNotFound(sku: string): GlueErrorSpec {
  return { code: '102', status: 422, detail: `Product "${sku}" not found` };
}

export const ValidationMessages = {
  notBlank: 'This value should not be blank.',
  greaterThanZero: 'This value should be greater than 0.',
  // Symfony's Type constraint, which Glue's validation of cart items uses.
  typeNumeric: 'This value should be of type numeric.',
  typeString: 'This value should be of type string.',
  // Symfony's DateTime constraint, for the stand-in's own date filters.
  dateTime: 'This value is not a valid datetime.',
  // Symfony's Collection, Choice and Type constraints, as §8's address rules use them.
  fieldMissing: 'This field is missing.',
  notValidChoice: 'The value you selected is not a valid choice.',
  typeBool: 'This value should be of type bool.',
  // Symfony Validator 6.4, as checkout's request rules use them (§9.7).
  typeBoolean: 'This value should be of type boolean.',
  typeArray: 'This value should be of type array|(Traversable&ArrayAccess).',
  typeIterable: 'This value should be of type iterable.',
  date: 'This value is not a valid date.',
  // spryker/rest-request-validator 1.6.0 `EmailConstraint`.
  email: 'Email is invalid.',
  // Symfony's Email constraint, as customers-rest-api validates an e-mail (§13).
  emailAddress: 'This value is not a valid email address.',
} as const;

/** Symfony's Length constraint over its maximum (§8: `100`, `255`, `15`, `2`). */
export function tooLong(limit: number): string {
  return `This value is too long. It should have ${limit} characters or less.`;
}

/** Symfony's Length constraint under its minimum (§8, §9.7: `3`). */
export function tooShort(limit: number): string {
  return `This value is too short. It should have ${limit} character${limit === 1 ? '' : 's'} or more.`;
}

/** 422 901, one per failing field: `<field> => <message>`. */
export function validationFailed(field: string, message: string): GlueErrorSpec {
  return { code: '901', status: 422, detail: `${field} => ${message}` };
}

/** Thrown by routes and helpers; the app's error handler turns it into the error document. */
export class GlueError extends Error {
  readonly errors: readonly GlueErrorSpec[];

  constructor(...errors: [GlueErrorSpec, ...GlueErrorSpec[]]) {
    super(errors.map((error) => error.detail).join(' '));
    this.name = 'GlueError';
    this.errors = errors;
  }

  /** The HTTP status equals the status of the last error (contract §1). */
  get status(): number {
    return this.errors[this.errors.length - 1]?.status ?? 500;
  }
}
