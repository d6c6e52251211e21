import type { Context, Hono } from 'hono';
import { authenticate } from '../../platform/auth';
import type { Caller, CustomerCaller } from '../../platform/auth';
import { Errors, GlueError } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import {
  collectionDocument,
  collectionSelfLink,
  documentResponse,
  noContentResponse,
  plainInternalServerError,
  publicBaseUrl,
  readRequestAttributes,
  singleDocument,
} from '../../platform/jsonapi';
import type { ResourceObject } from '../../platform/jsonapi';
import { readAddressChange, readNewAddress } from './address-rules';
import { MissingCountryError } from './addresses';
import type { AddressAttributes, CustomerAddress } from './addresses';

export const ADDRESSES_TYPE = 'addresses';

const COLLECTION = `/customers/:customerReference/${ADDRESSES_TYPE}`;
const ONE = `${COLLECTION}/:addressId`;
// `/customers//addresses`: a path whose customer reference is empty.
const NO_REFERENCE = `/customers//${ADDRESSES_TYPE}`;

/** `<base>/customers/{ref}/addresses`: the collection's link, and the start of each address's. */
function addressesLink(base: string, customerReference: string): string {
  return `${base}/customers/${encodeURIComponent(customerReference)}/${ADDRESSES_TYPE}`;
}

/**
 * An address as a JSON:API resource, with the link of its own Glue gives it:
 * `<base>/customers/{ref}/addresses/{uuid}`, in a collection too and never with the query (§1).
 * For checkout's `include=addresses` as well.
 */
export function addressResource(
  base: string,
  customerReference: string,
  address: CustomerAddress,
): ResourceObject<AddressAttributes> {
  return {
    type: ADDRESSES_TYPE,
    id: address.uuid,
    attributes: address.attributes,
    links: { self: `${addressesLink(base, customerReference)}/${address.uuid}` },
  };
}

/**
 * The route authorization of the addresses (strategy `CustomerReferenceMatchingEntityId`): the
 * `{ref}` of the path must be the caller's own reference, compared exactly; anything else, an
 * agent's own token (which names no customer) included, is 403 411.
 */
function owner(caller: Caller, customerReference: string): CustomerCaller {
  if (caller.kind !== 'customer' || caller.customerReference !== customerReference) {
    throw new GlueError(Errors.customerUnauthorized);
  }
  return caller;
}

function addressNotFound(): never {
  throw new GlueError(Errors.addressNotFound);
}

/**
 * The customer addresses of §8: `GET`, `POST /customers/{ref}/addresses`, `GET`, `PATCH`,
 * `DELETE /customers/{ref}/addresses/{uuid}`, for the customer's own token or an impersonation
 * token. Checks run in Glue's order (§8.2): the request document and the ids (400) before the
 * token (403 002 / 401 001), then the attribute rules (422 901), then the reference (403 411),
 * then the address (404 404).
 */
export function registerAddresses(app: Hono, { config, tokens, addresses }: GlueServices): void {
  const base = (c: Context): string => publicBaseUrl(c.req.url, config.publicUrl);

  const answer = (c: Context, caller: CustomerCaller, address: CustomerAddress, status: number) =>
    documentResponse(
      c,
      base(c),
      singleDocument(addressResource(base(c), caller.customerReference, address)),
      status,
    );

  app.get(COLLECTION, async (c) => {
    const caller = owner(await authenticate(c, tokens), c.req.param('customerReference'));
    const link = addressesLink(base(c), caller.customerReference);
    const resources = addresses
      .addressesOf(caller.idCustomer)
      .map((address) => addressResource(base(c), caller.customerReference, address));
    const self = collectionSelfLink(link, new URL(c.req.url).search.slice(1));
    return documentResponse(c, base(c), collectionDocument(resources, { self }), 200);
  });

  app.get(ONE, async (c) => {
    const caller = owner(await authenticate(c, tokens), c.req.param('customerReference'));
    const address =
      addresses.addressById(caller.idCustomer, c.req.param('addressId')) ?? addressNotFound();
    return answer(c, caller, address, 200);
  });

  app.post(COLLECTION, async (c) => {
    const attributes = await readRequestAttributes(c, ADDRESSES_TYPE);
    const authenticated = await authenticate(c, tokens);
    const request = readNewAddress(attributes);
    const caller = owner(authenticated, c.req.param('customerReference'));
    let created: CustomerAddress;
    try {
      created = addresses.create(caller.idCustomer, request);
    } catch (error) {
      if (error instanceof MissingCountryError) return plainInternalServerError();
      throw error;
    }
    return answer(c, caller, created, 201);
  });

  app.patch(ONE, async (c) => {
    const attributes = await readRequestAttributes(c, ADDRESSES_TYPE);
    const authenticated = await authenticate(c, tokens);
    const request = readAddressChange(attributes);
    const caller = owner(authenticated, c.req.param('customerReference'));
    const address =
      addresses.update(caller.idCustomer, c.req.param('addressId'), request) ?? addressNotFound();
    return answer(c, caller, address, 200);
  });

  app.delete(ONE, async (c) => {
    const caller = owner(await authenticate(c, tokens), c.req.param('customerReference'));
    if (!addresses.remove(caller.idCustomer, c.req.param('addressId'))) addressNotFound();
    return noContentResponse();
  });

  // An empty reference is no customer's: POST is refused by the route authorization (411) after
  // the rules; a GET, which the route authorization lets through without a reference, finds no
  // customer (402).
  app.post(NO_REFERENCE, async (c) => {
    const attributes = await readRequestAttributes(c, ADDRESSES_TYPE);
    await authenticate(c, tokens);
    readNewAddress(attributes);
    throw new GlueError(Errors.customerUnauthorized);
  });

  for (const path of [NO_REFERENCE, `${NO_REFERENCE}/:addressId`]) {
    app.get(path, async (c) => {
      await authenticate(c, tokens);
      throw new GlueError(Errors.customerNotFound);
    });
  }

  // Glue checks that every resource of the path has its id before anything else (§1, §8.2).
  for (const path of [COLLECTION, NO_REFERENCE, `${NO_REFERENCE}/:addressId`]) {
    for (const method of ['patch', 'delete'] as const) {
      app[method](path, () => {
        throw new GlueError(Errors.resourceIdNotSpecified);
      });
    }
  }
}
