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
  relationshipRule,
  readRequestAttributes,
  resourceObject,
  singleDocument,
  uniqueIncluded,
  withRelationships,
} from '../../platform/jsonapi';
import type { Attributes, ResourceObject } from '../../platform/jsonapi';
import { requestLocale } from '../../platform/locale';
import { CURRENCY, STORE, isPriceMode } from '../../platform/pricing';
import { concreteProductResource } from '../products/concrete-products.routes';
import {
  GIFT_CARDS_TYPE,
  VOUCHERS_TYPE,
  giftCardResource,
  voucherResource,
} from '../cart-codes/cart-code-resources';
import { priceCart } from '../cart-codes/cart-pricing';

const TYPE = 'carts';
export const ITEMS_TYPE = 'items';
/** Spryker's quote name column holds 255 characters. */
export const MAX_CART_NAME_LENGTH = 255;

export const CONCRETE_PRODUCTS_TYPE = 'concrete-products';

/** Whether a relationship is loaded (so included), and whether its resource names it. */
interface Related {
  loads: boolean;
  shows: boolean;
}

/** What a cart answer loads besides the cart, and what its resources show (§1, §5, §10). */
export interface CartRelated {
  /** The items are loaded (so included). */
  items: boolean;
  /** The cart carries `relationships.items`. */
  showItems: boolean;
  /** The items' concrete products by SKU, when loaded (so included). */
  products: ReadonlyMap<string, ResourceObject> | null;
  /** Each item carries `relationships.concrete-products`. */
  showProducts: boolean;
  /** §10: the cart's applied vouchers and gift cards (`cart-rules` loads nothing: none is seeded). */
  vouchers: Related;
  giftCards: Related;
}

/**
 * What the request includes for these carts, by Glue's relationship rule: `items` (on the items
 * routes, with any include), and with `concrete-products` the items' products, read in one query
 * for all the carts, named in the request's locale (§7.2) — the resource `GET /concrete-products/
 * {sku}` answers. The products hang off the items: without the items nothing of them is loaded.
 */
export function cartRelated(
  c: Context,
  { catalog, stores }: Pick<GlueServices, 'catalog' | 'stores'>,
  base: string,
  carts: readonly Cart[],
): CartRelated {
  const rule = relationshipRule(c);
  const related = (type: string): Related => ({ loads: rule.loads(type), shows: rule.shows(type) });
  const codes = { vouchers: related(VOUCHERS_TYPE), giftCards: related(GIFT_CARDS_TYPE) };
  if (!rule.loads(ITEMS_TYPE)) {
    return { items: false, showItems: false, products: null, showProducts: false, ...codes };
  }
  let products: Map<string, ResourceObject> | null = null;
  if (rule.loads(CONCRETE_PRODUCTS_TYPE)) {
    const skus = carts.flatMap((cart) => cart.items.map((item) => item.sku));
    products = new Map(
      catalog
        .concreteProducts(skus, requestLocale(c, stores))
        .map((product) => [product.sku, concreteProductResource(base, product)]),
    );
  }
  return {
    items: true,
    showItems: rule.shows(ITEMS_TYPE),
    products,
    showProducts: rule.shows(CONCRETE_PRODUCTS_TYPE),
    ...codes,
  };
}

/**
 * A cart resource, priced now with the codes that apply (§10), and what `related` loads for
 * `included`: its items, each linked as `<base>/carts/{uuid}/items/{groupKey}`, each after its
 * concrete product when those are loaded (Glue includes nested resources before their parent),
 * then its vouchers and gift cards. The cart rules are always none: the stand-in seeds no cart
 * rule.
 */
