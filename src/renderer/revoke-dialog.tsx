import type { IpcError } from '../shared/ipc-views';
import { ConfirmDialog } from './confirm-dialog';

interface RevokeDialogProps {
  busy: boolean;
  error: IpcError | null;
  onConfirm: () => void;
  /** Cancel, Escape or the dialog closing: the caller unmounts it and restores focus. */
  onCancel: () => void;
}

/** Modal confirmation before revoking the app's own token on plex.tv. Focus starts on Cancel. */
export function RevokeDialog({ busy, error, onConfirm, onCancel }: RevokeDialogProps) {
  return (
    <ConfirmDialog
      title="Revoke this token on plex.tv?"
      confirmLabel="Revoke token"
      busyLabel="Revoking…"
      busy={busy}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Every tool using this token (Tautulli, Kometa, scripts…) stops working until you give it a new one. This app
        signs out too. Tool tokens made under Tokens for your tools keep working.
      </p>
    </ConfirmDialog>
  );
}
