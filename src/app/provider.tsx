import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { SessionLog, SessionLogContext } from '../features/activity/session-log';
import { CUSTOMER_DATA_KEY } from '../lib/customer-data-key';
import { currentTag } from '../i18n/i18n';
import { createGlueClient } from '../lib/glue-client';
import { GlueSessionContext, createGlueSession } from '../lib/glue-session';
import { createQueryClient } from '../lib/query-client';
import { RuntimeConfigContext, type RuntimeConfig } from '../lib/runtime-config';

export function AppProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [{ session, log }] = useState(() => {
    const sessionLog = new SessionLog();
    const session = createGlueSession(
      createGlueClient(config.glueBaseUrl, fetch, currentTag),
      config.refreshTokenLifetimeSeconds * 1000,
      () => sessionLog.getState().current?.mode === 'change',
    );
    // However a customer session ends (the agent, the idle limit, Glue), its record closes and
    // nothing of the customer stays in the cache.
    session.customer.subscribe(() => {
      const state = session.customer.getState();
      if (state.status !== 'signed-out') return;
      sessionLog.end(state.endedReason);
      queryClient.removeQueries({ queryKey: CUSTOMER_DATA_KEY });
    });
    // The next agent at this browser sees nothing of the last one's sessions.
    session.agent.subscribe(() => {
      if (session.agent.getState().status === 'signed-out') sessionLog.clear();
    });
    return { session, log: sessionLog };
  });
  return (
    <RuntimeConfigContext value={config}>
      <QueryClientProvider client={queryClient}>
        <GlueSessionContext value={session}>
          <SessionLogContext value={log}>{children}</SessionLogContext>
        </GlueSessionContext>
      </QueryClientProvider>
    </RuntimeConfigContext>
  );
}
