import { useT, type Message } from '../i18n/translate';
import { GlueError, SessionEndedError, describeError } from '../lib/glue-errors';

/**
 * An error as the agent should read it: the console's sentence in their language first, and
 * Glue's own answer word for word one click away, for quoting to the shop's developers.
 */
export function ErrorNotice({
  error,
  text = describeError(error),
  className = 'notice notice--error',
}: {
  error: unknown;
  /** What to say instead of the error's own sentence, e.g. with what failed. */
  text?: Message;
  className?: string;
}) {
  const t = useT();
  const glue = error instanceof SessionEndedError ? error.endedBy : error;
  return (
    <div className={className} role="alert">
      <p>{t(text)}</p>
      {glue instanceof GlueError && <GlueSaid error={glue} />}
    </div>
  );
}

export function GlueSaid({ error }: { error: GlueError }) {
  const t = useT();
  return (
    <details className="glue-said">
      <summary>{t('error.glueSaid')}</summary>
      <p>
        <q lang="en">{error.detail}</q>{' '}
        <span className="mono small">
          {t('error.glueSaid.where', {
            endpoint: error.endpoint,
            status: error.status,
            code: error.code ?? 'none',
          })}
        </span>
      </p>
    </details>
  );
}
