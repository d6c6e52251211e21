import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { loadRuntimeConfig } from './lib/runtime-config';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

loadRuntimeConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(
      <main className="sign-in">
        <div className="sign-in__card" role="alert">
          <h1>The console cannot start</h1>
          <p>{error instanceof Error ? error.message : String(error)}</p>
        </div>
      </main>,
    ),
);
