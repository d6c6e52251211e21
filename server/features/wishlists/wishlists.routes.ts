import type { Context, Hono } from 'hono';
import { authenticateCustomer } from '../../platform/auth';
import type { CustomerCaller } from '../../platform/auth';
import {
  Errors,
  GlueError,
  ValidationMessages,
  tooLong,
  validationFailed,
} from '../../platform/errors';
import type { GlueErrorSpec } from '../../platform/errors';
import { requestLocale } from '../../platform/locale';
import type { GlueServices } from '../../platform/services';
import {
  collectionDocument,
  collectionSelfLink,
  documentResponse,
  isBlank,
  noContentResponse,
  publicBaseUrl,
  readRequestAttributes,
  relationshipRule,
  resourceObject,
  singleDocument,
  uniqueIncluded,
  withRelationships,
} from '../../platform/jsonapi';
import type { Attributes, ResourceObject } from '../../platform/jsonapi';
import type { AuditEntry } from '../agents/audit';
import { concreteProductResource } from '../products/concrete-products.routes';
import type { Wishlist } from './wishlists';

export const WISHLISTS_TYPE = 'wishlists';
export const WISHLIST_ITEMS_TYPE = 'wishlist-items';
const CONCRETE_PRODUCTS_TYPE = 'concrete-products';

const COLLECTION = `/${WISHLISTS_TYPE}`;
const ONE = `${COLLECTION}/:wishlistId`;
const ITEMS = `${ONE}/${WISHLIST_ITEMS_TYPE}`;
const ITEM = `${ITEMS}/:sku`;
// `/wishlists//wishlist-items`: a path whose wishlist id is empty.
const NO_WISHLIST = `${COLLECTION}//${WISHLIST_ITEMS_TYPE}`;

const MAX_NAME_LENGTH = 255;

/** A wishlist item: `<base>/wishlists/{id}/wishlist-items/{sku}`, its own link (never the query). */
export function wishlistItemResource(
  base: string,
  wishlistUuid: string,
  sku: string,
): ResourceObject {
  return {
    type: WISHLIST_ITEMS_TYPE,
    id: sku,
    // The B2C shop's generated transfer carries these too, empty: no availability is read here,
    // no product is configurable, no price is attached (contract §11).
    attributes: {
      sku,
      id: sku,
      availability: null,
      productConfigurationInstance: null,
      prices: [],
    },
    links: {
      self: `${base}/${WISHLISTS_TYPE}/${encodeURIComponent(wishlistUuid)}/${WISHLIST_ITEMS_TYPE}/${encodeURIComponent(sku)}`,
    },
  };
}

/** What a request's answer loads besides the wishlists, by Glue's relationship rule (§1). */
interface WishlistRelated {
  items: boolean;
  showItems: boolean;
  products: Map<string, ResourceObject> | null;
  showProducts: boolean;
}

function wishlistRelated(
  c: Context,
  { catalog, stores }: Pick<GlueServices, 'catalog' | 'stores'>,
  base: string,
  skus: readonly string[],
): WishlistRelated {
  const rule = relationshipRule(c);
  if (!rule.loads(WISHLIST_ITEMS_TYPE)) {
    return { items: false, showItems: false, products: null, showProducts: false };
  }
  const products = rule.loads(CONCRETE_PRODUCTS_TYPE)
    ? new Map(
        catalog
          .concreteProducts(skus, requestLocale(c, stores))
          .map((product) => [product.sku, concreteProductResource(base, product)]),
      )
    : null;
  return {
    items: true,
    showItems: rule.shows(WISHLIST_ITEMS_TYPE),
    products,
    showProducts: rule.shows(CONCRETE_PRODUCTS_TYPE),
  };
}

/** An item, after its product when products are loaded (Glue includes nested resources first). */
function itemWithProduct(item: ResourceObject, related: WishlistRelated): ResourceObject[] {
  const product = item.id === null ? undefined : related.products?.get(item.id);
  if (product === undefined) return [item];
  const linked = related.showProducts
    ? withRelationships(item, { [CONCRETE_PRODUCTS_TYPE]: [product] })
    : item;
  return [product, linked];
}

/**
 * A wishlist resource (`<base>/wishlists/{uuid}`, which takes the query, §1) and what it
 * includes: its items where Spryker read them (one wishlist by id) and the request loads them.
 */
