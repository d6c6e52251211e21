import { message, type Message } from '../../i18n/translate';
import { GlueError, describeError, describeGlueError } from '../../lib/glue-errors';

/** What a person should read when the sign-in did not work. */
export function describeSignInError(error: unknown): Message {
  if (!(error instanceof GlueError)) return describeError(error);
  if (error.code === '4101' || error.code === '4401') return describeGlueError(error);
  return message('auth.signIn.refused', { status: error.status, code: error.code ?? 'none' });
}
