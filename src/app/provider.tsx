import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createGlueClient } from '../lib/glue-client';
import { GlueSessionContext, createGlueSession } from '../lib/glue-session';
import { createQueryClient } from '../lib/query-client';
import type { RuntimeConfig } from '../lib/runtime-config';

export function AppProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [session] = useState(() => createGlueSession(createGlueClient(config.glueBaseUrl)));
  return (
    <QueryClientProvider client={queryClient}>
      <GlueSessionContext value={session}>{children}</GlueSessionContext>
    </QueryClientProvider>
  );
}
