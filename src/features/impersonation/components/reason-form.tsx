import { useId, useState, type FormEvent } from 'react';
import { fullName } from '../../customers/components/customer-picker';
import type { CustomerProfile } from '../../../lib/glue-session';
import { useRuntimeConfig } from '../../../lib/runtime-config';

/** Glue's stand-in keeps this much of a reason; the field says so before the agent types more. */
export const MAX_REASON_LENGTH = 500;

interface ReasonFormProps {
  customer: CustomerProfile;
  busy: boolean;
  /** The label of the button, e.g. "End session and act as Bill Martin". */
  actLabel?: string;
  onSubmit: (reason: string | null) => void;
  onCancel?: () => void;
}

/** Before acting as a customer, the agent says why: a ticket reference or a short text. */
export function ReasonForm({ customer, busy, actLabel, onSubmit, onCancel }: ReasonFormProps) {
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
    <form className="reason-form" aria-label={`Act as ${name}`} onSubmit={handleSubmit} noValidate>
      <div className="field">
        <label htmlFor={reasonId}>Reason for access{requireReason ? '' : ' (optional)'}</label>
        <p id={`${reasonId}-hint`} className="muted small">
          A ticket reference or a short text; it is recorded with the session.
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
          placeholder="e.g. TICKET-4711 wrong delivery address"
          onChange={(event) => {
            setReason(event.target.value);
            setMissing(false);
          }}
          disabled={busy}
        />
        {missing && (
          <p id={`${reasonId}-error`} className="field__error" role="alert">
            Give a reason: a ticket reference or a short text.
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? `Starting a session as ${name}…` : (actLabel ?? `Act as ${name}`)}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
