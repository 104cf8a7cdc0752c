import { useEffect, useId, useRef } from 'react';
import type { IpcError } from '../shared/ipc-views';
import { FormAlert } from './form-alert';
import { useFocusOnMount } from './use-focus-on-mount';

interface RevokeDialogProps {
  busy: boolean;
  error: IpcError | null;
  onConfirm: () => void;
  /** Cancel, Escape or the dialog closing: the caller unmounts it and restores focus. */
  onCancel: () => void;
}

/** Modal confirmation before revoking the token on plex.tv. Focus starts on Cancel. */
export function RevokeDialog({ busy, error, onConfirm, onCancel }: RevokeDialogProps) {
  const ids = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);
  // Declared after the effect above: the dialog must be open before Cancel can take focus.
  const cancelRef = useFocusOnMount<HTMLButtonElement>();

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
      <h2 id={`${ids}title`}>Revoke this token on plex.tv?</h2>
      <p id={`${ids}text`}>
        Every tool using this token (Tautulli, Kometa, scripts…) stops working until you give it a new one. This app
        signs out too.
      </p>
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
          {busy ? 'Revoking…' : 'Revoke token'}
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
