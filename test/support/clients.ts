import type { FakeHandle } from '../../e2e/fake-plex/control';
import { describeThisComputer } from '../../src/core/client-info';
import { createPlexClient, type PlexClientOptions } from '../../src/core/plex-client';

/** A client pointed at the fake, with a fixed test identifier and quick retries. */
export function testClient(fake: FakeHandle, overrides: Partial<PlexClientOptions> = {}) {
  return createPlexClient({
    apiUrl: fake.apiUrl,
    client: describeThisComputer('Plex Sign-In Tests', '0.0.0-test', 'test-client-identifier-1'),
    defaultRetryWaitMs: 50,
    ...overrides,
  });
}

/** The seeded accounts of plex-api.md §6 (test credentials of the fake, not real ones). */
export const SEEDED = {
  alice: { login: 'alice@example.com', username: 'alice', password: 'alice-pass-1' },
  bob: {
    login: 'bob@example.com',
    username: 'bob',
    password: 'bob-pass-2',
    code: '123456',
    backupCode: '4f7k9m2q8x3c5v1b',
  },
  carol: { login: 'carol@example.com', username: 'carol' },
} as const;

/** A port nothing listens on: bound then released, so connecting to it is refused. */
export async function closedPortUrl(): Promise<string> {
  const net = await import('node:net');
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/v2`;
}
