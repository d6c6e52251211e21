import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGENT,
  CART_ATTRIBUTES,
  CUSTOMER,
  addItem,
  bearer,
  createCart,
  document,
  errorBody,
  makeTestGlue,
  signInAgent,
  signInAsCustomerThroughAgent,
  signInCustomer,
  snapshot,
  ADDRESS_ATTRIBUTES,
} from '../platform/test-support';
import type { TestGlue } from '../platform/test-support';
import { phpString } from '../features/addresses/address-rules';
import { countryOf } from '../features/addresses/addresses';
import {
  NOTEBOOK,
  SONIA_ADDRESS,
  cartWith,
  consoleRequest,
  delivery,
} from '../features/checkout/checkout-fixtures';
import { deliveredOrder } from '../features/returns/return-fixtures';
import {
  LeakWatch,
  appRoutes,
  expectErrorDocument,
  fillPath,
  routeKind,
  routeName,
  snapshotExcept,
  totalChanges,
} from './helpers';
import type { Route } from './helpers';

// Fixed seed and bounded runs: the same requests every time, a few seconds in all.
const RUNS = 100;
// A well-formed sign-in runs one deliberately slow password hash; fewer runs keep the time down.
const SLOW_RUNS = 40;
const SEED = 42;
const CANON = '005_30663301';

const NOT_FOUND = errorBody(null, 404, 'Not Found');
const POST_DATA_INVALID = errorBody(null, 400, 'Post data is invalid.');
const MISSING = errorBody('002', 403, 'Missing access token.');
const INVALID = errorBody('001', 401, 'Invalid access token.');
const AGENT_ONLY = errorBody('4103', 401, 'Action is available to agent user only.');
const INVALID_TYPE = errorBody(null, 400, 'Invalid type.');

let t: TestGlue;
const leaks = new LeakWatch();
const tokens = { agent: '', customer: '', impersonation: '', refresh: '' };
/** A cart of Sonia's for checkout bodies; a fuzzed checkout may well place it, then it is 1103. */
let checkoutCart = '';
/** §12: a delivered order of Sonia's whose items the returns' bodies name, and a return of it. */
let returnOrderId = 0;
let fuzzReturn = '';

const listed = await makeTestGlue();
const ROUTES = appRoutes(listed.glue);
listed.close();

beforeAll(async () => {
  t = await makeTestGlue();
  tokens.agent = leaks.remember(await signInAgent(t)).accessToken;
  const customer = leaks.remember(await signInCustomer(t));
  tokens.customer = customer.accessToken;
  tokens.refresh = customer.refreshToken;
  tokens.impersonation = leaks.remember(await signInAsCustomerThroughAgent(t)).accessToken;
  checkoutCart = await cartWith(t, bearer(tokens.customer), [[NOTEBOOK, 2]]);
  // Nine units, nine order items (§9.4 splits below 10): the first makes the fuzz's own return.
  const delivered = await deliveredOrder(t, bearer(tokens.customer), [[CANON, 9]]);
  returnOrderId =
    t.glue.db
      .prepare<[string], number>('SELECT id FROM orders WHERE order_reference = ?')
      .pluck()
      .get(delivered.orderReference) ?? 0;
  const made = await t.post(
    '/returns',
    document('returns', {
      store: 'DE',
      returnItems: [{ salesOrderItemUuid: delivered.items[0]?.uuid, reason: 'Damaged' }],
    }),
    { headers: bearer(tokens.customer) },
  );
  expect(made.status).toBe(201);
  fuzzReturn = ((await made.json()) as { data: { id: string } }).data.id;
});

/**
 * §12: an item of the delivered order in no return yet, so a fuzzed return reaches past 3601
 * until the order is used up; then its last item, returned, which is 3601.
 */
