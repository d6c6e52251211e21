import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useGlueSession } from '../../../lib/glue-session';
import { CUSTOMER_DATA_KEY } from '../../../lib/customer-data-key';

/** Revokes the customer session's refresh token, forgets its tokens and every piece of its data. */
export function useEndImpersonation() {
  const session = useGlueSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => session.endSession(session.customer, null),
    onSettled: () => queryClient.removeQueries({ queryKey: CUSTOMER_DATA_KEY }),
  });
}
