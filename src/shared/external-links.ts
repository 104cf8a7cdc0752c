// Links the app may open in the system browser: https only, plex.tv hosts only. Main
// checks every URL against this before shell.openExternal; the renderer uses the same
// constants for the links it shows.

const ALLOWED_HOSTS = new Set(['plex.tv', 'www.plex.tv', 'app.plex.tv', 'support.plex.tv']);

export const PLEX_LINKS = {
  authorizedDevices: 'https://app.plex.tv/desktop/#!/settings/devices/all',
  resetPassword: 'https://www.plex.tv/reset-password/',
  twoFactorHelp: 'https://support.plex.tv/articles/two-factor-authentication/',
} as const;

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' && !url.username && !url.password && url.port === '' && ALLOWED_HOSTS.has(url.hostname)
  );
}
