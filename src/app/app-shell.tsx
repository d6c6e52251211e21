import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Link, Outlet, useNavigate } from 'react-router-dom';
import { useSignOut } from '../features/auth/api/sign-out';
import { useEndImpersonation } from '../features/impersonation/api/end-impersonation';
import { useSessionLogState } from '../features/activity/session-log';
import { fullName } from '../features/customers/components/customer-picker';
import { SessionBanner } from '../features/impersonation/components/session-banner';
import {
  idleLimit,
  runOutReason,
  useSessionClocks,
  type RunOut,
} from '../features/impersonation/use-session-clocks';
import { ShortcutsDialog } from '../features/shortcuts/shortcuts-dialog';
import { useShortcuts, type ShortcutKey } from '../features/shortcuts/use-shortcuts';
import { describeError } from '../lib/glue-errors';
import { useGlueSession } from '../lib/glue-session';
import { useRuntimeConfig } from '../lib/runtime-config';
import { useHandedState } from './handed-state';
import { addressesPath, customerPath, ordersPath, profilePath, wishlistsPath } from './paths';
import { useTokenSlotState } from '../lib/token-slot';
import { ErrorNotice, GlueSaid } from '../components/error-notice';
import { LanguageSwitch } from '../i18n/language-switch';
import { T, message, useT, type Message } from '../i18n/translate';

export function AppShell() {
  const t = useT();
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
      const paths = {
        c: customerPath,
        o: ordersPath,
        a: addressesPath,
        w: wishlistsPath,
        p: profilePath,
      };
      void navigate(paths[key](actingReference));
      return true;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- navigate is stable.
    [actingReference],
  );
  useShortcuts(onShortcut);
  /** `reason` when the agent did not end it themselves; it goes into the session's record. */
  const endSession = useCallback(
    (notice: Message, reason: Message | null) => {
      // Leave the customer's screens before their data goes, so nothing of it lingers.
      void navigate('/', { state: { notice } });
      endImpersonation.mutate(reason);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mutate and navigate are stable.
    [],
  );
  const onRunOut = useCallback(
    (why: RunOut) => {
      const reason = runOutReason(why, idleMinutes);
      const state = session.customer.getState();
      const name = state.status === 'active' ? fullName(state.profile) : null;
      endSession(message('shell.sessionEndedBecause', { name: name ?? 'none', reason }), reason);
    },
    [idleMinutes, session, endSession],
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
        {t('shell.skipToContent')}
      </a>
      <header className="shell__header">
        <Link to="/" className="shell__brand">
          {t('app.brand')}
        </Link>
        <div className="shell__agent">
          <span>
            <T
              id="shell.signedInAs"
              values={{
                username: agentState.status === 'active' ? agentState.profile.username : '',
              }}
              components={{ 0: <strong /> }}
            />
          </span>
          <LanguageSwitch />
          <button
            type="button"
            className="button"
            aria-keyshortcuts="?"
            onClick={() => setShowingShortcuts(true)}
          >
            {t('shell.shortcuts')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            {t(signOut.isPending ? 'shell.signingOut' : 'shell.signOut')}
          </button>
        </div>
      </header>
      {acting && customerState.status === 'active' && (
        <SessionBanner
          customer={acting}
          idleDeadline={clocks.idleDeadline}
          renewableUntil={customerState.renewableUntil}
          idleLimit={idleLimit(idleMinutes)}
          extending={extend.isPending}
          extendError={extend.isError ? describeError(extend.error) : null}
          onStillHere={clocks.stillHere}
          onExtend={() => extend.mutate()}
          ending={endImpersonation.isPending}
          onEnd={() => endSession(message('shell.sessionEnded', { name: actingName }), null)}
          onSwitch={() =>
            endSession(message('shell.sessionEndedSwitch', { name: actingName }), null)
          }
        />
      )}
      <p className="visually-hidden" role="status">
        {acting
          ? t('shell.nowActingAs', {
              name: actingName,
              email: acting.email,
              reference: acting.customerReference,
            })
          : ''}
      </p>
      {endedReason && !handedNotice && (
        <div className="notice shell__notice" role="status">
          <p>{t(endedReason)}</p>
          {customerState.status === 'signed-out' && customerState.endedBy && (
            <GlueSaid error={customerState.endedBy} />
          )}
        </div>
      )}
      {endImpersonation.isError && (
        <ErrorNotice
          error={endImpersonation.error}
          className="notice notice--error shell__notice"
          text={message('shell.revokeFailed', { error: describeError(endImpersonation.error) })}
        />
      )}
      <main id="main" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
      <ShortcutsDialog open={showingShortcuts} onClose={() => setShowingShortcuts(false)} />
    </div>
  );
}
