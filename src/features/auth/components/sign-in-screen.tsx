import { useId, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useGlueSession } from '../../../lib/glue-session';
import { useTokenSlotState } from '../../../lib/token-slot';
import { useSignIn } from '../api/create-agent-access-token';
import { describeSignInError } from '../sign-in-error';

interface FieldErrors {
  username?: string;
  password?: string;
}

/** Tokens live in memory only, so a reload of a signed-in screen lands here: say so. */
const RELOADED =
  (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
    ?.type === 'reload';
const RELOAD_MESSAGE =
  'The page was reloaded, which ends every session: the console keeps its tokens in memory only. Sign in again to go on.';

/** Where to go after signing in (the screen that sent the agent here, or home), and whether one did. */
function useReturnPath(): { returnPath: string; sentHere: boolean } {
  const state: unknown = useLocation().state;
  const from = (state as { from?: { pathname?: unknown } } | null)?.from?.pathname;
  const valid = typeof from === 'string' && from.startsWith('/') && from !== '/sign-in';
  return { returnPath: valid ? from : '/', sentHere: valid };
}

export function SignInScreen() {
  useDocumentTitle('Sign in');
  const { agent, glue } = useGlueSession();
  const agentState = useTokenSlotState(agent);
  const signIn = useSignIn();
  const navigate = useNavigate();
  const { returnPath, sentHere } = useReturnPath();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const ids = {
    username: useId(),
    password: useId(),
    usernameError: useId(),
    passwordError: useId(),
  };

  if (agentState.status === 'active' && !signIn.isPending)
    return <Navigate to={returnPath} replace />;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const username = usernameRef.current?.value.trim() ?? '';
    const password = passwordRef.current?.value ?? '';
    const errors: FieldErrors = {};
    if (!username) errors.username = 'Enter your username.';
    if (!password) errors.password = 'Enter your password.';
    setFieldErrors(errors);
    if (errors.username) return usernameRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();
    signIn.mutate(
      { username, password },
      {
        onSuccess: () => void navigate(returnPath, { replace: true }),
        onError: () => {
          if (passwordRef.current) passwordRef.current.value = '';
          passwordRef.current?.focus();
        },
      },
    );
  }

  const endedReason =
    agentState.status === 'signed-out'
      ? (agentState.endedReason ?? (RELOADED && sentHere ? RELOAD_MESSAGE : null))
      : null;

  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <h1>Agent sign-in</h1>
        <p className="muted">Sign in with your back-office agent account to assist customers.</p>
        {endedReason && !signIn.isError && (
          <p className="notice" role="status">
            {endedReason}
          </p>
        )}
        {signIn.isError && (
          <p className="notice notice--error" role="alert">
            {describeSignInError(signIn.error)}
          </p>
        )}
        <form onSubmit={handleSubmit} noValidate>
          <div className="field">
            <label htmlFor={ids.username}>Username</label>
            <input
              ref={usernameRef}
              id={ids.username}
              name="username"
              type="text"
              inputMode="email"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              aria-invalid={fieldErrors.username ? true : undefined}
              aria-describedby={fieldErrors.username ? ids.usernameError : undefined}
            />
            {fieldErrors.username && (
              <p id={ids.usernameError} className="field__error">
                {fieldErrors.username}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={ids.password}>Password</label>
            <input
              ref={passwordRef}
              id={ids.password}
              name="password"
              type="password"
              autoComplete="current-password"
              aria-invalid={fieldErrors.password ? true : undefined}
              aria-describedby={fieldErrors.password ? ids.passwordError : undefined}
            />
            {fieldErrors.password && (
              <p id={ids.passwordError} className="field__error">
                {fieldErrors.password}
              </p>
            )}
          </div>
          <button type="submit" className="button button--primary" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="muted small">
          Glue: <span className="mono">{glue.baseUrl}</span>
        </p>
      </div>
    </main>
  );
}
