import { describe, expect, it } from 'vitest';
import { Errors, GlueError, tooManyLoginAttempts, validationFailed } from './errors';

describe('the error catalogue', () => {
  it('holds the contract’s codes and details', () => {
    expect(Errors.invalidAccessToken).toEqual({
      code: '001',
      status: 401,
      detail: 'Invalid access token.',
    });
    expect(Errors.missingAccessToken).toEqual({
      code: '002',
      status: 403,
      detail: 'Missing access token.',
    });
    expect(Errors.agentOnly.detail).toBe('Action is available to agent user only.');
    expect(Errors.orderNotFound.detail).toBe("Can't find order by the given order reference");
  });

  it('rounds the block time up to whole minutes', () => {
    expect(tooManyLoginAttempts(360).detail).toContain('Please wait 6 minutes');
    expect(tooManyLoginAttempts(361).detail).toContain('Please wait 7 minutes');
    expect(tooManyLoginAttempts(1).detail).toContain('Please wait 1 minutes');
  });

  it('formats a validation failure as "<field> => <message>"', () => {
    expect(validationFailed('quantity', 'This value should be greater than 0.')).toEqual({
      code: '901',
      status: 422,
      detail: 'quantity => This value should be greater than 0.',
    });
  });

  it('takes its status from the last error', () => {
    expect(new GlueError(Errors.invalidType, validationFailed('a', 'b')).status).toBe(422);
  });
});
