import type { Context, Hono } from 'hono';
import { authenticateCustomer } from '../../platform/auth';
import { Errors, GlueError, ValidationMessages, validationFailed } from '../../platform/errors';
import type { GlueErrorSpec } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import {
  collectionDocument,
  documentResponse,
  isBlank,
  paginationLinks,
  publicBaseUrl,
  readPage,
  readRequestAttributes,
  relationshipRule,
  resourceObject,
  singleDocument,
  uniqueIncluded,
  withRelationships,
} from '../../platform/jsonapi';
import type { Attributes, ResourceObject } from '../../platform/jsonapi';
import type { AuditEntry } from '../agents/audit';
import type { Orders } from '../orders/orders';
import type { CustomerReturn, ReturnItemRequest } from './returns';

const TYPE = 'returns';
const ITEMS_TYPE = 'return-items';
const ORDER_ITEMS_TYPE = 'order-items';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** HEAD's `returns.validation.yml`: store and returnItems NotBlank (§12's 901 rows). */
function validate(attributes: Attributes): void {
  const errors: GlueErrorSpec[] = [];
  if (isBlank(attributes.store))
    errors.push(validationFailed('store', ValidationMessages.notBlank));
  if (isBlank(attributes.returnItems)) {
    errors.push(validationFailed('returnItems', ValidationMessages.notBlank));
  }
  const [first, ...rest] = errors;
  if (first !== undefined) throw new GlueError(first, ...rest);
}

/** The items asked for; null when one of them names no order item at all (3601). */
function readItems(value: unknown): ReturnItemRequest[] | null {
  const list = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : null;
  if (list === null) return null;
  const items: ReturnItemRequest[] = [];
  for (const entry of list) {
    if (!isObject(entry) || typeof entry.salesOrderItemUuid !== 'string') return null;
    const reason = entry.reason;
    items.push({
      salesOrderItemUuid: entry.salesOrderItemUuid,
      reason:
        typeof reason === 'string' ? reason : typeof reason === 'number' ? String(reason) : null,
    });
  }
  return items;
}

function returnAttributes(customerReturn: CustomerReturn): Record<string, unknown> {
  return {
    returnReference: customerReturn.returnReference,
    store: customerReturn.store,
    customerReference: customerReturn.customerReference,
    returnTotals: customerReturn.returnTotals,
  };
}

/** Which of a return's relationships the request loads: its items, and their order items. */
interface ReturnIncludes {
  items: boolean;
  orderItems: boolean;
}

function returnIncludes(c: Context): ReturnIncludes {
  const rule = relationshipRule(c);
  return { items: rule.loads(ITEMS_TYPE), orderItems: rule.loads(ORDER_ITEMS_TYPE) };
}

/**
 * The return as Glue answers it; with `include=return-items` its items, with `order-items` too
 * each item's order item (orders-rest-api 4.11.0 `OrderItemExpander`), included before the item
 * it hangs off, as Glue includes nested resources first.
 */
function returnResource(
  base: string,
  customerReturn: CustomerReturn,
  includes: ReturnIncludes,
  orderItems: (orderReference: string, uuid: string) => ResourceObject | null,
): { resource: ResourceObject; included: ResourceObject[] } {
  const resource = resourceObject(
    base,
    TYPE,
    customerReturn.returnReference,
    returnAttributes(customerReturn),
  );
  if (!includes.items) return { resource, included: [] };
  const included: ResourceObject[] = [];
  const items = customerReturn.items.map((item) => {
    const itemResource: ResourceObject = {
      type: ITEMS_TYPE,
      id: item.uuid,
      attributes: { uuid: item.uuid, reason: item.reason, orderItemUuid: item.orderItemUuid },
      links: {
        self: `${base}/${TYPE}/${encodeURIComponent(customerReturn.returnReference)}/${ITEMS_TYPE}/${item.uuid}`,
      },
    };
    const orderItem = includes.orderItems
      ? orderItems(item.orderReference, item.orderItemUuid)
      : null;
    if (orderItem === null) {
      included.push(itemResource);
      return itemResource;
    }
    const linked = withRelationships(itemResource, { [ORDER_ITEMS_TYPE]: [orderItem] });
    included.push(orderItem, linked);
    return linked;
  });
  return { resource: withRelationships(resource, { [ITEMS_TYPE]: items }), included };
}

