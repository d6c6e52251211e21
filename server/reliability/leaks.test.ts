import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGENT,
  bearer,
  createCart,
  errorBody,
  makeTestGlue,
  signInAgent,
  signInCustomer,
} from '../platform/test-support';
import type { TestGlue, TokenAttributes } from '../platform/test-support';
import {
  LeakWatch,
  appRoutes,
  expectErrorDocument,
  fillPath,
  routeKind,
  routeName,
} from './helpers';

const INTERNAL = errorBody(null, 500, 'Internal Server Error');
const ADDRESS = {
  salutation: 'Ms',
  firstName: 'Sonia',
  lastName: 'Wagner',
  address1: 'Julie-Wolfthorn-Straße',
  address2: '1',
  zipCode: '10115',
  city: 'Berlin',
  iso2Code: 'DE',
  isDefaultShipping: false,
  isDefaultBilling: false,
};

describe('the leak detector itself', () => {
  const watch = new LeakWatch();
  watch.remember({
    tokenType: 'Bearer',
    expiresIn: 1,
    accessToken: 'eyJ.a.b',
    refreshToken: 'def50200ab',
  });

  it('finds a stack trace, raw or inside JSON, a source path and a remembered token', () => {
    const stack = new Error('boom').stack ?? '';
    expect(watch.leakIn(stack)).not.toBeNull();
    expect(watch.leakIn(JSON.stringify({ detail: stack }))).not.toBeNull();
    expect(watch.leakIn('failed in server/features/carts/items.routes.ts')).not.toBeNull();
    expect(watch.leakIn('{"refreshToken":"def50200ab"}')).not.toBeNull();
  });

  it('lets the contract’s own error strings through', () => {
    for (const detail of [
      'Failed to authenticate an agent.',
      'Product "005_30663301" not found',
      'quantity => This value should be greater than 0.',
      'Glue stand-in: POST /carts/:cartId/items failed: TypeError: The database connection is not open',
    ]) {
      expect(watch.leakIn(detail)).toBeNull();
    }
  });
});

describe('every route failing unexpectedly (the database gone)', () => {
  let t: TestGlue;
  const leaks = new LeakWatch();
  let agent: TokenAttributes;
  let customer: TokenAttributes;
  let cartId: string;

  beforeAll(async () => {
    t = await makeTestGlue();
    agent = leaks.remember(await signInAgent(t));
    customer = leaks.remember(await signInCustomer(t));
    leaks.rememberSecret(AGENT.password);
    cartId = await createCart(t, bearer(customer.accessToken));
    t.glue.db.close();
  });

  afterAll(() => t.close());

  it('answers a bare 500 and logs one line without stack, path, token or password', async () => {
    const routes = appRoutes(t.glue);
    let failures = 0;
    for (const route of routes) {
      const token = routeKind(route) === 'agent' ? agent : customer;
      // Secrets everywhere a careless report might copy them from: path, query and body. The
      // customer's own reference, so that §8's addresses get past their route authorization.
      const path = fillPath(route.path, (param) => {
        if (param === 'cartId') return cartId;
        return param === 'customerReference' ? 'DE--21' : encodeURIComponent(customer.refreshToken);
      });
      const type = route.path
        .split('/')
        .filter((part) => part !== '' && !part.startsWith(':'))
        .at(-1);
      const body = JSON.stringify({
        data: {
          type,
          attributes: {
            ...AGENT,
            refreshToken: customer.refreshToken,
            customerReference: 'DE--21',
            sku: customer.accessToken,
            quantity: 1,
            // §8: an address its rules let through.
            ...ADDRESS,
          },
        },
      });
      const response = await t.send(
        route.method,
        `${path}?q=${agent.refreshToken}&include=items,concrete-products`,
        {
          headers: { ...bearer(token.accessToken), 'Content-Type': 'application/vnd.api+json' },
          ...(route.method === 'GET' ? {} : { body }),
        },
      );
      const text = await response.text();
      leaks.expectClean(routeName(route), text);
      // Some requests are refused before the database is needed (an id-less path); the rest fail.
      if (response.status === 500) {
        failures += 1;
        expect(JSON.parse(text)).toEqual(INTERNAL);
      }
      if (response.status >= 400) expectErrorDocument(response.status, response.headers, text);
      else expect.fail(`${routeName(route)} answered ${response.status} without a database`);
    }
    expect(failures).toBeGreaterThan(routes.length / 2);
    expect(t.logLines).toHaveLength(failures);
    leaks.expectCleanLog(t);
    for (const line of t.logLines) expect(line).toMatch(/^Glue stand-in: [A-Z]+ \/\S* failed: /);
  });
});