function returnableUuid(): string {
  return (
    t.glue.db
      .prepare<[number], string>(
        `SELECT uuid FROM order_items WHERE order_id = ?
         ORDER BY id IN (SELECT order_item_id FROM return_items), id LIMIT 1`,
      )
      .pluck()
      .get(returnOrderId) ?? ''
  );
}

afterAll(() => t.close());

// ---- arbitraries -------------------------------------------------------------------------------

/** What a header may carry (bytes 0x20–0xFF, no CR/LF/NUL): anything else fetch itself refuses. */
const headerText = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
    .map((code) => String.fromCharCode(code)),
  maxLength: 200,
});

const NASTY_STRINGS = [
  '',
  ' ',
  '"',
  "'",
  '*',
  '%',
  '\\',
  '\u0000',
  'NEAR(a b)',
  'a OR b',
  '^a',
  'a:b',
  '(',
  'DE--21',
  'de--21',
  '005_30663301',
  // §10a's codes, and one in another letter case.
  'sprykerku2f',
  'SPRYKERKU2F',
  'GC-DEMOSPNT-26',
  'intelcorebe1de2fa3g',
  '\u202e\u0301',
  '🙂'.repeat(50),
  'x'.repeat(5000),
];

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  // Lone surrogates included: they reach the server as U+FFFD.
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...NASTY_STRINGS),
);

const HUGE_NUMBERS = [1e308, -1e308, 2 ** 53 + 2, 2 ** 63, -(2 ** 63), 1e-320, -0, 0.5, 1_000_001];

const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...HUGE_NUMBERS),
  fc.constantFrom('3', ' 3 ', '1e3', '0x1A', '-1', '1.5', 'Infinity', 'NaN', '９'),
);
const value = fc.oneof(
  { weight: 3, arbitrary: scalar },
  fc.jsonValue({ maxDepth: 3 }),
  // Checkout's nested parts, whole or broken: addresses, deliveries, payments.
  fc.constantFrom<unknown>(
    { ...SONIA_ADDRESS },
    { ...SONIA_ADDRESS, city: '', iso2Code: 'XX' },
    { id: 'f7a1c4c2-0000-4000-8000-000000000001' },
    { idShipmentMethod: 2 },
    { idShipmentMethod: '99' },
    [delivery([NOTEBOOK])],
    [delivery([NOTEBOOK]), { items: [NOTEBOOK] }],
    [{ paymentProviderName: 'DummyPayment', paymentMethodName: 'Invoice' }],
    [{}, {}],
  ),
);

const TYPES = [
  'agent-access-tokens',
  'access-tokens',
  'refresh-tokens',
  'agent-customer-impersonation-access-tokens',
  'carts',
  'items',
  'checkout-data',
  'checkout',
  'cart-codes',
  'vouchers',
  'wishlists',
  'wishlist-items',
  'returns',
  'customer-forgotten-password',
  'agent-impersonation-session-events',
];

