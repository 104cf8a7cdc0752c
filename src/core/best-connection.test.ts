import { describe, expect, it } from 'vitest';
import { bestConnection, rankConnections } from './best-connection';
import type { PlexConnection } from './servers';

const c = (name: string, protocol: 'http' | 'https', local: boolean, relay = false, ipv6 = false): PlexConnection => ({
  protocol,
  address: name,
  port: 32400,
  uri: `${protocol}://${name}:32400`,
  local,
  relay,
  ipv6,
});

describe('rankConnections', () => {
  const all = [
    c('relay', 'https', false, true),
    c('remote-http', 'http', false),
    c('local-http', 'http', true),
    c('remote-https', 'https', false),
    c('local-https', 'https', true),
  ];

  it('orders local https, remote https, local http, remote http, relay', () => {
    expect(rankConnections({ connections: all, httpsRequired: false }).map((x) => x.address)).toEqual([
      'local-https',
      'remote-https',
      'local-http',
      'remote-http',
      'relay',
    ]);
  });

  it('drops http when the server requires https', () => {
    expect(rankConnections({ connections: all, httpsRequired: true }).map((x) => x.address)).toEqual([
      'local-https',
      'remote-https',
      'relay',
    ]);
  });

  it('prefers IPv4 within a rank, and keeps plex.tv order otherwise', () => {
    const list = [c('v6', 'https', true, false, true), c('a', 'https', true), c('b', 'https', true)];
    expect(rankConnections({ connections: list, httpsRequired: false }).map((x) => x.address)).toEqual([
      'a',
      'b',
      'v6',
    ]);
  });

  it('null without connections', () => {
    expect(bestConnection({ connections: [], httpsRequired: false })).toBeNull();
    expect(bestConnection({ connections: [c('x', 'http', true)], httpsRequired: true })).toBeNull();
  });
});
