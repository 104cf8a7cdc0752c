// What GET /api/v2/resources answers (plex-api.md §5b, §6): alice owns a server and sees
// one that dave shares with her; bob and carol have none. Each server has its own access
// token, made afresh at start-up and at every reset, and never equal to an account token.
// The connections are listed out of preference order on purpose, so a client has to rank
// them itself.

import { randomBytes } from 'node:crypto';

export interface FakeConnection {
  protocol: 'http' | 'https';
  address: string;
  port: number;
  uri: string;
  local: boolean;
  relay: boolean;
  IPv6: boolean;
}

const NAS_HASH = 'a11ce5e1f0c0ffee0123456789abcdef';
const DAVE_HASH = 'da7e5e1f0c0ffee0fedcba9876543210';

/** https connections use the server's *.plex.direct name (the certificate's), http the bare address. */
function connection(
  hash: string,
  protocol: 'http' | 'https',
  address: string,
  port: number,
  kind: 'local' | 'remote' | 'relay',
): FakeConnection {
  const host = protocol === 'https' ? `${address.replace(/\./g, '-')}.${hash}.plex.direct` : address;
  return {
    protocol,
    address,
    port,
    uri: `${protocol}://${host}:${port}`,
    local: kind === 'local',
    relay: kind === 'relay',
    IPv6: false,
  };
}

/** A classic token: 20 characters of [A-Za-z0-9_-]. */
const newToken = (): string => randomBytes(15).toString('base64url');

export class ServerResources {
  private nasToken = newToken();
  private daveToken = newToken();

  reset(): void {
    this.nasToken = newToken();
    this.daveToken = newToken();
  }

  /** The resources an account sees, filtered as includeHttps=0 / includeRelay=0 ask. */
  forAccount(username: string, filters: { https: boolean; relay: boolean }): Record<string, unknown>[] {
    if (username !== 'alice') return [];
    const keep = (c: FakeConnection) => (filters.https || c.protocol !== 'https') && (filters.relay || !c.relay);
    return [
      {
        ...server("Alice's NAS", 'a11ce0000000000000000000000000000000nas1', this.nasToken),
        owned: true,
        ownerId: null,
        sourceTitle: null,
        home: false,
        publicAddress: '203.0.113.7',
        publicAddressMatches: true,
        httpsRequired: false,
        connections: [
          connection(NAS_HASH, 'http', '192.168.1.20', 32400, 'local'),
          connection(NAS_HASH, 'https', '139.162.100.33', 8443, 'relay'),
          connection(NAS_HASH, 'https', '203.0.113.7', 41234, 'remote'),
          connection(NAS_HASH, 'https', '192.168.1.20', 32400, 'local'),
        ].filter(keep),
      },
      {
        ...server("Dave's Server", 'da7e000000000000000000000000000000000srv', this.daveToken),
        owned: false,
        ownerId: 2004,
        sourceTitle: 'dave',
        home: false,
        publicAddress: '198.51.100.9',
        publicAddressMatches: false,
        httpsRequired: true,
        connections: [connection(DAVE_HASH, 'https', '198.51.100.9', 32400, 'remote')].filter(keep),
      },
      // A player, not a server: listed by /resources too, with no access token.
      {
        name: 'Chrome',
        product: 'Plex Web',
        productVersion: '4.145.1',
        platform: 'Chrome',
        platformVersion: '131.0',
        device: 'Windows',
        clientIdentifier: 'seeded-plex-web-chrome-0001',
        createdAt: '2026-01-01T10:00:00Z',
        lastSeenAt: new Date().toISOString(),
        provides: 'client,player,pubsub-player',
        ownerId: null,
        sourceTitle: null,
        publicAddress: '203.0.113.7',
        accessToken: null,
        owned: true,
        home: false,
        synced: false,
        relay: false,
        presence: true,
        httpsRequired: false,
        publicAddressMatches: true,
        dnsRebindingProtection: false,
        natLoopbackSupported: null,
        connections: [],
      },
    ];
  }
}

function server(name: string, clientIdentifier: string, accessToken: string): Record<string, unknown> {
  return {
    name,
    product: 'Plex Media Server',
    productVersion: '1.41.3.9314-a0bfb8370',
    platform: 'Linux',
    platformVersion: '6.1.0',
    device: 'PC',
    clientIdentifier,
    createdAt: '2024-05-01T12:00:00Z',
    lastSeenAt: new Date().toISOString(),
    provides: 'server',
    accessToken,
    synced: false,
    relay: true,
    presence: true,
    dnsRebindingProtection: false,
    natLoopbackSupported: true,
  };
}
