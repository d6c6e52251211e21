import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Link, Outlet, useNavigate } from 'react-router-dom';
import { useSignOut } from '../features/auth/api/sign-out';
import { useEndImpersonation } from '../features/impersonation/api/end-impersonation';
import { useSessionLogState } from '../features/activity/session-log';
import { fullName } from '../features/customers/components/customer-picker';
import { SessionBanner } from '../features/impersonation/components/session-banner';
import { useSessionClocks, type RunOut } from '../features/impersonation/use-session-clocks';
import { ShortcutsDialog } from '../features/shortcuts/shortcuts-dialog';
import { useShortcuts, type ShortcutKey } from '../features/shortcuts/use-shortcuts';
import { describeError } from '../lib/glue-errors';
import { useGlueSession } from '../lib/glue-session';
import { useRuntimeConfig } from '../lib/runtime-config';
import { useHandedState } from './handed-state';
import { customerPath, ordersPath, profilePath } from './paths';
import { useTokenSlotState } from '../lib/token-slot';

export function AppShell() {
  const session = useGlueSession();
  const agentState = useTokenSlotState(session.agent);
  const customerState = useTokenSlotState(session.customer);
  const signOut = useSignOut();
  const endImpersonation = useEndImpersonation();
  const navigate = useNavigate();
  const { idleMinutes } = useRuntimeConfig();
  const acting = customerState.status === 'active' ? customerState.profile : null;
  // Why a customer session ended without the agent ending it (Glue refused to renew it, …),
  // unless the screen was already told.
  const endedReason = customerState.status === 'signed-out' ? customerState.endedReason : null;
  const handedNotice = useHandedState().notice !== null;
  const actingName = acting ? fullName(acting) : '';
  const extend = useMutation({ mutationFn: () => session.customer.refresh() });
  const [showingShortcuts, setShowingShortcuts] = useState(false);
  const actingReference = acting?.customerReference ?? null;
  const onShortcut = useCallback(
    (key: ShortcutKey) => {
      if (key === '?') {
        setShowingShortcuts(true);
        return true;
      }
      if (key === '/') {
        // Home stays put while acting when asked this way; the picker takes the focus.
        void navigate('/', { state: { findCustomer: true } });
        requestAnimationFrame(() =>
          document.querySelector<HTMLInputElement>('[data-find-customer]')?.focus(),
        );
        return true;
      }
      if (actingReference === null) return false;
      const paths = { c: customerPath, o: ordersPath, p: profilePath };
      void navigate(paths[key](actingReference));
      return true;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- navigate is stable.
    [actingReference],
  );
  useShortcuts(onShortcut);
  /** `reason` when the agent did not end it themselves; it goes into the session's record. */
  const endSession = useCallback(
    (notice: string, reason: string | null) => {
      // Leave the customer's screens before their data goes, so nothing of it lingers.
      void navigate('/', { state: { notice } });
      endImpersonation.mutate(reason);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mutate and navigate are stable.
    [],
  );
  const idleLimit = describeMinutes(idleMinutes);
  const onRunOut = useCallback(
    (why: RunOut) => {
      const reason =
        why === 'idle'
          ? `Ended after ${idleLimit} without activity.`
          : 'Ended because it could no longer be renewed: its refresh token ran out.';
      const state = session.customer.getState();
      const who = state.status === 'active' ? fullName(state.profile) : 'the customer';
      endSession(`Your session as ${who} has ended. ${reason}`, reason);
    },
    [idleLimit, session, endSession],
  );
  const clocks = useSessionClocks(
    acting !== null,
    useSessionLogState().current?.startedAt ?? 0,
    customerState.status === 'active' ? customerState.renewableUntil : Infinity,
    idleMinutes * 60_000,
    onRunOut,
  );

  // Tokens live in memory only: a reload while acting as a customer would end the session.
  useEffect(() => {
    if (!acting) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [acting]);

  return (
    <div className={acting ? 'shell shell--acting' : 'shell'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <Link to="/" className="shell__brand">
          Agent Assist
        </Link>
        <div className="shell__agent">
          <span>
            Signed in as{' '}
            <strong>{agentState.status === 'active' ? agentState.profile.username : ''}</strong>
          </span>
          <button
            type="button"
            className="button"
            aria-keyshortcuts="?"
            onClick={() => setShowingShortcuts(true)}
          >
            Shortcuts
          </button>
          <button
            type="button"
            className="button"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            {signOut.isPending ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </header>
      {acting && customerState.status === 'active' && (
        <SessionBanner
          customer={acting}
          idleDeadline={clocks.idleDeadline}
          renewableUntil={customerState.renewableUntil}
          idleLimit={idleLimit}
          extending={extend.isPending}
          extendError={extend.isError ? describeError(extend.error) : null}
          onStillHere={clocks.stillHere}
          onExtend={() => extend.mutate()}
          ending={endImpersonation.isPending}
          onEnd={() => endSession(`Your session as ${actingName} has ended.`, null)}
          onSwitch={() =>
            endSession(`Your session as ${actingName} has ended. Choose the next customer.`, null)
          }
        />
      )}
      <p className="visually-hidden" role="status">
        {acting
          ? `You are now acting as ${actingName}, ${acting.email}, customer ${acting.customerReference}.`
          : ''}
      </p>
      {endedReason && !handedNotice && (
        <p className="notice shell__notice" role="status">
          {endedReason}
        </p>
      )}
      {endImpersonation.isError && (
        <p className="notice notice--error shell__notice" role="alert">
          The customer session ended here, but Glue could not revoke it (
          {describeError(endImpersonation.error)}). It expires by itself.
        </p>
      )}
      <main id="main" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
      <ShortcutsDialog open={showingShortcuts} onClose={() => setShowingShortcuts(false)} />
    </div>
  );
}

/** "15 minutes", "1 minute", "30 seconds". */
function describeMinutes(minutes: number): string {
  if (minutes < 1) {
    const seconds = Math.round(minutes * 60);
    return `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  const whole = Math.round(minutes * 10) / 10;
  return `${whole} minute${whole === 1 ? '' : 's'}`;
}
