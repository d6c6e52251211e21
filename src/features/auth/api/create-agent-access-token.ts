import { useMutation } from '@tanstack/react-query';
import type { GlueClient } from '../../../lib/glue-client';
import { useGlueSession } from '../../../lib/glue-session';
import { toTokenPair, tokenDocumentSchema } from '../../../lib/glue-tokens';

export interface AgentCredentials {
  username: string;
  password: string;
}

const agentTokenDocumentSchema = tokenDocumentSchema('agent-access-tokens');

export async function createAgentAccessToken(glue: GlueClient, credentials: AgentCredentials) {
  const document = await glue.request({
    method: 'POST',
    path: '/agent-access-tokens',
    body: { data: { type: 'agent-access-tokens', attributes: credentials } },
    schema: agentTokenDocumentSchema,
  });
  return toTokenPair(document.data.attributes);
}

/** Signs the agent in; on success the agent's token slot holds the new tokens. */
export function useSignIn() {
  const { glue, agent } = useGlueSession();
  return useMutation({
    mutationFn: (credentials: AgentCredentials) => createAgentAccessToken(glue, credentials),
    onSuccess: (pair, { username }) => agent.start(pair, { username }),
  });
}
