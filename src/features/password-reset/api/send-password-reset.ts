import { useMutation } from '@tanstack/react-query';
import { useGlueSession } from '../../../lib/glue-session';
import { NO_ITEM, failedWith, useSessionLog } from '../../activity/session-log';

/**
 * Asks the shop to mail the customer a link to choose a new password (§13). The agent never
 * sees or sets the password. Glue answers 204 whether or not an account has the address.
 */
export function useSendPasswordReset() {
  const session = useGlueSession();
  const log = useSessionLog();
  return useMutation({
    mutationFn: (email: string) =>
      session.asCustomer({
        method: 'POST',
        path: '/customer-forgotten-password',
        body: { data: { type: 'customer-forgotten-password', attributes: { email } } },
      }),
    onMutate: (email) => ({
      entryId: log.begin({
        action: 'send-password-reset',
        cartId: null,
        cartName: null,
        ...NO_ITEM,
        address: email,
      }),
    }),
    onSuccess: (_answer, _email, context) => log.settle(context.entryId, { status: 'done' }),
    onError: (error, _email, context) => log.settle(context?.entryId ?? null, failedWith(error)),
  });
}
