import { createContext, useContext } from 'react';
import type { GlueClient, GlueRequest } from './glue-client';
import { message, type Message } from '../i18n/translate';
import { GlueError, SessionEndedError, ViewModeError, describeError } from './glue-errors';
import { refreshTokens, revokeRefreshToken } from './glue-tokens';
import { TokenSlot } from './token-slot';

export interface AgentProfile {
  /** The username the agent signed in with; Glue's agent token names only an id. */
  username: string;
}

/** The customer the agent acts as, as the customer search showed them. */
export interface CustomerProfile {
  customerReference: string;
  email: string;
  firstName: string;
  lastName: string;
}

export type AuthorizedRequest<T> = Omit<GlueRequest<T>, 'bearerToken'> & {
  /** A POST that changes nothing of the customer's account (the stand-in's mode event): view mode lets it go. */
  changesNoAccount?: true;
};

/** Everything a screen needs to talk to Glue: the client and one token slot per principal. */
export interface GlueSession {
  glue: GlueClient;
  agent: TokenSlot<AgentProfile>;
  /** The impersonated customer; empty unless the agent acts as someone. */
  customer: TokenSlot<CustomerProfile>;
  asAgent<T>(request: AuthorizedRequest<T>): Promise<T>;
  asCustomer<T>(request: AuthorizedRequest<T>): Promise<T>;
  /** Revokes the slot's refresh token at Glue (best effort), then forgets its tokens. */
  endSession(slot: TokenSlot<unknown>, reason: Message | null): Promise<void>;
}

/** Glue's codes for an agent token it no longer accepts on agent endpoints (§3). */
const AGENT_SESSION_INVALID = new Set(['4102', '4103']);

export function createGlueSession(
  glue: GlueClient,
  refreshTokenLifetimeMs: number,
  /** Whether the session as a customer may change the account now (view mode: no). */
  changesAllowed: () => boolean = () => true,
): GlueSession {
  const refresh = (token: string) => refreshTokens(glue, token);
  const agent = new TokenSlot<AgentProfile>('agent', refresh, refreshTokenLifetimeMs);
  const customer = new TokenSlot<CustomerProfile>('customer', refresh, refreshTokenLifetimeMs);
  // No customer session outlives the agent's.
  agent.subscribe(() => {
    if (agent.getState().status !== 'active' && customer.getState().status === 'active') {
      customer.end(null);
    }
  });

  /** A request with the slot's token, renewed first when needed and once more on a 401. */
  async function withToken<T>(slot: TokenSlot<unknown>, request: AuthorizedRequest<T>) {
    const token = await slot.accessToken();
    try {
      return await glue.request({ ...request, bearerToken: token });
    } catch (error) {
      // The token was refused before its time (clock skew, key rotation): renew once and retry.
      if (error instanceof GlueError && error.status === 401 && error.code === '001') {
        return glue.request({ ...request, bearerToken: await slot.refresh() });
      }
      throw error;
    }
  }

  return {
    glue,
    agent,
    customer,
    async asAgent(request) {
      try {
        return await withToken(agent, request);
      } catch (error) {
        if (
          error instanceof GlueError &&
          (AGENT_SESSION_INVALID.has(error.code ?? '') || error.code === '001')
        ) {
          const reason = message('session.agentInvalid', { glue: describeError(error) });
          agent.end(reason, error);
          throw new SessionEndedError(reason, error);
        }
        throw error;
      }
    },
    async asCustomer(request) {
      // The last line of view mode: whatever a screen offers, no change leaves the console.
      if ((request.method ?? 'GET') !== 'GET' && !request.changesNoAccount && !changesAllowed()) {
        throw new ViewModeError(`${request.method} ${request.path.split('?')[0]}`);
      }
      return withToken(customer, request);
    },
    async endSession(slot, reason) {
      const refreshToken = slot.refreshToken;
      if (!refreshToken) return slot.end(reason);
      let accessToken: string;
      try {
        accessToken = await slot.accessToken();
      } finally {
        // Forget the tokens at once; revoking them at Glue can take its time.
        slot.end(reason);
      }
      await revokeRefreshToken(glue, accessToken, refreshToken);
    },
  };
}

export const GlueSessionContext = createContext<GlueSession | null>(null);

export function useGlueSession(): GlueSession {
  const session = useContext(GlueSessionContext);
  if (!session) throw new Error('useGlueSession must be used inside <GlueSessionContext>.');
  return session;
}
