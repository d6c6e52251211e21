import type { Context } from 'hono';
import { Errors, GlueError } from './errors';
import { isAgent, ownerOf } from './tokens';
import type { Grant, Impersonation, Tokens, VerifiedToken } from './tokens';

/** An agent, signed in with POST /agent-access-tokens. */
export interface AgentCaller {
  kind: 'agent';
  grant: Grant;
  idAgent: number;
  /** The refresh-token owner, for DELETE /refresh-tokens. */
  owner: string;
  jti: string;
}

/** A customer: signed in themselves, or an agent acting as them (`impersonation` set). */
export interface CustomerCaller {
  kind: 'customer';
  grant: Grant;
  idCustomer: number;
  customerReference: string;
  owner: string;
  jti: string;
  /** Which agent acts as the customer, in which session; null for the customer's own sign-in. */
  impersonation: Impersonation | null;
}

export type Caller = AgentCaller | CustomerCaller;

/** The token of `Bearer <token>`; any other form is no token at all. */
function bearerToken(header: string): string | null {
  const match = /^Bearer[ \t]+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

function headerValue(c: Context, name: string): string | null {
  const value = c.req.header(name);
  // An empty header is the same as none, as PHP's falsy check treats it.
  return value === undefined || value.trim() === '' ? null : value;
}

function toCaller({ grant, jti, impersonation }: VerifiedToken): Caller {
  const {
    id_agent: idAgent,
    id_customer: idCustomer,
    customer_reference: reference,
  } = grant.subject;
  if (isAgent(grant) && idAgent !== null) {
    return { kind: 'agent', grant, idAgent, owner: ownerOf(grant), jti };
  }
  if (idCustomer === null || reference === null) {
    // decodeGrant only lets through agents with an id and customers with both.
    throw new Error('A verified token names neither an agent nor a customer.');
  }
  return {
    kind: 'customer',
    grant,
    idCustomer,
    customerReference: reference,
    owner: ownerOf(grant),
    jti,
    impersonation,
  };
}

async function verifyHeader(tokens: Tokens, header: string): Promise<Caller | null> {
  const token = bearerToken(header);
  const verified = token === null ? null : await tokens.verify(token);
  return verified === null ? null : toCaller(verified);
}

/** The caller of a protected endpoint (§2): no Authorization → 403 002, invalid → 401 001. */
export async function authenticate(c: Context, tokens: Tokens): Promise<Caller> {
  const authorization = headerValue(c, 'Authorization');
  if (authorization === null) throw new GlueError(Errors.missingAccessToken);
  const caller = await verifyHeader(tokens, authorization);
  if (caller === null) throw new GlueError(Errors.invalidAccessToken);
  return caller;
}

/**
 * The agent of an agent endpoint (§3), from X-Agent-Authorization or Authorization: bad
 * X-Agent-Authorization → 4102, bad Authorization → 001, no agent token → 4103 (a customer's
 * or an impersonation token is no agent token).
 */
export async function authenticateAgent(c: Context, tokens: Tokens): Promise<AgentCaller> {
  const agentHeader = headerValue(c, 'X-Agent-Authorization');
  const authorization = headerValue(c, 'Authorization');
  const fromAgentHeader = agentHeader === null ? null : await verifyHeader(tokens, agentHeader);
  if (agentHeader !== null && fromAgentHeader === null)
    throw new GlueError(Errors.agentTokenInvalid);
  const fromAuthorization =
    authorization === null ? null : await verifyHeader(tokens, authorization);
  if (authorization !== null && fromAuthorization === null) {
    throw new GlueError(Errors.invalidAccessToken);
  }
  for (const caller of [fromAgentHeader, fromAuthorization]) {
    if (caller?.kind === 'agent') return caller;
  }
  throw new GlueError(Errors.agentOnly);
}

/**
 * The customer of a customer endpoint (§5): their own token or an impersonation token, which acts
 * as the customer. No Authorization → 403 002, invalid → 401 001 (as `authenticate`); an agent's
 * own token names no customer, so it is refused with 403 802 "Unauthorized request.", the code
 * Glue's orders module answers a caller who is not the customer asked about.
 */
export async function authenticateCustomer(c: Context, tokens: Tokens): Promise<CustomerCaller> {
  const caller = await authenticate(c, tokens);
  if (caller.kind !== 'customer') throw new GlueError(Errors.unauthorizedRequest);
  return caller;
}

/** What an endpoint that reads its token later (checkout, §9.5) was sent in `Authorization`. */
export type CallerProbe =
  { kind: 'none' } | { kind: 'invalid' } | { kind: 'caller'; caller: Caller };

/**
 * The `Authorization` token, verified but not yet refused: checkout answers the request
 * document's 400 before an invalid token's 401 001, and a missing token itself (1105).
 */
export async function probeCaller(c: Context, tokens: Tokens): Promise<CallerProbe> {
  const authorization = headerValue(c, 'Authorization');
  if (authorization === null) return { kind: 'none' };
  const caller = await verifyHeader(tokens, authorization);
  return caller === null ? { kind: 'invalid' } : { kind: 'caller', caller };
}

/** An agent acting as a customer: a caller whose token is an impersonation token. */
export type ImpersonationCaller = CustomerCaller & { impersonation: Impersonation };

/**
 * The caller of the stand-in's own session endpoints, which act on the session the token belongs
 * to: an impersonation token in `Authorization`. Invalid → 401 001 (as `authenticate`); none, or
 * a token of another kind (an agent's own, a customer's own), → 401 4103, the agent endpoints'
 * answer to a caller who is not an agent at work (§3).
 */
export async function authenticateImpersonation(
  c: Context,
  tokens: Tokens,
): Promise<ImpersonationCaller> {
  const probe = await probeCaller(c, tokens);
  if (probe.kind === 'invalid') throw new GlueError(Errors.invalidAccessToken);
  if (probe.kind === 'caller' && probe.caller.kind === 'customer') {
    const { impersonation } = probe.caller;
    if (impersonation !== null) return { ...probe.caller, impersonation };
  }
  throw new GlueError(Errors.agentOnly);
}
