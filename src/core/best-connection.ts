import type { PlexConnection, PlexServer } from './servers';

// Which of a server's addresses to use (docs/plex-api.md §5b): a local one before a
// remote one, https (*.plex.direct, with a valid certificate) before http, and a relay
// only as a last resort. A server that requires https never gets an http address.

function rank(c: PlexConnection): number {
  if (c.relay) return 5;
  if (c.protocol === 'https') return c.local ? 0 : 1;
  return c.local ? 2 : 3;
}

/** The server's usable connections, best first: local https, remote https, local http, remote http, relay. */
export function rankConnections(server: Pick<PlexServer, 'connections' | 'httpsRequired'>): PlexConnection[] {
  return server.connections
    .filter((c) => !server.httpsRequired || c.protocol === 'https')
    .map((c, index) => ({ c, index }))
    .sort((a, b) => rank(a.c) - rank(b.c) || Number(a.c.ipv6) - Number(b.c.ipv6) || a.index - b.index)
    .map(({ c }) => c);
}

/** The best connection without asking the server, or null when it has none usable. */
export function bestConnection(server: Pick<PlexServer, 'connections' | 'httpsRequired'>): PlexConnection | null {
  return rankConnections(server)[0] ?? null;
}
