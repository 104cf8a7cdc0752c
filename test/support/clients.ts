import { describeThisComputer } from '../../src/core/client-info';
import { createPlexClient, type PlexClientOptions } from '../../src/core/plex-client';
import type { FakeHandle } from '../../testing/fake-plex/control';

/** A client pointed at the fake, with a fixed test identifier and quick retries. */
export function testClient(fake: FakeHandle, overrides: Partial<PlexClientOptions> = {}) {
  return createPlexClient({
    apiUrl: fake.apiUrl,
    client: describeThisComputer('Plex Sign-In Tests', '0.0.0-test', 'test-client-identifier-1'),
    defaultRetryWaitMs: 50,
    ...overrides,
  });
}
