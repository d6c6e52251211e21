import { useId, useState, type FormEvent } from 'react';
import { fullName } from '../../customers/components/customer-picker';
import { useT } from '../../../i18n/translate';
import type { CustomerProfile } from '../../../lib/glue-session';
import { useRuntimeConfig } from '../../../lib/runtime-config';

/** Glue's stand-in keeps this much of a reason; the field says so before the agent types more. */
export const MAX_REASON_LENGTH = 500;

interface ReasonFormProps {
  customer: CustomerProfile;
  busy: boolean;
  /** The label of the button, translated, e.g. "End session and act as Bill Martin". */
  actLabel?: string;
  onSubmit: (reason: string | null) => void;
  onCancel?: () => void;
}

/** Before acting as a customer, the agent says why: a ticket reference or a short text. */
export function ReasonForm({ customer, busy, actLabel, onSubmit, onCancel }: ReasonFormProps) {
  const t = useT();
  const { requireReason } = useRuntimeConfig();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonId = useId();
  const name = fullName(customer);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const given = reason.trim();
    if (requireReason && given === '') {
      setMissing(true);
      return;
    }
    onSubmit(given === '' ? null : given);
  }

  return (
    <form
      className="reason-form"
      aria-label={t('impersonation.actAs', { name })}
      onSubmit={handleSubmit}
      noValidate
    >
      <div className="field">
        <label htmlFor={reasonId}>
          {t('impersonation.reason.label', { required: requireReason ? 'yes' : 'no' })}
        </label>
        <p id={`${reasonId}-hint`} className="muted small">
          {t('impersonation.reason.hint')}
        </p>
        <input
          id={reasonId}
          value={reason}
          maxLength={MAX_REASON_LENGTH}
          autoFocus
          autoComplete="off"
          aria-required={requireReason}
          aria-invalid={missing || undefined}
          aria-describedby={`${reasonId}-hint${missing ? ` ${reasonId}-error` : ''}`}
          placeholder={t('impersonation.reason.placeholder')}
          onChange={(event) => {
            setReason(event.target.value);
            setMissing(false);
          }}
          disabled={busy}
        />
        {missing && (
          <p id={`${reasonId}-error`} className="field__error" role="alert">
            {t('impersonation.reason.missing')}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy
            ? t('impersonation.starting', { name })
            : (actLabel ?? t('impersonation.actAs', { name }))}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('impersonation.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
