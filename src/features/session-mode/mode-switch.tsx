import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useT } from '../../i18n/translate';
import { useSessionMode } from './use-session-mode';

/** The session's mode in words, beside the banner's name, and the one way to change it. */
export function ModeSwitch({ name }: { name: string }) {
  const t = useT();
  const { mode, switchTo } = useSessionMode();
  const [asking, setAsking] = useState(false);
  // The dialog gives the focus back to the button that opened it.
  const close = () => setAsking(false);

  return (
    <div className="banner__mode">
      <span className={`mode mode--${mode}`}>
        {mode === 'view' ? t('mode.view') : t('mode.change', { name })}
      </span>
      {mode === 'view' ? (
        <button
          type="button"
          className="button button--on-banner-strong"
          onClick={() => setAsking(true)}
        >
          {t('mode.makeChanges')}
        </button>
      ) : (
        <button type="button" className="button button--on-banner" onClick={() => switchTo('view')}>
          {t('mode.backToView')}
        </button>
      )}
      <ConfirmDialog
        open={asking}
        title={t('mode.confirm.title', { name })}
        confirmLabel={t('mode.confirm.makeChanges')}
        onConfirm={() => {
          close();
          switchTo('change');
        }}
        onCancel={close}
      >
        <p>{t('mode.confirm.body', { name })}</p>
      </ConfirmDialog>
    </div>
  );
}