export function wishlistResource(
  base: string,
  wishlist: Wishlist,
  related: WishlistRelated,
): { resource: ResourceObject; included: ResourceObject[] } {
  const resource = resourceObject(base, WISHLISTS_TYPE, wishlist.uuid, { ...wishlist.attributes });
  if (!related.items || wishlist.items === null) return { resource, included: [] };
  const items = wishlist.items.map((sku) => wishlistItemResource(base, wishlist.uuid, sku));
  return {
    resource: related.showItems
      ? withRelationships(resource, { [WISHLIST_ITEMS_TYPE]: items })
      : resource,
    included: items.flatMap((item) => itemWithProduct(item, related)),
  };
}

/** `GET /customers/{ref}?include=wishlists`: the customer's wishlists, as `GET /wishlists` has them. */
export function customerWishlists(
  services: Pick<GlueServices, 'wishlists'>,
  base: string,
  idCustomer: number,
): ResourceObject[] {
  return services.wishlists
    .wishlistsOf(idCustomer)
    .map((wishlist) =>
      resourceObject(base, WISHLISTS_TYPE, wishlist.uuid, { ...wishlist.attributes }),
    );
}

/** `name` as wishlists.validation.yaml has it: NotBlank, Length max 255; required on POST. */
function nameErrors(attributes: Attributes, method: 'POST' | 'PATCH'): GlueErrorSpec[] {
  if (!Object.hasOwn(attributes, 'name')) {
    return method === 'POST' ? [validationFailed('name', ValidationMessages.fieldMissing)] : [];
  }
  const { name } = attributes;
  if (isBlank(name)) return [validationFailed('name', ValidationMessages.notBlank)];
  if (typeof name === 'number' && Number.isFinite(name)) return [];
  if (typeof name !== 'string') return [validationFailed('name', ValidationMessages.typeString)];
  return [...name].length > MAX_NAME_LENGTH
    ? [validationFailed('name', tooLong(MAX_NAME_LENGTH))]
    : [];
}

function readName(attributes: Attributes, method: 'POST' | 'PATCH'): string | null {
  const [first, ...rest] = nameErrors(attributes, method);
  if (first !== undefined) throw new GlueError(first, ...rest);
  const { name } = attributes;
  if (typeof name === 'number') return String(name);
  return typeof name === 'string' ? name : null;
}

/** `sku`: required and not blank (wishlists.validation.yaml); a number is taken as its digits. */
function readSku(attributes: Attributes): string {
  if (!Object.hasOwn(attributes, 'sku')) {
    throw new GlueError(validationFailed('sku', ValidationMessages.fieldMissing));
  }
  const { sku } = attributes;
  if (isBlank(sku)) throw new GlueError(validationFailed('sku', ValidationMessages.notBlank));
  if (typeof sku === 'string') return sku;
  if (typeof sku === 'number' && Number.isFinite(sku)) return String(sku);
  throw new GlueError(validationFailed('sku', ValidationMessages.typeString));
}

type DocumentRead = { attributes: Attributes } | { error: unknown };

/** The request document, its 400 kept to be answered before the token's errors (§1, §8.2 order). */
async function readDocument(c: Context, type: string): Promise<DocumentRead> {
  try {
    return { attributes: await readRequestAttributes(c, type) };
  } catch (error) {
    return { error };
  }
}

function attributesOf(read: DocumentRead): Attributes {
  if ('error' in read) throw read.error;
  return read.attributes;
}

/**
 * The wishlists of §11 for the customer of a customer or impersonation token: `GET`, `POST
 * /wishlists`, `GET`, `PATCH`, `DELETE /wishlists/{id}`, `POST /wishlists/{id}/wishlist-items`,
 * `DELETE /wishlists/{id}/wishlist-items/{sku}`. Checks run in Glue's order: the request document
 * and the ids (400), the token (403 002 / 401 001; an agent's own token 403 802, as §5's
 * endpoints), the attribute rules (422 901), then the module's own (§11's table). An agent's change
 * through an impersonation token, and its refusal, go to the audit trail.
 */
