// Links the app may open in the system browser: https only, plex.tv hosts only, plus the
// project's own page (that exact address, nothing else on its host). Main checks every URL
// against this before shell.openExternal; the renderer uses the same constants for the
// links it shows.

const ALLOWED_HOSTS = new Set(['plex.tv', 'www.plex.tv', 'app.plex.tv', 'support.plex.tv']);

export const PLEX_LINKS = {
  authorizedDevices: 'https://app.plex.tv/desktop/#!/settings/devices/all',
  resetPassword: 'https://www.plex.tv/reset-password/',
  twoFactorHelp: 'https://support.plex.tv/articles/two-factor-authentication/',
} as const;

/** The project's home page (package.json `homepage`; a test keeps the two the same). */
export const PROJECT_LINKS = {
  homepage: 'https://github.com/plex-signin/plex-signin',
} as const;

const ALLOWED_EXACT = new Set<string>(Object.values(PROJECT_LINKS));

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port !== '') return false;
  if (ALLOWED_HOSTS.has(url.hostname)) return true;
  // Compared as given, not as parsed: "…/plex-signin/../elsewhere" would parse to another page.
  return ALLOWED_EXACT.has(raw) && url.href.replace(/\/$/, '') === raw;
}