/** The attributes that would succeed, so mutations of them reach deep into each resource. */
function validAttributes(type: string): Record<string, unknown> {
  const valid: Record<string, Record<string, unknown>> = {
    'agent-access-tokens': { ...AGENT, password: 'wrong' },
    'access-tokens': { ...CUSTOMER, password: 'wrong' },
    'refresh-tokens': { refreshToken: tokens.refresh },
    'agent-customer-impersonation-access-tokens': { customerReference: 'DE--21' },
    carts: { ...CART_ATTRIBUTES },
    items: { sku: CANON, quantity: 1 },
    'checkout-data': consoleRequest(checkoutCart),
    checkout: consoleRequest(checkoutCart),
    addresses: { ...ADDRESS_ATTRIBUTES },
    // §11: a name of the allowed characters (taken after the first), a product that exists.
    wishlists: { name: 'Fuzzed gifts' },
    'wishlist-items': { sku: CANON },
    // §10: a code that applies to the fuzz's carts (no gift-card product in them).
    'cart-codes': { code: 'GC-DEMO0100-26' },
    vouchers: { code: 'GC-DEMO0050-26' },
    // §13: a registered e-mail.
    'customer-forgotten-password': { email: 'sonia@acme.com' },
    // README: a mode switch of the impersonation session.
    'agent-impersonation-session-events': { event: 'change-mode', mode: 'change' },
  };
  // §12: an item that can still be returned, read when a body is made.
  if (type === 'returns') {
    return {
      store: 'DE',
      returnItems: [{ salesOrderItemUuid: returnableUuid(), reason: 'Damaged' }],
    };
  }
  return valid[type] ?? {};
}
const ATTRIBUTE_KEYS = [
  'username',
  'password',
  'refreshToken',
  'customerReference',
  'name',
  'priceMode',
  'currency',
  'store',
  'sku',
  'quantity',
  // §9.1's attributes, and what goes inside them.
  'idCart',
  'customer',
  'billingAddress',
  'shippingAddress',
  'shipment',
  'shipments',
  'payments',
  'idShipmentMethod',
  'iso2Code',
  'city',
  // §10's one attribute.
  'code',
  // §13's one attribute, and §12's.
  'email',
  'returnItems',
  'salesOrderItemUuid',
  'reason',
  // The session events' two (README).
  'event',
  'mode',
  '__proto__',
  'constructor',
];

// §8's attributes, and values that reach each of its rules (and a code of no country).
const ADDRESS_KEYS = [
  ...Object.keys(ADDRESS_ATTRIBUTES),
  'address3',
  'company',
  'phone',
  'country',
  'customer_reference',
  '__proto__',
  'constructor',
];
const addressValue = fc.oneof(
  value,
  fc.constantFrom('XX', 'de', 'D', 'ZZ', 'Mr', 'Dr', 'Ulm', 'x'.repeat(256), true, false),
);

/** A body, as text; `near` marks documents built from valid attributes with some fields changed. */
function bodyFor(resourceType: string): fc.Arbitrary<string> {
  const keys = resourceType === 'addresses' ? ADDRESS_KEYS : ATTRIBUTE_KEYS;
  const values = resourceType === 'addresses' ? addressValue : value;
  const type = fc.oneof(
    { weight: 4, arbitrary: fc.constant(resourceType) },
    fc.constantFrom(...TYPES),
    fc.jsonValue({ maxDepth: 1 }),
  );
  const anyAttributes = fc.oneof(
    fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string()), values, {
      maxKeys: 4,
    }),
    fc
      .dictionary(fc.constantFrom(...keys), values, { minKeys: 1, maxKeys: 2 })
      .map((changes) => ({ ...validAttributes(resourceType), ...changes })),
    fc.jsonValue({ maxDepth: 2 }),
  );
  // §8's addresses have many rules: most bodies break one, so one key changed is tried more often.
  const oneChanged = fc
    .tuple(fc.constantFrom(...keys), values)
    .map(([key, changed]) => ({ ...validAttributes(resourceType), [key]: changed }));
  const attributes =
    resourceType === 'addresses'
      ? fc.oneof(anyAttributes, { weight: 3, arbitrary: oneChanged })
      : anyAttributes;
  const document = fc
    .tuple(type, attributes)
    .map(([docType, attrs]) => JSON.stringify({ data: { type: docType, attributes: attrs } }));
  return fc.oneof(
    { weight: 4, arbitrary: document },
    text,
    fc.jsonValue().map((json) => JSON.stringify(json)),
    // Deep nesting, where a recursive reader would overflow the stack.
    fc
      .tuple(fc.integer({ min: 1, max: 50_000 }), fc.constantFrom('[', '{"a":'))
      .map(([depth, open]) => {
        const close = open === '[' ? ']' : '}';
        return `{"data":{"type":"${resourceType}","attributes":{"quantity":${open.repeat(depth)}1${close.repeat(depth)}}}}`;
      }),
    // Number literals JSON.parse turns into Infinity or loses digits of.
    fc
      .constantFrom('1' + '0'.repeat(400), '-1e999', '1e-999', '9007199254740993', '1.0', '-0')
      .map(
        (literal) =>
          `{"data":{"type":"${resourceType}","attributes":{"quantity":${literal},"sku":"${CANON}"}}}`,
      ),
    fc.constantFrom(
      '',
      'null',
      '{"data":null}',
      '{"data":[]}',
      '\ufeff{"data":{"type":"items","attributes":{}}}',
      '{"data":{"type":"items"},"data":{"type":"items","attributes":{}}}',
      '{"__proto__":{"data":{"type":"carts","attributes":{}}}}',
    ),
  );
}