export function registerWishlists(app: Hono, services: GlueServices): void {
  const { config, tokens, wishlists, audit } = services;
  const base = (c: Context): string => publicBaseUrl(c.req.url, config.publicUrl);

  const caller = async (c: Context, read?: DocumentRead): Promise<CustomerCaller> => {
    try {
      return await authenticateCustomer(c, tokens);
    } catch (error) {
      // The document's 400 comes before the token's refusal.
      if (read !== undefined && 'error' in read) throw read.error;
      throw error;
    }
  };

  const answer = (c: Context, wishlist: Wishlist, status: number): Response => {
    const skus = wishlist.items ?? [];
    const { resource, included } = wishlistResource(
      base(c),
      wishlist,
      wishlistRelated(c, services, base(c), skus),
    );
    return documentResponse(c, base(c), singleDocument(resource, uniqueIncluded(included)), status);
  };

  app.get(COLLECTION, async (c) => {
    const customer = await caller(c);
    const resources = wishlists
      .wishlistsOf(customer.idCustomer)
      .map(
        (wishlist) =>
          wishlistResource(base(c), wishlist, wishlistRelated(c, services, base(c), [])).resource,
      );
    const self = collectionSelfLink(`${base(c)}${COLLECTION}`, new URL(c.req.url).search.slice(1));
    return documentResponse(c, base(c), collectionDocument(resources, { self }), 200);
  });

  app.get(ONE, async (c) => {
    const customer = await caller(c);
    const wishlist =
      wishlists.wishlist(customer.idCustomer, c.req.param('wishlistId')) ??
      (() => {
        throw new GlueError(Errors.wishlistNotFound);
      })();
    return answer(c, wishlist, 200);
  });

  app.post(COLLECTION, async (c) => {
    const read = await readDocument(c, WISHLISTS_TYPE);
    const customer = await caller(c, read);
    const entry: AuditEntry = { method: 'POST', resource: WISHLISTS_TYPE, cartUuid: null };
    return audit.guard(customer, entry, () => {
      const attributes = attributesOf(read);
      if (typeof attributes.name === 'string') entry.wishlistName = attributes.name;
      const name = readName(attributes, 'POST') ?? '';
      return Promise.resolve(answer(c, wishlists.create(customer, name, entry), 201));
    });
  });

  app.patch(ONE, async (c) => {
    const read = await readDocument(c, WISHLISTS_TYPE);
    const customer = await caller(c, read);
    const wishlistUuid = c.req.param('wishlistId');
    const entry: AuditEntry = {
      method: 'PATCH',
      resource: WISHLISTS_TYPE,
      cartUuid: null,
      wishlistUuid,
    };
    return audit.guard(customer, entry, () => {
      const name = readName(attributesOf(read), 'PATCH');
      return Promise.resolve(answer(c, wishlists.rename(customer, wishlistUuid, name, entry), 200));
    });
  });

  app.delete(ONE, async (c) => {
    const customer = await caller(c);
    const wishlistUuid = c.req.param('wishlistId');
    const entry: AuditEntry = {
      method: 'DELETE',
      resource: WISHLISTS_TYPE,
      cartUuid: null,
      wishlistUuid,
    };
    return audit.guard(customer, entry, () => {
      wishlists.remove(customer, wishlistUuid, entry);
      return Promise.resolve(noContentResponse());
    });
  });

  app.post(ITEMS, async (c) => {
    const read = await readDocument(c, WISHLIST_ITEMS_TYPE);
    const customer = await caller(c, read);
    const wishlistUuid = c.req.param('wishlistId');
    const entry: AuditEntry = {
      method: 'POST',
      resource: WISHLIST_ITEMS_TYPE,
      cartUuid: null,
      wishlistUuid,
    };
    return audit.guard(customer, entry, () => {
      const attributes = attributesOf(read);
      if (typeof attributes.sku === 'string') entry.sku = attributes.sku;
      const sku = readSku(attributes);
      entry.sku = sku;
      wishlists.addItem(customer, wishlistUuid, sku, entry);
      const related = wishlistRelated(c, services, base(c), [sku]);
      const item = wishlistItemResource(base(c), wishlistUuid, sku);
      const [first, ...rest] = itemWithProduct(item, related).reverse();
      const data = first ?? item;
      return Promise.resolve(documentResponse(c, base(c), singleDocument(data, rest), 201));
    });
  });

  app.delete(ITEM, async (c) => {
    const customer = await caller(c);
    const wishlistUuid = c.req.param('wishlistId');
    const sku = c.req.param('sku');
    const entry: AuditEntry = {
      method: 'DELETE',
      resource: WISHLIST_ITEMS_TYPE,
      cartUuid: null,
      wishlistUuid,
      sku,
    };
    return audit.guard(customer, entry, () => {
      wishlists.removeItem(customer, wishlistUuid, sku, entry);
      return Promise.resolve(noContentResponse());
    });
  });

  // The empty wishlist id: the item adder finds no parent wishlist (201), after the rules.
  app.post(NO_WISHLIST, async (c) => {
    const read = await readDocument(c, WISHLIST_ITEMS_TYPE);
    await caller(c, read);
    readSku(attributesOf(read));
    throw new GlueError(Errors.wishlistNotFound);
  });

  // Glue checks that every resource of the path has its id before anything else (§1).
  for (const path of [COLLECTION, ITEMS, NO_WISHLIST, `${NO_WISHLIST}/:sku`]) {
    for (const method of ['patch', 'delete'] as const) {
      app[method](path, () => {
        throw new GlueError(Errors.resourceIdNotSpecified);
      });
    }
  }
}
