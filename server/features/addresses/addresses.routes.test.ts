import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADDRESS_ATTRIBUTES,
  bearer,
  document,
  errorBody,
  makeTestGlue,
  patch,
  signInAgent,
  signInAsCustomerThroughAgent,
  signInCustomer,
  signInCustomerWith,
  snapshot,
  statusAndBody,
} from '../../platform/test-support';
import type { TestGlue } from '../../platform/test-support';

const BASE = 'http://glue.test';
const ADDRESSES = '/customers/DE--21/addresses';

const MISSING_TOKEN = errorBody('002', 403, 'Missing access token.');
const INVALID_TOKEN = errorBody('001', 401, 'Invalid access token.');
const INVALID_TYPE = errorBody(null, 400, 'Invalid type.');
const NO_ID = errorBody(null, 400, 'Resource id is not specified.');
const UNAUTHORIZED = errorBody('411', 403, 'Unauthorized request.');
const NOT_FOUND = errorBody('404', 404, 'Address was not found.');
const CUSTOMER_NOT_FOUND = errorBody('402', 404, 'Customer not found.');

const MISSING = 'This field is missing.';
const BLANK = 'This value should not be blank.';
const CHOICE = 'The value you selected is not a valid choice.';
const BOOL = 'This value should be of type bool.';
const tooLong = (limit: number): string =>
  `This value is too long. It should have ${limit} characters or less.`;
const TOO_SHORT = 'This value is too short. It should have 3 characters or more.';

/** A POST that succeeds: every required key, both flags false. */
const NEW = ADDRESS_ATTRIBUTES;

/** What Glue answers for NEW as the customer's first address. */
const ANSWERED = {
  salutation: 'Ms',
  firstName: 'Sonia',
  lastName: 'Wagner',
  address1: 'Julie-Wolfthorn-Straße',
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
};

const ATTRIBUTE_ORDER = Object.keys(ANSWERED);

interface Address {
  type: string;
  id: string;
  attributes: typeof ANSWERED;
  links: { self: string };
}

let t: TestGlue;
let sonia: Record<string, string>;

beforeEach(async () => {
  t = await makeTestGlue();
  sonia = bearer((await signInCustomer(t)).accessToken);
});

afterEach(() => t.close());

function failure(field: string, message: string): { code: string; status: number; detail: string } {
  return { code: '901', status: 422, detail: `${field} => ${message}` };
}

const failures = (...errors: [string, string][]): unknown => ({
  errors: errors.map(([field, message]) => failure(field, message)),
});

function post(
  attributes: unknown,
  headers: Record<string, string> = sonia,
  path = ADDRESSES,
): Promise<Response> {
  return t.post(path, document('addresses', attributes), { headers });
}

function change(
  uuid: string,
  attributes: unknown,
  headers: Record<string, string> = sonia,
  path = ADDRESSES,
): Promise<Response> {
  return patch(t, `${path}/${uuid}`, document('addresses', attributes), headers);
}

const get = (path: string, headers: Record<string, string> = sonia): Promise<Response> =>
  t.send('GET', path, { headers });

const remove = (path: string, headers: Record<string, string> = sonia): Promise<Response> =>
  t.send('DELETE', path, { headers });

async function created(response: Response): Promise<Address> {
  const { status, body } = await statusAndBody(response);
  expect({ status, body }).toMatchObject({ status: 201 });
  return (body as { data: Address }).data;
}

/** POST NEW with `changes`; the new address. */
async function create(
  changes: Record<string, unknown> = {},
  headers: Record<string, string> = sonia,
): Promise<Address> {
  return created(await post({ ...NEW, ...changes }, headers));
}

async function list(headers: Record<string, string> = sonia): Promise<Address[]> {
  const { status, body } = await statusAndBody(await get(ADDRESSES, headers));
  expect(status).toBe(200);
  return (body as { data: Address[] }).data;
}

/** Each address of the list as [uuid, default shipping, default billing]. */
async function defaults(): Promise<[string, boolean, boolean][]> {
  return (await list()).map((address) => [
    address.id,
    address.attributes.isDefaultShipping,
    address.attributes.isDefaultBilling,
  ]);
}

async function attributesAfterPatch(uuid: string, attributes: unknown): Promise<typeof ANSWERED> {
  const { status, body } = await statusAndBody(await change(uuid, attributes));
  expect({ status, body }).toMatchObject({ status: 200 });
  return (body as { data: Address }).data.attributes;
}

