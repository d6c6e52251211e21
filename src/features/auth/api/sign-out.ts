import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';
import { revokeRefreshToken } from '../../../lib/glue-tokens';

export const SIGNED_OUT_MESSAGE = 'You have signed out.';

/** Revokes the agent's refresh token, then forgets every token and every cached answer. */
export function useSignOut() {
  const { glue, agent } = useGlueSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const refreshToken = agent.refreshToken;
      if (refreshToken) await revokeRefreshToken(glue, await agent.accessToken(), refreshToken);
    },
    onSettled: (_data, error) => {
      agent.end(
        error
          ? `You are signed out of this console, but Glue could not revoke the session (${describeError(error)}). It expires by itself.`
          : SIGNED_OUT_MESSAGE,
      );
      queryClient.clear();
    },
  });
}
