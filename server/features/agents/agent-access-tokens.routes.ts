import type { Hono } from 'hono';
import { Errors, GlueError, tooManyLoginAttempts } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import {
  documentResponse,
  publicBaseUrl,
  readRequestAttributes,
  resourceObject,
  singleDocument,
} from '../../platform/jsonapi';
import { clientIp, lockoutUsername } from './lockout';
import { DUMMY_SCRYPT_HASH, verifyPassword } from '../../platform/passwords';
import { agentGrant } from '../../platform/tokens';

const TYPE = 'agent-access-tokens';

interface UserRow {
  id: number;
  password_hash: string;
  is_agent: number;
}

/** `POST /agent-access-tokens` (§3.1): every failure is 401 4101, repeated ones lock out. */
export function registerAgentAccessTokens(
  app: Hono,
  { config, db, tokens, lockout }: GlueServices,
): void {
  const findUser = db.prepare<[string], UserRow>(
    'SELECT id, password_hash, is_agent FROM users WHERE username = ?',
  );

  app.post(`/${TYPE}`, async (c) => {
    const attributes = await readRequestAttributes(c, TYPE);
    const username = typeof attributes.username === 'string' ? attributes.username.trim() : '';
    const password = typeof attributes.password === 'string' ? attributes.password : '';
    const ip = clientIp(c.env);
    const lockoutKey = lockoutUsername(username);
    // A blank username guesses no one's password, so it is refused without being counted.
    const counted = username !== '';
    const attempt = async () => {
      if (counted && !lockout.beginAttempt(ip, lockoutKey)) {
        throw new GlueError(tooManyLoginAttempts(config.lockoutBlockSeconds));
      }
      const user = counted ? findUser.get(username) : undefined;
      // Always one hash check, so an unknown user takes as long to refuse as a wrong password.
      const passwordMatches = await verifyPassword(
        user?.password_hash ?? DUMMY_SCRYPT_HASH,
        password,
      );
      if (user === undefined || user.is_agent !== 1 || password.trim() === '' || !passwordMatches) {
        throw new GlueError(Errors.agentAuthenticationFailed);
      }
      lockout.forgiveAttempt(ip, lockoutKey);
      return user;
    };
    const user = counted ? await lockout.oneAtATime(ip, lockoutKey, attempt) : await attempt();
    const pair = await tokens.issuePair(agentGrant(user.id));
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    return documentResponse(c, base, singleDocument(resourceObject(base, TYPE, null, pair)), 201);
  });
}
