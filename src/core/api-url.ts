import { DEFAULT_PLEX_API_URL } from '../shared/product';

/** The plex.tv API base URL: an explicit choice, else PLEX_API_URL, else plex.tv. */
export function resolveApiUrl(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const raw = explicit ?? env.PLEX_API_URL ?? DEFAULT_PLEX_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The address itself is never quoted back: it could carry a token or a password.
    throw new TypeError('The Plex API URL is not a valid URL; give a full http:// or https:// address.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('The Plex API URL must start with http:// or https://.');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError('The Plex API URL must not carry credentials, a query or a fragment; give only its address.');
  }
  return url.href.replace(/\/+$/, '');
}

/** The host to name in messages: "plex.tv" for the real service, else host:port. */
export function serviceHost(apiUrl: string): string {
  const { host } = new URL(apiUrl);
  return host === 'plex.tv' ? 'plex.tv' : host;
}