/** A query string: known parameters with odd values, or anything at all. */
const query = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(
            'page[offset]',
            'page[limit]',
            'q',
            'include',
            'page',
            'page[limit][]',
            'sort',
            '_store',
            '_store[]',
            // The outbox's recipient filter, the sessions' open filter (README).
            'to',
            'open',
          ),
          fc.string({ maxLength: 10 }),
        ),
        fc.oneof(
          fc.nat().map(String),
          fc.integer().map(String),
          fc.constantFrom(
            '1e3',
            '-0',
            '0x10',
            '9'.repeat(30),
            'items',
            'items,items',
            '',
            'items,concrete-products',
            'concrete-products',
            'concrete-products,items,concrete-product-prices',
            // §12's includes.
            'return-items',
            'return-items,order-items',
            // A recipient of the outbox, in another letter case too.
            'sonia@acme.com',
            'SONIA@acme.com',
            // The open filter's values, and one it refuses.
            'true',
            'false',
            'TRUE',
            ' items, concrete-products ',
            ',',
            '-createdAt',
            'updatedAt,-createdAt',
            '--',
            'DE',
            'AT',
            '0',
          ),
          fc.string({ unit: 'grapheme', maxLength: 30 }),
          fc.constantFrom(...NASTY_STRINGS),
        ),
      ),
      { maxLength: 4 },
    )
    .map(
      (pairs) =>
        `?${pairs.map(([key, val]) => `${encodeURIComponent(key)}=${encodeURIComponent(val)}`).join('&')}`,
    ),
  fc.constantFrom('?', '?%', '?%ZZ=1', '?page[offset]=%', '?q=%E0%A4%A', '?&&&', '?include'),
);

/** A path segment: the real value, any text percent-encoded, or a raw oddity. */
const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constant<{ real: true } | { raw: string }>({ real: true }) },
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => ({ raw: encodeURIComponent(s) })),
  fc
    .constantFrom(
      '%',
      '%E0%A4%A',
      '%00',
      '%2F',
      '..',
      '.',
      '%2e%2e',
      'a;b',
      'x'.repeat(3000),
      // Store ids (§7.1): another store, a letter case, one that does not exist.
      'AT',
      'de',
      'NON_EXIST_STORE',
    )
    .map((raw) => ({ raw })),
);

/** An Authorization (or X-Agent-Authorization) variant; tokens are filled in when sent. */
type Auth =
  | { kind: 'valid' | 'none' | 'impersonation' | 'alg-none' }
  | { kind: 'raw'; header: string; value: string }
  | { kind: 'mutated'; index: number; char: string }
  | { kind: 'decorated'; template: string };
