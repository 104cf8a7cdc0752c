import * as z from 'zod/mini';
import type { PlexResult } from '../shared/plex-error';
import { unexpected } from './devices';
import type { CallOptions, PlexClient } from './plex-client';
import { isWellFormedToken } from './token-shape';

// The servers an account can use, from `GET /resources` (docs/plex-api.md §5b): its own
// and those shared with it, each with the token to use on THAT server (for a shared one it
// is not the account token) and the addresses plex.tv knows for it.

export interface PlexConnection {
  protocol: 'http' | 'https';
  address: string;
  port: number;
  uri: string;
  local: boolean;
  relay: boolean;
  ipv6: boolean;
}

export interface PlexServer {
  name: string;
  /** The server's machine identifier (what its /identity answers). */
  clientIdentifier: string;
  owned: boolean;
  /** Who shares it with the account; null for the account's own servers. */
  owner: string | null;
  /** The token for this server only. */
  accessToken: string;
  httpsRequired: boolean;
  /** Whether the account is on the server's network as plex.tv sees it. */
  publicAddressMatches: boolean;
  presence: boolean;
  connections: PlexConnection[];
}

const MAX_TEXT = 1024;
const text = () => z.string().check(z.maxLength(MAX_TEXT));
const flag = () => z.optional(z.nullable(z.boolean()));

const connectionSchema = z.object({
  protocol: z.enum(['http', 'https']),
  address: text(),
  port: z.int().check(z.gte(1), z.lte(65535)),
  uri: text(),
  local: flag(),
  relay: flag(),
  IPv6: flag(),
});

const resourceSchema = z.object({
  name: text(),
  clientIdentifier: text(),
  provides: z.optional(z.nullable(text())),
  owned: flag(),
  sourceTitle: z.optional(z.nullable(text())),
  accessToken: z.optional(z.nullable(text())),
  httpsRequired: flag(),
  publicAddressMatches: flag(),
  presence: flag(),
  connections: z.optional(z.nullable(z.array(z.unknown()))),
});

/** Only http(s) addresses whose host and port are the connection's own. */
function usableUri(uri: string): boolean {
  try {
    const url = new URL(uri);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * The servers in a /resources body; null when it is not a list. Resources that are not
 * servers (players, controllers), and servers plex.tv gives no token for, are left out;
 * so are connections that do not parse or are not http(s).
 */
export function parseServers(body: unknown): PlexServer[] | null {
  if (!Array.isArray(body)) return null;
  const servers: PlexServer[] = [];
  for (const item of body) {
    const parsed = resourceSchema.safeParse(item);
    if (!parsed.success) continue;
    const r = parsed.data;
    const provides = (r.provides ?? '').split(',').map((p) => p.trim());
    // A server's token is a token like any other (token-shape.ts): a malformed one is never kept or printed.
    if (!provides.includes('server') || !r.accessToken || !isWellFormedToken(r.accessToken)) continue;
    const connections: PlexConnection[] = [];
    for (const raw of r.connections ?? []) {
      const c = connectionSchema.safeParse(raw);
      if (!c.success || !usableUri(c.data.uri)) continue;
      connections.push({
        protocol: c.data.protocol,
        address: c.data.address,
        port: c.data.port,
        uri: c.data.uri.replace(/\/+$/, ''),
        local: Boolean(c.data.local),
        relay: Boolean(c.data.relay),
        ipv6: Boolean(c.data.IPv6),
      });
    }
    const owned = r.owned !== false;
    servers.push({
      name: r.name,
      clientIdentifier: r.clientIdentifier,
      owned,
      owner: owned ? null : (r.sourceTitle ?? null),
      accessToken: r.accessToken,
      httpsRequired: Boolean(r.httpsRequired),
      publicAddressMatches: Boolean(r.publicAddressMatches),
      presence: r.presence !== false,
      connections,
    });
  }
  return servers;
}

/** `GET /resources?includeHttps=1&includeRelay=1&includeIPv6=1` with the account token. */
export async function listServers(
  plex: PlexClient,
  accountToken: string,
  options: CallOptions = {},
): Promise<PlexResult<PlexServer[]>> {
  const answer = await plex.exchange(
    {
      method: 'GET',
      path: '/resources?includeHttps=1&includeRelay=1&includeIPv6=1',
      call: 'token',
      token: accountToken,
    },
    options,
  );
  if (!answer.ok) return answer;
  const servers = parseServers(answer.value.body);
  if (!servers) return { ok: false, error: unexpected(plex, answer.value.status) };
  return { ok: true, value: servers };
}
