import { useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/translate';
import { wishlistNameProblem } from './wishlist-name';
import { ChangeControls } from '../../session-mode/change-controls';

interface WishlistNameFormProps {
  label: string;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  initialName?: string;
  /** The customer's other wishlists' names: a name in use is refused before anything is sent. */
  taken: readonly string[];
  onSubmit: (name: string) => Promise<unknown>;
  onCancel?: () => void;
}

/** A wishlist's name, checked against the shop's rules (§11) before it is sent. */
export function WishlistNameForm({
  label,
  submitLabel,
  busyLabel,
  busy,
  initialName = '',
  taken,
  onSubmit,
  onCancel,
}: WishlistNameFormProps) {
  const t = useT();
  const [name, setName] = useState(initialName);
  const [problem, setProblem] = useState<ReturnType<typeof wishlistNameProblem>>(null);
  const input = useRef<HTMLInputElement>(null);
  const nameId = useId();
  const hintId = useId();
  const problemId = useId();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const found = wishlistNameProblem(name, taken);
    setProblem(found);
    if (found) {
      input.current?.focus();
      return;
    }
    onSubmit(name.trim()).then(
      () => setName(initialName),
      () => undefined,
    );
  }

  return (
    <ChangeControls>
      <form className="inline-form" onSubmit={handleSubmit} noValidate>
        <label htmlFor={nameId}>{label}</label>
        <input
          ref={input}
          id={nameId}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && onCancel) onCancel();
          }}
          aria-describedby={problem ? `${problemId} ${hintId}` : hintId}
          aria-invalid={problem ? true : undefined}
          autoComplete="off"
          required
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('dialog.cancel')}
          </button>
        )}
        <p id={hintId} className="muted small field__hint">
          {t('wishlists.name.hint')}
        </p>
        {problem && (
          <p id={problemId} className="field__error">
            {t(problem)}
          </p>
        )}
      </form>
    </ChangeControls>
  );
}
