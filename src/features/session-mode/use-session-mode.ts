import { useMutation } from '@tanstack/react-query';
import { useGlueSession, type GlueSession } from '../../lib/glue-session';
import { GlueError } from '../../lib/glue-errors';
import { useSessionLog, useSessionLogState, type SessionMode } from '../activity/session-log';

const EVENTS = 'agent-impersonation-session-events';

/** Whether this Glue keeps the stand-in's record of mode switches; unknown until first asked. */
let glueRecordsModes: boolean | null = null;

/**
 * Tells the stand-in's audit trail of the switch (README, stand-in extensions). A Glue without
 * that endpoint answers 404 once and is not asked again; the console's own log holds the switch either way.
 */
export async function recordModeAtGlue(session: GlueSession, mode: SessionMode): Promise<void> {
  if (glueRecordsModes === false) return;
  try {
    await session.asCustomer({
      method: 'POST',
      path: `/${EVENTS}`,
      // Back to view mode is told too: the switch is the agent's, not a change of the account.
      changesNoAccount: true,
      body: { data: { type: EVENTS, attributes: { event: 'change-mode', mode } } },
    });
    glueRecordsModes = true;
  } catch (error) {
    if (error instanceof GlueError && error.status === 404) glueRecordsModes = false;
  }
}

/** The running session's mode, and the switches: into the activity log first, then to Glue's trail. */
export function useSessionMode() {
  const session = useGlueSession();
  const log = useSessionLog();
  const mode = useSessionLogState().current?.mode ?? 'view';
  const change = useMutation({
    mutationFn: async (next: SessionMode) => {
      // The log holds the mode the console obeys: once it says change, the event may go out.
      if (log.setMode(next)) await recordModeAtGlue(session, next);
    },
  });
  return {
    mode,
    switchTo: (next: SessionMode) => change.mutate(next),
  };
}

/** Whether a screen's change controls are live: only in change mode. */
export function useChangesAllowed(): boolean {
  return useSessionLogState().current?.mode === 'change';
}
