import type { Hono } from 'hono';
import { Errors, GlueError } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import {
  documentResponse,
  publicBaseUrl,
  readRequestAttributes,
  resourceObject,
  singleDocument,
} from '../../platform/jsonapi';
import { DUMMY_BCRYPT_HASH, verifyPassword } from '../../platform/passwords';
import { customerGrant } from '../../platform/tokens';

const TYPE = 'access-tokens';

interface CustomerRow {
  id: number;
  customer_reference: string;
  password_hash: string;
}

/** `POST /access-tokens` (§4.3): a customer signs in; every failure is 401 003. */
export function registerAccessTokens(app: Hono, { config, db, tokens }: GlueServices): void {
  const findCustomer = db.prepare<[string], CustomerRow>(
    'SELECT id, customer_reference, password_hash FROM customers WHERE email = ?',
  );

  app.post(`/${TYPE}`, async (c) => {
    const attributes = await readRequestAttributes(c, TYPE);
    const username = typeof attributes.username === 'string' ? attributes.username.trim() : '';
    const password = typeof attributes.password === 'string' ? attributes.password : '';
    const customer = username === '' ? undefined : findCustomer.get(username);
    // Always one hash check, so an unknown e-mail takes as long to refuse as a wrong password.
    const passwordMatches = await verifyPassword(
      customer?.password_hash ?? DUMMY_BCRYPT_HASH,
      password,
    );
    if (customer === undefined || password.trim() === '' || !passwordMatches) {
      throw new GlueError(Errors.failedToAuthenticateUser);
    }
    const pair = await tokens.issuePair(customerGrant(customer.customer_reference, customer.id));
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    return documentResponse(c, base, singleDocument(resourceObject(base, TYPE, null, pair)), 201);
  });
}
