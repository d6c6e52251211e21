import { message, type Message } from '../../../i18n/translate';
import { GlueError, describeError } from '../../../lib/glue-errors';
import type { CustomerProfile } from '../../../lib/glue-session';

/** Why acting as the customer did not start, in a sentence. */
export function describeImpersonationError(
  error: unknown,
  customer: CustomerProfile | undefined,
): Message {
  const who = customer && {
    name: `${customer.firstName} ${customer.lastName}`,
    reference: customer.customerReference,
  };
  if (error instanceof GlueError && error.code === '4104') {
    // Glue's own words follow one click away (ErrorNotice): the sentence is the console's.
    return who ? message('impersonation.refused', who) : message('glue.code.4104');
  }
  const reason = describeError(error);
  return who
    ? message('impersonation.failed', { ...who, reason })
    : message('impersonation.failed.unknown', { reason });
}
