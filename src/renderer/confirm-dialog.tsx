import { useId, type ReactNode } from 'react';
import type { IpcError } from '../shared/ipc-views';
import { FormAlert } from './form-alert';
import { useModalDialog } from './use-modal-dialog';

interface ConfirmDialogProps {
  title: string;
  /** What happens if the user confirms: the dialog's description. */
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  error: IpcError | null;
  onConfirm: () => void;
  /** Cancel, Escape or the dialog closing: the caller unmounts it and restores focus. */
  onCancel: () => void;
}

/** A modal confirmation of something that cannot be undone. Focus starts on Cancel. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const ids = useId();
  const { dialogRef, focusRef: cancelRef } = useModalDialog<HTMLButtonElement>();

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-modal="true"
      aria-labelledby={`${ids}title`}
      aria-describedby={`${ids}text`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      onClose={() => onCancel()}
    >
      <h2 id={`${ids}title`}>{title}</h2>
      <div id={`${ids}text`} className="dialog-text">
        {children}
      </div>
      <FormAlert error={error} />
      <div className="button-row">
        {/* Not `disabled` while busy: that would drop keyboard focus out of the dialog. */}
        <button
          type="button"
          className="button danger"
          aria-disabled={busy || undefined}
          aria-busy={busy}
          onClick={() => {
            if (!busy) onConfirm();
          }}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
        <button
          ref={cancelRef}
          type="button"
          className="button secondary"
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) onCancel();
          }}
        >
          Cancel
        </button>
      </div>
    </dialog>
  );
}
