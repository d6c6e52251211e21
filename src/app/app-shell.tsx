import { Link, Outlet } from 'react-router-dom';
import { useSignOut } from '../features/auth/api/sign-out';
import { useGlueSession } from '../lib/glue-session';
import { useTokenSlotState } from '../lib/token-slot';

export function AppShell() {
  const { agent } = useGlueSession();
  const state = useTokenSlotState(agent);
  const signOut = useSignOut();
  const username = state.status === 'active' ? state.profile.username : '';

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <Link to="/" className="shell__brand">
          Agent Assist
        </Link>
        <div className="shell__agent">
          <span>
            Signed in as <strong>{username}</strong>
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
      <main id="main" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
