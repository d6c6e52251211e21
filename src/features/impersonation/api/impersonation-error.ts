import { GlueError, describeError } from '../../../lib/glue-errors';
import type { CustomerProfile } from '../../../lib/glue-session';

/** Why acting as the customer did not start, in a sentence. */
export function describeImpersonationError(
  error: unknown,
  customer: CustomerProfile | undefined,
): string {
  const who = customer
    ? `${customer.firstName} ${customer.lastName} (${customer.customerReference})`
    : 'this customer';
  if (error instanceof GlueError && error.code === '4104') {
    return `You cannot act as ${who}: Glue said "${error.detail}"`;
  }
  return `Could not start acting as ${who}. ${describeError(error)}`;
}
