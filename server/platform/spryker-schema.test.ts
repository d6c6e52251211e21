import { describe, expect, it } from 'vitest';
import { SprykerSchema, assertSprykerShape, sprykerSchema } from './spryker-schema';
import type { GlueAnswer } from './spryker-schema';
import {
  NOT_IN_SPRYKERS_SCHEMA,
  PLAIN_TEXT_ANSWERS,
  SCHEMA_CORRECTIONS,
} from './spryker-schema-mistakes';

const schema = sprykerSchema();
const BASE = 'http://glue.test';

const tokenDocument = (attributes: Record<string, unknown> = {}): unknown => ({
  data: {
    type: 'agent-access-tokens',
    id: null,
    attributes: {
      tokenType: 'Bearer',
      expiresIn: 28800,
      accessToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e30.c2ln',
      refreshToken: 'def50200abc',
      ...attributes,
    },
    links: { self: `${BASE}/agent-access-tokens` },
  },
});

function answer(method: string, path: string, status: number, body: unknown): GlueAnswer {
  return { method, path, status, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

const signIn = (body: unknown): GlueAnswer => answer('POST', '/agent-access-tokens', 201, body);

const calculations = {
  unitPrice: 7000,
  sumPrice: 7000,
  unitGrossPrice: 7000,
  sumGrossPrice: 7000,
  unitNetPrice: 5882,
  sumNetPrice: 5882,
  taxRate: 19,
  unitTaxAmountFullAggregation: 1118,
  sumTaxAmountFullAggregation: 1118,
  sumSubtotalAggregation: 7000,
  unitSubtotalAggregation: 7000,
  unitProductOptionPriceAggregation: 0,
  sumProductOptionPriceAggregation: 0,
  unitDiscountAmountAggregation: 0,
  sumDiscountAmountAggregation: 0,
  unitDiscountAmountFullAggregation: 0,
  sumDiscountAmountFullAggregation: 0,
  unitPriceToPayAggregation: 7000,
  sumPriceToPayAggregation: 7000,
};

const item = (attributes: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'items',
  id: '005_30663301',
  attributes: {
    sku: '005_30663301',
    quantity: 1,
    groupKey: '005_30663301',
    abstractSku: '005',
    amount: null,
    calculations,
    configuredBundle: null,
    configuredBundleItem: null,
    productConfigurationInstance: null,
    selectedProductOptions: [],
    ...attributes,
  },
  links: { self: `${BASE}/carts/c1/items/005_30663301` },
});

const cart = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'carts',
  id: 'c1',
  attributes: {
    name: 'Weekly shopping',
    isDefault: true,
    priceMode: 'GROSS_MODE',
    currency: 'EUR',
    store: 'DE',
    totals: {
      expenseTotal: 0,
      discountTotal: 0,
      taxTotal: 1118,
      subtotal: 7000,
      grandTotal: 7000,
      priceToPay: 7000,
      shipmentTotal: 0,
    },
    discounts: [],
    thresholds: [],
  },
  ...extra,
  links: { self: `${BASE}/carts/c1` },
});

const withItems = (included: unknown[]): unknown => ({
  data: cart({ relationships: { items: { data: [{ type: 'items', id: '005_30663301' }] } } }),
  included,
});

