import type { Hono } from 'hono';
import { authenticateAgent } from '../auth';
import { Errors, GlueError } from '../errors';
import type { GlueServices } from '../glue';
import {
  jsonApiResponse,
  publicBaseUrl,
  readRequestAttributes,
  resourceObject,
  singleDocument,
} from '../jsonapi';
import { impersonationGrant } from '../tokens';

const TYPE = 'agent-customer-impersonation-access-tokens';

interface CustomerRow {
  id: number;
  customer_reference: string;
}

/**
 * `POST /agent-customer-impersonation-access-tokens` (§3.3): the agent gets a token pair that acts
 * as the customer. Each call starts an impersonation session, recorded with the agent's id.
 */
export function registerAgentCustomerImpersonationAccessTokens(
  app: Hono,
  { config, db, tokens }: GlueServices,
): void {
  // The reference exactly as stored: the console passes on what the search answered.
  const findCustomer = db.prepare<[string], CustomerRow>(
    'SELECT id, customer_reference FROM customers WHERE customer_reference = ?',
  );

  app.post(`/${TYPE}`, async (c) => {
    const agent = await authenticateAgent(c, tokens);
    const attributes = await readRequestAttributes(c, TYPE);
    const reference = attributes.customerReference;
    const customer =
      typeof reference === 'string' && reference !== '' ? findCustomer.get(reference) : undefined;
    // Unknown, "", missing or not a string: all the same 4104.
    if (customer === undefined) throw new GlueError(Errors.impersonationFailed);
    const grant = impersonationGrant(customer.customer_reference, customer.id);
    const pair = await tokens.issuePair(grant, agent.idAgent);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    return jsonApiResponse(singleDocument(resourceObject(base, TYPE, null, pair)), 201);
  });
}