export function cartResource(
  base: string,
  cart: Cart,
  related: CartRelated,
): { resource: ResourceObject; included: ResourceObject[] } {
  const priced = priceCart(cart);
  const resource = resourceObject(base, TYPE, cart.uuid, {
    name: cart.name,
    isDefault: cart.isDefault,
    priceMode: cart.priceMode,
    currency: cart.currency,
    store: cart.store,
    totals: priced.totals,
    // Vouchers first, then cart rules (carts-rest-api 5.22.1 `CartMapper::setDiscounts()`).
    discounts: priced.vouchers.map(({ voucher, amount }) => ({
      displayName: voucher.discount.displayName,
      amount,
      code: voucher.code,
    })),
    thresholds: [],
  });
  const vouchers = related.vouchers.loads
    ? priced.vouchers.map((applied) => voucherResource(base, cart.uuid, applied))
    : [];
  const giftCards = related.giftCards.loads
    ? priced.giftCards.map((applied) => giftCardResource(base, cart.uuid, applied))
    : [];
  const items = related.items
    ? priced.lines.map(({ line: item, priced: line }) => {
        const itemResource = resourceObject(base, ITEMS_TYPE, item.sku, {
          sku: item.sku,
          quantity: item.quantity,
          groupKey: item.sku,
          abstractSku: item.abstractSku,
          amount: null,
          calculations: line.calculations,
          // The demo shop sells no configured bundles, configurable products or product options.
          configuredBundle: null,
          configuredBundleItem: null,
          productConfigurationInstance: null,
          selectedProductOptions: [],
        });
        const self = `${base}/${TYPE}/${encodeURIComponent(cart.uuid)}/${ITEMS_TYPE}/${encodeURIComponent(item.sku)}`;
        return { ...itemResource, links: { self } };
      })
    : [];
  const includedItems = items.flatMap((item) => {
    const product = item.id === null ? undefined : related.products?.get(item.id);
    if (product === undefined) return [item];
    const linked = related.showProducts
      ? withRelationships(item, { [CONCRETE_PRODUCTS_TYPE]: [product] })
      : item;
    return [product, linked];
  });
  const shown: Record<string, readonly ResourceObject[]> = {};
  if (related.showItems) shown[ITEMS_TYPE] = items;
  if (related.vouchers.shows) shown[VOUCHERS_TYPE] = vouchers;
  if (related.giftCards.shows) shown[GIFT_CARDS_TYPE] = giftCards;
  return {
    resource: withRelationships(resource, shown),
    included: [...includedItems, ...vouchers, ...giftCards],
  };
}

/**
 * The answer to every request that shows one cart: `?include=items` adds its items,
 * `?include=items,concrete-products` their products too, `vouchers` and `gift-cards` its codes.
 */
export function cartResponse(
  c: Context,
  services: Pick<GlueServices, 'catalog' | 'stores'>,
  base: string,
  cart: Cart,
  status: number,
): Response {
  const { resource, included } = cartResource(base, cart, cartRelated(c, services, base, [cart]));
  return documentResponse(c, base, singleDocument(resource, uniqueIncluded(included)), status);
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
 * of a customer or impersonation token. `?include=items` adds each cart's items,
 * `?include=items,concrete-products` their concrete products too, each product once.
 */
export function registerCarts(app: Hono, services: GlueServices): void {
  const { config, tokens, carts, audit } = services;
  app.get(`/${TYPE}`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const list = carts.list(caller.idCustomer);
    const related = cartRelated(c, services, base, list);
    const built = list.map((cart) => cartResource(base, cart, related));
    const self = collectionSelfLink(`${base}/${TYPE}`, new URL(c.req.url).search.slice(1));
    return documentResponse(
      c,
      base,
      collectionDocument(
        built.map((cart) => cart.resource),
        { self },
        uniqueIncluded(built.flatMap((cart) => cart.included)),
      ),
      200,
    );
  });

  app.get(`/${TYPE}/:cartId`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const cart = carts.get(caller.idCustomer, c.req.param('cartId'));
    return cartResponse(c, services, publicBaseUrl(c.req.url, config.publicUrl), cart, 200);
  });

  app.post(`/${TYPE}`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const entry: AuditEntry = { method: 'POST', resource: 'carts', cartUuid: null };
    return audit.guard(caller, entry, async () => {
      const attributes = await readRequestAttributes(c, TYPE);
      if (typeof attributes.name === 'string') entry.cartName = attributes.name;
      const cart = carts.create(caller, readNewCart(attributes));
      return cartResponse(c, services, publicBaseUrl(c.req.url, config.publicUrl), cart, 201);
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