describe('the Spryker schema checker', () => {
  it('accepts an answer that has every declared key with its type', () => {
    expect(schema.problems(signIn(tokenDocument()))).toEqual([]);
  });

  it('names a missing key with its path in the document', () => {
    const document = tokenDocument();
    delete (document as { data: { attributes: Record<string, unknown> } }).data.attributes
      .refreshToken;
    expect(schema.problems(signIn(document))).toEqual([
      'missing key /data/attributes/refreshToken',
    ]);
  });

  it('names a key the schema does not declare', () => {
    expect(schema.problems(signIn(tokenDocument({ refreshExpiresIn: 1 })))).toEqual([
      'extra key /data/attributes/refreshExpiresIn',
    ]);
  });

  it('names a value of the wrong type, and what it got', () => {
    expect(schema.problems(signIn(tokenDocument({ tokenType: 1 })))).toEqual([
      'wrong type at /data/attributes/tokenType: string expected, got number 1',
    ]);
    const quantityAsText = withItems([item({ quantity: '1' })]);
    expect(schema.problems(answer('GET', '/carts/c1?include=items', 200, quantityAsText))).toEqual([
      'wrong type at /included/0/attributes/quantity: integer expected, got string "1"',
    ]);
  });

  it('refuses null where the schema and the corrections do not allow it', () => {
    expect(schema.problems(signIn(tokenDocument({ tokenType: null })))).toEqual([
      'wrong type at /data/attributes/tokenType: string expected, got null',
    ]);
    const nullQuantity = withItems([item({ quantity: null })]);
    expect(schema.problems(answer('GET', '/carts/c1', 200, nullQuantity))).toEqual([
      'wrong type at /included/0/attributes/quantity: integer expected, got null',
    ]);
  });

  it('accepts a known mistake corrected, and only because of its correction', () => {
    const uncorrected = SprykerSchema.load(undefined, []);
    // Spryker's document says expiresIn is a string; Glue sends 28800 (the seed pages).
    expect(uncorrected.problems(signIn(tokenDocument()))).toContain(
      'wrong type at /data/attributes/expiresIn: string expected, got number 28800',
    );
    expect(schema.problems(signIn(tokenDocument({ expiresIn: '28800' })))).toEqual([
      'wrong type at /data/attributes/expiresIn: integer expected, got string "28800"',
    ]);
    const withoutPasswords = {
      data: {
        type: 'customers',
        id: 'DE--21',
        attributes: {
          firstName: 'Sonia',
          lastName: 'Wagner',
          email: 'sonia@acme.com',
          gender: 'Female',
          dateOfBirth: null,
          salutation: 'Ms',
          createdAt: '2020-06-24 00:00:00.000000',
          updatedAt: '2020-06-24 00:00:00.000000',
        },
        links: { self: `${BASE}/customers/DE--21` },
      },
    };
    const profile = answer('GET', '/customers/DE--21', 200, withoutPasswords);
    expect(schema.problems(profile)).toEqual([]);
    expect(uncorrected.problems(profile)).toEqual(
      expect.arrayContaining(['missing key /data/attributes/password']),
    );
  });

  it('takes the cart as POST /carts/{id}/vouchers’s answer, with its vouchers, and an order’s discounts by name (§10)', () => {
    const voucher = {
      type: 'vouchers',
      id: 'sprykerku2f',
      attributes: {
        amount: 173,
        code: 'sprykerku2f',
        discountType: 'voucher',
        displayName: '5% off white',
        isExclusive: false,
        expirationDateTime: '2037-12-31 11:59:00.000000',
        discountPromotionAbstractSku: null,
        discountPromotionQuantity: null,
      },
      links: { self: `${BASE}/carts/c1/cart-codes/sprykerku2f` },
    };
    const withVoucher = {
      data: cart({
        relationships: { vouchers: { data: [{ type: 'vouchers', id: 'sprykerku2f' }] } },
      }),
      included: [voucher],
    };
    for (const route of ['vouchers', 'cart-codes']) {
      const posted = answer('POST', `/carts/c1/${route}?include=vouchers`, 201, withVoucher);
      expect({ route, problems: schema.problems(posted) }).toEqual({ route, problems: [] });
    }
    const uncorrected = SprykerSchema.load(undefined, []);
    expect(
      uncorrected.problems(answer('POST', '/carts/c1/vouchers', 201, { data: cart() })),
    ).not.toEqual([]);
    const grouped = {
      unitAmount: null,
      sumAmount: 518,
      displayName: '5% off white',
      description: 'Get a 5% discount on all white products with voucher code',
      voucherCode: 'sprykerku2f',
      quantity: 3,
    };
    const schemaOf = (value: unknown): string[] =>
      schema.problems(
        answer('GET', '/orders/DE--1', 200, {
          data: { type: 'orders', id: 'DE--1', attributes: { calculatedDiscounts: value } },
        }),
      );
    const about = (problems: string[]): string[] =>
      problems.filter((problem) => problem.includes('calculatedDiscounts'));
    expect(about(schemaOf({ '5% off white': grouped }))).toEqual([]);
    expect(about(schemaOf([]))).toEqual([]);
    expect(about(schemaOf([grouped]))).not.toEqual([]);
  });

  it('checks error answers against the error document of §1', () => {
    const check = (status: number, body: unknown): string[] =>
      schema.problems(answer('GET', '/carts/nope', status, body));
    expect(check(404, { errors: [{ code: '101', status: 404, detail: 'x' }] })).toEqual([]);
    expect(check(404, { errors: [{ status: 404, detail: 'Not Found' }] })).toEqual([]);
    expect(check(404, { code: '101', status: 404, detail: 'x' })).toEqual([
      'missing key /errors',
      'extra key /code',
      'extra key /status',
      'extra key /detail',
    ]);
    expect(check(422, { errors: [{ code: 101, status: 422 }] })).toEqual([
      'missing key /errors/0/detail',
      'wrong type at /errors/0/code: string expected, got number 101',
    ]);
    expect(check(404, { errors: [] })).toEqual(['at /errors: must NOT have fewer than 1 items']);
    expect(check(401, { errors: [{ status: 403, detail: 'x' }] })).toEqual([
      "the HTTP status 401 is not the last error's status 403",
    ]);
    // An unknown path is still answered with Glue's error document.
    expect(schema.problems(answer('GET', '/nothing', 404, { errors: [{ status: 404 }] }))).toEqual([
      'missing key /errors/0/detail',
    ]);
  });

  it('wants top-level links on a collection and none on one resource', () => {
    const orders = { data: [] as unknown[] };
    expect(schema.problems(answer('GET', '/orders', 200, orders))).toEqual(['missing key /links']);
    const paged = { data: [], links: { self: `${BASE}/orders`, next: `${BASE}/orders?x` } };
    expect(schema.problems(answer('GET', '/orders', 200, paged))).toEqual([]);
    const linked = { ...(tokenDocument() as object), links: { self: `${BASE}/x` } };
    expect(schema.problems(signIn(linked))).toEqual(['extra key /links']);
  });

  it('checks each included resource against the schema of its type', () => {
    expect(schema.problems(answer('GET', '/carts/c1', 200, withItems([item()])))).toEqual([]);
    expect(
      schema.problems(answer('GET', '/carts/c1', 200, withItems([item({ name: 'x' })]))),
    ).toEqual(['extra key /included/0/attributes/name']);
    expect(
      schema.problems(answer('GET', '/carts/c1', 200, withItems([{ ...item(), type: 'orders' }]))),
    ).toEqual(['/included/0: RestCartsResponse cannot include a resource of type "orders"']);
  });

  it('takes a return’s items and their order items, which the document never declares (§12)', () => {
    const returnItem = (attributes: Record<string, unknown> = {}): Record<string, unknown> => ({
      type: 'return-items',
      id: 'ri1',
      attributes: { uuid: 'ri1', reason: null, orderItemUuid: 'oi1', ...attributes },
      links: { self: `${BASE}/returns/DE--21-R1/return-items/ri1` },
    });
    const withReturnItems = (relationships: unknown, included: unknown[]): unknown => ({
      data: {
        type: 'returns',
        id: 'DE--21-R1',
        attributes: {
          returnReference: 'DE--21-R1',
          store: 'DE',
          customerReference: 'DE--21',
          returnTotals: { refundTotal: 0, remunerationTotal: 3281 },
        },
        relationships,
        links: { self: `${BASE}/returns/DE--21-R1?include=return-items` },
      },
      included,
    });
    const items = { 'return-items': { data: [{ type: 'return-items', id: 'ri1' }] } };
    const check = (body: unknown): string[] =>
      schema.problems(answer('GET', '/returns/DE--21-R1', 200, body));
    expect(check(withReturnItems(items, [returnItem()]))).toEqual([]);
    expect(check(withReturnItems(items, [returnItem({ reason: 'Damaged', note: 'x' })]))).toEqual([
      'extra key /included/0/attributes/note',
    ]);
    // Order items hang off the return items, not the return.
    const onTheReturn = { ...items, 'order-items': { data: [{ type: 'order-items', id: 'oi1' }] } };
    expect(check(withReturnItems(onTheReturn, [returnItem()]))).toEqual([
      'extra key /data/relationships/order-items',
    ]);
    expect(
      SprykerSchema.load(undefined, []).problems(
        answer('GET', '/returns/DE--21-R1', 200, withReturnItems(items, [returnItem()])),
      ),
    ).toContain(
      '/included/0: RestReturnsResponse cannot include a resource of type "return-items"',
    );
  });

  it('derives resource types from the paths, and keeps the rest in one table', () => {
    expect(schema.attributesSchemaOf('concrete-products')).toBe('ConcreteProductsRestAttributes');
    expect(schema.attributesSchemaOf('concrete-product-prices')).toBe(
      'RestProductPricesAttributes',
    );
    // One order answers more than a list of orders does.
    expect(schema.attributesSchemaOf('orders')).toBe('RestOrderDetailsAttributes');
    expect(schema.attributesSchemaOf('items')).toBe('RestItemsAttributes');
    expect(schema.attributesSchemaOf('no-such-type')).toBeNull();
  });

  it('wants no relationships and no included when nothing is related or included', () => {
    expect(schema.problems(answer('GET', '/carts/c1', 200, { data: cart() }))).toEqual([]);
    const emptyRelationship = {
      data: cart({ relationships: { items: { data: [] } } }),
    };
    expect(schema.problems(answer('GET', '/carts/c1', 200, emptyRelationship))).toEqual([
      'at /data/relationships/items/data: must NOT have fewer than 1 items',
    ]);
    const noRelationships = { data: cart({ relationships: {} }) };
    expect(schema.problems(answer('GET', '/carts/c1', 200, noRelationships))).toEqual([
      'at /data/relationships: must NOT have fewer than 1 properties',
    ]);
    expect(
      schema.problems(answer('GET', '/carts/c1', 200, { data: cart(), included: [] })),
    ).toEqual(['at /included: must NOT have fewer than 1 items']);
  });

  it('answers §7.1 stores as Dynamic Store does: no timeZone, locales without code', () => {
    const store = {
      data: {
        type: 'stores',
        id: 'DE',
        attributes: {
          defaultCurrency: 'EUR',
          currencies: [
            { code: 'EUR', name: 'Euro' },
            { code: 'CHF', name: 'Swiss Franc' },
          ],
          locales: [{ name: 'en_US' }, { name: 'de_DE' }],
          countries: [
            {
              iso2Code: 'DE',
              iso3Code: 'DEU',
              name: 'Germany',
              postalCodeMandatory: true,
              postalCodeRegex: '\\d{5}',
              regions: [],
            },
          ],
        },
        links: { self: `${BASE}/stores/DE` },
      },
    };
    expect(schema.problems(answer('GET', '/stores/DE', 200, store))).toEqual([]);
    const withTimeZone = structuredClone(store);
    Object.assign(withTimeZone.data.attributes, { timeZone: 'Europe/Berlin' });
    expect(schema.problems(answer('GET', '/stores/DE', 200, withTimeZone))).toEqual([
      'extra key /data/attributes/timeZone',
    ]);
  });

  it("leaves the stand-in's own listed paths unchecked, but not their errors", () => {
    expect(schema.problems(answer('GET', '/agent-impersonation-sessions?q=1', 200, '{}'))).toEqual(
      [],
    );
    expect(schema.problems(answer('GET', '/agent-impersonation-sessions/7', 200, '{}'))).toEqual(
      [],
    );
    expect(schema.problems(answer('OPTIONS', '/carts', 204, ''))).toEqual([]);
    expect(
      schema.problems(answer('GET', '/agent-impersonation-sessions/7', 404, { errors: {} })),
    ).toEqual(['wrong type at /errors: array expected, got object']);
    expect(schema.problems(answer('GET', '/agent-something', 200, '{}'))).toEqual([
      "the path is not in Spryker's schema: list it in NOT_IN_SPRYKERS_SCHEMA if it is the stand-in's own",
    ]);
    expect(schema.problems(answer('PUT', '/carts/c1', 200, '{}'))).toEqual([
      "Spryker's schema has no PUT /carts/{cartId}",
    ]);
  });

  it('wants an empty body where the schema declares none, and JSON elsewhere', () => {
    expect(schema.problems(answer('DELETE', '/carts/c1', 204, ''))).toEqual([]);
    expect(schema.problems(answer('DELETE', '/carts/c1', 204, '{}'))).toEqual([
      'a 204 answer has no body, got {}',
    ]);
    expect(schema.problems(answer('POST', '/carts', 201, 'Created'))).toEqual([
      'the body is not JSON: Created',
    ]);
    expect(schema.problems(answer('POST', '/carts', 200, { data: cart() }))).toEqual([
      "Spryker's schema declares no 200 for POST /carts",
    ]);
  });

  it('fails with every difference in one readable message', () => {
    const wrong = signIn(tokenDocument({ tokenType: 1, extra: true }));
    expect(() => assertSprykerShape(wrong, schema)).toThrow(
      "POST /agent-access-tokens → 201 does not match Spryker's schema (docs/spryker, corrected" +
        ' in server/platform/spryker-schema-mistakes.ts):\n' +
        '  extra key /data/attributes/extra\n' +
        '  wrong type at /data/attributes/tokenType: string expected, got number 1',
    );
    expect(() => assertSprykerShape(signIn(tokenDocument()), schema)).not.toThrow();
  });

  it('gives every correction and every unchecked path its reason', () => {
    for (const correction of SCHEMA_CORRECTIONS) {
      expect([correction.name, correction.glue, correction.evidence]).not.toContain('');
    }
    expect(new Set(SCHEMA_CORRECTIONS.map((correction) => correction.name)).size).toBe(
      SCHEMA_CORRECTIONS.length,
    );
    for (const extension of NOT_IN_SPRYKERS_SCHEMA) expect(extension.reason).not.toBe('');
    for (const plain of PLAIN_TEXT_ANSWERS) expect(plain.reason).not.toBe('');
  });

  it('accepts the listed plain-text answer only where it is listed, and only word for word', () => {
    const path = '/customers/DE--21/addresses';
    expect(schema.problems(answer('POST', path, 500, 'Internal Server Error'))).toEqual([]);
    expect(schema.problems(answer('POST', path, 500, 'Oops'))).toEqual([
      'the body is not JSON: Oops',
    ]);
    // The stand-in's own answer to an unexpected failure stays the error document.
    const internal = { errors: [{ status: 500, detail: 'Internal Server Error' }] };
    expect(schema.problems(answer('POST', path, 500, internal))).toEqual([]);
    expect(schema.problems(answer('PATCH', `${path}/a1`, 500, 'Internal Server Error'))).toEqual([
      'the body is not JSON: Internal Server Error',
    ]);
    expect(schema.problems(answer('POST', '/carts', 500, 'Internal Server Error'))).toEqual([
      'the body is not JSON: Internal Server Error',
    ]);
  });

  it('answers customer addresses with null only where an address has nothing', () => {
    const address = (attributes: Record<string, unknown>): unknown => ({
      data: {
        type: 'addresses',
        id: 'a1',
        attributes: {
          salutation: 'Ms',
          firstName: 'Sonia',
          lastName: 'Wagner',
          address1: 'Street',
          address2: '1',
          address3: null,
          zipCode: '10115',
          city: 'Berlin',
          country: 'Germany',
          iso2Code: 'DE',
          company: null,
          phone: null,
          isDefaultShipping: true,
          isDefaultBilling: true,
          ...attributes,
        },
        links: { self: `${BASE}/customers/DE--21/addresses/a1` },
      },
    });
    const path = '/customers/DE--21/addresses/a1';
    expect(schema.problems(answer('GET', path, 200, address({})))).toEqual([]);
    expect(schema.problems(answer('GET', path, 200, address({ city: null })))).toEqual([
      'wrong type at /data/attributes/city: string expected, got null',
    ]);
  });
});
