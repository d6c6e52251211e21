import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import * as z from 'zod/mini';
import { GlueError } from '../../../lib/glue-errors';
import { useGlueSession, type GlueSession } from '../../../lib/glue-session';
import { useStartImpersonation, type ImpersonationRequest } from './start-impersonation';

const openSessionsSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      attributes: z.looseObject({
        agentUsername: z.string(),
        reason: z.nullable(z.string()),
        startedAt: z.string(),
        endedAt: z.nullable(z.string()),
        expiresAt: z.nullable(z.string()),
      }),
    }),
  ),
});

/** Another agent's session as the customer that has not ended: who, why, since when. */
export interface OpenSession {
  id: string;
  agentUsername: string;
  reason: string | null;
  startedAt: string;
}

/**
 * The sessions as this customer that are open now, from the stand-in's audit trail (README,
 * stand-in extensions); null when this Glue keeps no such trail (Spryker's has none).
 */
export async function openSessionsOf(
  session: GlueSession,
  customerReference: string,
): Promise<OpenSession[] | null> {
  const params = new URLSearchParams({ customerReference, open: 'true', 'page[limit]': '100' });
  try {
    const document = await session.asAgent({
      path: `/agent-impersonation-sessions?${params}`,
      schema: openSessionsSchema,
    });
    // `open=true` asks the trail for these only; a trail that ignores it still answers the rest.
    const now = Date.now();
    return document.data
      .filter(
        ({ attributes: a }) =>
          a.endedAt === null && a.expiresAt !== null && Date.parse(a.expiresAt) > now,
      )
      .map(({ id, attributes }) => ({
        id,
        agentUsername: attributes.agentUsername,
        reason: attributes.reason,
        startedAt: attributes.startedAt,
      }));
  } catch (error) {
    if (error instanceof GlueError && error.status === 404) return null;
    throw error;
  }
}

/** What the agent is asked before acting as a customer someone else acts as now, or could not be checked. */
export type ColleagueQuestion =
  | { kind: 'colleagues'; request: ImpersonationRequest; sessions: OpenSession[] }
  | { kind: 'unchecked'; request: ImpersonationRequest; error: unknown };

/**
 * Starts acting as a customer after asking Glue's audit trail who acts as them now: when
 * someone does (or the trail could not be read), the agent is asked first and goes on only on purpose.
 */
export function useStartAfterColleagueCheck() {
  const session = useGlueSession();
  const start = useStartImpersonation();
  const [question, setQuestion] = useState<ColleagueQuestion | null>(null);
  const check = useMutation({
    mutationFn: (request: ImpersonationRequest) =>
      openSessionsOf(session, request.customer.customerReference),
    onSuccess: (sessions, request) => {
      if (sessions && sessions.length > 0) setQuestion({ kind: 'colleagues', request, sessions });
      else start.mutate(request);
    },
    onError: (error, request) => setQuestion({ kind: 'unchecked', request, error }),
  });
  return {
    start,
    question,
    isPending: check.isPending || start.isPending,
    /** Asks the trail, then starts or asks the agent. */
    begin: (request: ImpersonationRequest) => {
      start.reset();
      check.mutate(request);
    },
    goOn: () => {
      if (question) start.mutate(question.request);
      setQuestion(null);
    },
    cancel: () => setQuestion(null),
  };
}
