import { QueryClient } from '@tanstack/react-query';
import { GlueError, SessionEndedError } from './glue-errors';

/** A 4xx or an ended session will not change by asking again. */
function isWorthRetrying(failureCount: number, error: unknown): boolean {
  if (error instanceof SessionEndedError) return false;
  if (error instanceof GlueError && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: isWorthRetrying, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /** Glue answers it in the agent's language (product names): asked again on a switch. */
      translatedByGlue?: boolean;
    };
  }
}

/** What Glue translated is asked for again in the new language, and nothing else. */
export function refetchTranslated(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => query.meta?.translatedByGlue === true });
}
