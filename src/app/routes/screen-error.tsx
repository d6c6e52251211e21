import { Link, useRouteError } from 'react-router-dom';
import { useT } from '../../i18n/translate';

/**
 * A screen that failed to load or to render: said inside the shell, so the session banner, its
 * clocks and its way out stay on screen.
 */
export function ScreenError() {
  const t = useT();
  const error = useRouteError();
  return (
    <section className="panel" aria-labelledby="screen-error-title">
      <h1 id="screen-error-title">{t('screenError.title')}</h1>
      <p className="notice notice--error" role="alert">
        {error instanceof Error
          ? t('screenError.detail', { detail: error.message })
          : t('screenError.unknown')}
      </p>
      <p>
        <Link to="/">{t('screenError.back')}</Link>
      </p>
    </section>
  );
}
