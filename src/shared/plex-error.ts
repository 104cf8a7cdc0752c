// The ways a call to plex.tv can fail, as one closed set shared by the core, the CLI and
// (next) the desktop app. Kinds are decided from the HTTP status and Plex's numeric code,
// never from message text, which plex.tv rewords at will.

export type PlexErrorKind =
  | 'invalid-credentials' // 401/1001 on sign-in
  | 'invalid-credentials-or-code' // 401/1001 on a sign-in that sent a code: plex.tv does not say which was wrong
  | 'verification-required' // 401/1029: the account has two-step verification
  | 'invalid-verification-code' // 401/1028
  | 'locked-out' // 401/1031: too many failures from this IP
  | 'rate-limited' // 429
  | 'token-invalid' // 401 on a token-authenticated call
  | 'token-expired' // 498
  | 'unavailable' // 5xx
  | 'network' // DNS failure, connection refused or reset
  | 'timeout'
  | 'cancelled'
  | 'pin-expired' // a browser or link-code sign-in was not approved in time
  | 'unexpected-response'; // a body that is not the expected JSON, or a status we do not handle

export interface PlexErrorInfo {
  kind: PlexErrorKind;
  /** One plain sentence for a person: what happened and what to do. Never holds a secret. */
  message: string;
  /** HTTP status, when plex.tv (or something in the way) answered. */
  status?: number;
  /** Plex's numeric error code, when the body had one. */
  code?: number;
  /** Seconds plex.tv asked us to wait (Retry-After), for rate limits and outages. */
  retryAfterSeconds?: number;
}

export type PlexResult<T> = { ok: true; value: T } | { ok: false; error: PlexErrorInfo };

export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

/** The sentence shown for each kind. `host` names the server when it is not plex.tv. */
export function plexErrorMessage(
  kind: PlexErrorKind,
  detail: { status?: number; retryAfterSeconds?: number; timeoutSeconds?: number; host?: string } = {},
): string {
  const where = detail.host && detail.host !== 'plex.tv' ? `plex.tv (${detail.host})` : 'plex.tv';
  switch (kind) {
    case 'invalid-credentials':
      return 'Plex did not accept that email, username or password; check them and try again.';
    case 'invalid-credentials-or-code':
      return 'Plex did not accept the password or the verification code, and does not say which; check both and try again.';
    case 'verification-required':
      return 'This account uses two-step verification; enter the 6-digit code from your authenticator app or one of your backup codes.';
    case 'invalid-verification-code':
      return 'That verification code was not accepted; enter the current code from your authenticator app or an unused backup code.';
    case 'locked-out':
      return 'plex.tv has paused sign-ins from this network after repeated failures; wait at least 15 minutes before trying again, or reset your password at plex.tv.';
    case 'rate-limited':
      return detail.retryAfterSeconds !== undefined
        ? `plex.tv is receiving too many requests from you; try again in ${describeWait(detail.retryAfterSeconds)}.`
        : 'plex.tv is receiving too many requests from you; wait a minute and try again.';
    case 'token-invalid':
      return 'This Plex token is no longer valid (it was signed out, removed from Authorized Devices, or the password changed); sign in again.';
    case 'token-expired':
      return 'This Plex token has expired; sign in again.';
    case 'unavailable':
      return detail.retryAfterSeconds !== undefined
        ? `${where} is having problems${detail.status ? ` (HTTP ${detail.status})` : ''}; try again in ${describeWait(detail.retryAfterSeconds)}.`
        : `${where} is having problems${detail.status ? ` (HTTP ${detail.status})` : ''}; try again in a few minutes.`;
    case 'network':
      return `Could not reach ${where}; check your internet connection and try again.`;
    case 'timeout':
      return `${where} did not answer within ${detail.timeoutSeconds ?? 30} seconds; check your connection and try again.`;
    case 'cancelled':
      return 'The request to plex.tv was cancelled.';
    case 'pin-expired':
      return 'The sign-in request expired before it was approved; start again and approve it within the time shown.';
    case 'unexpected-response':
      return `${where} sent an answer this app does not understand${detail.status ? ` (HTTP ${detail.status})` : ''}; a proxy or captive portal may be in the way, so try again later.`;
  }
}
