import type { ReactNode } from 'react';
import { useT } from '../../i18n/translate';
import { useChangesAllowed } from './use-session-mode';

/**
 * Controls that change the customer's account: shown always, inert in view mode (a disabled
 * fieldset disables every control in it at once), and live after Make changes.
 */
export function ChangeControls({ children }: { children: ReactNode }) {
  const t = useT();
  const allowed = useChangesAllowed();
  return (
    <fieldset
      className="change-controls"
      disabled={!allowed}
      title={allowed ? undefined : t('mode.inertHint')}
    >
      {children}
    </fieldset>
  );
}
