import { describe, expect, it } from 'vitest';
import { GlueError, GlueUnreachableError } from '../../lib/glue-errors';
import { describeSignInError } from './sign-in-error';

describe('describeSignInError', () => {
  it('names wrong credentials for 4101', () => {
    const error = new GlueError(
      401,
      '4101',
      'Failed to authenticate an agent.',
      'POST /agent-access-tokens',
    );
    expect(describeSignInError(error)).toBe(
      'Wrong username or password, or this user is not an agent.',
    );
  });

  it('gives the minutes to wait for a lockout', () => {
    const detail =
      'Too many log in attempts from your address. Please wait 6 minutes before trying again.';
    expect(
      describeSignInError(new GlueError(429, '4401', detail, 'POST /agent-access-tokens')),
    ).toBe('Too many failed sign-ins for this username. Try again in 6 minutes.');
    const oneMinute = detail.replace('6 minutes', '1 minutes');
    expect(describeSignInError(new GlueError(429, '4401', oneMinute, 'x'))).toMatch(
      /in 1 minute\.$/,
    );
  });

  it('names the URL it tried when Glue is unreachable', () => {
    const message = describeSignInError(
      new GlueUnreachableError('http://127.0.0.1:9/agent-access-tokens'),
    );
    expect(message).toContain('http://127.0.0.1:9/agent-access-tokens');
  });

  it("passes Glue's own detail through for anything else", () => {
    const error = new GlueError(400, undefined, 'Invalid type.', 'POST /agent-access-tokens');
    expect(describeSignInError(error)).toBe('Glue refused the sign-in: Invalid type. (HTTP 400).');
  });
});
