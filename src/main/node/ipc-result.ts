import type { IpcError, IpcErrorKind, IpcResult } from '../../shared/ipc-views';
import type { PlexErrorInfo } from '../../shared/plex-error';

// Builders for the result objects every channel returns (errors cross IPC as data:
// a thrown error would lose its fields on the way).

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(kind: IpcErrorKind, message: string, retryAfterSeconds?: number): IpcResult<T> {
  const error: IpcError = { kind, message };
  if (retryAfterSeconds !== undefined) error.retryAfterSeconds = retryAfterSeconds;
  return { ok: false, error };
}

/** plex.tv's failure as the renderer sees it: kind, sentence and wait, nothing else. */
export function failFromPlex<T = never>(error: PlexErrorInfo): IpcResult<T> {
  return fail(error.kind, error.message, error.retryAfterSeconds);
}
