import { useId, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useGlueSession } from '../../../lib/glue-session';
import { useTokenSlotState } from '../../../lib/token-slot';
import { useSignIn } from '../api/create-agent-access-token';
import { describeSignInError } from '../sign-in-error';
import { ErrorNotice, GlueSaid } from '../../../components/error-notice';
import { LanguageSwitch } from '../../../i18n/language-switch';
import { T, message, useT, type MessageId } from '../../../i18n/translate';

interface FieldErrors {
  username?: MessageId;
  password?: MessageId;
}

/** Tokens live in memory only, so a reload of a signed-in screen lands here: say so. */
const RELOADED =
  (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
    ?.type === 'reload';

/** Where to go after signing in (the screen that sent the agent here, or home), and whether one did. */
function useReturnPath(): { returnPath: string; sentHere: boolean } {
  const state: unknown = useLocation().state;
  const from = (state as { from?: { pathname?: unknown } } | null)?.from?.pathname;
  const valid = typeof from === 'string' && from.startsWith('/') && from !== '/sign-in';
  return { returnPath: valid ? from : '/', sentHere: valid };
}

export function SignInScreen() {
  const t = useT();
  useDocumentTitle(t('auth.signIn.title'));
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
    if (!username) errors.username = 'auth.signIn.usernameMissing';
    if (!password) errors.password = 'auth.signIn.passwordMissing';
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
      ? (agentState.endedReason ?? (RELOADED && sentHere ? message('auth.reloaded') : null))
      : null;

  return (
    <main className="sign-in">
      <LanguageSwitch />
      <div className="sign-in__card">
        <h1>{t('auth.signIn.heading')}</h1>
        <p className="muted">{t('auth.signIn.intro')}</p>
        {endedReason && !signIn.isError && (
          <div className="notice" role="status">
            <p>{t(endedReason)}</p>
            {agentState.status === 'signed-out' && agentState.endedBy && (
              <GlueSaid error={agentState.endedBy} />
            )}
          </div>
        )}
        {signIn.isError && (
          <ErrorNotice error={signIn.error} text={describeSignInError(signIn.error)} />
        )}
        <form onSubmit={handleSubmit} noValidate>
          <div className="field">
            <label htmlFor={ids.username}>{t('auth.signIn.username')}</label>
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
                {t(fieldErrors.username)}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={ids.password}>{t('auth.signIn.password')}</label>
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
                {t(fieldErrors.password)}
              </p>
            )}
          </div>
          <button type="submit" className="button button--primary" disabled={signIn.isPending}>
            {t(signIn.isPending ? 'auth.signIn.submitting' : 'auth.signIn.submit')}
          </button>
        </form>
        <p className="muted small">
          <T
            id="auth.signIn.glueAt"
            components={{ 0: <span className="mono" /> }}
            values={{ url: glue.baseUrl }}
          />
        </p>
      </div>
    </main>
  );
}
