import { useMutation } from '@tanstack/react-query';
import { useSessionLog } from '../../activity/session-log';
import type { CustomerProfile, GlueSession } from '../../../lib/glue-session';
import { useGlueSession } from '../../../lib/glue-session';
import { useRuntimeConfig } from '../../../lib/runtime-config';
import { SessionEndedError } from '../../../lib/glue-errors';
import { message } from '../../../i18n/translate';
import { revokeRefreshToken, toTokenPair, tokenDocumentSchema } from '../../../lib/glue-tokens';

const TYPE = 'agent-customer-impersonation-access-tokens';
const impersonationDocumentSchema = tokenDocumentSchema(TYPE);

export async function createImpersonationToken(
  session: GlueSession,
  customerReference: string,
  reason: string | null,
) {
  // Spryker ignores attributes it does not know; the stand-in records the reason for its audit.
  const attributes = reason === null ? { customerReference } : { customerReference, reason };
  const document = await session.asAgent({
    method: 'POST',
    path: `/${TYPE}`,
    body: { data: { type: TYPE, attributes } },
    schema: impersonationDocumentSchema,
  });
  return toTokenPair(document.data.attributes);
}

export interface ImpersonationRequest {
  customer: CustomerProfile;
  /** Why the agent acts as the customer: a ticket reference or a short text. */
  reason: string | null;
}

/** Starts acting as the customer; a session with another customer is ended first. */
export function useStartImpersonation() {
  const session = useGlueSession();
  const log = useSessionLog();
  const { startMode } = useRuntimeConfig();
  return useMutation({
    mutationFn: async ({ customer, reason }: ImpersonationRequest) => {
      if (session.customer.getState().status === 'active') {
        await session.endSession(session.customer, null).catch(() => undefined);
      }
      const pair = await createImpersonationToken(session, customer.customerReference, reason);
      // The agent signed out while Glue answered: give the new session back at once.
      const agent = session.agent.getState();
      if (agent.status !== 'active') {
        await revokeRefreshToken(session.glue, pair.accessToken, pair.refreshToken).catch(
          () => undefined,
        );
        throw new SessionEndedError(message('impersonation.signedOutFirst'));
      }
      return { pair, agent: agent.profile.username };
    },
    onSuccess: ({ pair, agent }, { customer, reason }) => {
      session.customer.start(pair, customer);
      log.start(agent, customer, reason, startMode);
    },
  });
}
