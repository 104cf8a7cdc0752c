import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { closedPortUrl } from '../../testing/closed-port';
import { SEEDED } from '../../testing/seeded-accounts';
import { describeThisComputer } from '../../src/core/client-info';
import { createPlexClient } from '../../src/core/plex-client';
import { testClient } from '../support/clients';

// The Plex client against the fake plex.tv over real HTTP: every row of the error table,
// the retry rules (counted in the fake's request log) and what is sent.

let fake: FakeHandle;
beforeAll(async () => {
  fake = await useFakePlex();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const { alice, bob, carol } = SEEDED;
const signinPath = '/api/v2/users/signin';
const countRequests = async (path: string) => (await fake.requests()).filter((r) => r.path === path).length;

describe('signIn', () => {
  it('signs in with one request and returns the account and token', async () => {
    const result = await testClient(fake).signIn({ login: alice.login, password: alice.password, rememberMe: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.token).toMatch(/^\S+$/);
    expect(result.value.account).toMatchObject({ username: 'alice', email: alice.login, hasPlexPass: true });
    expect(result.value.account.twoFactorEnabled).toBe(false);
    expect(await fake.requests()).toHaveLength(1);
  });

  it('sends Accept: application/json and the full X-Plex-* header set', async () => {
    await testClient(fake).signIn({ login: alice.username, password: alice.password, rememberMe: false });
    const [request] = await fake.requests();
    expect(request?.method).toBe('POST');
    expect(request?.headers).toMatchObject({
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      'x-plex-product': 'Plex Sign-In Tests',
      'x-plex-version': '0.0.0-test',
      'x-plex-client-identifier': 'test-client-identifier-1',
    });
    for (const name of ['platform', 'platform-version', 'device', 'device-name', 'model', 'device-vendor']) {
      expect(request?.headers[`x-plex-${name}`], name).toBeTruthy();
    }
  });

  it('names a computer called 客厅 so that plex.tv lists it as 客厅', async () => {
    const client = createPlexClient({
      apiUrl: fake.apiUrl,
      client: {
        ...describeThisComputer('Plex Sign-In Tests', '0.0.0-test', 'test-client-identifier-1'),
        deviceName: '客厅',
      },
    });
    expect((await client.signIn({ login: alice.login, password: alice.password, rememberMe: true })).ok).toBe(true);
    expect((await fake.devices())[0]?.deviceName).toBe('客厅');
  });

  it('reports a wrong password as invalid credentials, without retrying', async () => {
    const result = await testClient(fake).signIn({ login: alice.login, password: 'wrong', rememberMe: true });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-credentials', status: 401, code: 1001 } });
    expect(await countRequests(signinPath)).toBe(1);
  });

  it('reports a password sign-in to a password-less account as invalid credentials', async () => {
    const result = await testClient(fake).signIn({ login: carol.login, password: 'anything', rememberMe: true });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-credentials' } });
  });

  it('asks for a verification code, rejects a wrong one, accepts the code and a backup code', async () => {
    const client = testClient(fake);
    const base = { login: bob.login, password: bob.password, rememberMe: true };
    expect(await client.signIn(base)).toMatchObject({
      ok: false,
      error: { kind: 'verification-required', code: 1029 },
    });
    expect(await client.signIn({ ...base, verificationCode: '000000' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-verification-code', code: 1028 },
    });
    const withCode = await client.signIn({ ...base, verificationCode: bob.code });
    expect(withCode.ok && withCode.value.account.twoFactorEnabled).toBe(true);
    const withBackup = await client.signIn({ ...base, verificationCode: bob.backupCode });
    expect(withBackup.ok).toBe(true);
  });

  it('after a sign-in that sent a code, reports a 1001 as "the password or the code", not the password', async () => {
    const result = await testClient(fake).signIn({
      login: bob.login,
      password: 'not-bobs-password',
      verificationCode: bob.code,
      rememberMe: true,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-credentials-or-code', status: 401, code: 1001 },
    });
    if (!result.ok) expect(result.error.message).toMatch(/password or the verification code/);
    expect(await countRequests(signinPath)).toBe(1); // never retried
  });

  it('reports the IP lock-out after repeated failures, even with the right password', async () => {
    const client = testClient(fake);
    for (let i = 0; i < 5; i += 1) await client.signIn({ login: alice.login, password: 'wrong', rememberMe: true });
    const result = await client.signIn({ login: alice.login, password: alice.password, rememberMe: true });
    expect(result).toMatchObject({ ok: false, error: { kind: 'locked-out', code: 1031 } });
    expect(await countRequests(signinPath)).toBe(6);
  });

  it('retries a 503 and succeeds, honouring Retry-After', async () => {
    await fake.fault({ method: 'POST', path: signinPath, status: 503, headers: { 'Retry-After': '0' } });
    const result = await testClient(fake).signIn({ login: alice.login, password: alice.password, rememberMe: true });
    expect(result.ok).toBe(true);
    expect(await countRequests(signinPath)).toBe(2);
  });

  it('retries 429 at most twice, then reports the rate limit with its wait', async () => {
    await fake.fault({ method: 'POST', path: signinPath, status: 429, times: 5, headers: { 'Retry-After': '1' } });
    const started = Date.now();
    const result = await testClient(fake).signIn({ login: alice.login, password: alice.password, rememberMe: true });
    expect(result).toMatchObject({ ok: false, error: { kind: 'rate-limited', status: 429, retryAfterSeconds: 1 } });
    expect(await countRequests(signinPath)).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000); // waited as told, twice
  });

  it('gives up at once when Retry-After is longer than 10 seconds, saying how long to wait', async () => {
    await fake.fault({ method: 'POST', path: signinPath, status: 429, headers: { 'Retry-After': '120' } });
    const result = await testClient(fake).signIn({ login: alice.login, password: alice.password, rememberMe: true });
    expect(result).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterSeconds: 120 } });
    if (!result.ok) expect(result.error.message).toContain('2 minutes');
    expect(await countRequests(signinPath)).toBe(1);
  });

  it('reports plex.tv unavailable after three 503s, and does not retry other 5xx', async () => {
    await fake.fault({ method: 'POST', path: signinPath, status: 503, times: 3, headers: { 'Retry-After': '0' } });
    const client = testClient(fake);
    const base = { login: alice.login, password: alice.password, rememberMe: true };
    expect(await client.signIn(base)).toMatchObject({ ok: false, error: { kind: 'unavailable', status: 503 } });
    expect(await countRequests(signinPath)).toBe(3);

    await fake.reset();
    await fake.fault({ method: 'POST', path: signinPath, status: 500 });
    expect(await client.signIn(base)).toMatchObject({ ok: false, error: { kind: 'unavailable', status: 500 } });
    expect(await countRequests(signinPath)).toBe(1);
  });

  it('reports an HTML page from a proxy as an unexpected response', async () => {
    await fake.fault({
      method: 'POST',
      path: signinPath,
      status: 200,
      body: '<html><body>Sign in to the hotel Wi-Fi</body></html>',
      contentType: 'text/html',
    });
    const result = await testClient(fake).signIn({ login: alice.login, password: alice.password, rememberMe: true });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unexpected-response', status: 200 } });
  });

  it('reports JSON without the account fields as an unexpected response', async () => {
    await fake.fault({
      method: 'POST',
      path: signinPath,
      status: 201,
      body: '{"user":{}}',
      contentType: 'application/json',
    });
    const result = await testClient(fake).signIn({ login: alice.login, password: alice.password, rememberMe: true });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unexpected-response' } });
  });

  it('reports an account whose token is not a token as an unexpected response, never handing it over', async () => {
    const signedIn = await testClient(fake).signIn({ login: alice.login, password: alice.password, rememberMe: true });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const account = JSON.parse(
      JSON.stringify({ ...signedIn.value.account, friendlyName: 'x', joinedAt: 1_600_000_000 }),
    ) as Record<string, unknown>;
    for (const authToken of ['FAKE\r\nX-Injected: 1', 'FAKE TOKEN', 'T'.repeat(4097)]) {
      await fake.fault({
        method: 'POST',
        path: signinPath,
        status: 201,
        body: JSON.stringify({ ...account, authToken }),
        contentType: 'application/json',
      });
      const result = await testClient(fake).signIn({ login: alice.login, password: alice.password, rememberMe: true });
      expect(result).toMatchObject({ ok: false, error: { kind: 'unexpected-response', status: 201 } });
      expect(JSON.stringify(result)).not.toContain('FAKE');
    }
  });

  it('reports a dropped connection and a refused one as network failures', async () => {
    await fake.fault({ method: 'POST', path: signinPath, reset: true });
    const dropped = await testClient(fake).signIn({ login: alice.login, password: alice.password, rememberMe: true });
    expect(dropped).toMatchObject({ ok: false, error: { kind: 'network' } });

    const refused = await testClient(fake, { apiUrl: await closedPortUrl() }).signIn({
      login: alice.login,
      password: alice.password,
      rememberMe: true,
    });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'network' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/^Could not reach plex\.tv \(127\.0\.0\.1:\d+\)/);
  });

  it('times out a request that takes longer than the limit', async () => {
    await fake.fault({ method: 'POST', path: signinPath, delayMs: 3000 });
    const started = Date.now();
    const result = await testClient(fake, { timeoutMs: 300 }).signIn({
      login: alice.login,
      password: alice.password,
      rememberMe: true,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('can be cancelled while waiting for an answer and while waiting to retry', async () => {
    const client = testClient(fake, { defaultRetryWaitMs: 5000 });
    const base = { login: alice.login, password: alice.password, rememberMe: true };

    await fake.fault({ method: 'POST', path: signinPath, delayMs: 3000 });
    const inFlight = new AbortController();
    setTimeout(() => inFlight.abort(), 100);
    expect(await client.signIn(base, { signal: inFlight.signal })).toMatchObject({
      ok: false,
      error: { kind: 'cancelled' },
    });

    await fake.reset();
    await fake.fault({ method: 'POST', path: signinPath, status: 503 });
    const waiting = new AbortController();
    setTimeout(() => waiting.abort(), 300);
    const started = Date.now();
    expect(await client.signIn(base, { signal: waiting.signal })).toMatchObject({
      ok: false,
      error: { kind: 'cancelled' },
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await countRequests(signinPath)).toBe(1);
  });

  it('never puts the password in a result, whatever the outcome', async () => {
    const password = 'pä$$ wörd&=+%/🔑';
    const client = testClient(fake, { timeoutMs: 200 });
    const outcomes = [await client.signIn({ login: alice.login, password, rememberMe: true })];
    await fake.fault({ method: 'POST', path: signinPath, delayMs: 1000 });
    outcomes.push(await client.signIn({ login: alice.login, password, rememberMe: true }));
    await fake.fault({ method: 'POST', path: signinPath, reset: true });
    outcomes.push(await client.signIn({ login: alice.login, password, rememberMe: true }));
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      expect(JSON.stringify(outcome)).not.toContain('wörd');
    }
  });
});

describe('getAccount and signOut', () => {
  async function aliceToken() {
    const result = await testClient(fake).signIn({ login: alice.login, password: alice.password, rememberMe: true });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.token;
  }

  it('returns the account of a live token', async () => {
    const token = await aliceToken();
    const result = await testClient(fake).getAccount(token);
    expect(result).toMatchObject({ ok: true, value: { token, account: { username: 'alice', hasPlexPass: true } } });
    const request = (await fake.requests()).at(-1);
    expect(request?.headers['x-plex-token']).toBe(token);
    expect(request?.query).toEqual({}); // the token travels in a header, never in the URL
  });

  it('reports a revoked token as invalid, with one request (a 401 is never retried)', async () => {
    const token = await aliceToken();
    await fake.revoke(token);
    const result = await testClient(fake).getAccount(token);
    expect(result).toMatchObject({ ok: false, error: { kind: 'token-invalid', status: 401 } });
    expect(await countRequests('/api/v2/user')).toBe(1);
  });

  it('reports a 498 as an expired token', async () => {
    const token = await aliceToken();
    await fake.fault({ method: 'GET', path: '/api/v2/user', status: 498, body: '', contentType: 'text/plain' });
    expect(await testClient(fake).getAccount(token)).toMatchObject({ ok: false, error: { kind: 'token-expired' } });
  });

  it('signs out: the token is revoked and then reported invalid', async () => {
    const token = await aliceToken();
    const client = testClient(fake);
    expect(await client.signOut(token)).toEqual({ ok: true, value: undefined });
    expect(await client.getAccount(token)).toMatchObject({ ok: false, error: { kind: 'token-invalid' } });
    expect(await client.signOut(token)).toMatchObject({ ok: false, error: { kind: 'token-invalid' } });
  });

  it('keeps one token per client identifier: signing in again replaces it', async () => {
    const first = await aliceToken();
    const second = await aliceToken();
    expect(second).not.toBe(first);
    expect(await testClient(fake).getAccount(first)).toMatchObject({ ok: false, error: { kind: 'token-invalid' } });
    const devices = await fake.devices();
    expect(devices.filter((d) => d.clientIdentifier === 'test-client-identifier-1')).toHaveLength(1);
  });
});
