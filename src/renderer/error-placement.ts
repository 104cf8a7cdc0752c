import type { IpcErrorKind } from '../shared/ipc-views';

/** Where an error from main is shown: under the field it concerns, or above the button. */
export type ErrorPlacement = 'password' | 'code' | 'form';

export function errorPlacement(kind: IpcErrorKind): ErrorPlacement {
  switch (kind) {
    case 'invalid-credentials':
      return 'password';
    case 'invalid-verification-code':
      return 'code';
    default:
      return 'form';
  }
}
