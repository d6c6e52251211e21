import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { activateLocale, i18n, initialLocale } from './i18n/i18n';
import { SOURCE_LOCALE } from './i18n/locales';
import { translate } from './i18n/translate';
import { describeError } from './lib/glue-errors';
import { loadRuntimeConfig } from './lib/runtime-config';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

// The catalogue and the configuration load side by side; the first screen needs both.
const locale = activateLocale(initialLocale()).catch(() => activateLocale(SOURCE_LOCALE));
Promise.all([loadRuntimeConfig(), locale]).then(
  ([config]) =>
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(
      <main className="sign-in">
        <div className="sign-in__card" role="alert">
          {i18n.locale ? (
            <>
              <h1>{translate('app.cannotStart')}</h1>
              <p>{translate(describeError(error))}</p>
            </>
          ) : (
            // Not even the English catalogue could load: nothing to translate with.
            <h1 lang="en">The console cannot start: {String(error)}</h1>
          )}
        </div>
      </main>,
    ),
);
