import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../i18n/translate';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  /** Without it, the dialog only informs: one button, `cancelLabel`, closes it. */
  confirmLabel?: string;
  cancelLabel?: string;
  onConfirm?: () => void;
  onCancel: () => void;
}

/**
 * A modal question on the browser's own <dialog>, its content one form: Enter confirms (from a
 * field or select in it too), Escape cancels, the confirm button (else the close button) has the
 * focus, and the control that opened it gets the focus back when it closes.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const closedHere = useRef(false);
  const titleId = useId();
  const confirms = onConfirm !== undefined;

  /** Closes the dialog and gives the focus back, before the caller acts (and may move it on). */
  function close() {
    const dialog = ref.current;
    if (dialog?.open) {
      closedHere.current = true;
      dialog.close();
    }
    // A control gone or disabled meanwhile (the change under way) cannot take it back.
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  }

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      (confirmButton.current ?? closeButton.current)?.focus();
    }
    // Closed by the caller, not by an answer (e.g. the session ended).
    if (!open && dialog.open) close();
  }, [open]);

  useEffect(() => {
    // A confirm that comes once the dialog is open (its choices loaded) becomes the default,
    // unless the agent has already moved on from the close button.
    if (open && confirms && document.activeElement === closeButton.current) {
      confirmButton.current?.focus();
    }
  }, [open, confirms]);

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter') return;
    // Enter held down on the control that opened the dialog repeats: that is no answer.
    if (event.repeat) {
      event.preventDefault();
      return;
    }
    // A select takes no Enter for the form by itself: the question's answer is still Enter.
    if (event.target instanceof HTMLSelectElement) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
        onCancel();
      }}
      onClose={() => {
        // Closed by the browser itself (a second Escape it does not let us refuse): a cancel.
        if (closedHere.current) closedHere.current = false;
        else onCancel();
      }}
    >
      <form
        method="dialog"
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          // The open state is the caller's: the browser must not close the dialog itself.
          event.preventDefault();
          close();
          if (onConfirm) onConfirm();
          else onCancel();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="dialog__body">{children}</div>
        <div className="dialog__actions">
          <button
            ref={closeButton}
            type={confirms ? 'button' : 'submit'}
            className="button"
            onClick={
              confirms
                ? () => {
                    close();
                    onCancel();
                  }
                : undefined
            }
          >
            {cancelLabel ?? t('dialog.cancel')}
          </button>
          {confirms && (
            <button ref={confirmButton} type="submit" className="button button--primary">
              {confirmLabel}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
