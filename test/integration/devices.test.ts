import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listDevices, removeDevice, removeDevices } from '../../src/core/devices';
import { pickStaleDevices } from '../../src/core/stale-devices';
import { checkToken, createToolToken } from '../../src/core/tool-tokens';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { SEEDED } from '../../testing/seeded-accounts';
import { signInWithTestClient, TEST_CLIENT_IDENTIFIER, testClient } from '../support/clients';

// Authorized Devices (docs/plex-api.md §5b) against the fake plex.tv over real HTTP.

let fake: FakeHandle;
beforeAll(async () => {
  fake = await useFakePlex();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const { alice } = SEEDED;
const APP_CLIENT = TEST_CLIENT_IDENTIFIER;
const signInAlice = () => signInWithTestClient(fake, alice);

async function devicesOf(token: string) {
  const result = await listDevices(testClient(fake), token);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('listDevices', () => {
  it("reads alice's devices from devices.xml at plex.tv's v1 origin, without any device's token", async () => {
    const token = await signInAlice();
    const devices = await devicesOf(token);
    expect(devices.map((d) => d.product).sort()).toEqual([
      'Plex Sign-In Tests',
      'Plex Web',
      'PlexAPI',
      'PlexAPI',
      'Tautulli',
    ]);
    const app = devices.find((d) => d.clientIdentifier === APP_CLIENT);
    expect(app).toMatchObject({ hasToken: true, provides: [] });
    expect(Date.parse(app?.lastSeenAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const [request] = (await fake.requests()).filter((r) => r.path === '/devices.xml');
    expect(request?.headers).toMatchObject({ 'x-plex-token': token, 'x-plex-client-identifier': APP_CLIENT });
    const text = JSON.stringify(devices);
    for (const entry of await fake.allDevices()) expect(text).not.toContain(entry.token);
  });

  it('reports a dead account token as token-invalid', async () => {
    const token = await signInAlice();
    await fake.revoke(token);
    expect(await listDevices(testClient(fake), token)).toMatchObject({ ok: false, error: { kind: 'token-invalid' } });
  });

  it('reports an HTML answer as unexpected', async () => {
    const token = await signInAlice();
    await fake.fault({
      method: 'GET',
      path: '/devices.xml',
      status: 200,
      body: '<html>portal</html>',
      contentType: 'text/html',
    });
    expect(await listDevices(testClient(fake), token)).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-response' },
    });
  });
});

describe('removeDevice', () => {
  it('removes one device and kills its token only; an unknown id is already gone', async () => {
    const token = await signInAlice();
    const seeded = await fake.allDevices();
    const tautulli = (await devicesOf(token)).find((d) => d.product === 'Tautulli')!;
    expect(await removeDevice(testClient(fake), token, tautulli.id)).toEqual({ ok: true, value: 'removed' });
    const tautulliToken = seeded.find((d) => d.product === 'Tautulli')!.token;
    expect(await checkToken(testClient(fake), tautulliToken)).toBe('dead');
    expect(await checkToken(testClient(fake), seeded.find((d) => d.product === 'Plex Web')!.token)).toBe('alive');
    expect(await removeDevice(testClient(fake), token, tautulli.id)).toEqual({ ok: true, value: 'already-gone' });
  });

  it('refuses an id that is not a number, before sending anything', async () => {
    await expect(removeDevice(testClient(fake), 'tok', '../user')).rejects.toThrow(TypeError);
    expect(await fake.requests()).toEqual([]);
  });
});

describe('stale-device clean-up', () => {
  it('removing the stale devices kills their tokens and only theirs', async () => {
    const token = await signInAlice();
    const tool = await createToolToken(testClient(fake), token, { name: 'Kometa' });
    if (!tool.ok) throw new Error(tool.error.message);
    const devices = await devicesOf(token);
    const stale = pickStaleDevices(devices, { protect: new Set([APP_CLIENT, tool.value.clientIdentifier]) });
    expect(stale.map((s) => s.device.product)).toEqual(['PlexAPI', 'PlexAPI']);
    const before = await fake.allDevices();
    const progress: number[] = [];
    const result = await removeDevices(
      testClient(fake),
      token,
      stale.map((s) => s.device.id),
      { onProgress: (done) => progress.push(done) },
    );
    expect(result).toMatchObject({ removed: stale.map((s) => s.device.id), alreadyGone: [], notTried: [] });
    expect(result.failed).toBeUndefined();
    expect(progress).toEqual([1, 2]);
    const live = new Set((await fake.allDevices()).map((d) => d.token));
    for (const d of before) expect(live.has(d.token), d.product ?? '').toBe(d.product !== 'PlexAPI');
    expect(await checkToken(testClient(fake), tool.value.token)).toBe('alive');
  });

  it('honours a 429 with Retry-After during a bulk removal, one device at a time', async () => {
    const token = await signInAlice();
    const stale = pickStaleDevices(await devicesOf(token)).map((s) => s.device.id);
    await fake.fault({
      method: 'DELETE',
      path: `/devices/${stale[1]}.xml`,
      status: 429,
      headers: { 'Retry-After': '1' },
      body: JSON.stringify({ errors: [{ code: 1003, message: 'API rate limit exceeded', status: 429 }] }),
      contentType: 'application/json',
    });
    const started = Date.now();
    const result = await removeDevices(testClient(fake), token, stale);
    expect(result.removed).toEqual(stale);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const deletes = (await fake.requests()).filter((r) => r.method === 'DELETE').map((r) => r.path);
    expect(deletes).toEqual([`/devices/${stale[0]}.xml`, `/devices/${stale[1]}.xml`, `/devices/${stale[1]}.xml`]);
  });

  it('stops at a rate limit that outlasts the retries and says what was not tried', async () => {
    const token = await signInAlice();
    const stale = pickStaleDevices(await devicesOf(token)).map((s) => s.device.id);
    await fake.fault({ method: 'DELETE', path: `/devices/${stale[0]}.xml`, status: 429, times: 3 });
    const result = await removeDevices(testClient(fake), token, stale);
    expect(result).toMatchObject({
      removed: [],
      failed: { id: stale[0], error: { kind: 'rate-limited' } },
      notTried: [stale[1]],
    });
  });
});
