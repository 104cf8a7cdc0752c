import type { PlexErrorInfo, PlexErrorKind } from '../shared/plex-error';
import { plexErrorMessage } from '../shared/plex-error';

// Turns a plex.tv answer (or the lack of one) into a PlexErrorInfo. Decisions use the
// HTTP status and Plex's numeric code only.

export const PLEX_CODES = {
  invalidCredentials: 1001,
  invalidVerificationCode: 1028,
  verificationRequired: 1029,
  lockedOut: 1031,
} as const;

/** Which kind of call this was: a 401 (or a 404) means different things for each. */
export type CallKind = 'signin' | 'token' | 'pin';

export interface MessageContext {
  host: string;
  timeoutSeconds: number;
}

export function errorInfo(
  kind: PlexErrorKind,
  ctx: MessageContext,
  extra: { status?: number; code?: number; retryAfterSeconds?: number } = {},
): PlexErrorInfo {
  const info: PlexErrorInfo = {
    kind,
    message: plexErrorMessage(kind, { ...extra, host: ctx.host, timeoutSeconds: ctx.timeoutSeconds }),
  };
  if (extra.status !== undefined) info.status = extra.status;
  if (extra.code !== undefined) info.code = extra.code;
  if (extra.retryAfterSeconds !== undefined) info.retryAfterSeconds = extra.retryAfterSeconds;
  return info;
}

/** The first Plex error code in a JSON error body, if there is one. */
export function plexErrorCode(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return undefined;
  const code = (errors[0] as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' && Number.isInteger(code) ? code : undefined;
}

/** Classifies an HTTP answer that was not the expected success. */
export function classifyStatus(
  call: CallKind,
  status: number,
  body: unknown,
  retryAfterSeconds: number | undefined,
  ctx: MessageContext,
): PlexErrorInfo {
  const code = plexErrorCode(body);
  const facts = { status, ...(code === undefined ? {} : { code }) };
  if (status === 401) {
    if (call === 'token') return errorInfo('token-invalid', ctx, facts);
    switch (code) {
      case PLEX_CODES.verificationRequired:
        return errorInfo('verification-required', ctx, facts);
      case PLEX_CODES.invalidVerificationCode:
        return errorInfo('invalid-verification-code', ctx, facts);
      case PLEX_CODES.lockedOut:
        return errorInfo('locked-out', ctx, facts);
      default:
        // 1001, or a code we do not know: either way the credentials were refused.
        return errorInfo('invalid-credentials', ctx, facts);
    }
  }
  if (status === 498) return errorInfo('token-expired', ctx, facts);
  // An unknown, expired or foreign PIN: plex.tv answers 404/1020 for all three.
  if (call === 'pin' && status === 404) return errorInfo('pin-expired', ctx, facts);
  const wait = retryAfterSeconds === undefined ? {} : { retryAfterSeconds };
  if (status === 429) return errorInfo('rate-limited', ctx, { ...facts, ...wait });
  if (status >= 500 && status <= 599) return errorInfo('unavailable', ctx, { ...facts, ...wait });
  return errorInfo('unexpected-response', ctx, facts);
}

/** Node's codes for failures to reach a server at all. */
const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ETIMEDOUT',
  'ECONNABORTED',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Chromium's net errors for "the server could not be reached" (net/base/net_error_list.h); not certificate or protocol errors. */
const CHROMIUM_NETWORK_ERROR =
  /^net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|CONNECTION_(REFUSED|RESET|CLOSED|ABORTED|FAILED|TIMED_OUT)|ADDRESS_UNREACHABLE|ADDRESS_INVALID|NETWORK_CHANGED|NETWORK_ACCESS_DENIED|NETWORK_IO_SUSPENDED|TIMED_OUT|PROXY_CONNECTION_FAILED|TUNNEL_CONNECTION_FAILED|SOCKET_NOT_CONNECTED|EMPTY_RESPONSE)$/;

/** Whether a transport error (axios or fetch) means the server could not be reached. */
export function isNetworkFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    // Node's fetch says TypeError; Electron's net.fetch rejects with a plain Error named
    // after Chromium's net error (lib/browser/api/net-fetch.ts), which axios passes on.
    if (e instanceof TypeError && /fetch failed|network/i.test(e.message)) return true;
    if (e instanceof Error && CHROMIUM_NETWORK_ERROR.test(e.message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