const auth: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Auth>({ kind: 'valid' }) },
  fc.constant<Auth>({ kind: 'none' }),
  fc.constant<Auth>({ kind: 'impersonation' }),
  fc.constant<Auth>({ kind: 'alg-none' }),
  fc
    .tuple(
      fc.constantFrom('Authorization', 'X-Agent-Authorization'),
      fc.oneof(
        headerText,
        headerText.map((s) => `Bearer ${s}`),
      ),
    )
    .map(([header, val]): Auth => ({ kind: 'raw', header, value: val })),
  fc
    .tuple(fc.nat({ max: 2000 }), fc.constantFrom('A', '_', '-', '.', '=', ' '))
    .map(([index, char]): Auth => ({ kind: 'mutated', index, char })),
  fc
    .constantFrom(
      'Bearer',
      'bearer  {t}',
      'BEARER {t}',
      'Bearer {t} extra',
      'Bearer {t},{t}',
      'Bearer {t}.',
      'Bearer x.y.z',
      'Basic {t}',
      'Bearer\t{t}',
    )
    .map((template): Auth => ({ kind: 'decorated', template })),
);

const CONTENT_TYPES = [
  'application/vnd.api+json',
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/vnd.api+json; charset=utf-16',
];
/** One more header the stand-in might read: declared lengths, languages, origins, proxies. */
const extraHeader = fc.option(
  fc.tuple(
    fc.constantFrom(
      'Accept',
      'Accept-Language',
      'Store',
      'Origin',
      'Content-Length',
      'X-Forwarded-For',
      'Access-Control-Request-Method',
    ),
    fc.oneof(
      headerText,
      fc.constantFrom(
        '-1',
        '99999999999999999999',
        '0',
        'GET',
        'DE',
        'AT',
        'de',
        'de-DE, en;q=0.5',
      ),
    ),
  ),
  { freq: 3 },
);

const contentType = fc.oneof(
  fc.constantFrom(...CONTENT_TYPES),
  fc.constant(null),
  headerText.map((s) => s.trim()),
);

// ---- sending and checking ----------------------------------------------------------------------

/**
 * The token a route is meant to get: agents for §3, an agent at work for the session events
 * (README), the customer everywhere else.
 */
function validToken(route: Route): string {
  const kind = routeKind(route);
  if (kind === 'impersonation') return tokens.impersonation;
  return kind === 'agent' ? tokens.agent : tokens.customer;
}

function authHeaders(a: Auth, route: Route): Record<string, string> {
  const token = validToken(route);
  switch (a.kind) {
    case 'none':
      return {};
    case 'valid':
      return bearer(token);
    case 'impersonation':
      return bearer(tokens.impersonation);
    case 'alg-none': {
      const [, payload] = token.split('.');
      const header = Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url');
      return { Authorization: `Bearer ${header}.${payload}.` };
    }
    case 'raw':
      return { [a.header]: a.value };
    case 'mutated': {
      const i = a.index % token.length;
      return bearer(`${token.slice(0, i)}${a.char}${token.slice(i + 1)}`);
    }
    case 'decorated':
      return { Authorization: a.template.replaceAll('{t}', token) };
  }
}

/** The last path segment that is not a parameter: the resource type the body should name. */
function resourceType(route: Route): string {
  return (
    route.path
      .split('/')
      .filter((part) => part !== '' && !part.startsWith(':'))
      .at(-1) ?? ''
  );
}

let wishlists = 0;