describe('§8 routes', () => {
  it('GET /customers/{ref}/addresses answers [] to a customer who has none, with the collection link', async () => {
    expect(await statusAndBody(await get(ADDRESSES))).toEqual({
      status: 200,
      body: { data: [], links: { self: `${BASE}${ADDRESSES}` } },
    });
  });

  it('POST answers 201 with the new address: every attribute in order, its own self link', async () => {
    const response = await post(NEW);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.api+json');
    const address = await created(response);
    expect(address.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(address).toEqual({
      type: 'addresses',
      id: address.id,
      attributes: ANSWERED,
      links: { self: `${BASE}${ADDRESSES}/${address.id}` },
    });
    expect(Object.keys(address)).toEqual(['type', 'id', 'attributes', 'links']);
    expect(Object.keys(address.attributes)).toEqual(ATTRIBUTE_ORDER);
  });

  it('GET /customers/{ref}/addresses/{uuid} answers 200 with the address', async () => {
    const address = await create({ address3: 'Hinterhaus', company: 'Acme', phone: '030 1234' });
    expect(await statusAndBody(await get(`${ADDRESSES}/${address.id}`))).toEqual({
      status: 200,
      body: { data: address },
    });
    expect(address.attributes).toEqual({
      ...ANSWERED,
      address3: 'Hinterhaus',
      company: 'Acme',
      phone: '030 1234',
    });
  });

  it('GET the collection lists the addresses as they were created, each with its own self link', async () => {
    const first = await create();
    const second = await create({ city: 'Hamburg' });
    const third = await create({ city: 'München' });
    const { status, body } = await statusAndBody(await get(ADDRESSES));
    expect(status).toBe(200);
    const { data, links } = body as { data: Address[]; links: unknown };
    expect(data.map((address) => address.id)).toEqual([first.id, second.id, third.id]);
    expect(data.map((address) => address.links.self)).toEqual(
      [first, second, third].map((address) => `${BASE}${ADDRESSES}/${address.id}`),
    );
    expect(data.map((address) => address.attributes.city)).toEqual([
      'Berlin',
      'Hamburg',
      'München',
    ]);
    expect(links).toEqual({ self: `${BASE}${ADDRESSES}` });
  });

  it('PATCH answers 200 with the address after the change', async () => {
    const address = await create();
    const { status, body } = await statusAndBody(await change(address.id, { city: 'Potsdam' }));
    expect({ status, body }).toEqual({
      status: 200,
      body: {
        data: {
          ...address,
          attributes: { ...ANSWERED, city: 'Potsdam' },
        },
      },
    });
  });

  it('DELETE answers 204 with an empty body, and the address is gone', async () => {
    const address = await create();
    const response = await remove(`${ADDRESSES}/${address.id}`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(await list()).toEqual([]);
    expect(await statusAndBody(await get(`${ADDRESSES}/${address.id}`))).toEqual({
      status: 404,
      body: NOT_FOUND,
    });
  });

  it('keeps the query off the addresses’ own self links, and on the collection’s link (§1)', async () => {
    const address = await create();
    const one = await statusAndBody(await get(`${ADDRESSES}/${address.id}?include=x`));
    expect((one.body as { data: Address }).data.links.self).toBe(
      `${BASE}${ADDRESSES}/${address.id}`,
    );
    const all = await statusAndBody(await get(`${ADDRESSES}?include=x`));
    expect(all.body).toEqual({
      data: [address],
      links: { self: `${BASE}${ADDRESSES}?include=x` },
    });
    const posted = await created(
      await t.post(`${ADDRESSES}?a=1`, document('addresses', NEW), { headers: sonia }),
    );
    expect(posted.links.self).toBe(`${BASE}${ADDRESSES}/${posted.id}`);
  });

  it('gives every address its own UUID, never one of a deleted address', async () => {
    const first = await create();
    expect((await remove(`${ADDRESSES}/${first.id}`)).status).toBe(204);
    const second = await create();
    expect(second.id).not.toBe(first.id);
    expect(await statusAndBody(await get(`${ADDRESSES}/${first.id}`))).toEqual({
      status: 404,
      body: NOT_FOUND,
    });
  });
});

describe('§8.1 attributes and their rules', () => {
  it('salutation: not blank; one of Mr, Mrs, Ms, Dr', async () => {
    for (const salutation of ['Mr', 'Mrs', 'Ms', 'Dr']) {
      expect((await create({ salutation })).attributes.salutation).toBe(salutation);
    }
    const before = snapshot(t.glue);
    const cases: [unknown, string[]][] = [
      ['', [BLANK, CHOICE]],
      [null, [BLANK]],
      ['mr', [CHOICE]],
      ['Miss', [CHOICE]],
      ['n/a', [CHOICE]],
      [1, [CHOICE]],
    ];
    for (const [salutation, messages] of cases) {
      expect({ salutation, ...(await statusAndBody(await post({ ...NEW, salutation }))) }).toEqual({
        salutation,
        status: 422,
        body: failures(...messages.map((message): [string, string] => ['salutation', message])),
      });
    }
    expect(snapshot(t.glue)).toBe(before);
  });

  it.each([
    ['firstName', 100],
    ['lastName', 100],
    ['address1', 255],
    ['address2', 255],
    ['zipCode', 15],
  ])('%s: not blank; at most %i characters', async (field, limit) => {
    expect((await create({ [field]: 'x'.repeat(limit) })).attributes).toMatchObject({
      [field]: 'x'.repeat(limit),
    });
    // Characters, not bytes nor UTF-16 units.
    expect((await create({ [field]: '🙂'.repeat(limit) })).attributes).toMatchObject({
      [field]: '🙂'.repeat(limit),
    });
    for (const [value, message] of [
      ['x'.repeat(limit + 1), tooLong(limit)],
      ['', BLANK],
      [null, BLANK],
    ] as const) {
      expect(await statusAndBody(await post({ ...NEW, [field]: value }))).toEqual({
        status: 422,
        body: failures([field, message]),
      });
    }
  });

  it('address3: optional, at most 255 characters; null when not given', async () => {
    expect((await create()).attributes.address3).toBeNull();
    expect((await create({ address3: null })).attributes.address3).toBeNull();
    expect((await create({ address3: '' })).attributes.address3).toBe('');
    expect((await create({ address3: 'x'.repeat(255) })).attributes.address3).toBe('x'.repeat(255));
    expect(await statusAndBody(await post({ ...NEW, address3: 'x'.repeat(256) }))).toEqual({
      status: 422,
      body: failures(['address3', tooLong(255)]),
    });
  });

  it('city: not blank; 3 to 255 characters', async () => {
    expect((await create({ city: 'Ulm' })).attributes.city).toBe('Ulm');
    expect((await create({ city: 'x'.repeat(255) })).attributes.city).toBe('x'.repeat(255));
    for (const [city, errors] of [
      ['Ul', [TOO_SHORT]],
      ['x'.repeat(256), [tooLong(255)]],
      ['', [BLANK, TOO_SHORT]],
      [null, [BLANK]],
    ] as const) {
      expect(await statusAndBody(await post({ ...NEW, city }))).toEqual({
        status: 422,
        body: failures(...errors.map((message): [string, string] => ['city', message])),
      });
    }
  });

  it('country: ignored when sent; answered as the English name of iso2Code’s country', async () => {
    expect((await create({ country: 'Atlantis' })).attributes.country).toBe('Germany');
    for (const [iso2Code, country] of [
      ['AT', 'Austria'],
      ['CH', 'Switzerland'],
      // Every country Spryker installs from CLDR, not only the store's, with CLDR 24's names.
      ['US', 'United States'],
      ['CZ', 'Czech Republic'],
      ['TR', 'Turkey'],
      ['AN', 'Netherlands Antilles'],
    ]) {
      expect((await create({ iso2Code, country: 'Germany' })).attributes).toMatchObject({
        iso2Code,
        country,
      });
    }
  });

  it('iso2Code: found in any letter case, answered as the country’s code', async () => {
    expect((await create({ iso2Code: 'de' })).attributes).toMatchObject({
      iso2Code: 'DE',
      country: 'Germany',
    });
    expect((await create({ iso2Code: 'aT' })).attributes).toMatchObject({
      iso2Code: 'AT',
      country: 'Austria',
    });
  });

  it('iso2Code: not blank; at most 2 characters', async () => {
    for (const [iso2Code, message] of [
      ['DEU', tooLong(2)],
      ['', BLANK],
      [null, BLANK],
    ] as const) {
      expect(await statusAndBody(await post({ ...NEW, iso2Code }))).toEqual({
        status: 422,
        body: failures(['iso2Code', message]),
      });
    }
  });

  it('iso2Code of no country (XX): 500 with the plain-text body Internal Server Error, nothing stored', async () => {
    const before = snapshot(t.glue);
    // No territory, one Spryker leaves out (EU, ZZ), one CLDR 24 does not list (DD), no code.
    for (const iso2Code of ['XX', 'AA', 'EU', 'ZZ', 'DD', 'D', '1', 'ß', 'ä']) {
      const response = await post({ ...NEW, iso2Code });
      expect({ iso2Code, status: response.status, text: await response.text() }).toEqual({
        iso2Code,
        status: 500,
        text: 'Internal Server Error',
      });
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=UTF-8');
    }
    expect(snapshot(t.glue)).toBe(before);
    expect(t.logLines).toEqual([]);
  });

  it('company: optional, no rule; null when not given', async () => {
    expect((await create()).attributes.company).toBeNull();
    expect((await create({ company: 'x'.repeat(1000) })).attributes.company).toBe('x'.repeat(1000));
    expect((await create({ company: '' })).attributes.company).toBe('');
  });

  it('phone: optional, at most 255 characters; null when not given', async () => {
    expect((await create()).attributes.phone).toBeNull();
    expect((await create({ phone: '+49 30 1234567' })).attributes.phone).toBe('+49 30 1234567');
    expect(await statusAndBody(await post({ ...NEW, phone: '1'.repeat(256) }))).toEqual({
      status: 422,
      body: failures(['phone', tooLong(255)]),
    });
  });

  it.each(['isDefaultShipping', 'isDefaultBilling'])(
    '%s: of type bool; null passes',
    async (flag) => {
      expect((await post({ ...NEW, [flag]: null })).status).toBe(201);
      expect((await post({ ...NEW, [flag]: true })).status).toBe(201);
      for (const value of ['true', 1, 0, '', [], {}]) {
        expect(await statusAndBody(await post({ ...NEW, [flag]: value }))).toEqual({
          status: 422,
          body: failures([flag, BOOL]),
        });
      }
    },
  );

  it('"required" means the key must be there on POST, both flags included', async () => {
    const before = snapshot(t.glue);
    for (const field of Object.keys(NEW)) {
      const { [field as keyof typeof NEW]: _left, ...rest } = NEW;
      expect(await statusAndBody(await post(rest))).toEqual({
        status: 422,
        body: failures([field, MISSING]),
      });
    }
    expect(snapshot(t.glue)).toBe(before);
  });

  it('POST with only address3: ten errors, each "This field is missing.", in order', async () => {
    expect(await statusAndBody(await post({ address3: 'Hinterhaus' }))).toEqual({
      status: 422,
      body: failures(
        ...[
          'salutation',
          'firstName',
          'lastName',
          'address1',
          'address2',
          'zipCode',
          'city',
          'iso2Code',
          'isDefaultShipping',
          'isDefaultBilling',
        ].map((field): [string, string] => [field, MISSING]),
      ),
    });
  });

  it('POST with every field "": one error per failing rule, a field failing two', async () => {
    const empty = Object.fromEntries(
      [...Object.keys(NEW), 'address3', 'company', 'phone', 'country'].map((key) => [key, '']),
    );
    expect(await statusAndBody(await post(empty))).toEqual({
      status: 422,
      body: failures(
        ['salutation', BLANK],
        ['salutation', CHOICE],
        ['firstName', BLANK],
        ['lastName', BLANK],
        ['address1', BLANK],
        ['address2', BLANK],
        ['zipCode', BLANK],
        ['city', BLANK],
        ['city', TOO_SHORT],
        ['iso2Code', BLANK],
        ['isDefaultShipping', BOOL],
        ['isDefaultBilling', BOOL],
      ),
    });
  });

  it('measures and stores a number or boolean as PHP’s string of it; refuses arrays and objects', async () => {
    const address = await create({ address2: 12, zipCode: 10115, phone: 1.5, company: true });
    expect(address.attributes).toMatchObject({
      address2: '12',
      zipCode: '10115',
      phone: '1.5',
      company: '1',
    });
    expect(await statusAndBody(await post({ ...NEW, zipCode: 1234567890123456 }))).toEqual({
      status: 422,
      body: failures(['zipCode', tooLong(15)]),
    });
    expect(
      await statusAndBody(await post({ ...NEW, firstName: ['Sonia'], address3: {}, company: [] })),
    ).toEqual({
      status: 422,
      body: failures(
        ['firstName', 'This value should be of type string.'],
        ['address3', 'This value should be of type string.'],
        ['company', 'This value should be of type string.'],
      ),
    });
  });

  it('ignores unknown attributes (customer_reference)', async () => {
    const address = await create({ customer_reference: 'DE--4', id: 'x', idCustomer: 4 });
    expect(address.attributes).toEqual(ANSWERED);
    expect(await list()).toEqual([address]);
  });

  it('PATCH validates only the keys sent, and a key sent as null must pass its rules', async () => {
    const address = await create();
    expect((await change(address.id, {})).status).toBe(200);
    expect(await statusAndBody(await change(address.id, { zipCode: null }))).toEqual({
      status: 422,
      body: failures(['zipCode', BLANK]),
    });
    expect(
      await statusAndBody(
        await change(address.id, { salutation: '', city: 'AB', isDefaultBilling: 'yes' }),
      ),
    ).toEqual({
      status: 422,
      body: failures(
        ['salutation', BLANK],
        ['salutation', CHOICE],
        ['city', TOO_SHORT],
        ['isDefaultBilling', BOOL],
      ),
    });
    // Optional keys may be null, and so emptied.
    const filled = await attributesAfterPatch(address.id, { address3: 'Hof', phone: '1' });
    expect(filled).toMatchObject({ address3: 'Hof', phone: '1' });
    const emptied = await attributesAfterPatch(address.id, {
      address3: null,
      phone: null,
      isDefaultShipping: null,
    });
    expect(emptied).toEqual(ANSWERED);
  });

  it('PATCH changes only the keys sent; the others keep their values', async () => {
    const address = await create({ address3: 'Hinterhaus', company: 'Acme', phone: '030 1' });
    const changed = await attributesAfterPatch(address.id, {
      firstName: 'Sophie',
      address1: 'Unter den Linden',
      country: 'Atlantis',
      customer_reference: 'DE--4',
    });
    expect(changed).toEqual({
      ...address.attributes,
      firstName: 'Sophie',
      address1: 'Unter den Linden',
    });
    const reread = await statusAndBody(await get(`${ADDRESSES}/${address.id}`));
    expect((reread.body as { data: Address }).data.attributes).toEqual(changed);
  });

  it('PATCH validates iso2Code but keeps the address’s country, as Spryker’s Zed does', async () => {
    const address = await create();
    expect(await statusAndBody(await change(address.id, { iso2Code: 'DEU' }))).toEqual({
      status: 422,
      body: failures(['iso2Code', tooLong(2)]),
    });
    for (const iso2Code of ['AT', 'XX']) {
      expect(await attributesAfterPatch(address.id, { iso2Code, city: 'Wien' })).toEqual({
        ...ANSWERED,
        city: 'Wien',
      });
    }
  });
});

describe('§8.1 defaults', () => {
  it('makes the first address both defaults, whatever its flags say', async () => {
    const first = await create({ isDefaultShipping: false, isDefaultBilling: null });
    expect(first.attributes).toMatchObject({ isDefaultShipping: true, isDefaultBilling: true });
    const second = await create();
    expect(second.attributes).toMatchObject({ isDefaultShipping: false, isDefaultBilling: false });
    expect(await defaults()).toEqual([
      [first.id, true, true],
      [second.id, false, false],
    ]);
  });

  it('moves a default to an address POSTed with its flag true', async () => {
    const first = await create();
    const shipping = await create({ isDefaultShipping: true });
    expect(shipping.attributes).toMatchObject({ isDefaultShipping: true, isDefaultBilling: false });
    const billing = await create({ isDefaultBilling: true });
    expect(billing.attributes).toMatchObject({ isDefaultShipping: false, isDefaultBilling: true });
    expect(await defaults()).toEqual([
      [first.id, false, false],
      [shipping.id, true, false],
      [billing.id, false, true],
    ]);
    const both = await create({ isDefaultShipping: true, isDefaultBilling: true });
    expect((await defaults()).filter(([, s, b]) => s || b)).toEqual([[both.id, true, true]]);
  });

  it('moves a default to an address PATCHed with its flag true', async () => {
    const first = await create();
    const second = await create();
    expect(await attributesAfterPatch(second.id, { isDefaultBilling: true })).toMatchObject({
      isDefaultShipping: false,
      isDefaultBilling: true,
    });
    expect(await defaults()).toEqual([
      [first.id, true, false],
      [second.id, false, true],
    ]);
    await attributesAfterPatch(second.id, { isDefaultShipping: true });
    expect(await defaults()).toEqual([
      [first.id, false, false],
      [second.id, true, true],
    ]);
  });

  it('never removes a default for a flag sent as false', async () => {
    const first = await create();
    expect(
      await attributesAfterPatch(first.id, { isDefaultShipping: false, isDefaultBilling: false }),
    ).toMatchObject({ isDefaultShipping: true, isDefaultBilling: true });
    await create({ isDefaultShipping: false, isDefaultBilling: false });
    expect((await defaults())[0]).toEqual([first.id, true, true]);
  });

  it('leaves the customer without a default when it is deleted; the next address created takes it', async () => {
    const first = await create();
    const second = await create({ isDefaultShipping: true });
    expect((await remove(`${ADDRESSES}/${second.id}`)).status).toBe(204);
    // The remaining address does not become the default shipping address by itself.
    expect(await defaults()).toEqual([[first.id, false, true]]);
    const third = await create();
    expect(await defaults()).toEqual([
      [first.id, false, true],
      [third.id, true, false],
    ]);
  });

  it('gives a missing default to the next address patched, whatever it changes', async () => {
    const first = await create();
    const second = await create();
    expect((await remove(`${ADDRESSES}/${first.id}`)).status).toBe(204);
    expect(await defaults()).toEqual([[second.id, false, false]]);
    expect(
      await attributesAfterPatch(second.id, { phone: '1', isDefaultBilling: false }),
    ).toMatchObject({
      isDefaultShipping: true,
      isDefaultBilling: true,
    });
  });
});

describe('§8.2 errors', () => {
  /** One request of each route, on an address of Sonia's. */
  function everyRoute(uuid: string): [method: string, path: string, body?: unknown][] {
    return [
      ['GET', ADDRESSES],
      ['GET', `${ADDRESSES}/${uuid}`],
      ['POST', ADDRESSES, document('addresses', NEW)],
      ['PATCH', `${ADDRESSES}/${uuid}`, document('addresses', { city: 'Bonn' })],
      ['DELETE', `${ADDRESSES}/${uuid}`],
    ];
  }

  const send = (
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<Response> =>
    t.send(method, path, {
      headers: { 'Content-Type': 'application/vnd.api+json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('no Authorization: 403 002 on every route, nothing changed', async () => {
    const address = await create();
    const before = snapshot(t.glue);
    for (const [method, path, body] of everyRoute(address.id)) {
      expect({ method, ...(await statusAndBody(await send(method, path, body, {}))) }).toEqual({
        method,
        status: 403,
        body: MISSING_TOKEN,
      });
    }
    expect(snapshot(t.glue)).toBe(before);
  });

  it('invalid token: 401 001 with WWW-Authenticate on every route', async () => {
    const address = await create();
    const expired = (await signInCustomer(t)).accessToken;
    t.advance(28801);
    for (const authorization of ['Bearer garbage', `Bearer ${expired}`, 'Basic abc']) {
      for (const [method, path, body] of everyRoute(address.id)) {
        const response = await send(method, path, body, { Authorization: authorization });
        expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="Access to shop API"');
        expect({ method, ...(await statusAndBody(response)) }).toEqual({
          method,
          status: 401,
          body: INVALID_TOKEN,
        });
      }
    }
  });

  it('data.type not addresses (also ""): 400 Invalid type., before the token', async () => {
    const address = await create();
    const before = snapshot(t.glue);
    for (const type of ['address', 'customers', '']) {
      for (const headers of [sonia, {}, { Authorization: 'Bearer garbage' }]) {
        const body = { data: { type, attributes: NEW } };
        for (const [method, path] of [
          ['POST', ADDRESSES],
          ['PATCH', `${ADDRESSES}/${address.id}`],
        ] as const) {
          expect({
            type,
            method,
            ...(await statusAndBody(await send(method, path, body, headers))),
          }).toEqual({
            type,
            method,
            status: 400,
            body: INVALID_TYPE,
          });
        }
      }
    }
    expect(snapshot(t.glue)).toBe(before);
  });

  it('PATCH or DELETE without a uuid, or on /customers//addresses/{uuid}: 400 Resource id is not specified., before the token', async () => {
    const address = await create();
    const before = snapshot(t.glue);
    for (const path of [ADDRESSES, `${ADDRESSES}/`, `/customers//addresses/${address.id}`]) {
      for (const headers of [sonia, {}]) {
        for (const method of ['PATCH', 'DELETE']) {
          const body = method === 'PATCH' ? document('addresses', { city: 'Bonn' }) : undefined;
          expect({
            path,
            method,
            ...(await statusAndBody(await send(method, path, body, headers))),
          }).toEqual({
            path,
            method,
            status: 400,
            body: NO_ID,
          });
        }
      }
    }
    expect(snapshot(t.glue)).toBe(before);
  });

  it('attribute rules: 422 901 "<field> => <message>", one error per failing rule', async () => {
    const response = await post({
      ...NEW,
      salutation: 'Herr',
      firstName: 'x'.repeat(101),
      city: '',
    });
    expect(await statusAndBody(response)).toEqual({
      status: 422,
      body: failures(
        ['salutation', CHOICE],
        ['firstName', tooLong(100)],
        ['city', BLANK],
        ['city', TOO_SHORT],
      ),
    });
  });

  it('{ref} not the caller’s own (another customer’s, unknown, empty on POST): 403 411 on every route', async () => {
    const address = await create();
    const before = snapshot(t.glue);
    for (const reference of ['DE--4', 'DE--10000', 'fake', 'de--21']) {
      for (const [method, ownPath, body] of everyRoute(address.id)) {
        const path = ownPath.replace('DE--21', reference);
        expect({
          path,
          method,
          ...(await statusAndBody(await send(method, path, body, sonia))),
        }).toEqual({
          path,
          method,
          status: 403,
          body: UNAUTHORIZED,
        });
      }
    }
    expect(await statusAndBody(await post(NEW, sonia, '/customers//addresses'))).toEqual({
      status: 403,
      body: UNAUTHORIZED,
    });
    expect(snapshot(t.glue)).toBe(before);
  });

  it('own {ref}, {uuid} unknown or another customer’s: 404 404 on GET one, PATCH and DELETE', async () => {
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    const bills = await created(await post(NEW, bill, '/customers/DE--4/addresses'));
    const before = snapshot(t.glue);
    for (const uuid of [bills.id, '00000000-0000-5000-8000-000000000000', 'x']) {
      for (const [method, path, body] of [
        ['GET', `${ADDRESSES}/${uuid}`],
        ['PATCH', `${ADDRESSES}/${uuid}`, document('addresses', { city: 'Bonn' })],
        ['DELETE', `${ADDRESSES}/${uuid}`],
      ] as const) {
        expect({
          uuid,
          method,
          ...(await statusAndBody(await send(method, path, body, sonia))),
        }).toEqual({
          uuid,
          method,
          status: 404,
          body: NOT_FOUND,
        });
      }
    }
    expect(snapshot(t.glue)).toBe(before);
    // Bill's address is untouched, and Sonia cannot read it under Bill's reference either.
    expect(await statusAndBody(await get(`/customers/DE--4/addresses/${bills.id}`, bill))).toEqual({
      status: 200,
      body: { data: bills },
    });
    expect(await statusAndBody(await get(`/customers/DE--4/addresses/${bills.id}`))).toEqual({
      status: 403,
      body: UNAUTHORIZED,
    });
  });

  it('DELETE of an address already deleted: 404 404', async () => {
    const address = await create();
    expect((await remove(`${ADDRESSES}/${address.id}`)).status).toBe(204);
    expect(await statusAndBody(await remove(`${ADDRESSES}/${address.id}`))).toEqual({
      status: 404,
      body: NOT_FOUND,
    });
  });

  it('checks in order: type and id (400) → token → rules (422) → reference (411) → address (404)', async () => {
    const wrongType = { data: { type: 'customers', attributes: { city: '' } } };
    const invalid = { Authorization: 'Bearer garbage' };
    // 400 before the token.
    expect(
      await statusAndBody(await send('POST', '/customers/DE--4/addresses', wrongType, {})),
    ).toEqual({
      status: 400,
      body: INVALID_TYPE,
    });
    // The token before the rules.
    const broken = document('addresses', { city: '' });
    expect(
      await statusAndBody(await send('POST', '/customers/DE--4/addresses', broken, {})),
    ).toEqual({
      status: 403,
      body: MISSING_TOKEN,
    });
    expect(
      await statusAndBody(await send('PATCH', '/customers/DE--4/addresses/x', broken, invalid)),
    ).toEqual({
      status: 401,
      body: INVALID_TOKEN,
    });
    // The rules before the reference.
    expect(
      await statusAndBody(await send('PATCH', '/customers/DE--4/addresses/x', broken, sonia)),
    ).toEqual({
      status: 422,
      body: failures(['city', BLANK], ['city', TOO_SHORT]),
    });
    expect(
      await statusAndBody(await post({ address3: 'x' }, sonia, '/customers//addresses')),
    ).toMatchObject({
      status: 422,
    });
    // The reference before the address.
    expect(
      await statusAndBody(await change('x', { city: 'Bonn' }, sonia, '/customers/DE--4/addresses')),
    ).toEqual({
      status: 403,
      body: UNAUTHORIZED,
    });
    // The rules before the address.
    expect(await statusAndBody(await change('x', { city: '' }))).toEqual({
      status: 422,
      body: failures(['city', BLANK], ['city', TOO_SHORT]),
    });
    expect(await statusAndBody(await change('x', { city: 'Bonn' }))).toEqual({
      status: 404,
      body: NOT_FOUND,
    });
    // An address of no country is only looked for once the reference is the caller's.
    expect(
      await statusAndBody(
        await post({ ...NEW, iso2Code: 'XX' }, sonia, '/customers/DE--4/addresses'),
      ),
    ).toEqual({
      status: 403,
      body: UNAUTHORIZED,
    });
  });

  it('an agent’s own token names no customer: 403 411 once the rules pass', async () => {
    const agent = bearer((await signInAgent(t)).accessToken);
    const address = await create();
    const before = snapshot(t.glue);
    for (const [method, path, body] of everyRoute(address.id)) {
      expect({ method, ...(await statusAndBody(await send(method, path, body, agent))) }).toEqual({
        method,
        status: 403,
        body: UNAUTHORIZED,
      });
    }
    expect(await statusAndBody(await post({ city: 'Bonn' }, agent))).toMatchObject({ status: 422 });
    expect(snapshot(t.glue)).toBe(before);
  });

  it('GET with an empty reference finds no customer: 404 402', async () => {
    for (const path of ['/customers//addresses', '/customers//addresses/x']) {
      expect(await statusAndBody(await get(path))).toEqual({
        status: 404,
        body: CUSTOMER_NOT_FOUND,
      });
      expect(await statusAndBody(await get(path, {}))).toEqual({
        status: 403,
        body: MISSING_TOKEN,
      });
    }
  });
});

describe('who may call: the customer or an agent acting as them', () => {
  it('answers an impersonation token as the customer’s own token', async () => {
    const agentAsSonia = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    const address = await create({}, agentAsSonia);
    expect(address.attributes).toEqual(ANSWERED);
    expect(await list(agentAsSonia)).toEqual([address]);
    expect(await attributesAfterPatch(address.id, { city: 'Bonn' })).toMatchObject({
      city: 'Bonn',
    });
    expect((await remove(`${ADDRESSES}/${address.id}`, agentAsSonia)).status).toBe(204);
    expect(await list(agentAsSonia)).toEqual([]);
  });

  it('lets the customer see, change and delete the address an agent created through impersonation', async () => {
    const agentAsSonia = bearer((await signInAsCustomerThroughAgent(t)).accessToken);
    const byAgent = await create({ city: 'Köln' }, agentAsSonia);
    expect(await list()).toEqual([byAgent]);
    expect(await statusAndBody(await get(`${ADDRESSES}/${byAgent.id}`))).toEqual({
      status: 200,
      body: { data: byAgent },
    });
    const bySonia = await create({ isDefaultShipping: true });
    // The agent sees the customer's change of default too.
    expect((await list(agentAsSonia)).map((a) => [a.id, a.attributes.isDefaultShipping])).toEqual([
      [byAgent.id, false],
      [bySonia.id, true],
    ]);
    expect((await remove(`${ADDRESSES}/${byAgent.id}`)).status).toBe(204);
    expect(await list(agentAsSonia)).toEqual([
      { ...bySonia, attributes: { ...bySonia.attributes } },
    ]);
  });

  it('keeps each customer’s addresses their own', async () => {
    await create();
    const bill = bearer((await signInCustomerWith(t, 'bill.martin@acme.com')).accessToken);
    expect(await statusAndBody(await get('/customers/DE--4/addresses', bill))).toEqual({
      status: 200,
      body: { data: [], links: { self: `${BASE}/customers/DE--4/addresses` } },
    });
    expect(await statusAndBody(await get(ADDRESSES, bill))).toEqual({
      status: 403,
      body: UNAUTHORIZED,
    });
    const agentAsBill = bearer((await signInAsCustomerThroughAgent(t, 'DE--4')).accessToken);
    expect(await statusAndBody(await get(ADDRESSES, agentAsBill))).toEqual({
      status: 403,
      body: UNAUTHORIZED,
    });
  });
});
