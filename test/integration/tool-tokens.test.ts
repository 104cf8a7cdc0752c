import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkToken, createToolToken, revokeToolToken } from '../../src/core/tool-tokens';
import { listDevices } from '../../src/core/devices';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { SEEDED } from '../../testing/seeded-accounts';
import { signInWithTestClient, TEST_CLIENT_IDENTIFIER, testClient } from '../support/clients';

// Tool tokens (docs/plex-api.md §5a) against the fake plex.tv over real HTTP: each is a
// device of its own that outlives the app's session and dies alone.

let fake: FakeHandle;
beforeAll(async () => {
  fake = await useFakePlex();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const { alice } = SEEDED;
const APP_CLIENT = TEST_CLIENT_IDENTIFIER;
const signInAlice = () => signInWithTestClient(fake, alice);

async function mint(accountToken: string, name: string) {
  const result = await createToolToken(testClient(fake), accountToken, { name });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('createToolToken', () => {
  it('makes a new device with its own token in three requests: pin as the tool, link as the account, collect as the tool', async () => {
    const accountToken = await signInAlice();
    const before = (await fake.requests()).length;
    const tool = await mint(accountToken, 'Kometa');
    expect(tool).toMatchObject({ name: 'Kometa' });
    expect(tool.clientIdentifier).not.toBe(APP_CLIENT);
    expect(tool.token).not.toBe(accountToken);
    expect(Date.parse(tool.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const requests = (await fake.requests()).slice(before);
    expect(requests.map((r) => `${r.method} ${r.path.replace(/\d+$/, 'N')}`)).toEqual([
      'POST /api/v2/pins',
      'PUT /api/v2/pins/link',
      'GET /api/v2/pins/N',
    ]);
    const [create, link, collect] = requests;
    expect(create?.query).toEqual({}); // short, not strong: only short codes can be linked
    expect(create?.headers).toMatchObject({
      'x-plex-client-identifier': tool.clientIdentifier,
      'x-plex-product': 'Kometa',
      'x-plex-device-name': 'Kometa (Plex Sign-In)',
    });
    expect(create?.headers['x-plex-token']).toBeUndefined();
    expect(link?.headers).toMatchObject({ 'x-plex-client-identifier': APP_CLIENT, 'x-plex-token': accountToken });
    expect(collect?.headers['x-plex-client-identifier']).toBe(tool.clientIdentifier);
    expect(collect?.headers['x-plex-token']).toBeUndefined();

    expect(await fake.devices()).toContainEqual(
      expect.objectContaining({
        login: 'alice',
        clientIdentifier: tool.clientIdentifier,
        product: 'Kometa',
        token: tool.token,
      }),
    );
    expect(await checkToken(testClient(fake), tool.token)).toBe('alive');
  });

  it.each(['Büro-Skript', 'Home Assistant 🏠', 'say "hi" & <bye>', '客厅 NAS'])(
    'keeps the name %s exactly',
    async (name) => {
      const tool = await mint(await signInAlice(), name);
      const device = (await fake.devices()).find((d) => d.clientIdentifier === tool.clientIdentifier);
      expect(device).toMatchObject({ product: name, deviceName: `${name} (Plex Sign-In)` });
      const listed = await listDevices(testClient(fake), tool.token);
      expect(listed.ok && listed.value.find((d) => d.clientIdentifier === tool.clientIdentifier)?.name).toBe(
        `${name} (Plex Sign-In)`,
      );
    },
  );

  it('survives the app signing out, signing in again with the same identifier, and revoking its own token', async () => {
    const first = await signInAlice();
    const tool = await mint(first, 'Tautulli');
    const client = testClient(fake);
    expect((await client.signOut(first)).ok).toBe(true);
    const second = await signInAlice();
    expect(await checkToken(client, first)).toBe('dead');
    expect(await checkToken(client, tool.token)).toBe('alive');
    expect((await client.signOut(second)).ok).toBe(true);
    expect(await checkToken(client, tool.token)).toBe('alive');
  });

  it('refuses an invalid name before sending anything', async () => {
    const accountToken = await signInAlice();
    const before = (await fake.requests()).length;
    await expect(createToolToken(testClient(fake), accountToken, { name: '  ' })).rejects.toThrow(TypeError);
    await expect(createToolToken(testClient(fake), accountToken, { name: 'x'.repeat(65) })).rejects.toThrow(TypeError);
    expect((await fake.requests()).length).toBe(before);
  });

  it('reports a dead account token as token-invalid after the pin, without retrying the link', async () => {
    const accountToken = await signInAlice();
    await fake.revoke(accountToken);
    const result = await createToolToken(testClient(fake), accountToken, { name: 'Kometa' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'token-invalid', status: 401 } });
    const links = (await fake.requests()).filter((r) => r.path === '/api/v2/pins/link');
    expect(links).toHaveLength(1);
    expect(await fake.devices()).toEqual([]);
  });

  it('can be cancelled', async () => {
    const accountToken = await signInAlice();
    await fake.fault({ method: 'PUT', path: '/api/v2/pins/link', delayMs: 5_000 });
    const controller = new AbortController();
    const pending = createToolToken(testClient(fake), accountToken, { name: 'Kometa' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('removes the new device again when collecting its token fails', async () => {
    const accountToken = await signInAlice();
    // Pin ids count up: the next pin is the one after a probe pin.
    const probe = await testClient(fake).createPin({ strong: false });
    if (!probe.ok) throw new Error(probe.error.message);
    await fake.fault({ method: 'GET', path: `/api/v2/pins/${probe.value.id + 1}`, status: 500, body: 'oops' });
    const result = await createToolToken(testClient(fake), accountToken, { name: 'Kometa' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    const devices = await listDevices(testClient(fake), accountToken);
    expect(devices.ok && devices.value.some((d) => d.product === 'Kometa')).toBe(false);
    expect((await fake.devices()).some((d) => d.product === 'Kometa')).toBe(false);
  });
});

describe('revokeToolToken', () => {
  it('kills one tool token and leaves the other and the account token working', async () => {
    const accountToken = await signInAlice();
    const kometa = await mint(accountToken, 'Kometa');
    const tautulli = await mint(accountToken, 'Tautulli');
    const client = testClient(fake);
    expect(await revokeToolToken(client, accountToken, kometa.clientIdentifier)).toEqual({
      ok: true,
      value: 'removed',
    });
    expect(await checkToken(client, kometa.token)).toBe('dead');
    expect(await checkToken(client, tautulli.token)).toBe('alive');
    expect(await checkToken(client, accountToken)).toBe('alive');
    // Already gone is success.
    expect(await revokeToolToken(client, accountToken, kometa.clientIdentifier)).toEqual({
      ok: true,
      value: 'already-gone',
    });
  });

  it('works with a new account token after the app signed in again', async () => {
    const tool = await mint(await signInAlice(), 'Kometa');
    const later = await signInAlice();
    expect((await revokeToolToken(testClient(fake), later, tool.clientIdentifier)).ok).toBe(true);
    expect(await checkToken(testClient(fake), tool.token)).toBe('dead');
  });

  it('says token-invalid for a dead account token', async () => {
    const accountToken = await signInAlice();
    const tool = await mint(accountToken, 'Kometa');
    await fake.revoke(accountToken);
    expect(await revokeToolToken(testClient(fake), accountToken, tool.clientIdentifier)).toMatchObject({
      ok: false,
      error: { kind: 'token-invalid' },
    });
    expect(await checkToken(testClient(fake), tool.token)).toBe('alive');
  });
});

describe('checkToken', () => {
  it('alive for 200, dead for 401, unknown for an outage', async () => {
    const accountToken = await signInAlice();
    const client = testClient(fake, { maxRetries: 0 });
    expect(await checkToken(client, accountToken)).toBe('alive');
    await fake.fault({ method: 'GET', path: '/api/v2/user', status: 503 });
    expect(await checkToken(client, accountToken)).toBe('unknown');
    await fake.fault({ method: 'GET', path: '/api/v2/user', status: 429 });
    expect(await checkToken(client, accountToken)).toBe('unknown');
    await fake.revoke(accountToken);
    expect(await checkToken(client, accountToken)).toBe('dead');
  });

  it('a tool token whose device was removed on plex.tv is dead', async () => {
    const accountToken = await signInAlice();
    const tool = await mint(accountToken, 'Kometa');
    const devices = await listDevices(testClient(fake), accountToken);
    const id = devices.ok ? devices.value.find((d) => d.clientIdentifier === tool.clientIdentifier)?.id : undefined;
    const removed = await fetch(`${fake.origin}/devices/${id}.xml`, {
      method: 'DELETE',
      headers: { 'X-Plex-Client-Identifier': 'browser', 'X-Plex-Token': accountToken },
    });
    expect(removed.status).toBe(200);
    expect(await checkToken(testClient(fake), tool.token)).toBe('dead');
  });
});
