/**
 * Where Spryker's generated OpenAPI document (docs/spryker/spryker_rest_api.schema.yml) is known to
 * be wrong, as small named corrections the schema checker (spryker-schema.ts) applies after making
 * the document strict. The one place for them: docs/spryker/README.md points here. Where the
 * document and docs/glue-contract.md disagree, the contract wins.
 */
import type { JsonSchema, SchemaEditor } from './spryker-schema';

export interface SchemaCorrection {
  readonly name: string;
  /** What Glue answers instead of what the document declares. */
  readonly glue: string;
  readonly evidence: string;
  apply(schema: SchemaEditor): void;
}

/** Operations the stand-in answers that Spryker's document does not have; their 2xx go unchecked. */
export interface Extension {
  /** `*` for every method. */
  readonly method: string;
  /** A path template as the stand-in names it, or `*` for every path. */
  readonly path: string;
  readonly reason: string;
}

export const NOT_IN_SPRYKERS_SCHEMA: readonly Extension[] = [
  {
    method: 'GET',
    path: '/agent-impersonation-sessions',
    reason: "the stand-in's audit trail of impersonation, its own extension (README, contract §3)",
  },
  {
    method: 'GET',
    path: '/agent-impersonation-sessions/{sessionId}',
    reason: 'one session of that audit trail',
  },
  {
    method: 'POST',
    path: '/agent-impersonation-session-events',
    reason: "a mode switch of the impersonation session, for the stand-in's audit trail (README)",
  },
  {
    method: 'GET',
    path: '/agent-outbox-mails',
    reason: 'the mails the stand-in would send (§13), its own extension (README)',
  },
  {
    method: 'OPTIONS',
    path: '*',
    reason: 'CORS preflights (contract §1): an empty 204 before any resource is reached',
  },
];

/**
 * An answer Glue sends without a JSON:API document at all, where the document declares one: the
 * stand-in's answer must be exactly this status and body, on exactly this operation.
 */
export interface PlainTextAnswer {
  readonly method: string;
  /** A path template as Spryker's document names it. */
  readonly path: string;
  readonly status: number;
  readonly body: string;
  readonly reason: string;
}

export const PLAIN_TEXT_ANSWERS: readonly PlainTextAnswer[] = [
  {
    method: 'POST',
    path: '/customers/{customerId}/addresses',
    status: 500,
    body: 'Internal Server Error',
    reason:
      "an iso2Code of no country (XX): Zed's MissingCountryException reaches Glue's ControllerFilter, which answers Symfony's status text (contract §8.1)",
  },
];

/** Each `Schema.property` of `paths` may be `null`. */
function allowNull(schema: SchemaEditor, paths: readonly string[]): void {
  for (const path of paths) schema.allowNull(path);
}

const PAGE_LINK = { type: 'string' };

