import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { message, useT } from '../../../i18n/translate';
import { describeError } from '../../../lib/glue-errors';
import { useSendPasswordReset } from '../api/send-password-reset';

/** "I can't sign in": the shop mails the customer a link; asks first, naming where it goes. */
export function PasswordReset({ name, email }: { name: string; email: string }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const send = useSendPasswordReset();
  const close = () => setAsking(false);

  return (
    <div className="password-reset">
      <button
        type="button"
        className="button"
        disabled={send.isPending}
        onClick={() => setAsking(true)}
      >
        {send.isPending ? t('passwordReset.sending') : t('passwordReset.send')}
      </button>
      <p role="status" className="muted">
        {send.isSuccess && t('passwordReset.sent', { email: send.variables })}
      </p>
      {send.isError && (
        <ErrorNotice
          error={send.error}
          text={message('passwordReset.failed', { error: describeError(send.error) })}
        />
      )}
      <ConfirmDialog
        open={asking}
        title={t('passwordReset.confirm.title', { name })}
        confirmLabel={t('passwordReset.confirm.send')}
        onConfirm={() => {
          close();
          send.mutate(email);
        }}
        onCancel={close}
      >
        <p>{t('passwordReset.confirm.body', { name, email })}</p>
      </ConfirmDialog>
    </div>
  );
}
