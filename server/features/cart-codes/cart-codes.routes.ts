import type { Context, Hono } from 'hono';
import { authenticateCustomer } from '../../platform/auth';
import type { AuditEntry } from '../agents/audit';
import { Errors, GlueError, ValidationMessages, validationFailed } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import {
  isBlank,
  noContentResponse,
  publicBaseUrl,
  readRequestAttributes,
} from '../../platform/jsonapi';
import { cartResponse } from '../carts/carts.routes';
import { CART_CODES_TYPE, VOUCHERS_TYPE } from './cart-code-resources';
import type { CartCodeRoute } from './cart-codes';

const ROUTES: readonly CartCodeRoute[] = [CART_CODES_TYPE, VOUCHERS_TYPE];

/**
 * `code` as Glue validates it (cart-codes-rest-api 1.4.1 `cart-codes.validation.yaml`: NotBlank,
 * the field required): missing → "This field is missing."; null, "", false, [] or {} → "should
 * not be blank". A number is taken as its digits; any other kind of value is refused as not a
 * string, where Spryker's transfer would fail with a 500.
 */
export function readCode(attributes: Readonly<Record<string, unknown>>): string {
  if (!('code' in attributes)) {
    throw new GlueError(validationFailed('code', ValidationMessages.fieldMissing));
  }
  const { code } = attributes;
  if (isBlank(code)) throw new GlueError(validationFailed('code', ValidationMessages.notBlank));
  if (typeof code === 'string') return code;
  if (typeof code === 'number' && Number.isFinite(code)) return String(code);
  throw new GlueError(validationFailed('code', ValidationMessages.typeString));
}

/**
 * `POST /carts/{id}/cart-codes`, `POST /carts/{id}/vouchers` and their `DELETE …/{code}` (§10),
 * for the customer of a customer or impersonation token. Both POSTs take any code and answer the
 * whole cart as `POST /carts/{id}/items` does (its `include`s too); `DELETE …/vouchers/{code}`
 * refuses a code that is not among the cart's vouchers (3301), `DELETE …/cart-codes/{code}`
 * answers 204 either way. Checks run in Glue's order: token, request document, validation (901),
 * then the cart (101), then the code (3302).
 */
export function registerCartCodes(app: Hono, services: GlueServices): void {
  const { config, tokens, cartCodes, audit } = services;
  const base = (c: Context): string => publicBaseUrl(c.req.url, config.publicUrl);

  for (const route of ROUTES) {
    app.post(`/carts/:cartId/${route}`, async (c) => {
      const caller = await authenticateCustomer(c, tokens);
      const cartUuid = c.req.param('cartId');
      const entry: AuditEntry = { method: 'POST', resource: route, cartUuid };
      return audit.guard(caller, entry, async () => {
        const attributes = await readRequestAttributes(c, route);
        if (typeof attributes.code === 'string') entry.code = attributes.code;
        const cart = cartCodes.add(caller, cartUuid, readCode(attributes), route);
        return cartResponse(c, services, base(c), cart, 201);
      });
    });

    app.delete(`/carts/:cartId/${route}/:code`, async (c) => {
      const caller = await authenticateCustomer(c, tokens);
      const cartUuid = c.req.param('cartId');
      const code = c.req.param('code');
      return audit.guard(caller, { method: 'DELETE', resource: route, cartUuid, code }, () => {
        cartCodes.remove(caller, cartUuid, code, route);
        return Promise.resolve(noContentResponse());
      });
    });

    // A code is removed by its value: without one, the path names nothing to remove.
    app.delete(`/carts/:cartId/${route}`, () => {
      throw new GlueError(Errors.resourceIdNotSpecified);
    });
  }
}
