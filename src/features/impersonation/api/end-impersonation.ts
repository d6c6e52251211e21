import { useMutation } from '@tanstack/react-query';
import { useGlueSession } from '../../../lib/glue-session';

/**
 * Revokes the customer session's refresh token and forgets its tokens; the provider drops every
 * piece of the customer's data the moment the session ends.
 */
export function useEndImpersonation() {
  const session = useGlueSession();
  return useMutation({
    /** `reason` when the agent did not end it themselves, e.g. the idle limit. */
    mutationFn: (reason: string | null = null) => session.endSession(session.customer, reason),
  });
}
