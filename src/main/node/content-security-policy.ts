// The renderer's Content Security Policy, sent as a response header for the app's own
// page in addition to the meta tag in index.html (either alone would do; both means a
// mistake in one is caught by the other). The page talks to nothing: all data comes
// through IPC, so connect-src is 'none'; avatars come from plex.tv.

// One literal (not built up), so security scanners can read and check it.
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https://plex.tv https://*.plex.tv; connect-src 'none'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Development only (the electron-vite dev server): Vite injects styles and React's
 * refresh preamble inline and reloads over a WebSocket to its own origin.
 */
export function devRendererCsp(devServerUrl: string): string {
  const { origin, host, protocol } = new URL(devServerUrl);
  const socket = `${protocol === 'https:' ? 'wss' : 'ws'}://${host}`;
  return RENDERER_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'none'", `connect-src ${origin} ${socket}`);
}
