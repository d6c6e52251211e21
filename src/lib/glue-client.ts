import * as z from 'zod/mini';
import { GlueError, GlueResponseError, GlueUnreachableError } from './glue-errors';

const errorDocumentSchema = z.object({
  errors: z.array(
    z.object({
      status: z.optional(z.number()),
      code: z.optional(z.string()),
      detail: z.optional(z.string()),
    }),
  ),
});

export interface GlueRequest<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below the Glue base URL, starting with a slash. */
  path: string;
  /** How the path appears in error messages, when the path itself holds a secret. */
  pathForMessages?: string;
  body?: unknown;
  bearerToken?: string;
  /** Parses a success body; omitted for requests answered 204. */
  schema?: z.ZodMiniType<T>;
  signal?: AbortSignal;
}

export interface GlueClient {
  readonly baseUrl: string;
  request<T>(request: GlueRequest<T>): Promise<T>;
}

export function createGlueClient(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
  /** The agent's language as a BCP 47 tag, asked for on every request (contract §7.2). */
  language: () => string = () => 'en-US',
): GlueClient {
  return {
    baseUrl,
    async request<T>({
      method = 'GET',
      path,
      pathForMessages = path,
      body,
      bearerToken,
      schema,
      signal,
    }: GlueRequest<T>) {
      const endpoint = `${method} ${pathForMessages}`;
      const headers: Record<string, string> = {
        Accept: 'application/vnd.api+json',
        'Accept-Language': language(),
      };
      if (body !== undefined) headers['Content-Type'] = 'application/vnd.api+json';
      if (bearerToken) headers.Authorization = `Bearer ${bearerToken}`;

      let response: Response;
      try {
        response = await fetchImpl(baseUrl + path, {
          method,
          headers,
          body: body === undefined ? null : JSON.stringify(body),
          signal: signal ?? null,
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new GlueUnreachableError(baseUrl + pathForMessages);
      }

      const payload = await readJson(response);
      if (!response.ok) throw toGlueError(response.status, payload, endpoint);
      if (!schema) return undefined as T;
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        throw new GlueResponseError(
          endpoint,
          parsed.error.issues[0]?.message ?? 'unexpected shape',
        );
      }
      return parsed.data;
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toGlueError(status: number, payload: unknown, endpoint: string): GlueError {
  const parsed = errorDocumentSchema.safeParse(payload);
  // Glue's HTTP status equals the status of the last error object.
  const errors = parsed.success ? parsed.data.errors : [];
  const last = errors.at(-1);
  const detail = last?.detail ?? `HTTP ${status} without an error document`;
  return new GlueError(
    status,
    last?.code,
    detail,
    endpoint,
    errors.map((error) => ({ code: error.code, detail: error.detail ?? '' })),
  );
}