/** The order item as orders-rest-api 4.11.0 builds it, with its own link under its order. */
function orderItemLookup(
  base: string,
  orders: Orders,
  idCustomer: number,
): (orderReference: string, uuid: string) => ResourceObject | null {
  return (orderReference, uuid) => {
    const order = orders.find(idCustomer, orderReference);
    const item = order?.items.find((candidate) => candidate.uuid === uuid);
    if (order === null || item === undefined) return null;
    return {
      type: ORDER_ITEMS_TYPE,
      id: uuid,
      attributes: { ...item },
      links: {
        self: `${base}/orders/${encodeURIComponent(orderReference)}/${ORDER_ITEMS_TYPE}/${uuid}`,
      },
    };
  };
}

/**
 * `POST /returns`, `GET /returns`, `GET /returns/{returnReference}` (§12), for the customer of a
 * customer or impersonation token. Every failure to create is the one 3601; another customer's
 * return, like an unknown one, is 404 3602. A return an agent makes or tries through an
 * impersonation token goes to the audit trail, with the order(s) its items are from.
 */
export function registerReturns(
  app: Hono,
  { config, tokens, returns, orders, audit }: GlueServices,
): void {
  /** One return's document, with what the request includes. */
  const oneReturn = (
    c: Context,
    idCustomer: number,
    customerReturn: CustomerReturn,
    status: 200 | 201,
  ): Response => {
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const { resource, included } = returnResource(
      base,
      customerReturn,
      returnIncludes(c),
      orderItemLookup(base, orders, idCustomer),
    );
    return documentResponse(c, base, singleDocument(resource, uniqueIncluded(included)), status);
  };

  app.post(`/${TYPE}`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const entry: AuditEntry = { method: 'POST', resource: TYPE, cartUuid: null };
    return audit.guard(caller, entry, async () => {
      const attributes = await readRequestAttributes(c, TYPE);
      validate(attributes);
      const items = readItems(attributes.returnItems);
      if (items !== null) Object.assign(entry, returns.describe(caller.idCustomer, items));
      const store = typeof attributes.store === 'string' ? attributes.store : null;
      const reference =
        items === null || store === null ? null : returns.create(caller, store, items, entry);
      const created = reference === null ? null : returns.find(caller.idCustomer, reference);
      if (created === null) throw new GlueError(Errors.returnCantBeCreated);
      return oneReturn(c, caller.idCustomer, created, 201);
    });
  });

  app.get(`/${TYPE}`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const url = new URL(c.req.url);
    const all = returns.list(caller.idCustomer);
    const paged = [...url.searchParams.keys()].some((key) => key.startsWith('page['));
    const page = readPage(c.req.url, Math.max(all.length, 1));
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const shown = all.slice(page.offset, page.offset + page.limit);
    const lookup = orderItemLookup(base, orders, caller.idCustomer);
    const includes = returnIncludes(c);
    const built = shown.map((customerReturn) =>
      returnResource(base, customerReturn, includes, lookup),
    );
    const self = `${base}/${TYPE}`;
    const query = url.search.slice(1);
    const links = paged
      ? paginationLinks(self, query, all.length, page)
      : paginationLinks(self, query, 0, page);
    return documentResponse(
      c,
      base,
      collectionDocument(
        built.map(({ resource }) => resource),
        links,
        uniqueIncluded(built.flatMap(({ included }) => included)),
      ),
      200,
    );
  });

  app.get(`/${TYPE}/:returnReference`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const found = returns.find(caller.idCustomer, c.req.param('returnReference'));
    if (found === null) throw new GlueError(Errors.returnNotFound);
    return oneReturn(c, caller.idCustomer, found, 200);
  });
}
