import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { waitForPin } from '../../src/core/pin-sign-in';
import type { PlexPin } from '../../src/core/pin-schema';
import { closedPortUrl } from '../../testing/closed-port';
import { SEEDED } from '../../testing/seeded-accounts';
import { testClient } from '../support/clients';

// Browser and link-code sign-in against the fake plex.tv: the approval step is the fake's
// /__fake/pins/{id}/claim (what the user does in the browser). The polling rate is read
// from the fake's request log.

let fake: FakeHandle;
beforeAll(async () => {
  fake = await useFakePlex();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const pinPolls = async (id: number) =>
  (await fake.requests()).filter((r) => r.method === 'GET' && r.path === `/api/v2/pins/${id}`).length;

async function newPin(strong: boolean): Promise<PlexPin> {
  const result = await testClient(fake).createPin({ strong });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function until(check: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('createPin', () => {
  it('makes a strong 25-character PIN for the browser and a 4-character one for plex.tv/link', async () => {
    const strong = await newPin(true);
    expect(strong.code).toMatch(/^[a-z0-9]{25}$/);
    expect(Date.parse(strong.expiresAt) - Date.now()).toBeGreaterThan(1700_000);
    const short = await newPin(false);
    expect(short.code).toMatch(/^[A-Z0-9]{4}$/);
    expect(short.authToken).toBeNull();
    const [first] = await fake.requests();
    expect(first).toMatchObject({ method: 'POST', path: '/api/v2/pins', query: { strong: 'true' } });
  });
});

describe('waitForPin', () => {
  it('lands on the account once the PIN is approved, polling at most once a second and not after', async () => {
    const pin = await newPin(true);
    const started = Date.now();
    const waiting = waitForPin(testClient(fake), pin);
    await until(async () => (await pinPolls(pin.id)) >= 2);
    await fake.claimPin(pin.id, SEEDED.carol.username);
    const result = await waiting;
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ ok: true, value: { account: { username: 'carol', hasPassword: false } } });
    const polls = await pinPolls(pin.id);
    expect(polls).toBeLessThanOrEqual(Math.floor(elapsed / 1000) + 1);
    // The account is fetched with the new token, which is carol's live token on plex.tv.
    const devices = await fake.devices();
    expect(devices.map((d) => d.login)).toEqual(['carol']);
    if (result.ok) expect(result.value.token).toBe(devices[0]?.token);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await pinPolls(pin.id)).toBe(polls);
  });

  it('approves a short code entered at plex.tv/link from a signed-in device', async () => {
    const pin = await newPin(false);
    const waiting = waitForPin(testClient(fake), pin);
    // Another device (alice's phone) approves the code through PUT /pins/link.
    const alice = await testClient(fake).signIn({ login: 'alice', password: SEEDED.alice.password, rememberMe: true });
    if (!alice.ok) throw new Error(alice.error.message);
    const res = await fetch(`${fake.apiUrl}/pins/link`, {
      method: 'PUT',
      headers: {
        'X-Plex-Client-Identifier': 'alices-phone',
        'X-Plex-Token': alice.value.token,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: `code=${pin.code}`,
    });
    expect(res.status).toBe(204);
    expect(await waiting).toMatchObject({ ok: true, value: { account: { username: 'alice' } } });
  });

  it('reports an expired PIN (404) and stops polling', async () => {
    const pin = await newPin(true);
    await fake.fault({
      method: 'GET',
      path: `/api/v2/pins/${pin.id}`,
      status: 404,
      body: '{"errors":[{"code":1020,"message":"Code not found or expired","status":404}]}',
      contentType: 'application/json',
    });
    const result = await waitForPin(testClient(fake), pin);
    expect(result).toMatchObject({ ok: false, error: { kind: 'pin-expired' } });
    expect(await pinPolls(pin.id)).toBe(1);
  });

  it('stops at the deadline and after it polls no more', async () => {
    const pin = await newPin(false);
    const started = Date.now();
    const result = await waitForPin(testClient(fake), pin, { deadline: Date.now() + 2200 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'pin-expired' } });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(3500);
    const polls = await pinPolls(pin.id);
    expect(polls).toBeGreaterThanOrEqual(2);
    // At most once a second, judged against the time it really took (a loaded machine runs late).
    expect(polls).toBeLessThanOrEqual(Math.floor(elapsed / 1000) + 1);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await pinPolls(pin.id)).toBe(polls);
  });

  it('rides out network blips and 5xx by slowing down, then succeeds', async () => {
    const pin = await newPin(true);
    const path = `/api/v2/pins/${pin.id}`;
    await fake.fault({ method: 'GET', path, reset: true, times: 2 });
    await fake.fault({ method: 'GET', path, status: 503, headers: { 'Retry-After': '0' } });
    const started = Date.now();
    const waiting = waitForPin(testClient(fake), pin, { maxBackoffMs: 2000 });
    await until(async () => (await pinPolls(pin.id)) >= 4);
    // Backing off to 2 s after each of the three failures: four polls take 6 s or more.
    expect(Date.now() - started).toBeGreaterThanOrEqual(5500);
    await fake.claimPin(pin.id, 'alice');
    expect(await waiting).toMatchObject({ ok: true, value: { account: { username: 'alice' } } });
  }, 30_000);

  it('waits as long as a 429 says before polling again', async () => {
    const pin = await newPin(true);
    await fake.fault({ method: 'GET', path: `/api/v2/pins/${pin.id}`, status: 429, headers: { 'Retry-After': '3' } });
    const started = Date.now();
    const waiting = waitForPin(testClient(fake), pin);
    await until(async () => (await pinPolls(pin.id)) >= 2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    await fake.claimPin(pin.id, 'alice');
    expect((await waiting).ok).toBe(true);
  });

  it('stops when cancelled, and polls no more', async () => {
    const pin = await newPin(true);
    const controller = new AbortController();
    const waiting = waitForPin(testClient(fake), pin, { signal: controller.signal });
    await until(async () => (await pinPolls(pin.id)) >= 1);
    controller.abort();
    expect(await waiting).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    const polls = await pinPolls(pin.id);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await pinPolls(pin.id)).toBe(polls);
  });

  it('reports the network, not an expiry, when plex.tv was unreachable until the deadline', async () => {
    const pin = await newPin(true);
    const offline = testClient(fake, { apiUrl: await closedPortUrl() });
    const result = await waitForPin(offline, pin, { deadline: Date.now() + 1500 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } });
  });
});
