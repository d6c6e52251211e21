import { message } from '../../../i18n/translate';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../../lib/glue-errors';
import { useGlueSession } from '../../../lib/glue-session';

/** Revokes the customer's and the agent's refresh tokens, then forgets every token and answer. */
export function useSignOut() {
  const session = useGlueSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const results = await Promise.allSettled([
        session.endSession(session.customer, null),
        session.endSession(session.agent, message('auth.signedOut')),
      ]);
      const failure = results.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
    },
    onError: (error) =>
      session.agent.end(message('auth.signOut.revokeFailed', { error: describeError(error) })),
    onSettled: () => queryClient.clear(),
  });
}
