import { describe, expect, it } from 'vitest';
import { parseServers } from './servers';

// A server's access token is checked like every token from plex.tv (token-shape.ts).

const server = (accessToken: string) => ({
  name: 'NAS',
  clientIdentifier: 'machine-1',
  provides: 'server',
  owned: true,
  accessToken,
  connections: [{ protocol: 'https', address: '10.0.0.2', port: 32400, uri: 'https://nas.example:32400', local: true }],
});

describe('parseServers', () => {
  it('keeps a server with a well-formed token', () => {
    expect(parseServers([server('server-token-not-real')])?.map((s) => s.accessToken)).toEqual([
      'server-token-not-real',
    ]);
  });

  it.each(['abc\u001b]52;c;eA==\u0007', 'a b', 'tök\u202een', 'T'.repeat(4097)])(
    'drops a server whose token is not a token (%#)',
    (accessToken) => {
      expect(parseServers([server(accessToken)])).toEqual([]);
    },
  );
});
