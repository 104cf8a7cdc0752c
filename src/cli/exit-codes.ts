import type { PlexErrorKind } from '../shared/plex-error';

// The CLI's exit codes are part of its interface: scripts branch on them. Keep this table
// and the README's in step.
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  invalidCredentials: 3,
  verificationRequired: 4,
  invalidVerificationCode: 5,
  rateLimited: 6,
  unreachable: 7,
  tokenInvalid: 8,
  pinExpired: 9,
  interrupted: 130,
} as const;

export function exitCodeFor(kind: PlexErrorKind): number {
  switch (kind) {
    case 'invalid-credentials':
    case 'invalid-credentials-or-code': // plex.tv does not say which; the sentence says both
      return EXIT.invalidCredentials;
    case 'verification-required':
      return EXIT.verificationRequired;
    case 'invalid-verification-code':
      return EXIT.invalidVerificationCode;
    case 'rate-limited':
    case 'locked-out':
      return EXIT.rateLimited;
    case 'network':
    case 'timeout':
    case 'unavailable':
    case 'unexpected-response':
      return EXIT.unreachable;
    case 'token-invalid':
    case 'token-expired':
      return EXIT.tokenInvalid;
    case 'pin-expired':
      return EXIT.pinExpired;
    case 'cancelled':
      return EXIT.interrupted;
  }
}