async function realValue(param: string): Promise<string> {
  switch (param) {
    case 'cartId': {
      // A new cart each time: a fuzzed DELETE may well remove the last one.
      const cartId = await createCart(t, bearer(tokens.customer));
      await addItem(t, bearer(tokens.customer), cartId, { sku: CANON, quantity: 1 });
      return cartId;
    }
    case 'groupKey':
    case 'sku':
      return CANON;
    case 'abstractSku':
      return '005';
    case 'customerReference':
      return 'DE--21';
    case 'addressId': {
      // A new address each time: a fuzzed DELETE may well remove it.
      const response = await t.post(
        '/customers/DE--21/addresses',
        document('addresses', ADDRESS_ATTRIBUTES),
        {
          headers: bearer(tokens.customer),
        },
      );
      return ((await response.json()) as { data: { id: string } }).data.id;
    }
    case 'returnReference':
      // §12: the fuzz's own return of Sonia's.
      return fuzzReturn;
    case 'wishlistId': {
      // A new wishlist holding CANON each time: a fuzzed DELETE may well remove it.
      const created = await t.post(
        '/wishlists',
        document('wishlists', { name: `Fuzz ${++wishlists}` }),
        { headers: bearer(tokens.customer) },
      );
      const id = ((await created.json()) as { data: { id: string } }).data.id;
      await t.post(`/wishlists/${id}/wishlist-items`, document('wishlist-items', { sku: CANON }), {
        headers: bearer(tokens.customer),
      });
      return id;
    }
    case 'orderReference': {
      // Sonia's first demo order (DE--<n>, numbered across every customer's orders).
      const reference = t.glue.db
        .prepare<[], string>(
          'SELECT order_reference FROM orders WHERE id_customer = 21 ORDER BY id LIMIT 1',
        )
        .pluck()
        .get();
      if (reference === undefined) throw new Error('fuzz: Sonia needs a demo order');
      return reference;
    }
    case 'refreshToken':
      return 'mine';
    case 'sessionId':
      // The impersonation the fuzz tokens were made with.
      return '1';
    case 'storeId':
      return 'DE';
    case 'code':
      // §10a: a voucher of the demo; removing it from a cart that does not hold it is 204 or 3301.
      return 'sprykerku2f';
    default:
      throw new Error(`fuzz: give :${param} a real value`);
  }
}

