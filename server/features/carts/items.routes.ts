import type { Context, Hono } from 'hono';
import { authenticateCustomer } from '../../platform/auth';
import type { AuditEntry } from '../agents/audit';
import { Errors, GlueError, ValidationMessages, validationFailed } from '../../platform/errors';
import type { GlueErrorSpec } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import {
  isBlank,
  noContentResponse,
  publicBaseUrl,
  readRequestAttributes,
} from '../../platform/jsonapi';
import type { Attributes } from '../../platform/jsonapi';
import { ITEMS_TYPE, cartResponse } from './carts.routes';

// PHP's is_numeric: optional surrounding white space, a sign, digits with a decimal point or an
// exponent. "3" and " 3 " are numbers; "3 apples", "0x1A" and "" are not.
const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

type Read<T> = { value: T } | { error: GlueErrorSpec };

/**
 * `quantity` as Glue validates it: blank → "should not be blank"; not a number (nor a numeric
 * string such as "3") → "should be of type numeric"; zero, negative or not a whole number →
 * "should be greater than 0".
 */
export function readQuantity(value: unknown): Read<number> {
  const fail = (message: string): Read<number> => ({
    error: validationFailed('quantity', message),
  });
  if (isBlank(value)) return fail(ValidationMessages.notBlank);
  let quantity: number;
  if (typeof value === 'number') quantity = value;
  else if (typeof value === 'string' && NUMERIC.test(value)) quantity = Number(value);
  else return fail(ValidationMessages.typeNumeric);
  if (!Number.isInteger(quantity) || quantity <= 0) return fail(ValidationMessages.greaterThanZero);
  return { value: quantity };
}

/** `sku`: not blank; a number is taken as its digits, anything else but a string is refused. */
export function readSku(value: unknown): Read<string> {
  if (isBlank(value)) return { error: validationFailed('sku', ValidationMessages.notBlank) };
  if (typeof value === 'string') return { value };
  if (typeof value === 'number' && Number.isFinite(value)) return { value: String(value) };
  return { error: validationFailed('sku', ValidationMessages.typeString) };
}

/** Every failing field's 901, in the order the attributes are listed; else the values. */
function validated<T extends unknown[]>(...reads: { [K in keyof T]: Read<T[K]> }): T {
  const errors = reads.flatMap((read) => ('error' in read ? [read.error] : []));
  const [first, ...rest] = errors;
  if (first !== undefined) throw new GlueError(first, ...rest);
  return reads.map((read) => ('value' in read ? read.value : undefined)) as T;
}

async function readItemToAdd(c: Context, entry: AuditEntry): Promise<[string, number]> {
  const attributes: Attributes = await readRequestAttributes(c, ITEMS_TYPE);
  if (typeof attributes.sku === 'string') entry.sku = attributes.sku;
  return validated<[string, number]>(readSku(attributes.sku), readQuantity(attributes.quantity));
}

async function readQuantityChange(c: Context): Promise<number> {
  const attributes = await readRequestAttributes(c, ITEMS_TYPE);
  const [quantity] = validated<[number]>(readQuantity(attributes.quantity));
  return quantity;
}

/**
 * `POST /carts/{id}/items`, `PATCH` and `DELETE /carts/{id}/items/{groupKey}` (§5). Adding and
 * changing answer the whole cart: with any `include` its items (they are the requested resource's
 * type, §1), with `concrete-products` their products too. Checks run in Glue's order:
 * token, request document, attribute validation (901), then the cart (101), then the product
 * (102) or item (103). An empty cart id (`/carts//items`) is 400 104 after the document checks.
 */
export function registerItems(app: Hono, services: GlueServices): void {
  const { config, tokens, carts, audit } = services;
  const base = (c: Context): string => publicBaseUrl(c.req.url, config.publicUrl);

  app.post(`/carts/:cartId/${ITEMS_TYPE}`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const cartUuid = c.req.param('cartId');
    const entry: AuditEntry = { method: 'POST', resource: 'items', cartUuid };
    return audit.guard(caller, entry, async () => {
      const [sku, quantity] = await readItemToAdd(c, entry);
      const cart = carts.addItem(caller, cartUuid, sku, quantity);
      return cartResponse(c, services, base(c), cart, 201);
    });
  });

  app.post(`/carts//${ITEMS_TYPE}`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const entry: AuditEntry = { method: 'POST', resource: 'items', cartUuid: null };
    return audit.guard(caller, entry, async () => {
      await readItemToAdd(c, entry);
      throw new GlueError(Errors.cartUuidMissing);
    });
  });

  app.patch(`/carts/:cartId/${ITEMS_TYPE}/:groupKey`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const cartUuid = c.req.param('cartId');
    const sku = c.req.param('groupKey');
    return audit.guard(caller, { method: 'PATCH', resource: 'items', cartUuid, sku }, async () => {
      const quantity = await readQuantityChange(c);
      const cart = carts.updateItem(caller, cartUuid, sku, quantity);
      return cartResponse(c, services, base(c), cart, 200);
    });
  });

  app.patch(`/carts//${ITEMS_TYPE}/:groupKey`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const sku = c.req.param('groupKey');
    const entry: AuditEntry = { method: 'PATCH', resource: 'items', cartUuid: null, sku };
    return audit.guard(caller, entry, async () => {
      await readQuantityChange(c);
      throw new GlueError(Errors.cartUuidMissing);
    });
  });

  app.delete(`/carts/:cartId/${ITEMS_TYPE}/:groupKey`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const cartUuid = c.req.param('cartId');
    const sku = c.req.param('groupKey');
    return audit.guard(caller, { method: 'DELETE', resource: 'items', cartUuid, sku }, () => {
      carts.removeItem(caller, cartUuid, sku);
      return Promise.resolve(noContentResponse());
    });
  });

  app.delete(`/carts//${ITEMS_TYPE}/:groupKey`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const sku = c.req.param('groupKey');
    const entry: AuditEntry = { method: 'DELETE', resource: 'items', cartUuid: null, sku };
    return audit.guard(caller, entry, () => {
      throw new GlueError(Errors.cartUuidMissing);
    });
  });

  // An item is changed or removed by its group key: without one, the path names no item.
  for (const method of ['patch', 'delete'] as const) {
    app[method](`/carts/:cartId/${ITEMS_TYPE}`, () => {
      throw new GlueError(Errors.resourceIdNotSpecified);
    });
  }
}
