import type { Hono } from 'hono';
import { Errors, GlueError, ValidationMessages, validationFailed } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import { authenticate } from '../../platform/auth';
import {
  isBlank,
  documentResponse,
  noContentResponse,
  publicBaseUrl,
  readRequestAttributes,
  resourceObject,
  singleDocument,
} from '../../platform/jsonapi';

const TYPE = 'refresh-tokens';
// Glue's name for "every refresh token of the caller".
const MINE = 'mine';

/** `POST /refresh-tokens` (§4.1) and `DELETE /refresh-tokens/{token|mine}` (§4.2). */
export function registerRefreshTokens(app: Hono, { config, tokens }: GlueServices): void {
  app.post(`/${TYPE}`, async (c) => {
    const attributes = await readRequestAttributes(c, TYPE);
    const refreshToken = attributes.refreshToken;
    if (isBlank(refreshToken)) {
      throw new GlueError(validationFailed('refreshToken', ValidationMessages.notBlank));
    }
    const pair = typeof refreshToken === 'string' ? await tokens.rotate(refreshToken) : null;
    if (pair === null) throw new GlueError(Errors.failedToRefreshToken);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    return documentResponse(c, base, singleDocument(resourceObject(base, TYPE, null, pair)), 201);
  });

  app.delete(`/${TYPE}`, () => {
    throw new GlueError(Errors.resourceIdNotSpecified);
  });

  app.delete(`/${TYPE}/:refreshToken`, async (c) => {
    const caller = await authenticate(c, tokens);
    const refreshToken = c.req.param('refreshToken');
    // An impersonation token acts as its customer: it revokes the customer's tokens.
    if (refreshToken === MINE) tokens.revokeAllOf(caller.owner);
    else tokens.revoke(refreshToken, caller.owner);
    return noContentResponse();
  });
}
