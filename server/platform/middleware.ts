import { STATUS_CODES } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { MiddlewareHandler } from 'hono';
import { Errors } from './errors';
import type { GlueErrorSpec } from './errors';
import { JSON_API_MEDIA_TYPE, errorDocument } from './jsonapi';
import { requestLocale } from './locale';
import type { Stores } from '../features/stores/stores';

const ALLOWED_METHODS = 'GET, POST, PATCH, DELETE';
const ALLOWED_HEADERS =
  'Authorization, X-Agent-Authorization, Content-Type, Accept, Accept-Language';

export function cors(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const allowedOrigin = origin !== undefined && allowed.has(origin) ? origin : null;
    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined) {
      // A refused origin still gets 204, but without the headers the browser needs to go on.
      const preflight = new Response(null, {
        status: 204,
        headers: { 'Content-Type': JSON_API_MEDIA_TYPE, Vary: 'Origin' },
      });
      if (allowedOrigin !== null) {
        preflight.headers.set('Access-Control-Allow-Origin', allowedOrigin);
        preflight.headers.set('Access-Control-Allow-Methods', ALLOWED_METHODS);
        preflight.headers.set('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        preflight.headers.set('Access-Control-Max-Age', '600');
      }
      return preflight;
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (allowedOrigin !== null) c.res.headers.set('Access-Control-Allow-Origin', allowedOrigin);
  };
}

/**
 * §7.2: every answer names the locale it was answered in, `Content-Language: en_US` or `de_DE`,
 * errors too (glue-application 1.65.0 `ResponseHeaders::addHeaders()`).
 */
export function contentLanguage(stores: Stores): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('Content-Language', requestLocale(c, stores));
  };
}

/** One line, with anything that looks like a token blanked out. */
export function describeError(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name}: ${error.message}` : 'a non-Error was thrown';
  return text
    .replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[token]')
    .replace(/def50200[0-9a-f]*/gi, '[token]')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}

/** Node's error on a request whose client hung up before sending all of it: nothing failed here. */
export function isClientHangUp(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ECONNRESET';
}

// The statuses Node itself gives these; any other refusal by its parser is a 400.
const CLIENT_ERRORS = new Map<string | undefined, GlueErrorSpec>([
  ['HPE_HEADER_OVERFLOW', Errors.requestHeaderFieldsTooLarge],
  ['HPE_CHUNK_EXTENSIONS_OVERFLOW', Errors.payloadTooLarge],
  ['ERR_HTTP_REQUEST_TIMEOUT', Errors.requestTimeout],
]);

/**
 * A request Node's HTTP parser refused before the app saw it (a byte or header it does not
 * allow, a broken chunked body, headers too large) gets §1's error document too; then the
 * connection ends.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // Node's own test for a response already under way; _httpMessage is not in its public types.
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent === true) {
    socket.destroy();
    return;
  }
  const spec = CLIENT_ERRORS.get(error.code) ?? Errors.badRequest;
  const body = JSON.stringify(errorDocument([spec]));
  socket.end(
    `HTTP/1.1 ${spec.status} ${STATUS_CODES[spec.status] ?? ''}\r\n` +
      `Content-Type: ${JSON_API_MEDIA_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}