export const SCHEMA_CORRECTIONS: readonly SchemaCorrection[] = [
  {
    name: 'a created or listed return has the attributes of a return',
    glue: '`POST /returns` and `GET /returns` answer `returnReference, store, customerReference, returnTotals`, as `GET /returns/{ref}` does; the document names the request attributes',
    evidence:
      'sales-returns-rest-api 1.1.0 `RestReturnResponseBuilder` (one builder for all three); contract §12',
    apply: (schema) => {
      for (const name of [
        'RestReturnRequestResponseData',
        'RestReturnRequestCollectionResponseData',
      ]) {
        schema.setProperty(name, 'attributes', schema.ref('RestReturnsAttributes'));
        schema.setProperty(name, 'relationships', schema.ref('RestReturnsRelationships'));
      }
    },
  },
  {
    name: 'a return reason has no id',
    glue: '`"id": null` on every `return-reasons` resource',
    evidence:
      'sales-returns-rest-api 1.1.0 `RestReturnReasonResponseBuilder` (no id); contract §12',
    apply: (schema) => {
      schema.allowNull('RestReturnReasonsCollectionResponseData.id');
    },
  },
  {
    name: 'errors are wrapped in `errors`',
    glue: '`{"errors": [{code, status, detail}, …]}`; Glue\'s own errors (Invalid type., Not Found) have no `code`',
    evidence:
      'docs/spryker/README.md; contract §1 (error document); every error sample of the docs',
    apply: (schema) => {
      schema.makeOptional('RestErrorMessage', 'code');
      schema.replaceDocument('RestErrorMessage', {
        type: 'object',
        properties: {
          errors: { type: 'array', minItems: 1, items: schema.ref('RestErrorMessage') },
        },
        required: ['errors'],
        additionalProperties: false,
      });
    },
  },
  {
    name: '`expiresIn` is an integer',
    glue: '`"expiresIn": 28800`, an integer, on every token resource',
    evidence: 'docs/spryker/README.md; both seed pages; contract §3.1, §4',
    apply: (schema) => {
      for (const name of [
        'RestTokenResponseAttributes',
        'RestAgentAccessTokensAttributes',
        'RestAgentCustomerImpersonationAccessTokensAttributes',
      ]) {
        schema.setProperty(name, 'expiresIn', { type: 'integer' });
      }
    },
  },
  {
    name: 'collection documents have top-level `links`',
    glue: '`links.self`, and the page links `last, first, prev, next` where a collection is paged',
    evidence: 'docs/spryker/README.md; contract §1 (response document, pagination)',
    apply: (schema) => {
      for (const [name, isCollection] of schema.documents()) {
        if (!isCollection) continue;
        schema.setProperty(name, 'links', {
          type: 'object',
          properties: {
            self: PAGE_LINK,
            last: PAGE_LINK,
            first: PAGE_LINK,
            prev: PAGE_LINK,
            next: PAGE_LINK,
          },
          required: ['self'],
          additionalProperties: false,
        });
      }
    },
  },
  {
    name: 'one resource has no top-level `links`',
    glue: 'only `data` (and `included`): nothing is paged',
    evidence: 'docs/spryker/README.md (links present only where paged); contract §3.1',
    apply: (schema) => {
      for (const [name, isCollection] of schema.documents()) {
        if (!isCollection && 'links' in (schema.schema(name).properties as object)) {
          schema.removeProperty(name, 'links');
        }
      }
    },
  },
  {
    name: "checkout-data includes each delivery's shipment methods",
    glue: '`shipment-methods` resources in `included`, before the `shipments` resource they belong to',
    evidence:
      'contract §9.2 (include shipments,shipment-methods); the "Retrieve shipments and shipment methods when submitting checkout data" doc sample; shipments-rest-api 1.14.0 `ShipmentMethodsByShipmentResourceRelationshipPlugin`',
    apply: (schema) => {
      schema.allowIncluded('RestCheckoutDataResponseResponse', 'RestShipmentMethodsResponseData');
    },
  },
  {
    name: 'checkout includes the order as GET /orders/{ref} answers it',
    glue: "the included `orders` resource has the single order's attributes (items, addresses, expenses, payments, shipments, itemStates)",
    evidence:
      'contract §9.3 (`?include=orders`); orders-rest-api 4.11.0 `OrderByOrderReferenceResourceRelationshipExpander` maps the order with its details; the "Check out purchases" doc sample',
    apply: (schema) => {
      schema.allowIncluded('RestCheckoutResponseResponse', 'RestOrderDetailsResponseData');
    },
  },
  {
    name: 'one wishlist includes its items and their products',
    glue: '`GET /wishlists/{id}?include=wishlist-items[,concrete-products]`: `relationships.wishlist-items` and the items (and products) in `included`',
    evidence:
      'contract §11; wishlists-rest-api 1.6.2 `WishlistRestResponseBuilder::createWishlistsResource()` adds each item as a relationship; the "Retrieve wishlists" doc samples',
    apply: (schema) => {
      schema.setProperty('RestWishlistsResponseData', 'relationships', {
        type: 'object',
        properties: { 'wishlist-items': schema.ref('RestRelationshipsData') },
        additionalProperties: false,
      });
      schema.makeOptional('RestWishlistsResponseData', 'relationships');
      schema.setProperty('RestWishlistsResponse', 'included', { type: 'array', minItems: 1 });
      schema.makeOptional('RestWishlistsResponse', 'included');
      schema.allowIncluded('RestWishlistsResponse', 'RestWishlistItemsResponseData');
      schema.allowIncluded('RestWishlistsResponse', 'ConcreteProductsRestResponseData');
    },
  },
  {
    name: 'a return includes its items and their order items',
    glue: '`?include=return-items[,order-items]` on `/returns`: `relationships.return-items` on the return, `return-items` resources `{uuid, reason, orderItemUuid}` (which the document never declares) with `relationships.order-items`, and the `order-items` in `included`',
    evidence:
      'contract §12; sales-returns-rest-api 1.1.0 `sales_returns_rest_api.transfer.xml` (RestReturnItemsAttributes), `RestReturnResponseBuilder`, `ReturnItemExpander`; orders-rest-api 4.11.0 `OrderItemExpander`, `OrderRestResponseBuilder::createOrderItemRestResource()`; the B2C shop relates order-items to return-items, not to returns (`GlueApplicationDependencyProvider`)',
    apply: (schema) => {
      const local = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
      schema.defineSchema('RestReturnItemsAttributes', {
        properties: {
          uuid: { type: 'string' },
          // A reason that is not text is stored as null (contract §12, the stand-in's reading).
          reason: { type: 'string', nullable: true },
          orderItemUuid: { type: 'string' },
        },
      });
      schema.defineSchema('RestReturnItemsRelationships', {
        properties: { 'order-items': local('RestRelationshipsData') },
      });
      schema.defineSchema('RestReturnItemsResponseData', {
        properties: {
          type: { type: 'string' },
          id: { type: 'string' },
          attributes: local('RestReturnItemsAttributes'),
          links: local('RestLinks'),
          relationships: local('RestReturnItemsRelationships'),
        },
      });
      schema.removeProperty('RestReturnsRelationships', 'order-items');
      for (const document of [
        'RestReturnsResponse',
        'RestReturnRequestResponse',
        'RestReturnRequestCollectionResponse',
      ]) {
        schema.allowIncluded(document, 'RestReturnItemsResponseData');
        schema.allowIncluded(document, 'RestOrderItemsResponseData');
      }
    },
  },
  {
    name: '`relationships` only where something is related',
    glue: 'left out when nothing is related; each relationship named is there because it holds resources',
    evidence: 'docs/spryker/README.md; contract §1 (`included` … then `relationships`)',
    apply: (schema) => {
      const relationshipSchemas = new Set<string>();
      for (const resource of schema.resources()) {
        const relationships = (schema.schema(resource).properties as Record<string, JsonSchema>)
          .relationships;
        if (relationships === undefined) continue;
        schema.makeOptional(resource, 'relationships');
        const ref = relationships.$ref;
        if (typeof ref === 'string') relationshipSchemas.add(ref.split('/').at(-1) ?? '');
      }
      for (const name of relationshipSchemas) {
        const relationships = schema.schema(name);
        relationships.required = [];
        relationships.minProperties = 1;
      }
      schema.setProperty('RestRelationshipsData', 'data', {
        type: 'array',
        minItems: 1,
        items: schema.ref('RestRelationships'),
      });
    },
  },
  {
    name: '`included` only where something was included',
    glue: 'left out unless `?include=` named something there was',
    evidence: 'docs/spryker/README.md; contract §1',
    apply: (schema) => {
      for (const [name] of schema.documents()) {
        if (!('included' in (schema.schema(name).properties as object))) continue;
        schema.setProperty(name, 'included', { type: 'array', minItems: 1 });
        schema.makeOptional(name, 'included');
      }
    },
  },
  {
    name: '`attributeMap` is an object',
    glue: '`{"product_concrete_ids": [...], …}`',
    evidence: 'docs/spryker/README.md; contract §5a; the "Retrieve abstract products" doc samples',
    apply: (schema) => {
      schema.setProperty('AbstractProductsRestAttributes', 'attributeMap', { type: 'object' });
    },
  },
  {
    name: 'POST /carts/{id}/vouchers answers the cart',
    glue: 'the whole cart (`type: carts`) with what it includes, as `POST /carts/{id}/cart-codes` answers it',
    evidence:
      "contract §10; cart-codes-rest-api 1.4.1 `CartCodeRestResponseBuilder` builds the cart for both routes; Spryker's API tests (discount_endpoints/vouchers/positive.robot: `[data][type]` carts)",
    apply: (schema) => {
      schema.replaceDocument('RestDiscountsRequestResponse', schema.ref('RestCartsResponse'));
      for (const resource of [
        'RestItemsResponseData',
        'ConcreteProductsRestResponseData',
        'RestDiscountsResponseData',
        'RestGiftCardsResponseData',
      ]) {
        schema.allowIncluded('RestDiscountsRequestResponse', resource);
      }
    },
  },
  {
    name: "an order's discounts are an object keyed by display name",
    glue: '`"calculatedDiscounts": {"5% off white": {"unitAmount": null, "sumAmount": …, …}}`, the items\' discounts grouped by display name; `[]` when there are none',
    evidence:
      'the "Retrieve orders" doc sample (spryker-docs `glue-api-retrieve-orders.md`, an order with a discount); discount 9.41.0 `DiscountOrderHydrate::hydrate()` keys them by display name and unsets the unit amount',
    apply: (schema) => {
      const discount = schema.schema('RestCalculatedDiscount');
      const grouped: JsonSchema = {
        ...discount,
        properties: { ...(discount.properties as object), unitAmount: { type: 'null' } },
      };
      schema.setProperty('RestOrderDetailsAttributes', 'calculatedDiscounts', {
        oneOf: [
          { type: 'array', maxItems: 0 },
          { type: 'object', minProperties: 1, additionalProperties: grouped },
        ],
      });
    },
  },
  {
    name: 'carts have `name` and `isDefault`',
    glue: 'both, as with multi-cart',
    evidence: "docs/spryker/README.md (the B2B demo shop's document declares both); contract §5",
    apply: (schema) => {
      schema.setProperty('RestCartsAttributes', 'name', { type: 'string' });
      schema.setProperty('RestCartsAttributes', 'isDefault', { type: 'boolean' });
    },
  },
  {
    name: 'order items have `state`, orders `itemStates`',
    glue: "each item's OMS state, and the order's distinct item states",
    evidence: 'docs/spryker/README.md; contract §5, §9.4; the "Retrieve orders" doc samples',
    apply: (schema) => {
      schema.setProperty('RestOrderItemsAttributes', 'state', { type: 'string' });
      schema.setProperty('RestOrderDetailsAttributes', 'itemStates', {
        type: 'array',
        items: { type: 'string' },
      });
    },
  },
  {
    name: "customers' `password`, `confirmPassword`, `acceptedTerms` are request-only",
    glue: 'never in an answer',
    evidence: 'docs/spryker/README.md; contract §5; the "Retrieve customers" doc samples',
    apply: (schema) => {
      for (const key of ['password', 'confirmPassword', 'acceptedTerms']) {
        schema.removeProperty('RestCustomersAttributes', key);
      }
    },
  },
  {
    name: "an order's tax rates are decimal strings",
    glue: '`"taxRate": "19.00"` on items and expenses, and `taxRateAverageAggregation` too: the sales tables hold decimals',
    evidence: 'contract §9.4; the "Retrieve orders" doc sample (202410)',
    apply: (schema) => {
      const decimal = { type: 'string', pattern: '^\\d+\\.\\d{2}$' };
      schema.setProperty('RestOrderItemsAttributes', 'taxRate', decimal);
      schema.setProperty('RestOrderItemsAttributes', 'taxRateAverageAggregation', decimal);
      schema.setProperty('RestOrderExpensesAttributes', 'taxRate', decimal);
    },
  },
  {
    name: 'stores answer Dynamic Store attributes',
    glue: 'no `timeZone`, and locales without `code` (DynamicStoreRestAttributes)',
    evidence: 'contract §7.1 (Dynamic Store on in the 202410 B2C demo shop)',
    apply: (schema) => {
      schema.removeProperty('StoresRestAttributes', 'timeZone');
      schema.removeProperty('StoreLocaleRestAttributes', 'code');
    },
  },
  // The document marks almost nothing nullable; Glue sends null for every transfer property it
  // did not set. Allowed only where that is known, one group per reason.
  {
    name: 'cart items without amount, bundle or configuration are null there',
    glue: '`amount`, `configuredBundle`, `configuredBundleItem`, `productConfigurationInstance`: null',
    evidence:
      'docs/spryker/README.md (`"amount": null` on items); contract §5; glue-application RestResource::toArray sends unset keys',
    apply: (schema) =>
      allowNull(schema, [
        'RestItemsAttributes.amount',
        'RestItemsAttributes.configuredBundle',
        'RestItemsAttributes.configuredBundleItem',
        'RestItemsAttributes.productConfigurationInstance',
      ]),
  },
  {
    name: 'a voucher gives no promotional product',
    glue: "`discountPromotionAbstractSku` and `discountPromotionQuantity` null on `vouchers`; a cart rule's `code` null",
    evidence:
      "contract §10 (include table); cart-codes-rest-api 1.4.1 `DiscountMapper` maps the discount transfer, whose promotion fields the demo's vouchers leave unset",
    apply: (schema) =>
      allowNull(schema, [
        'RestDiscountsAttributes.code',
        'RestDiscountsAttributes.discountPromotionAbstractSku',
        'RestDiscountsAttributes.discountPromotionQuantity',
      ]),
  },
  {
    name: 'a customer without a date of birth has null',
    glue: '`"dateOfBirth": null` (the demo customers have none)',
    evidence: 'the "Retrieve customers" doc samples; demo-data/customers.csv',
    apply: (schema) => allowNull(schema, ['RestCustomersAttributes.dateOfBirth']),
  },
  {
    name: 'products without reviews, configuration or discontinuation note have null there',
    glue: '`averageRating`, `discontinuedNote`, `productConfigurationInstance`: null',
    evidence:
      'the "Retrieve concrete products" and "Retrieve abstract products" doc samples; contract §11 (`productConfigurationInstance: null`)',
    apply: (schema) =>
      allowNull(schema, [
        'ConcreteProductsRestAttributes.averageRating',
        'ConcreteProductsRestAttributes.discontinuedNote',
        'ConcreteProductsRestAttributes.productConfigurationInstance',
        'AbstractProductsRestAttributes.averageRating',
      ]),
  },
  {
    name: 'a wishlist item without availability or configuration has null there',
    glue: '`"availability": null`, `"productConfigurationInstance": null` on `wishlist-items`: the generated transfer carries both keys, unset',
    evidence:
      'contract §11 (item resource); glue-application 1.65.0 RestResource::toArray sends unset keys; wishlists-rest-api 1.6.2 `WishlistItemMapper` sets neither',
    apply: (schema) =>
      allowNull(schema, [
        'RestWishlistItemsAttributes.availability',
        'RestWishlistItemsAttributes.productConfigurationInstance',
      ]),
  },
  {
    name: 'a price without a net amount is null',
    glue: '`"netAmount": null`: the demo data has gross prices only',
    evidence: 'demo-data/README.md (no net prices); contract §5a',
    apply: (schema) => allowNull(schema, ['RestProductPriceAttributes.netAmount']),
  },
  {
    name: "order items' unset sales fields are null",
    glue: 'expense aggregation, cancellation, order reference, bundle, configuration and image fields: null',
    evidence: 'the "Retrieve orders" doc sample (202410) shows each of them null',
    apply: (schema) =>
      allowNull(schema, [
        'RestOrderItemsAttributes.sumExpensePriceAggregation',
        'RestOrderItemsAttributes.taxAmountAfterCancellation',
        'RestOrderItemsAttributes.orderReference',
        'RestOrderItemsAttributes.bundleItemIdentifier',
        'RestOrderItemsAttributes.relatedBundleItemIdentifier',
        'RestOrderItemsAttributes.salesOrderConfiguredBundle',
        'RestOrderItemsAttributes.salesOrderConfiguredBundleItem',
        'RestOrderItemsAttributes.salesOrderItemConfiguration',
        'RestOrderItemMetadata.image',
      ]),
  },
  {
    name: "an order's expenses without cancellation or discount are null there",
    glue: '`canceledAmount`, `unitDiscountAmountAggregation`, `sumDiscountAmountAggregation`, `taxAmountAfterCancellation`: null',
    evidence: 'contract §9.4 (expenses); the "Retrieve orders" doc sample',
    apply: (schema) =>
      allowNull(schema, [
        'RestOrderExpensesAttributes.canceledAmount',
        'RestOrderExpensesAttributes.unitDiscountAmountAggregation',
        'RestOrderExpensesAttributes.sumDiscountAmountAggregation',
        'RestOrderExpensesAttributes.taxAmountAfterCancellation',
      ]),
  },
  {
    name: 'a shipment without a delivery time has null',
    glue: '`"deliveryTime": null`: the demo shop configures none',
    evidence: 'contract §9.4 (shipments); demo-data/README.md (shipment-methods.csv)',
    apply: (schema) => allowNull(schema, ['RestOrderShipment.deliveryTime']),
  },
  {
    name: 'a customer address without address3, company or phone has null there',
    glue: '`"address3": null`, `"company": null`, `"phone": null` when not given (or sent as null)',
    evidence:
      'contract §8.1 (every key always present, null when empty); robotframework-suite-tests customer_endpoints/addresses/positive.robot (`None`)',
    apply: (schema) =>
      allowNull(
        schema,
        ['address3', 'company', 'phone'].map((key) => `RestAddressAttributes.${key}`),
      ),
  },
  {
    name: "an order address's empty fields are null",
    glue: '`middleName`, `poBox`, `cellPhone`, `description`, `comment`, `email` null, and `address3`, `company`, `phone` when not given',
    evidence: 'contract §9.4 (billingAddress, shippingAddress); the "Retrieve orders" doc sample',
    apply: (schema) =>
      allowNull(
        schema,
        [
          'middleName',
          'address3',
          'company',
          'poBox',
          'phone',
          'cellPhone',
          'description',
          'comment',
          'email',
        ].map((key) => `RestOrderAddress.${key}`),
      ),
  },
  {
    name: 'a placed order with a dummy payment redirects nowhere',
    glue: '`"redirectUrl": null, "isExternalRedirect": null`',
    evidence:
      "contract §9.3; Spryker's API tests (checkout positive.robot: both null); checkout-rest-api 3.10.0 `PlaceOrderProcessor` sets them only for external payments",
    apply: (schema) =>
      allowNull(schema, [
        'RestCheckoutResponseAttributes.redirectUrl',
        'RestCheckoutResponseAttributes.isExternalRedirect',
      ]),
  },
  {
    name: 'a shipment method without a delivery time has null',
    glue: '`"deliveryTime": null` on `shipment-methods` and on a delivery\'s `selectedShipmentMethod`',
    evidence: 'contract §9.2; demo-data/README.md (no delivery-time plugins in the demo shop)',
    apply: (schema) =>
      allowNull(schema, [
        'RestShipmentMethodsAttributes.deliveryTime',
        'RestShipmentMethod.deliveryTime',
      ]),
  },
  {
    name: "a delivery's selected method is all null when none was chosen, its tax rate a decimal string",
    glue: '`selectedShipmentMethod` `{id, name, carrierName, price, taxRate: "19.00", deliveryTime, currencyIsoCode}`, every key null when the request named no method the delivery can use',
    evidence:
      "contract §9.2 (shipments); Spryker's API tests (checkout_data positive.robot: `taxRate` `19.00`); shipments-rest-api 1.14.0 `ShipmentMapper` maps an empty RestShipmentMethodTransfer",
    apply: (schema) => {
      schema.setProperty('RestShipmentMethod', 'taxRate', {
        type: ['string', 'null'],
        pattern: '^\\d+\\.\\d{2}$',
      });
      allowNull(
        schema,
        ['id', 'name', 'carrierName', 'price', 'currencyIsoCode'].map(
          (key) => `RestShipmentMethod.${key}`,
        ),
      );
    },
  },
  {
    name: "a delivery's address and date are null where the request sent none",
    glue: "`shippingAddress` with every key null (or the address's empty fields), `requestedDeliveryDate` null",
    evidence:
      'contract §9.2 (shipments: "all null when none was sent"); shipments-rest-api 1.14.0 `ShipmentMapper` (an empty RestAddressTransfer)',
    apply: (schema) => {
      allowNull(schema, ['RestShipmentsAttributes.requestedDeliveryDate']);
      allowNull(
        schema,
        [
          'id',
          'salutation',
          'firstName',
          'lastName',
          'address1',
          'address2',
          'address3',
          'zipCode',
          'city',
          'country',
          'iso2Code',
          'company',
          'phone',
          'isDefaultBilling',
          'isDefaultShipping',
        ].map((key) => `RestAddress.${key}`),
      );
    },
  },
];
