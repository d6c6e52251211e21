import { ConfirmDialog } from '../../components/confirm-dialog';
import { useT } from '../../i18n/translate';
import { SHORTCUTS } from './use-shortcuts';

/** The console's keyboard shortcuts, one key ("?") away. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <ConfirmDialog
      open={open}
      title={t('shortcuts.title')}
      cancelLabel={t('shortcuts.dismiss')}
      onCancel={onClose}
    >
      <dl className="shortcuts">
        {SHORTCUTS.map(({ key, does }) => (
          <div key={key} className="shortcuts__row">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(does)}</dd>
          </div>
        ))}
      </dl>
    </ConfirmDialog>
  );
}
