import type { Hono } from 'hono';
import { probeCaller } from '../../platform/auth';
import type { Actor, AuditEntry } from '../agents/audit';
import { GlueError, ValidationMessages, tooLong, validationFailed } from '../../platform/errors';
import type { GlueErrorSpec } from '../../platform/errors';
import type { GlueServices } from '../../platform/services';
import { isBlank, noContentResponse, readRequestAttributes } from '../../platform/jsonapi';

const TYPE = 'customer-forgotten-password';
const EMAIL_MAX_LENGTH = 255;
/**
 * Symfony's Email constraint in its default (loose) mode: `/^.+\@\S+\.\S+$/`. PCRE's `$` also
 * matches before one final newline, and its `.` stops only at "\n".
 */
const LOOSE_EMAIL = /^[^\n]+@[^\s]+\.[^\s]+$/u;

function isLooseEmail(text: string): boolean {
  return LOOSE_EMAIL.test(text.endsWith('\n') ? text.slice(0, -1) : text);
}

/**
 * customers-rest-api 1.22.0 `customers.validation.yaml`, `customer-forgotten-password`:
 * NotBlank, Email, Length max 255, one error per failing rule; Email and Length skip a blank
 * value, as Symfony's do.
 */
function emailErrors(attributes: Readonly<Record<string, unknown>>): GlueErrorSpec[] {
  if (!('email' in attributes)) return [validationFailed('email', ValidationMessages.fieldMissing)];
  const email = attributes.email;
  if (isBlank(email)) return [validationFailed('email', ValidationMessages.notBlank)];
  // A number is read as its text; anything else is no address at all.
  const text = typeof email === 'string' ? email : typeof email === 'number' ? String(email) : null;
  const errors: GlueErrorSpec[] = [];
  if (text === null || !isLooseEmail(text)) {
    errors.push(validationFailed('email', ValidationMessages.emailAddress));
  }
  if (text !== null && [...text].length > EMAIL_MAX_LENGTH) {
    errors.push(validationFailed('email', tooLong(EMAIL_MAX_LENGTH)));
  }
  return errors;
}

/**
 * `POST /customer-forgotten-password` (§13), public: 204 with no body whether or not the e-mail
 * has an account, so the answer never tells; a registered one gets the restore mail, which the
 * stand-in writes to its outbox (`GET /agent-outbox-mails`) instead of sending. Sent with an
 * impersonation token (as the console does), it goes to the audit trail, refusals too; any other
 * token, or an invalid one, is neither recorded nor refused: the endpoint is public (§13).
 */
export function registerCustomerForgottenPassword(
  app: Hono,
  { db, tokens, outbox, audit }: GlueServices,
): void {
  // The mail and its audit row together, or neither.
  const sendAndRecord = db.transaction((email: string, actor: Actor, entry: AuditEntry) => {
    outbox.sendPasswordRestoreMail(email);
    audit.recordSuccess(actor, entry, 204);
  });

  app.post(`/${TYPE}`, async (c) => {
    const probe = await probeCaller(c, tokens);
    const caller = probe.kind === 'caller' ? probe.caller : null;
    // Only an agent at work is recorded: recordSuccess skips an actor without impersonation.
    const actor: Actor =
      caller?.kind === 'customer' ? caller : { idCustomer: 0, impersonation: null };
    const entry: AuditEntry = { method: 'POST', resource: TYPE, cartUuid: null };
    return audit.guard(actor, entry, async () => {
      const attributes = await readRequestAttributes(c, TYPE);
      const [first, ...rest] = emailErrors(attributes);
      if (first !== undefined) throw new GlueError(first, ...rest);
      sendAndRecord(String(attributes.email), actor, entry);
      return noContentResponse();
    });
  });
}
