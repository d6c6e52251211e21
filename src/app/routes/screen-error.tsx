import { Link, useRouteError } from 'react-router-dom';

/**
 * A screen that failed to load or to render: said inside the shell, so the session banner, its
 * clocks and its way out stay on screen.
 */
export function ScreenError() {
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : 'an unknown error';
  return (
    <section className="panel" aria-labelledby="screen-error-title">
      <h1 id="screen-error-title">This screen could not be shown</h1>
      <p className="notice notice--error" role="alert">
        Something went wrong: {detail}. Your sessions are still open.
      </p>
      <p>
        <Link to="/">Back to the start</Link>
      </p>
    </section>
  );
}
