import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import { GlueError, GlueUnreachableError } from '../../lib/glue-errors';
import { activateForTest } from '../../i18n/test-catalogues';
import { describeSignInError } from './sign-in-error';

const said = (error: unknown) => translate(describeSignInError(error));

describe('describeSignInError', () => {
  beforeAll(() => activateForTest('en'));

  it('names wrong credentials for 4101', () => {
    const error = new GlueError(
      401,
      '4101',
      'Failed to authenticate an agent.',
      'POST /agent-access-tokens',
    );
    expect(said(error)).toBe('Wrong username or password, or this user is not an agent.');
  });

  it('gives the minutes to wait for a lockout', () => {
    const detail =
      'Too many log in attempts from your address. Please wait 6 minutes before trying again.';
    expect(said(new GlueError(429, '4401', detail, 'POST /agent-access-tokens'))).toBe(
      'Too many failed sign-ins for this username. Try again in 6 minutes.',
    );
    const oneMinute = detail.replace('6 minutes', '1 minutes');
    expect(said(new GlueError(429, '4401', oneMinute, 'x'))).toMatch(/in 1 minute\.$/);
  });

  it('says it in German too, with German plurals', () => {
    activateForTest('de');
    const detail =
      'Too many log in attempts from your address. Please wait 1 minutes before trying again.';
    expect(said(new GlueError(429, '4401', detail, 'x'))).toBe(
      'Zu viele fehlgeschlagene Anmeldungen für diesen Benutzernamen. Versuchen Sie es in 1 Minute noch einmal.',
    );
    activateForTest('en');
  });

  it('names the URL it tried when Glue is unreachable', () => {
    expect(said(new GlueUnreachableError('http://127.0.0.1:9/agent-access-tokens'))).toContain(
      'http://127.0.0.1:9/agent-access-tokens',
    );
  });

  it('names the status and code for anything else; Glue’s words stay on the error', () => {
    const error = new GlueError(400, undefined, 'Invalid type.', 'POST /agent-access-tokens');
    expect(said(error)).toBe('Glue refused the sign-in (HTTP 400).');
    expect(said(new GlueError(422, '901', 'x', 'y'))).toBe(
      'Glue refused the sign-in (HTTP 422, code 901).',
    );
  });
});
