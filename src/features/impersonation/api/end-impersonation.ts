import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useGlueSession } from '../../../lib/glue-session';
import { CUSTOMER_DATA_KEY } from '../../../lib/customer-data-key';

/** Revokes the customer session's refresh token, forgets its tokens and every piece of its data. */
export function useEndImpersonation() {
  const session = useGlueSession();
  const queryClient = useQueryClient();
  return useMutation({
    /** `reason` when the agent did not end it themselves, e.g. the idle limit. */
    mutationFn: (reason: string | null = null) => session.endSession(session.customer, reason),
    onSettled: () => queryClient.removeQueries({ queryKey: CUSTOMER_DATA_KEY }),
  });
}
