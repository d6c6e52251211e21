import type { Hono } from 'hono';
import { orderResource, ORDERS_TYPE } from '../orders/orders.routes';
import {
  documentResponse,
  publicBaseUrl,
  relationshipRule,
  resourceObject,
  singleDocument,
  withRelationships,
} from '../../platform/jsonapi';
import type { ResourceObject } from '../../platform/jsonapi';
import type { GlueServices } from '../../platform/services';
import { runCheckout } from './request-pipeline';

const TYPE = 'checkout';

/**
 * `POST /checkout` (§9.3): places the order from the cart, deletes the cart and answers 201 with
 * the order's reference; `?include=orders` adds the order as `GET /orders/{ref}` answers it.
 * The checks run in §9.5's order; a checkout that fails changes nothing.
 */
export function registerCheckout(app: Hono, services: GlueServices): void {
  const { config, checkout, orders } = services;
  app.post(`/${TYPE}`, async (c) => {
    const placed = await runCheckout(c, services, TYPE, ({ caller, request, locale }) => ({
      reference: checkout.place(caller, request, locale),
      idCustomer: caller.idCustomer,
    }));
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    let resource: ResourceObject = resourceObject(base, TYPE, null, {
      orderReference: placed.reference,
      // The dummy payments redirect nowhere.
      redirectUrl: null,
      isExternalRedirect: null,
    });
    const rule = relationshipRule(c);
    const order =
      rule.loads(ORDERS_TYPE) && placed.idCustomer !== null
        ? orders.find(placed.idCustomer, placed.reference)
        : null;
    const included = order === null ? [] : [orderResource(base, order)];
    if (rule.shows(ORDERS_TYPE))
      resource = withRelationships(resource, { [ORDERS_TYPE]: included });
    return documentResponse(c, base, singleDocument(resource, included), 201);
  });
}
