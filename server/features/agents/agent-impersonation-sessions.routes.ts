import type { Hono } from 'hono';
import { authenticateAgent } from '../../platform/auth';
import { Errors, GlueError, ValidationMessages, validationFailed } from '../../platform/errors';
import type { GlueErrorSpec } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import type { ImpersonationSession, SessionFilter } from './impersonation-sessions';
import {
  collectionDocument,
  documentResponse,
  paginationLinks,
  publicBaseUrl,
  readPage,
  resourceObject,
  singleDocument,
} from '../../platform/jsonapi';

const TYPE = 'agent-impersonation-sessions';
export const SESSIONS_DEFAULT_LIMIT = 10;
/** A larger page[limit] is lowered to this, as the customer search does. */
export const SESSIONS_MAX_LIMIT = 100;

// RFC 3339 / ISO 8601 with seconds and fraction optional and the offset required: a time
// without one would mean a different instant on every server.
const DATE_TIME =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})T(?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.(?<fraction>\d+))?)?(?:Z|(?<sign>[+ -])(?<offsetHour>\d{2}):?(?<offsetMinute>\d{2}))$/i;

/**
 * An ISO 8601 date-time with an offset, as milliseconds since the epoch; null when it is not one
 * or names no real day or time. An unencoded "+" of an offset arrives as a space: taken as "+".
 */
export function parseDateTime(text: string): number | null {
  const parts = DATE_TIME.exec(text)?.groups;
  if (parts === undefined) return null;
  const n = (name: string): number => Number(parts[name] ?? '0');
  const [year, month, day] = [n('year'), n('month') - 1, n('day')];
  if (n('hour') > 23 || n('minute') > 59 || n('second') > 59) return null;
  if (n('offsetHour') > 23 || n('offsetMinute') > 59) return null;
  // setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  // A day the month does not have (02-30) rolls over into the next: not a date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) {
    return null;
  }
  date.setUTCHours(n('hour'), n('minute'), n('second'), 0);
  const offset = (n('offsetHour') * 60 + n('offsetMinute')) * 60_000;
  const fraction = Number(`0.${parts.fraction ?? '0'}`) * 1000;
  return date.getTime() + fraction - (parts.sign === '-' ? -offset : offset);
}

/** The filters of the query; an empty value filters nothing, as Symfony's constraints skip it. */
function readFilter(url: URL): SessionFilter {
  const value = (name: string): string | null => {
    const raw = url.searchParams.get(name);
    return raw === null || raw === '' ? null : raw;
  };
  const errors: GlueErrorSpec[] = [];
  // Inclusive bounds on a start recorded in whole seconds.
  const bound = (name: string, round: (seconds: number) => number): number | null => {
    const raw = value(name);
    if (raw === null) return null;
    const milliseconds = parseDateTime(raw);
    if (milliseconds === null) {
      errors.push(validationFailed(name, ValidationMessages.dateTime));
      return null;
    }
    return round(milliseconds / 1000);
  };
  // Exactly true or false, as the console sends it; anything else is no choice Symfony's would take.
  const open = (): boolean | null => {
    const raw = value('open');
    if (raw === null) return null;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    errors.push(validationFailed('open', ValidationMessages.notValidChoice));
    return null;
  };
  const filter = {
    customerReference: value('customerReference'),
    startedFrom: bound('startedFrom', Math.ceil),
    startedTo: bound('startedTo', Math.floor),
    open: open(),
  };
  const [first, ...rest] = errors;
  if (first !== undefined) throw new GlueError(first, ...rest);
  return filter;
}

/** The session's number from the path; null for anything but a plain positive integer. */
function sessionId(raw: string): number | null {
  if (!/^[1-9]\d*$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

function sessionResource(base: string, session: ImpersonationSession) {
  return resourceObject(base, TYPE, String(session.id), session.attributes);
}

/**
 * `GET /agent-impersonation-sessions` and `GET /agent-impersonation-sessions/{id}`: a stand-in
 * extension, not a Spryker endpoint. The audit trail of impersonation: who acted as whom, why,
 * when, and every change made or tried. Agents only, with the rules of §3; the list is paged as
 * §1 says, newest session first, and filtered by customer, by start and by being open (not
 * ended, not expired: what the console asks before an agent joins a customer).
 */
export function registerAgentImpersonationSessions(
  app: Hono,
  { config, tokens, impersonationSessions }: GlueServices,
): void {
  app.get(`/${TYPE}`, async (c) => {
    await authenticateAgent(c, tokens);
    const url = new URL(c.req.url);
    const page = readPage(c.req.url, SESSIONS_DEFAULT_LIMIT, SESSIONS_MAX_LIMIT);
    const { total, sessions } = impersonationSessions.page(readFilter(url), page);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    const links = paginationLinks(`${base}/${TYPE}`, url.search.slice(1), total, page);
    const data = sessions.map((session) => sessionResource(base, session));
    return documentResponse(c, base, collectionDocument(data, links), 200);
  });

  app.get(`/${TYPE}/:sessionId`, async (c) => {
    await authenticateAgent(c, tokens);
    const id = sessionId(c.req.param('sessionId'));
    const session = id === null ? null : impersonationSessions.find(id);
    if (session === null) throw new GlueError(Errors.impersonationSessionNotFound);
    const base = publicBaseUrl(c.req.url, config.publicUrl);
    return documentResponse(c, base, singleDocument(sessionResource(base, session)), 200);
  });
}
