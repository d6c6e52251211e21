import * as z from 'zod/mini';
import type { GlueClient } from './glue-client';
import type { TokenPair } from './token-slot';

/** The document every token endpoint answers with (§3.1, §4). */
export function tokenDocumentSchema<T extends string>(type: T) {
  return z.object({
    data: z.object({
      type: z.literal(type),
      attributes: z.object({
        tokenType: z.literal('Bearer'),
        expiresIn: z.number().check(z.positive()),
        accessToken: z.string().check(z.minLength(1)),
        refreshToken: z.string().check(z.minLength(1)),
      }),
    }),
  });
}

const refreshDocumentSchema = tokenDocumentSchema('refresh-tokens');

export async function refreshTokens(glue: GlueClient, refreshToken: string): Promise<TokenPair> {
  const document = await glue.request({
    method: 'POST',
    path: '/refresh-tokens',
    body: { data: { type: 'refresh-tokens', attributes: { refreshToken } } },
    schema: refreshDocumentSchema,
  });
  return toTokenPair(document.data.attributes);
}

/** Revokes one refresh token; Glue answers 204 whether or not it knew the token. */
export async function revokeRefreshToken(
  glue: GlueClient,
  accessToken: string,
  refreshToken: string,
): Promise<void> {
  await glue.request({
    method: 'DELETE',
    path: `/refresh-tokens/${encodeURIComponent(refreshToken)}`,
    pathForMessages: '/refresh-tokens/{refresh token}',
    bearerToken: accessToken,
  });
}

export function toTokenPair(attributes: TokenPair): TokenPair {
  const { accessToken, refreshToken, expiresIn } = attributes;
  return { accessToken, refreshToken, expiresIn };
}
