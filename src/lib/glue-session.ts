import { createContext, useContext } from 'react';
import type { GlueClient } from './glue-client';
import { GlueError } from './glue-errors';
import type { GlueRequest } from './glue-client';
import { refreshTokens } from './glue-tokens';
import { TokenSlot } from './token-slot';

export interface AgentProfile {
  /** The username the agent signed in with; Glue's agent token names only an id. */
  username: string;
}

/** Everything a screen needs to talk to Glue: the client and the agent's token slot. */
export interface GlueSession {
  glue: GlueClient;
  agent: TokenSlot<AgentProfile>;
  /** A request with the agent's token, renewed first when needed and once more on a 401. */
  asAgent<T>(request: Omit<GlueRequest<T>, 'bearerToken'>): Promise<T>;
}

export function createGlueSession(glue: GlueClient): GlueSession {
  const agent = new TokenSlot<AgentProfile>('Your session', (token) => refreshTokens(glue, token));
  return {
    glue,
    agent,
    async asAgent(request) {
      const token = await agent.accessToken();
      try {
        return await glue.request({ ...request, bearerToken: token });
      } catch (error) {
        // The token was refused before its time (clock skew, key rotation): renew once and retry.
        if (error instanceof GlueError && error.status === 401 && error.code === '001') {
          return glue.request({ ...request, bearerToken: await agent.refresh() });
        }
        throw error;
      }
    },
  };
}

export const GlueSessionContext = createContext<GlueSession | null>(null);

export function useGlueSession(): GlueSession {
  const session = useContext(GlueSessionContext);
  if (!session) throw new Error('useGlueSession must be used inside <GlueSessionContext>.');
  return session;
}
