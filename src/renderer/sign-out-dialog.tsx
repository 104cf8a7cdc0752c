import { useId } from 'react';
import type { IpcError } from '../shared/ipc-views';
import { FormAlert } from './form-alert';
import { useModalDialog } from './use-modal-dialog';

export type SignOutChoice = 'sign-out' | 'revoke';

interface SignOutDialogProps {
  /** The choice being carried out, if any. */
  busy: SignOutChoice | null;
  error: IpcError | null;
  onChoose: (choice: SignOutChoice) => void;
  /** Cancel, Escape or the dialog closing: the caller unmounts it and restores focus. */
  onCancel: () => void;
}

/**
 * Signing out asks, at the one moment it still can, whether to revoke the token on plex.tv
 * too: once the app has forgotten it, it can no longer revoke it. Focus starts on Cancel.
 */
export function SignOutDialog({ busy, error, onChoose, onCancel }: SignOutDialogProps) {
  const ids = useId();
  const { dialogRef, focusRef: cancelRef } = useModalDialog<HTMLButtonElement>();

  // Not `disabled` while busy: that would drop keyboard focus out of the dialog.
  const guard = (action: () => void) => () => {
    if (!busy) action();
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-modal="true"
      aria-labelledby={`${ids}title`}
      aria-describedby={`${ids}keep ${ids}revoke`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      onClose={() => onCancel()}
    >
      <h2 id={`${ids}title`}>Sign out on this computer?</h2>
      <p id={`${ids}keep`}>
        <strong>Sign out</strong>: this app forgets the token. Tools you gave it (Tautulli, Kometa, scripts…) keep
        working, and this app can no longer revoke it.
      </p>
      <p id={`${ids}revoke`}>
        <strong>Sign out and revoke on plex.tv</strong>: the token stops working everywhere; every tool using it needs a
        new one.
      </p>
      <FormAlert error={error} />
      <div className="button-column">
        <button
          type="button"
          className="button secondary"
          aria-disabled={busy !== null || undefined}
          aria-busy={busy === 'sign-out'}
          onClick={guard(() => onChoose('sign-out'))}
        >
          {busy === 'sign-out' ? 'Signing out…' : 'Sign out'}
        </button>
        <button
          type="button"
          className="button danger"
          aria-disabled={busy !== null || undefined}
          aria-busy={busy === 'revoke'}
          onClick={guard(() => onChoose('revoke'))}
        >
          {busy === 'revoke' ? 'Revoking…' : 'Sign out and revoke on plex.tv'}
        </button>
        <button
          ref={cancelRef}
          type="button"
          className="button secondary"
          aria-disabled={busy !== null || undefined}
          onClick={guard(onCancel)}
        >
          Cancel
        </button>
      </div>
    </dialog>
  );
}
