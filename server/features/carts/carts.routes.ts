import type { Context, Hono } from 'hono';
import { authenticateCustomer } from '../../platform/auth';
import type { AuditEntry } from '../agents/audit';
import { DEFAULT_CART_NAME } from './carts';
import type { Cart, NewCart } from './carts';
import { Errors, GlueError } from '../../platform/errors';
import type { GlueErrorSpec } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import {
  collectionDocument,
  collectionSelfLink,
  isBlank,
  documentResponse,
  noContentResponse,
  publicBaseUrl,
  readIncludes,
  readRequestAttributes,
  resourceObject,
  singleDocument,
  uniqueIncluded,
  withRelationships,
} from '../../platform/jsonapi';
import type { Attributes, ResourceObject } from '../../platform/jsonapi';
import { CURRENCY, STORE, cartTotals, isPriceMode, priceLine } from '../../platform/pricing';

const TYPE = 'carts';
export const ITEMS_TYPE = 'items';
/** Spryker's quote name column holds 255 characters. */
export const MAX_CART_NAME_LENGTH = 255;

/**
 * A cart resource, priced now, and (with `includeItems`) its items for `included`, each linked as
 * `<base>/carts/{uuid}/items/{groupKey}`.
 */
export function cartResource(
  base: string,
  cart: Cart,
  includeItems: boolean,
): { resource: ResourceObject; items: ResourceObject[] } {
  const lines = cart.items.map((item) => ({
    item,
    priced: priceLine(item.grossPrice, item.quantity, cart.priceMode),
  }));
  const resource = resourceObject(base, TYPE, cart.uuid, {
    name: cart.name,
    isDefault: cart.isDefault,
    priceMode: cart.priceMode,
    currency: cart.currency,
    store: cart.store,
    totals: cartTotals(
      lines.map((line) => line.priced),
      cart.priceMode,
    ),
    discounts: [],
    thresholds: [],
  });
  if (!includeItems) return { resource, items: [] };
  const items = lines.map(({ item, priced }) => {
    const itemResource = resourceObject(base, ITEMS_TYPE, item.sku, {
      sku: item.sku,
      quantity: item.quantity,
      groupKey: item.sku,
      abstractSku: item.abstractSku,
      amount: null,
      calculations: priced.calculations,
    });
    const self = `${base}/${TYPE}/${encodeURIComponent(cart.uuid)}/${ITEMS_TYPE}/${encodeURIComponent(item.sku)}`;
    return { ...itemResource, links: { self } };
  });
  return { resource: withRelationships(resource, { [ITEMS_TYPE]: items }), items };
}

/** The answer to every request that shows one cart: `?include=items` adds its items. */
export function cartResponse(c: Context, base: string, cart: Cart, status: number): Response {
  const { resource, items } = cartResource(base, cart, readIncludes(c.req.url).has(ITEMS_TYPE));
  return documentResponse(c, base, singleDocument(resource, items), status);
}

/**
 * POST /carts attributes. Missing (blank) and wrong values have their own codes: price mode 118 /
 * 119 (GROSS_MODE or NET_MODE), currency 116 / 117 (EUR), store 112 either way (DE); a name that
 * is not a string or longer than 255 characters is 107. A blank name gives "Shopping cart". Every
 * failing attribute is reported, in that order.
 */
function readNewCart(attributes: Attributes): NewCart {
  const errors: GlueErrorSpec[] = [];
  const { name, priceMode, currency, store } = attributes;
  if (isBlank(priceMode)) errors.push(Errors.priceModeMissing);
  else if (!isPriceMode(priceMode)) errors.push(Errors.priceModeIncorrect);
  if (isBlank(currency)) errors.push(Errors.currencyMissing);
  else if (currency !== CURRENCY) errors.push(Errors.currencyIncorrect);
  if (isBlank(store) || store !== STORE) errors.push(Errors.storeDataInvalid);
  const blankName = isBlank(name) || (typeof name === 'string' && name.trim() === '');
  if (!blankName && (typeof name !== 'string' || name.length > MAX_CART_NAME_LENGTH)) {
    errors.push(Errors.failedToCreateCart);
  }
  const [first, ...rest] = errors;
  if (first !== undefined) throw new GlueError(first, ...rest);
  return {
    name: blankName || typeof name !== 'string' ? DEFAULT_CART_NAME : name,
    priceMode: isPriceMode(priceMode) ? priceMode : 'GROSS_MODE',
    currency: CURRENCY,
    store: STORE,
  };
}

/**
 * `GET /carts`, `POST /carts`, `GET /carts/{id}` and `DELETE /carts/{id}` (§5), for the customer
 * of a customer or impersonation token. `?include=items` adds each cart's items.
 */
export function registerCarts(app: Hono, { config, tokens, carts, audit }: GlueServices): void {
  app.get(`/${TYPE}`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const includeItems = readIncludes(c.req.url).has(ITEMS_TYPE);
    const built = carts
      .list(caller.idCustomer)
      .map((cart) => cartResource(base, cart, includeItems));
    const self = collectionSelfLink(`${base}/${TYPE}`, new URL(c.req.url).search.slice(1));
    return documentResponse(
      c,
      base,
      collectionDocument(
        built.map((cart) => cart.resource),
        { self },
        uniqueIncluded(built.flatMap((cart) => cart.items)),
      ),
      200,
    );
  });

  app.get(`/${TYPE}/:cartId`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const cart = carts.get(caller.idCustomer, c.req.param('cartId'));
    return cartResponse(c, publicBaseUrl(c.req.url, config.publicUrl), cart, 200);
  });

  app.post(`/${TYPE}`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const entry: AuditEntry = { method: 'POST', resource: 'carts', cartUuid: null };
    return audit.guard(caller, entry, async () => {
      const attributes = await readRequestAttributes(c, TYPE);
      if (typeof attributes.name === 'string') entry.cartName = attributes.name;
      const cart = carts.create(caller, readNewCart(attributes));
      return cartResponse(c, publicBaseUrl(c.req.url, config.publicUrl), cart, 201);
    });
  });

  for (const method of ['patch', 'delete'] as const) {
    app[method](`/${TYPE}`, () => {
      throw new GlueError(Errors.resourceIdNotSpecified);
    });
  }

  app.delete(`/${TYPE}/:cartId`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const cartUuid = c.req.param('cartId');
    return audit.guard(caller, { method: 'DELETE', resource: 'carts', cartUuid }, () => {
      carts.delete(caller, cartUuid);
      return Promise.resolve(noContentResponse());
    });
  });
}
