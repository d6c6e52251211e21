import type { Context } from 'hono';
import { Errors, GlueError } from './errors';
import { isAgent } from './tokens';
import type { Grant, Tokens } from './tokens';

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

async function verifyHeader(tokens: Tokens, header: string): Promise<Grant | null> {
  const token = bearerToken(header);
  return token === null ? null : tokens.verifyAccessToken(token);
}

/** The caller of a protected endpoint (§2): no Authorization → 403 002, invalid → 401 001. */
export async function authenticate(c: Context, tokens: Tokens): Promise<Grant> {
  const authorization = headerValue(c, 'Authorization');
  if (authorization === null) throw new GlueError(Errors.missingAccessToken);
  const grant = await verifyHeader(tokens, authorization);
  if (grant === null) throw new GlueError(Errors.invalidAccessToken);
  return grant;
}

/** §3: bad X-Agent-Authorization → 4102, bad Authorization → 001, no agent token → 4103. */
export async function authenticateAgent(c: Context, tokens: Tokens): Promise<Grant> {
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
  const agent = [fromAgentHeader, fromAuthorization].find(
    (grant) => grant !== null && isAgent(grant),
  );
  if (agent === undefined || agent === null) throw new GlueError(Errors.agentOnly);
  return agent;
}
