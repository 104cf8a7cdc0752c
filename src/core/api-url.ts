import { DEFAULT_PLEX_API_URL } from '../shared/product';

/** The real service's origin: the only one the app treats as plex.tv itself. */
const PLEX_TV_ORIGIN = 'https://plex.tv';

/**
 * The plex.tv API base URL: an explicit choice, else PLEX_API_URL, else plex.tv. Throws a
 * TypeError whose message is one sentence for the user when the address is unusable.
 */
export function resolveApiUrl(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const raw = explicit ?? env.PLEX_API_URL ?? DEFAULT_PLEX_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The address itself is never quoted back: it could carry a token or a password.
    throw new TypeError('The Plex API URL is not a valid URL; give a full https:// address.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('The Plex API URL must start with https://.');
  }
  // The password and the token travel in the request: plain http:// would send them in
  // the clear, which is acceptable only for a test server on this very computer.
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new TypeError(
      'The Plex API URL must start with https:// so your password and token are not sent unencrypted; plain http:// is accepted only for a test server on this computer (localhost, 127.0.0.1 or [::1]).',
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError('The Plex API URL must not carry credentials, a query or a fragment; give only its address.');
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * `hostname` as the WHATWG URL parser leaves it (lower case, IPv4 in dotted decimal, IPv6
 * in brackets): is it this computer? Only the three spellings a local fake uses count.
 */
function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Whether the API URL is the real plex.tv: the whole origin, so http://plex.tv is not. */
export function isPlexTv(apiUrl: string): boolean {
  return new URL(apiUrl).origin === PLEX_TV_ORIGIN;
}

/**
 * The host to name in messages: "plex.tv" for the real service, else host:port (the
 * whole origin when only the scheme differs, so it never reads as plex.tv itself).
 */
export function serviceHost(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.origin === PLEX_TV_ORIGIN) return 'plex.tv';
  return url.host === 'plex.tv' ? url.origin : url.host;
}
