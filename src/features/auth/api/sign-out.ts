import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';

export const SIGNED_OUT_MESSAGE = 'You have signed out.';

/** Revokes the customer's and the agent's refresh tokens, then forgets every token and answer. */
export function useSignOut() {
  const session = useGlueSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const results = await Promise.allSettled([
        session.endSession(session.customer, null),
        session.endSession(session.agent, SIGNED_OUT_MESSAGE),
      ]);
      const failure = results.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
    },
    onError: (error) =>
      session.agent.end(
        `You are signed out of this console, but Glue could not revoke the session (${describeError(error)}). It expires by itself.`,
      ),
    onSettled: () => queryClient.clear(),
  });
}
