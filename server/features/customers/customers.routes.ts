import type { Context, Hono } from 'hono';
import { authenticateCustomer } from '../../platform/auth';
import { Errors, GlueError } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import {
  collectionDocument,
  collectionSelfLink,
  documentResponse,
  publicBaseUrl,
  relationshipRule,
  resourceObject,
  singleDocument,
  withRelationships,
} from '../../platform/jsonapi';
import type { ResourceObject } from '../../platform/jsonapi';
import { WISHLISTS_TYPE, customerWishlists } from '../wishlists/wishlists.routes';

const TYPE = 'customers';

interface CustomerRow {
  customer_reference: string;
  first_name: string;
  last_name: string;
  email: string;
  gender: string | null;
  date_of_birth: string | null;
  salutation: string | null;
  created_at: string;
  updated_at: string;
}

function customerAttributes(row: CustomerRow): Record<string, string | null> {
  return {
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    gender: row.gender,
    dateOfBirth: row.date_of_birth,
    salutation: row.salutation,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * `GET /customers/{customerReference}` (§5): the caller's own profile; any other reference,
 * another customer's included, is 404 402. `GET /customers` answers the caller's own profile as a
 * collection of one, as Glue does.
 */
export function registerCustomers(app: Hono, services: GlueServices): void {
  const { config, db, tokens } = services;
  // §11: `?include=wishlists` adds the customer's wishlists (WishlistRelationshipByResourceId).
  const withWishlists = (
    c: Context,
    base: string,
    idCustomer: number,
    resource: ResourceObject,
  ): { resource: ResourceObject; included: ResourceObject[] } => {
    const rule = relationshipRule(c);
    if (!rule.loads(WISHLISTS_TYPE)) return { resource, included: [] };
    const included = customerWishlists(services, base, idCustomer);
    return {
      resource: rule.shows(WISHLISTS_TYPE)
        ? withRelationships(resource, { [WISHLISTS_TYPE]: included })
        : resource,
      included,
    };
  };
  const findCustomer = db.prepare<[string], CustomerRow>(
    `SELECT customer_reference, first_name, last_name, email, gender, date_of_birth, salutation,
       created_at, updated_at
     FROM customers WHERE customer_reference = ?`,
  );

  const profile = (reference: string): CustomerRow => {
    const row = findCustomer.get(reference);
    if (row === undefined) throw new GlueError(Errors.customerNotFound);
    return row;
  };

  app.get(`/${TYPE}`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    const row = profile(caller.customerReference);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const self = collectionSelfLink(`${base}/${TYPE}`, new URL(c.req.url).search.slice(1));
    const { resource, included } = withWishlists(
      c,
      base,
      caller.idCustomer,
      resourceObject(base, TYPE, row.customer_reference, customerAttributes(row)),
    );
    return documentResponse(c, base, collectionDocument([resource], { self }, included), 200);
  });

  app.get(`/${TYPE}/:customerReference`, async (c) => {
    const caller = await authenticateCustomer(c, tokens);
    // Compared exactly, as Glue does: "de--21" is not the caller's reference.
    if (c.req.param('customerReference') !== caller.customerReference) {
      throw new GlueError(Errors.customerNotFound);
    }
    const row = profile(caller.customerReference);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const { resource, included } = withWishlists(
      c,
      base,
      caller.idCustomer,
      resourceObject(base, TYPE, row.customer_reference, customerAttributes(row)),
    );
    return documentResponse(c, base, singleDocument(resource, included), 200);
  });
}
