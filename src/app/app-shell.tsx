import { useEffect } from 'react';
import { Link, Outlet, useNavigate } from 'react-router-dom';
import { useSignOut } from '../features/auth/api/sign-out';
import { useEndImpersonation } from '../features/impersonation/api/end-impersonation';
import { SessionBanner } from '../features/impersonation/components/session-banner';
import { describeError } from '../lib/glue-errors';
import { useGlueSession } from '../lib/glue-session';
import { useTokenSlotState } from '../lib/token-slot';

export function AppShell() {
  const session = useGlueSession();
  const agentState = useTokenSlotState(session.agent);
  const customerState = useTokenSlotState(session.customer);
  const signOut = useSignOut();
  const endImpersonation = useEndImpersonation();
  const navigate = useNavigate();
  const acting = customerState.status === 'active' ? customerState.profile : null;
  const actingName = acting ? `${acting.firstName} ${acting.lastName}`.trim() : '';

  // Tokens live in memory only: a reload while acting as a customer would end the session.
  useEffect(() => {
    if (!acting) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [acting]);

  function endSession(notice: string) {
    // Leave the customer's screens before their data goes, so nothing of it lingers.
    void navigate('/', { state: { notice } });
    endImpersonation.mutate();
  }

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
          expiresAt={customerState.expiresAt}
          ending={endImpersonation.isPending}
          onEnd={() => endSession(`Your session as ${actingName} has ended.`)}
          onSwitch={() =>
            endSession(`Your session as ${actingName} has ended. Choose the next customer.`)
          }
        />
      )}
      <p className="visually-hidden" role="status">
        {acting
          ? `You are now acting as ${actingName}, ${acting.email}, customer ${acting.customerReference}.`
          : ''}
      </p>
      {endImpersonation.isError && (
        <p className="notice notice--error shell__notice" role="alert">
          The customer session ended here, but Glue could not revoke it (
          {describeError(endImpersonation.error)}). It expires by itself.
        </p>
      )}
      <main id="main" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
