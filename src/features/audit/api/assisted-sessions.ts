import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { customerKey } from '../../../lib/customer-data-key';
import { GlueError } from '../../../lib/glue-errors';
import type { GlueSession } from '../../../lib/glue-session';

/** Sessions shown per customer: the recent ones answer "what did we do, and why". */
export const ASSISTED_SESSIONS_SHOWN = 10;

const changeSchema = z.object({
  at: z.string(),
  method: z.string(),
  resource: z.string(),
  cartId: z.nullable(z.string()),
  cartName: z.nullable(z.string()),
  sku: z.nullable(z.string()),
  quantityBefore: z.nullable(z.number()),
  quantityAfter: z.nullable(z.number()),
  // Only checkouts carry one; a stand-in older than checkout leaves it out.
  orderReference: z.optional(z.nullable(z.string())),
  // Only code changes carry one (§10); a stand-in older than cart codes leaves it out.
  code: z.optional(z.nullable(z.string())),
  // Only wishlist changes carry it (§11); a return its reference once made (§12).
  wishlistName: z.optional(z.nullable(z.string())),
  returnReference: z.optional(z.nullable(z.string())),
  success: z.boolean(),
  status: z.number(),
  errorCode: z.nullable(z.string()),
});

/** A mode switch in the session, or another session that started alongside it. */
const eventSchema = z.looseObject({
  at: z.string(),
  event: z.string(),
  mode: z.optional(z.string()),
  agentUsername: z.optional(z.string()),
});

const sessionsDocumentSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      attributes: z.object({
        agentUsername: z.string(),
        customerReference: z.string(),
        customerName: z.string(),
        reason: z.nullable(z.string()),
        startedAt: z.string(),
        endedAt: z.nullable(z.string()),
        expiresAt: z.nullable(z.string()),
        changes: z.array(changeSchema),
        // A stand-in older than issue 14 has neither.
        events: z.optional(z.array(eventSchema)),
        alongside: z.optional(z.array(z.looseObject({ agentUsername: z.string() }))),
      }),
    }),
  ),
});

export type AssistedSession = z.infer<typeof sessionsDocumentSchema>['data'][number];
export type AssistedChange = z.infer<typeof changeSchema>;
export type AssistedEvent = z.infer<typeof eventSchema>;

/**
 * A customer's recent assisted sessions, from the stand-in's audit trail. null when this Glue
 * has no such endpoint (Spryker's has none): the console then leaves the panel out.
 */
export const assistedSessionsQuery = (session: GlueSession, customerReference: string) =>
  queryOptions({
    queryKey: [...customerKey(customerReference), 'assisted-sessions'],
    queryFn: async ({ signal }): Promise<AssistedSession[] | null> => {
      const params = new URLSearchParams({
        customerReference,
        'page[limit]': String(ASSISTED_SESSIONS_SHOWN),
      });
      try {
        const document = await session.asAgent({
          path: `/agent-impersonation-sessions?${params}`,
          schema: sessionsDocumentSchema,
          signal,
        });
        return document.data;
      } catch (error) {
        if (error instanceof GlueError && error.status === 404) return null;
        throw error;
      }
    },
    // The current session's own changes land in the trail as they happen; a Glue without the
    // trail will not grow one.
    staleTime: (query) => (query.state.data === null ? Infinity : 0),
  });
