import type { Hono } from 'hono';
import { authenticateImpersonation } from '../../platform/auth';
import { GlueError, ValidationMessages, validationFailed } from '../../platform/errors';
import type { GlueErrorSpec } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import {
  documentResponse,
  publicBaseUrl,
  readRequestAttributes,
  resourceObject,
  singleDocument,
} from '../../platform/jsonapi';
import type { Attributes } from '../../platform/jsonapi';
import { SESSION_MODES } from './impersonation-sessions';
import type { SessionMode } from './impersonation-sessions';

const TYPE = 'agent-impersonation-session-events';
/** The events an agent may send; `joined-by` is the stand-in's own, written when a session starts. */
const EVENTS = ['change-mode'] as const;

/** Symfony's Collection and Choice, one error per field: the attributes as a known event. */
function readEvent(attributes: Attributes): { event: (typeof EVENTS)[number]; mode: SessionMode } {
  const errors: GlueErrorSpec[] = [];
  const choice = <T extends string>(field: string, choices: readonly T[]): T | null => {
    if (!(field in attributes)) {
      errors.push(validationFailed(field, ValidationMessages.fieldMissing));
      return null;
    }
    const value = attributes[field];
    if (typeof value === 'string' && (choices as readonly string[]).includes(value)) {
      return value as T;
    }
    errors.push(validationFailed(field, ValidationMessages.notValidChoice));
    return null;
  };
  const event = choice('event', EVENTS);
  const mode = choice('mode', SESSION_MODES);
  const [first, ...rest] = errors;
  if (first !== undefined) throw new GlueError(first, ...rest);
  // choice() pushed an error for every field it could not read, so both are read here.
  return { event: event ?? 'change-mode', mode: mode ?? 'view' };
}

/**
 * `POST /agent-impersonation-session-events`: a stand-in extension, not a Spryker endpoint. The
 * console tells the audit trail that the agent switched between looking (`view`) and changing
 * (`change`) in the session its impersonation token belongs to; the event shows in the session's
 * `events` (GET /agent-impersonation-sessions), oldest first.
 */
export function registerAgentImpersonationSessionEvents(
  app: Hono,
  { config, tokens, impersonationSessions }: GlueServices,
): void {
  app.post(`/${TYPE}`, async (c) => {
    const caller = await authenticateImpersonation(c, tokens);
    const { event, mode } = readEvent(await readRequestAttributes(c, TYPE));
    const { id, at } = impersonationSessions.recordModeChange(caller.impersonation.sessionId, mode);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const resource = resourceObject(base, TYPE, String(id), { event, mode, at });
    return documentResponse(c, base, singleDocument(resource), 201);
  });
}
