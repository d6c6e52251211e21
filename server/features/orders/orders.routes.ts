import type { Context, Hono } from 'hono';
import { authenticateCustomer } from '../../platform/auth';
import { Errors, GlueError } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import {
  collectionDocument,
  documentResponse,
  paginationLinks,
  publicBaseUrl,
  readPage,
  resourceObject,
  singleDocument,
} from '../../platform/jsonapi';
import type { ResourceObject } from '../../platform/jsonapi';
import type { OrderDetail, OrderSort, Orders, OrderSummary } from './orders';

export const ORDERS_TYPE = 'orders';
const TYPE = ORDERS_TYPE;
/** page[limit] when the request sends none; the page links are there either way. */
export const ORDERS_DEFAULT_LIMIT = 10;

/** Key order as the contract lists them (§5): createdAt, currencyIsoCode, priceMode, totals. */
function summaryAttributes(order: OrderSummary): Record<string, unknown> {
  return {
    createdAt: order.createdAt,
    currencyIsoCode: order.currencyIsoCode,
    priceMode: order.priceMode,
    totals: order.totals,
  };
}

/**
 * `sort` as Glue reads it (glue-application 1.65.0 `RequestFormatter::setSortFields()`): the
 * comma-separated fields, a leading "-" for descending, dashes trimmed off both ends; the orders
 * module uses only the first (orders-rest-api 4.11.0 `OrderReader::getOrderListAttributes()`).
 * `createdAt` and `updatedAt` sort (sales 11.50.0 `SalesRepository::SORT_KEYS_MAP`); any other
 * key, or none, leaves the orders in the order they were placed. Spryker passes another key on to
 * Propel unmapped: one of characters other than `[A-Za-z0-9_.]` is dropped there too (propel
 * 3.40.2 `PropelFilterCriteria::addSortingToCriteria()`), any other becomes `ORDER BY <key>`, a
 * column name of spy_sales_order sorting by it and anything else failing in the database. The
 * stand-in ignores every unknown key instead.
 */
export function readOrderSort(requestUrl: string): OrderSort | null {
  const raw = new URL(requestUrl).searchParams.get('sort');
  if (raw === null || raw === '') return null;
  const field = raw.split(',')[0] ?? '';
  const key = field.replace(/^-+|-+$/g, '');
  if (key !== 'createdAt' && key !== 'updatedAt') return null;
  return { key, descending: field.startsWith('-') };
}

function orderList(
  c: Context,
  orders: Orders,
  idCustomer: number,
  base: string,
  selfPath: string,
): Response {
  const page = readPage(c.req.url, ORDERS_DEFAULT_LIMIT);
  const { total, orders: summaries } = orders.page(idCustomer, page, readOrderSort(c.req.url));
  const links = paginationLinks(
    `${base}${selfPath}`,
    new URL(c.req.url).search.slice(1),
    total,
    page,
  );
  const data = summaries.map((order) =>
    resourceObject(base, TYPE, order.reference, summaryAttributes(order)),
  );
  return documentResponse(c, base, collectionDocument(data, links), 200);
}

/**
 * `GET /orders` (in the order they were placed, or by `sort`; paginated per §1, the page links
 * keeping `sort` with the rest of the query) and `GET /orders/{orderReference}` (§5) for the
 * customer of a customer or impersonation token; another customer's order, like an unknown one,
 * is 404 801. `GET /customers/{customerReference}/orders` lists the same, and answers 403 802
 * "Unauthorized request." for any reference but the caller's own, as Glue's orders module does.
 */
export function registerOrders(app: Hono, { config, tokens, orders }: GlueServices): void {
  app.get(`/${TYPE}`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    return orderList(c, orders, caller.idCustomer, base, `/${TYPE}`);
  });

  app.get(`/customers/:customerReference/${TYPE}`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const reference = c.req.param('customerReference');
    if (reference !== caller.customerReference) throw new GlueError(Errors.unauthorizedRequest);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const selfPath = `/customers/${encodeURIComponent(reference)}/${TYPE}`;
    return orderList(c, orders, caller.idCustomer, base, selfPath);
  });

  app.get(`/${TYPE}/:orderReference`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const order = orders.find(caller.idCustomer, c.req.param('orderReference'));
    if (order === null) throw new GlueError(Errors.orderNotFound);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    return documentResponse(c, base, singleDocument(orderResource(base, order)), 200);
  });
}

/**
 * One order as `GET /orders/{ref}` answers it, and as `POST /checkout?include=orders` includes
 * it (§9.3): the list's attributes, then what the contract says the single order adds, in its
 * order, with the rest of Spryker's after the expenses, as Spryker's sample orders them.
 */
export function orderResource(base: string, order: OrderDetail): ResourceObject {
  return resourceObject(base, TYPE, order.reference, {
    ...summaryAttributes(order),
    items: order.items,
    billingAddress: order.billingAddress,
    shippingAddress: order.shippingAddress,
    expenses: order.expenses,
    payments: order.payments,
    shipments: order.shipments,
    calculatedDiscounts: order.calculatedDiscounts,
    // The demo shop sells no product bundles.
    bundleItems: [],
    itemStates: order.itemStates,
  });
}
