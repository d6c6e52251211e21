import { ConfirmDialog } from '../../components/confirm-dialog';
import { SHORTCUTS } from './use-shortcuts';

/** The console's keyboard shortcuts, one key ("?") away. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ConfirmDialog open={open} title="Keyboard shortcuts" cancelLabel="Close" onCancel={onClose}>
      <dl className="shortcuts">
        {SHORTCUTS.map(({ key, does }) => (
          <div key={key} className="shortcuts__row">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{does}</dd>
          </div>
        ))}
      </dl>
    </ConfirmDialog>
  );
}
