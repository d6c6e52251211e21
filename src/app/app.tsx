import { I18nProvider } from '@lingui/react';
import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { i18n } from '../i18n/i18n';
import type { RuntimeConfig } from '../lib/runtime-config';
import { AppProvider } from './provider';
import { createRouter } from './router';

export function App({ config }: { config: RuntimeConfig }) {
  const [router] = useState(createRouter);
  return (
    <I18nProvider i18n={i18n}>
      <AppProvider config={config}>
        <RouterProvider router={router} />
      </AppProvider>
    </I18nProvider>
  );
}
