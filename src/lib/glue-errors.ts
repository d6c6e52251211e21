import { message, type Message, type MessageId } from '../i18n/translate';

/** Glue answered with a JSON:API error document. */
export class GlueError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    /** Glue's own text, word for word: agents quote it to the shop's developers. */
    readonly detail: string,
    readonly endpoint: string,
    /** Every error of the document, in order: a 422 901 names each failing field in one. */
    readonly errors: readonly { code?: string; detail: string }[] = [{ code, detail }],
  ) {
    super(`Glue answered ${status}${code ? ` (${code})` : ''}: ${detail}`);
    this.name = 'GlueError';
  }
}

/** The request never got an answer: Glue is down, the URL is wrong, or CORS refused it. */
export class GlueUnreachableError extends Error {
  constructor(readonly url: string) {
    super(`Glue could not be reached at ${url}.`);
    this.name = 'GlueUnreachableError';
  }
}

/** Glue answered, but not with the document the contract promises. */
export class GlueResponseError extends Error {
  constructor(
    readonly endpoint: string,
    /** The parser's own words (a schema issue), or the console's. */
    readonly reason: string | Message,
  ) {
    super(
      `Glue's answer to ${endpoint} was not understood: ${typeof reason === 'string' ? reason : reason.id}`,
    );
    this.name = 'GlueResponseError';
  }
}

/** The console's settings do not fit the Glue it talks to (e.g. a store it does not have). */
export class ConfigurationError extends Error {
  constructor(readonly reason: Message) {
    super(reason.id);
    this.name = 'ConfigurationError';
  }
}

/** The console refused to send a change: the session as a customer is in view mode. Nothing went to Glue. */
export class ViewModeError extends Error {
  constructor(readonly endpoint: string) {
    super(`View mode: ${endpoint} was not sent.`);
    this.name = 'ViewModeError';
  }
}

/** The session behind a token slot is over (signed out, or could not be renewed). */
export class SessionEndedError extends Error {
  constructor(
    readonly reason: Message,
    /** Glue's answer that ended it, if Glue ended it. */
    readonly endedBy?: GlueError,
  ) {
    super(reason.id);
    this.name = 'SessionEndedError';
  }
}

/** The console's own words for each of Glue's error codes (contract §2–§13). */
const GLUE_CODES: Record<string, MessageId> = {
  '001': 'glue.code.001',
  '002': 'glue.code.002',
  '003': 'glue.code.003',
  '004': 'glue.code.004',
  '101': 'glue.code.101',
  '102': 'glue.code.102',
  '103': 'glue.code.103',
  '104': 'glue.code.104',
  '105': 'glue.code.105',
  '107': 'glue.code.107',
  '112': 'glue.code.112',
  '113': 'glue.code.113',
  '114': 'glue.code.114',
  '116': 'glue.code.116',
  '117': 'glue.code.117',
  '118': 'glue.code.118',
  '119': 'glue.code.119',
  '200': 'glue.code.200',
  '201': 'glue.code.201',
  '202': 'glue.code.202',
  '204': 'glue.code.204',
  '206': 'glue.code.206',
  '208': 'glue.code.208',
  '210': 'glue.code.210',
  '402': 'glue.code.402',
  '404': 'glue.code.404',
  '411': 'glue.code.411',
  '1101': 'glue.code.1101',
  '1102': 'glue.code.1102',
  '1103': 'glue.code.1103',
  '1104': 'glue.code.1104',
  '1105': 'glue.code.1105',
  '1106': 'glue.code.1106',
  '1107': 'glue.code.1107',
  '1108': 'glue.code.1108',
  '1109': 'glue.code.1109',
  '3301': 'glue.code.3301',
  '3302': 'glue.code.3302',
  '3303': 'glue.code.3303',
  '3601': 'glue.code.3601',
  '3602': 'glue.code.3602',
  '3603': 'glue.code.3603',
  '4301': 'glue.code.4301',
  '4302': 'glue.code.4302',
  '4303': 'glue.code.4303',
  '4304': 'glue.code.4304',
  '601': 'glue.code.601',
  '801': 'glue.code.801',
  '802': 'glue.code.802',
  '901': 'glue.code.901',
  '4101': 'glue.code.4101',
  '4102': 'glue.code.4102',
  '4103': 'glue.code.4103',
  '4104': 'glue.code.4104',
  '4401': 'glue.code.4401',
};

/** What the agent reads first for a Glue error: the console's sentence for its code. */
export function describeGlueError(error: GlueError): Message {
  const known = error.code === undefined ? undefined : GLUE_CODES[error.code];
  if (known) {
    // Glue's lockout text names the wait; the translation says it in the agent's language.
    const minutes = Number(/wait (\d+) minute/.exec(error.detail)?.[1] ?? NaN);
    // A checkout refusal's detail is the reason, in the request's language (contract §9.6).
    return message(known, { minutes: Number.isNaN(minutes) ? 0 : minutes, detail: error.detail });
  }
  return message(error.status >= 500 ? 'glue.failed' : 'glue.unknown', {
    status: error.status,
    code: error.code ?? 'none',
  });
}

/** One readable sentence for any error a Glue call can throw. Never contains a token. */
export function describeError(error: unknown): Message {
  if (error instanceof GlueUnreachableError)
    return message('error.unreachable', { url: error.url });
  if (error instanceof GlueError) return describeGlueError(error);
  if (error instanceof GlueResponseError) {
    return message('error.response', { endpoint: error.endpoint, reason: error.reason });
  }
  if (error instanceof ViewModeError) return message('error.viewMode');
  if (error instanceof SessionEndedError || error instanceof ConfigurationError) {
    return error.reason;
  }
  return message('error.unexpected', {
    detail: error instanceof Error ? error.message : String(error),
  });
}
