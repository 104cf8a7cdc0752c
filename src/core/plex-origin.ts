/**
 * plex.tv's v1 origin, where devices.xml lives (outside /api/v2, docs/plex-api.md §1),
 * from the API URL: https://plex.tv/api/v2 → https://plex.tv. A test server or proxy
 * keeps its own origin and any path before /api/v2.
 */
export function plexOrigin(apiUrl: string): string {
  const url = new URL(apiUrl);
  const path = url.pathname.replace(/\/+$/, '');
  const base = /\/api\/v2$/i.test(path) ? path.slice(0, -'/api/v2'.length) : '';
  return `${url.origin}${base}`;
}
