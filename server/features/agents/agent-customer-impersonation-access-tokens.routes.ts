import type { Hono } from 'hono';
import { authenticateAgent } from '../../platform/auth';
import { Errors, GlueError } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import {
  documentResponse,
  publicBaseUrl,
  readRequestAttributes,
  resourceObject,
  singleDocument,
} from '../../platform/jsonapi';
import { impersonationGrant } from '../../platform/tokens';

const TYPE = 'agent-customer-impersonation-access-tokens';
/** The longest reason kept, in characters (code points); a longer one is cut, not refused. */
const MAX_REASON_LENGTH = 500;

interface CustomerRow {
  id: number;
  customer_reference: string;
}

/**
 * The optional `reason` attribute, a stand-in extension: Spryker ignores attributes it does not
 * know, so it never changes the answer. A string is trimmed and cut to MAX_REASON_LENGTH; a blank
 * one, or anything that is not a string, is no reason.
 */
function accessReason(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  // By code points, so a cut never leaves half of a surrogate pair.
  const characters = Array.from(trimmed);
  return characters.length > MAX_REASON_LENGTH
    ? characters.slice(0, MAX_REASON_LENGTH).join('')
    : trimmed;
}

/**
 * `POST /agent-customer-impersonation-access-tokens` (§3.3): the agent gets a token pair that acts
 * as the customer. Each call starts an impersonation session, recorded with the agent's id and
 * the reason the agent gave (see accessReason).
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
    const pair = await tokens.issuePair(grant, agent.idAgent, accessReason(attributes.reason));
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    return documentResponse(c, base, singleDocument(resourceObject(base, TYPE, null, pair)), 201);
  });
}
