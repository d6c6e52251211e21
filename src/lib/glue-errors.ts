/** Glue answered with a JSON:API error document. */
export class GlueError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly detail: string,
    readonly endpoint: string,
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
    readonly reason: string,
  ) {
    super(`Glue's answer to ${endpoint} was not understood: ${reason}`);
    this.name = 'GlueResponseError';
  }
}

/** The console's settings do not fit the Glue it talks to (e.g. a store it does not have). */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** The session behind a token slot is over (signed out, or could not be renewed). */
export class SessionEndedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SessionEndedError';
  }
}

/** One readable sentence for any error a Glue call can throw. Never contains a token. */
export function describeError(error: unknown): string {
  if (error instanceof GlueUnreachableError) {
    return `${error.message} Check that it is running and that it allows this console's origin (CORS).`;
  }
  if (error instanceof GlueError || error instanceof GlueResponseError) return error.message;
  if (error instanceof SessionEndedError) return error.reason;
  if (error instanceof ConfigurationError) return error.message;
  return `Something unexpected went wrong: ${error instanceof Error ? error.message : String(error)}`;
}
