import { describeThisComputer } from '../../src/core/client-info';
import { createPlexClient, type PlexClientOptions } from '../../src/core/plex-client';
import type { FakeHandle } from '../../testing/fake-plex/control';

/** The client identifier testClient sends: its device on the fake. */
export const TEST_CLIENT_IDENTIFIER = 'test-client-identifier-1';

/** A client pointed at the fake, with a fixed test identifier and quick retries. */
export function testClient(fake: FakeHandle, overrides: Partial<PlexClientOptions> = {}) {
  return createPlexClient({
    apiUrl: fake.apiUrl,
    client: describeThisComputer('Plex Sign-In Tests', '0.0.0-test', TEST_CLIENT_IDENTIFIER),
    defaultRetryWaitMs: 50,
    ...overrides,
  });
}

/** Signs a seeded account in with testClient and gives its token. */
export async function signInWithTestClient(
  fake: FakeHandle,
  account: { login: string; password: string },
): Promise<string> {
  const result = await testClient(fake).signIn({ login: account.login, password: account.password, rememberMe: true });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.token;
}
