import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CustomerProfile, GlueSession } from '../../../lib/glue-session';
import { useGlueSession } from '../../../lib/glue-session';
import { toTokenPair, tokenDocumentSchema } from '../../../lib/glue-tokens';
import { CUSTOMER_DATA_KEY } from '../../../lib/customer-data-key';

const TYPE = 'agent-customer-impersonation-access-tokens';
const impersonationDocumentSchema = tokenDocumentSchema(TYPE);

export async function createImpersonationToken(session: GlueSession, customerReference: string) {
  const document = await session.asAgent({
    method: 'POST',
    path: `/${TYPE}`,
    body: { data: { type: TYPE, attributes: { customerReference } } },
    schema: impersonationDocumentSchema,
  });
  return toTokenPair(document.data.attributes);
}

/** Starts acting as the customer; a session with another customer is ended first. */
export function useStartImpersonation() {
  const session = useGlueSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (customer: CustomerProfile) => {
      if (session.customer.getState().status === 'active') {
        await session.endSession(session.customer, null).catch(() => undefined);
        queryClient.removeQueries({ queryKey: CUSTOMER_DATA_KEY });
      }
      return createImpersonationToken(session, customer.customerReference);
    },
    onSuccess: (pair, customer) => session.customer.start(pair, customer),
  });
}
