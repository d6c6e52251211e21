import { GlueError, describeError } from '../../lib/glue-errors';

/** What a person should read when the sign-in did not work. */
export function describeSignInError(error: unknown): string {
  if (!(error instanceof GlueError)) return describeError(error);
  if (error.code === '4101') return 'Wrong username or password, or this user is not an agent.';
  if (error.status === 429) {
    const minutes = /wait (\d+) minute/.exec(error.detail)?.[1];
    return minutes
      ? `Too many failed sign-ins for this username. Try again in ${minutes} ${minutes === '1' ? 'minute' : 'minutes'}.`
      : `Too many failed sign-ins for this username. ${error.detail}`;
  }
  return `Glue refused the sign-in: ${error.detail} (HTTP ${error.status}${error.code ? `, code ${error.code}` : ''}).`;
}