interface Sent {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Sends one request and checks what every answer must be: below 500, a §1 error document when
 * refused, a JSON:API document when not, no stack trace nor token in it, and, when refused, the
 * database as it was (but for `audited` tables, which record refusals by design). The one 500 the
 * contract has, §8.1's plain-text answer to an address of no country, is let through where
 * `plain500` says the request may get it, and must then be exactly that and change nothing.
 */
function makeChecker(glue: TestGlue) {
  let baseline = snapshot(glue.glue);
  let baselineChanges = totalChanges(glue.glue);
  return async (
    where: string,
    send: () => Promise<Response>,
    audited: string[] = [],
    plain500 = false,
  ): Promise<Sent> => {
    // Setup requests (a new cart) are not under test: start from what they left.
    if (totalChanges(glue.glue) !== baselineChanges) {
      baseline = snapshot(glue.glue);
      baselineChanges = totalChanges(glue.glue);
    }
    const response = await send();
    const sent = {
      status: response.status,
      headers: response.headers,
      text: await response.text(),
    };
    const noCountry = plain500 && sent.status === 500;
    if (!noCountry) expect(sent.status, `${where}: ${sent.text}`).toBeLessThan(500);
    leaks.expectClean(where, sent.text);
    if (sent.status >= 400) {
      if (noCountry) {
        expect(sent.text).toBe('Internal Server Error');
        expect(sent.headers.get('Content-Type')).toBe('text/html; charset=UTF-8');
      } else {
        expectErrorDocument(sent.status, sent.headers, sent.text);
      }
      // total_changes also counts rolled-back rows, so a change is confirmed against the rows.
      if (totalChanges(glue.glue) !== baselineChanges) {
        const kept = JSON.stringify(
          (JSON.parse(baseline) as [string, unknown][]).filter(([name]) => !audited.includes(name)),
        );
        expect(snapshotExcept(glue.glue, ...audited), `${where} changed the database`).toBe(kept);
      }
    } else if (sent.status === 204) {
      expect(sent.text).toBe('');
    } else if (sent.text !== '') {
      expect(sent.headers.get('Content-Type')).toBe('application/vnd.api+json');
      expect(JSON.parse(sent.text)).toHaveProperty('data');
    }
    return sent;
  };
}

// ---- properties --------------------------------------------------------------------------------

describe('fuzzing every route: never a 5xx, always a JSON:API error, nothing changed', () => {
  it.each(ROUTES.map((route) => [routeName(route), route] as const))('%s', async (_n, route) => {
    const check = makeChecker(t);
    const kind = routeKind(route);
    const params = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] ?? '');
    const hasBody = route.method !== 'GET';
    const slow = route.path === '/agent-access-tokens' || route.path === '/access-tokens';
    const request = fc.record({
      segments: fc.array(segment, { minLength: params.length, maxLength: params.length }),
      query,
      auth,
      contentType,
      extra: extraHeader,
      body: hasBody ? fc.option(bodyFor(resourceType(route)), { freq: 5 }) : fc.constant(null),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const values: Record<string, string> = {};
        for (const [i, param] of params.entries()) {
          const seg = r.segments[i];
          values[param] = seg === undefined || 'real' in seg ? await realValue(param) : seg.raw;
        }
        const path = fillPath(route.path, (param) => values[param] ?? '') + r.query;
        const headers = authHeaders(r.auth, route);
        if (r.contentType !== null) headers['Content-Type'] = r.contentType;
        if (r.extra !== null) headers[r.extra[0]] = r.extra[1];
        const audited = [
          ...(route.path === '/agent-access-tokens' ? ['login_attempts'] : []),
          // What an agent tries through an impersonation token is audited, refusals too (audit.ts).
          ...(r.auth.kind === 'impersonation' ? ['impersonation_audit'] : []),
        ];
        const sent = await check(
          `${route.method} ${path.slice(0, 200)}`,
          () =>
            t.send(route.method, path, {
              headers,
              ...(r.body === null ? {} : { body: r.body }),
            }),
          audited,
          route.method === 'POST' && route.path === '/customers/:customerReference/addresses'
            ? namesNoCountry(r.body)
            : false,
        );
        // Where the path is the route's own, the contract fixes some answers exactly.
        // A declared Content-Length over the limit is refused (413) before anything else.
        const realPath =
          r.segments.every((seg) => 'real' in seg) && r.extra?.[0] !== 'Content-Length';
        // §8.2: an address's POST or PATCH checks its document before the token.
        // §11: so do the wishlists'.
        const documentFirst =
          kind !== 'idless' &&
          (route.path.includes('/addresses') || route.path.startsWith('/wishlists')) &&
          ['POST', 'PATCH'].includes(route.method);
        const unreadable = r.body === null || !isJsonObject(r.body);
        const refusedDocument = documentFirst ? [POST_DATA_INVALID, INVALID_TYPE] : [];
        if (realPath && documentFirst && unreadable) {
          expect(JSON.parse(sent.text)).toEqual(POST_DATA_INVALID);
        }
        if (realPath && r.auth.kind === 'none') {
          if (kind === 'customer' || kind === 'any-token') {
            expect(refusedDocument.concat([MISSING])).toContainEqual(JSON.parse(sent.text));
          }
          if (kind === 'agent' || kind === 'impersonation') {
            expect(JSON.parse(sent.text)).toEqual(AGENT_ONLY);
          }
        }
        const garbage = r.auth.kind === 'decorated' && r.auth.template.startsWith('Basic');
        if (
          realPath &&
          garbage &&
          ['customer', 'any-token', 'agent', 'impersonation'].includes(kind)
        ) {
          expect(refusedDocument.concat([INVALID])).toContainEqual(JSON.parse(sent.text));
        }
        // §5a, §7.1: a public resource answers whatever the token; only an unknown id is refused.
        if (kind === 'public' && route.method === 'GET' && r.extra?.[0] !== 'Content-Length') {
          expect([200, 404], `${route.path}: ${sent.text}`).toContain(sent.status);
        }
        // §13: 204 for any address, else the document's 400 or a 901; never a token's refusal.
        if (kind === 'public' && route.method === 'POST' && r.extra?.[0] !== 'Content-Length') {
          expect([204, 400, 422], `${route.path}: ${sent.text}`).toContain(sent.status);
        }
        if (route.path === '/stores/:storeId' && realPath) {
          expect(JSON.parse(sent.text)).toMatchObject({ data: { type: 'stores', id: 'DE' } });
        }
        const admitted =
          r.auth.kind === 'valid' &&
          ['customer', 'agent', 'impersonation', 'issuing'].includes(kind);
        const readable = r.body === null || isJsonObject(r.body);
        if (realPath && admitted && !readable && ['POST', 'PATCH'].includes(route.method)) {
          expect(JSON.parse(sent.text)).toEqual(POST_DATA_INVALID);
        }
        // §9.5: checkout reads the document before any token, and answers a missing one itself.
        if (realPath && kind === 'checkout') {
          if (!readable) expect(JSON.parse(sent.text)).toEqual(POST_DATA_INVALID);
          if (r.auth.kind === 'none') expect([400, 422]).toContain(sent.status);
        }
      }),
      { seed: SEED, numRuns: slow ? SLOW_RUNS : RUNS },
    );
    expect(t.logLines).toEqual([]);
  });

  it('answers an address of no country with the plain-text 500 of §8.1, and changes nothing', async () => {
    const check = makeChecker(t);
    const path = '/customers/DE--21/addresses';
    for (const iso2Code of ['XX', 'ZZ', 'D', 7, true]) {
      const body = JSON.stringify(document('addresses', { ...ADDRESS_ATTRIBUTES, iso2Code }));
      expect(namesNoCountry(body)).toBe(true);
      const sent = await check(
        `POST ${path} ${String(iso2Code)}`,
        () => t.send('POST', path, { headers: bearer(tokens.impersonation), body }),
        ['impersonation_audit'],
        true,
      );
      expect(sent.status).toBe(500);
    }
    expect(namesNoCountry(JSON.stringify(document('addresses', ADDRESS_ATTRIBUTES)))).toBe(false);
    expect(t.logLines).toEqual([]);
  });

  it('answers any other method or path with 404 Not Found, never a 5xx', async () => {
    const check = makeChecker(t);
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS'),
      path: fc.oneof(
        fc.webPath(),
        fc
          .array(fc.oneof(fc.constantFrom('carts', 'items', 'orders', ''), fc.webSegment()), {
            maxLength: 6,
          })
          .map((parts) => `/${parts.join('/')}`),
      ),
      auth,
    });
    const resources = new Set(ROUTES.map((route) => route.path.split('/')[1]));
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, auth: a }) => {
        const sent = await check(`${method} ${path}`, () =>
          t.send(method, path, { headers: authHeaders(a, { method, path }) }),
        );
        // A path under no resource the app knows is surely unknown (§1): 404 Not Found.
        if (!resources.has(firstSegment(path))) {
          expect({ path, status: sent.status, body: JSON.parse(sent.text) as unknown }).toEqual({
            path,
            status: 404,
            body: NOT_FOUND,
          });
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(t.logLines).toEqual([]);
  });
});

/** §8.1: a POSTed address whose `iso2Code` names no country may get the plain-text 500. */
function namesNoCountry(body: string | null): boolean {
  try {
    const parsed = JSON.parse((body ?? '').replace(/^\uFEFF/, '')) as {
      data?: { attributes?: { iso2Code?: unknown } };
    };
    const code = parsed.data?.attributes?.iso2Code;
    const scalar = ['string', 'number', 'boolean'].includes(typeof code);
    return scalar && countryOf(phpString(code as string | number | boolean)) === null;
  } catch {
    return false;
  }
}

function isJsonObject(body: string): boolean {
  try {
    // The body is read as UTF-8 text, which drops a BOM; RFC 8259 lets a parser ignore one.
    const parsed = JSON.parse(body.replace(/^\uFEFF/, '')) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/** The path's first segment as the router sees it: normalized and percent-decoded. */
function firstSegment(path: string): string {
  const raw = new URL(`http://glue.test${path}`).pathname.split('/')[1] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
