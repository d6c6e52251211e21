import { useMutation } from '@tanstack/react-query';
import type { Message } from '../../../i18n/translate';
import { useGlueSession } from '../../../lib/glue-session';

/**
 * Revokes the customer session's refresh token and forgets its tokens; the provider drops every
 * piece of the customer's data the moment the session ends.
 */
export function useEndImpersonation() {
  const session = useGlueSession();
  return useMutation({
    /** `reason` when the agent did not end it themselves, e.g. the idle limit: see `runOutReason`. */
    mutationFn: (reason: Message | null = null) => session.endSession(session.customer, reason),
  });
}
