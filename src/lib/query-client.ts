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
