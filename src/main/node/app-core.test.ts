import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandle, useFakePlex } from '../../../testing/fake-plex/control';
import type { IpcChannel, IpcRequest, IpcResultOf } from '../../shared/ipc-contract';
import type { AppInfo, CopyTokenResult, IpcResult, SessionView, SignInOutcome } from '../../shared/ipc-views';
import { closedPortUrl } from '../../../testing/closed-port';
import { SEEDED } from '../../../testing/seeded-accounts';
import {
  createJsonFileStore,
  createMemoryClipboard,
  createTestEncryptor,
  createWindowFocusRecorder,
} from '../../../testing/main-doubles';
import { browserAuthUrl } from '../../core/pin-schema';
import { qrCodePath } from './qr-code';
import { type AppCore, type AppCoreDeps, createAppCore } from './app-core';

// The main side end to end, as Electron and the e2e bridge use it: createAppCore over a
// real JSON file, a real AES-GCM encryptor and a memory clipboard, talking real HTTP to
// the fake plex.tv. Requests are counted in the fake's log.

const { alice, bob } = SEEDED;

let fake: FakeHandle;
beforeAll(async () => {
  fake = await useFakePlex();
});
afterAll(() => fake.close());

let dir: string;
let file: string;
let key: Buffer;
let clipboard: ReturnType<typeof createMemoryClipboard>;
let opened: string[];
let logs: string[];
let results: unknown[];
const cores: AppCore[] = [];

beforeEach(async () => {
  await fake.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-signin-core-'));
  file = path.join(dir, 'config.json');
  key = randomBytes(32);
  clipboard = createMemoryClipboard();
  opened = [];
  logs = [];
  results = [];
});
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts the app (again) over this test's settings file and keystore key. */
function launch(options: Partial<AppCoreDeps> & { backend?: string; available?: boolean } = {}): AppCore {
  const { backend, available, ...deps } = options;
  const core = createAppCore({
    apiUrl: fake.apiUrl,
    store: createJsonFileStore(file),
    encryptor: createTestEncryptor({
      key,
      ...(backend === undefined ? {} : { backend }),
      ...(available === undefined ? {} : { available }),
    }),
    clipboard,
    openInBrowser: async (url) => {
      opened.push(url);
    },
    log: (line) => logs.push(line),
    ...deps,
  });
  cores.push(core);
  return core;
}

async function call<C extends IpcChannel>(
  core: AppCore,
  channel: C,
  ...payload: IpcRequest<C> extends void ? [] : [IpcRequest<C>]
): Promise<IpcResult<IpcResultOf<C>>> {
  const result = (await core.invoke(channel, payload[0], { trusted: true })) as IpcResult<IpcResultOf<C>>;
  results.push(result);
  return result;
}

function value<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

async function signInAlice(core: AppCore, rememberMe = true): Promise<SessionView> {
  const outcome = value(
    await call(core, 'session:sign-in', { login: alice.login, password: alice.password, rememberMe }),
  );
  if (outcome.status !== 'signed-in') throw new Error('expected signed-in');
  return outcome.session;
}

/** The live token of this test's device, straight from the fake (the app never reveals it). */
async function liveToken(): Promise<string> {
  const devices = await fake.devices();
  expect(devices).toHaveLength(1);
  return devices[0]!.token;
}

const requests = async () => (await fake.requests()).map((r) => `${r.method} ${r.path}`);
const storeText = () => fs.readFileSync(file, 'utf8');
const storeDoc = () => JSON.parse(storeText()) as { clientIdentifier: string; session?: unknown };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('app:get-info', () => {
  it('describes the app and the API it talks to, without a request', async () => {
    const info = value(await call(launch(), 'app:get-info'));
    expect(info).toMatchObject<Partial<AppInfo>>({
      productName: 'Plex Sign-In',
      apiUrl: fake.apiUrl,
      usingPlexTv: false,
      rememberAvailable: true,
      rememberUnavailableReason: null,
    });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await requests()).toEqual([]);
  });

  it('knows the real plex.tv, and says why Remember me is off with basic_text', async () => {
    const info = value(
      await call(launch({ apiUrl: 'https://plex.tv/api/v2/', backend: 'basic_text' }), 'app:get-info'),
    );
    expect(info.usingPlexTv).toBe(true);
    expect(info.apiUrl).toBe('https://plex.tv/api/v2');
    expect(info.rememberAvailable).toBe(false);
    expect(info.rememberUnavailableReason).toMatch(/kept only until you quit/);
  });
});

describe('sign-in', () => {
  it('signs in with one request and shows the account with a masked token', async () => {
    const core = launch();
    expect(value(await call(core, 'session:get'))).toEqual({ signedIn: false, notice: null });
    const session = await signInAlice(core);
    expect(session).toMatchObject({
      signedIn: true,
      account: { username: 'alice', email: alice.login, hasPlexPass: true },
      storage: 'keychain',
      validation: 'valid',
      validationMessage: null,
      notice: null,
    });
    const token = await liveToken();
    expect(session.signedIn && session.tokenPreview).toBe(`${'•'.repeat(12)}${token.slice(-4)}`);
    expect(await requests()).toEqual(['POST /api/v2/users/signin']);
  });

  it('tells plex.tv who it is: the product and this install’s client identifier', async () => {
    await signInAlice(launch({ product: 'Plex Sign-In (test)' }));
    const [request] = await fake.requests();
    expect(request?.headers['x-plex-product']).toBe('Plex Sign-In (test)');
    expect(request?.headers['x-plex-client-identifier']).toBe(storeDoc().clientIdentifier);
  });

  it('keeps one device across launches: the same client identifier every time', async () => {
    await signInAlice(launch());
    const again = launch(); // signed in from the saved session: signing in again means signing out first
    await call(again, 'session:sign-out');
    await signInAlice(again);
    const devices = await fake.devices();
    expect(devices).toHaveLength(1);
    expect(devices[0]?.clientIdentifier).toBe(storeDoc().clientIdentifier);
  });

  it('asks for the code of a 2FA account, then signs in with the second request', async () => {
    const core = launch();
    const request = { login: bob.login, password: bob.password, rememberMe: true };
    expect(value(await call(core, 'session:sign-in', request))).toEqual({ status: 'verification-required' });
    expect(value(await call(core, 'session:get'))).toEqual({ signedIn: false, notice: null });

    const wrong = await call(core, 'session:sign-in', { ...request, verificationCode: '000000' });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'invalid-verification-code' } });

    const outcome = value(await call(core, 'session:sign-in', { ...request, verificationCode: bob.code }));
    expect(outcome).toMatchObject({ status: 'signed-in', session: { account: { username: 'bob' } } });
    expect(await requests()).toHaveLength(3);
  });

  it('reports a wrong password with plex.tv’s kind and sentence, and stores nothing', async () => {
    const core = launch();
    const result = await call(core, 'session:sign-in', { login: alice.login, password: 'wrong', rememberMe: true });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-credentials' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Plex did not accept/);
    expect(storeDoc().session).toBeUndefined();
    expect(await requests()).toHaveLength(1);
  });

  it('passes on how long plex.tv asks us to wait', async () => {
    await fake.fault({ method: 'POST', path: '/api/v2/users/signin', status: 429, headers: { 'Retry-After': '120' } });
    const result = await call(launch(), 'session:sign-in', {
      login: alice.login,
      password: alice.password,
      rememberMe: true,
    });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'rate-limited', message: expect.stringContaining('2 minutes'), retryAfterSeconds: 120 },
    });
  });

  it('refuses a second sign-in while one is under way, without a request', async () => {
    await fake.fault({ method: 'POST', path: '/api/v2/users/signin', delayMs: 400 });
    const core = launch();
    const request = { login: alice.login, password: alice.password, rememberMe: true };
    const first = call(core, 'session:sign-in', request);
    const second = await call(core, 'session:sign-in', request);
    expect(second).toMatchObject({ ok: false, error: { kind: 'busy' } });
    expect(value(await first)).toMatchObject({ status: 'signed-in' });
    expect(await requests()).toEqual(['POST /api/v2/users/signin']);
    // Once it is over, and the user signed out, signing in works again.
    await call(core, 'session:sign-out');
    expect(value(await call(core, 'session:sign-in', request))).toMatchObject({ status: 'signed-in' });
  });

  it('refuses an untrusted sender without a request', async () => {
    const core = launch();
    const result = await core.invoke(
      'session:sign-in',
      { login: alice.login, password: alice.password, rememberMe: true },
      { trusted: false },
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await requests()).toEqual([]);
  });
});

describe('what is stored', () => {
  it('stores the token encrypted only, and shows the account on relaunch with no request', async () => {
    const session = await signInAlice(launch());
    const token = await liveToken();
    expect(storeText()).not.toContain(token);
    expect(storeText()).toContain('alice@example.com');
    await fake.reset(); // forget the sign-in request; the token too, but no request is made
    const relaunched = launch();
    const view = value(await call(relaunched, 'session:get'));
    expect(view).toEqual({ ...session, validation: 'checking' });
    expect(await requests()).toEqual([]);
  });

  it('validates the restored token with GET /user (after the launch GET /ping that keeps it alive)', async () => {
    await signInAlice(launch());
    const core = launch();
    const view = value(await call(core, 'session:validate'));
    expect(view).toMatchObject({ signedIn: true, validation: 'valid', validationMessage: null });
    expect(await requests()).toEqual(['POST /api/v2/users/signin', 'GET /api/v2/ping', 'GET /api/v2/user']);
    const token = await liveToken();
    expect((await fake.requests()).at(-1)?.headers['x-plex-token']).toBe(token);
  });

  it('with Remember me off, keeps the token in memory only', async () => {
    const session = await signInAlice(launch(), false);
    expect(session).toMatchObject({ storage: 'session-only' });
    expect(storeText()).not.toContain(await liveToken());
    expect(storeDoc()).toEqual({ clientIdentifier: expect.any(String) });
    expect(value(await call(launch(), 'session:get'))).toEqual({ signedIn: false, notice: null });
  });

  it('with Remember me off, also drops what an earlier remembered sign-in stored', async () => {
    await signInAlice(launch(), true);
    expect(storeDoc().session).toBeDefined();
    const again = launch();
    await call(again, 'session:sign-out');
    await signInAlice(again, false);
    expect(storeDoc().session).toBeUndefined();
  });

  it.each([
    ['basic_text', { backend: 'basic_text' }],
    ['no encryption at all', { available: false }],
  ])('with %s, never writes the token to disk, even with Remember me', async (_name, keystore) => {
    const core = launch(keystore);
    const session = await signInAlice(core, true);
    expect(session).toMatchObject({ storage: 'session-only' });
    const token = await liveToken();
    const bytes = fs.readFileSync(file);
    expect(bytes.includes(Buffer.from(token))).toBe(false);
    expect(storeDoc().session).toBeUndefined();
    expect(value(await call(core, 'token:copy')).clearAfterSeconds).toBeGreaterThan(0); // still usable this run
    expect(value(await call(launch(keystore), 'session:get'))).toEqual({ signedIn: false, notice: null });
  });

  it('starts over, signed out with a one-time notice, from a corrupt settings file', async () => {
    fs.writeFileSync(file, '{"clientIdentifier": "abc');
    const core = launch();
    expect(value(await call(core, 'session:get'))).toMatchObject({
      signedIn: false,
      notice: { kind: 'store-unreadable', message: expect.any(String) },
    });
    expect(value(await call(core, 'session:get'))).toEqual({ signedIn: false, notice: null });
    expect(fs.readdirSync(dir).some((name) => name.startsWith('config.json.corrupt-'))).toBe(true);
    expect(storeDoc().clientIdentifier).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('signs out with a notice, keeping the device, when the keychain key changed', async () => {
    await signInAlice(launch());
    const id = storeDoc().clientIdentifier;
    key = randomBytes(32);
    const core = launch();
    expect(value(await call(core, 'session:get'))).toMatchObject({
      signedIn: false,
      notice: { kind: 'token-undecryptable' },
    });
    expect(storeDoc()).toEqual({ clientIdentifier: id });
  });
});

describe('session:validate', () => {
  it('makes no request when nobody is signed in', async () => {
    expect(value(await call(launch(), 'session:validate'))).toEqual({ signedIn: false, notice: null });
    expect(await requests()).toEqual([]);
  });

  it('signs out, forgetting the token, when plex.tv says it is dead (401)', async () => {
    await signInAlice(launch());
    await fake.revoke(await liveToken());
    const core = launch();
    const id = storeDoc().clientIdentifier;
    const view = value(await call(core, 'session:validate'));
    expect(view).toMatchObject({ signedIn: false, notice: { kind: 'signed-out-elsewhere' } });
    if (!view.signedIn) expect(view.notice?.message).toMatch(/signed out elsewhere or your password changed/);
    expect(storeDoc()).toEqual({ clientIdentifier: id });
    expect(value(await call(core, 'session:get'))).toEqual({ signedIn: false, notice: null });
  });

  it('signs out on 498 (expired) too', async () => {
    await signInAlice(launch());
    await fake.fault({ method: 'GET', path: '/api/v2/user', status: 498, body: '', contentType: 'text/plain' });
    const view = value(await call(launch(), 'session:validate'));
    expect(view).toMatchObject({ signedIn: false, notice: { kind: 'signed-out-elsewhere' } });
  });

  it.each([
    ['a 500', { status: 500 }],
    ['a 429', { status: 429, headers: { 'Retry-After': '120' } }],
    ['a dropped connection', { reset: true }],
    ['a captive portal page', { status: 200, body: '<html>Wi-Fi</html>', contentType: 'text/html' }],
  ])('keeps the account on %s, marked unreachable', async (_name, fault) => {
    await signInAlice(launch());
    await fake.fault({ method: 'GET', path: '/api/v2/user', ...fault });
    const view = value(await call(launch(), 'session:validate'));
    expect(view).toMatchObject({ signedIn: true, validation: 'unreachable', validationMessage: expect.any(String) });
    expect(storeDoc().session).toBeDefined();
  });

  it('keeps the account on a timeout', async () => {
    await signInAlice(launch());
    await fake.fault({ method: 'GET', path: '/api/v2/user', delayMs: 1500 });
    const view = value(await call(launch({ timeoutMs: 300 }), 'session:validate'));
    expect(view).toMatchObject({ signedIn: true, validation: 'unreachable' });
    if (view.signedIn) expect(view.validationMessage).toMatch(/did not answer/);
  });

  it('keeps the account when plex.tv cannot be reached at all', async () => {
    await signInAlice(launch());
    const view = value(await call(launch({ apiUrl: await closedPortUrl() }), 'session:validate'));
    expect(view).toMatchObject({ signedIn: true, validation: 'unreachable' });
    if (view.signedIn) expect(view.validationMessage).toMatch(/^Could not reach/);
  });

  it('refreshes the stored account summary on success', async () => {
    await signInAlice(launch());
    const doc = JSON.parse(storeText()) as { session: { account: { title: string } } };
    doc.session.account.title = 'Stale Title';
    fs.writeFileSync(file, JSON.stringify(doc));
    const core = launch();
    expect(value(await call(core, 'session:get'))).toMatchObject({ account: { title: 'Stale Title' } });
    expect(value(await call(core, 'session:validate'))).toMatchObject({ account: { title: 'alice' } });
    expect(storeText()).not.toContain('Stale Title');
  });

  it('asks plex.tv once when asked twice at the same time', async () => {
    await signInAlice(launch());
    const core = launch();
    const [a, b] = await Promise.all([call(core, 'session:validate'), call(core, 'session:validate')]);
    expect(a).toEqual(b);
    expect((await requests()).filter((r) => r === 'GET /api/v2/user')).toHaveLength(1);
  });

  it('ignores an answer about a token the user signed out of meanwhile', async () => {
    await signInAlice(launch());
    await fake.fault({ method: 'GET', path: '/api/v2/user', status: 401, delayMs: 1000 });
    const core = launch();
    const validating = call(core, 'session:validate'); // the old token, answered 401 later
    value(await call(core, 'session:sign-out'));
    await signInAlice(core);
    // Whenever the 401 lands, it is about the old token: the new session stays.
    const stale = value(await validating);
    expect(stale.notice?.kind).not.toBe('signed-out-elsewhere');
    expect(value(await call(core, 'session:get'))).toMatchObject({ signedIn: true, validation: 'valid' });
    expect(storeDoc().session).toBeDefined();
  });
});

describe('token:copy', () => {
  it('copies the token and clears the clipboard after the delay', async () => {
    const core = launch({ clipboardClearMs: 200 });
    await signInAlice(core);
    expect(value(await call(core, 'token:copy'))).toEqual<CopyTokenResult>({ clearAfterSeconds: 1 });
    expect(clipboard.readText()).toBe(await liveToken());
    await sleep(500);
    expect(clipboard.readText()).toBe('');
  });

  it('says 60 seconds by default', async () => {
    const core = launch();
    await signInAlice(core);
    expect(value(await call(core, 'token:copy'))).toEqual({ clearAfterSeconds: 60 });
  });

  it('leaves the clipboard alone if the user copied something else', async () => {
    const core = launch({ clipboardClearMs: 200 });
    await signInAlice(core);
    await call(core, 'token:copy');
    clipboard.writeText('something the user copied');
    await sleep(500);
    expect(clipboard.readText()).toBe('something the user copied');
  });

  it('clears the token from the clipboard at once when the app closes', async () => {
    const core = launch({ clipboardClearMs: 60_000 });
    await signInAlice(core);
    await call(core, 'token:copy');
    expect(clipboard.readText()).toBe(await liveToken());
    core.dispose();
    await sleep(50);
    expect(clipboard.readText()).toBe('');
  });

  it.each(['session:sign-out', 'session:revoke'] as const)(
    'clears the token from the clipboard on %s',
    async (channel) => {
      const core = launch({ clipboardClearMs: 60_000 });
      await signInAlice(core);
      await call(core, 'token:copy');
      value(await call(core, channel));
      expect(clipboard.readText()).toBe('');
    },
  );

  it('leaves what the user copied since alone on sign-out', async () => {
    const core = launch({ clipboardClearMs: 60_000 });
    await signInAlice(core);
    await call(core, 'token:copy');
    clipboard.writeText('something the user copied');
    value(await call(core, 'session:sign-out'));
    expect(clipboard.readText()).toBe('something the user copied');
  });

  it('clears, at the next launch, a saved token an app killed before its timer left on the clipboard', async () => {
    const core = launch({ clipboardClearMs: 60_000 });
    await signInAlice(core);
    await call(core, 'token:copy');
    const token = String(clipboard.readText());
    cores.splice(cores.indexOf(core), 1); // killed: no dispose, no clear
    launch();
    await sleep(50);
    expect(clipboard.readText()).toBe('');
    expect(token).toBe(await liveToken());
  });

  it('says so when nobody is signed in', async () => {
    const result = await call(launch(), 'token:copy');
    expect(result).toMatchObject({ ok: false, error: { kind: 'not-signed-in' } });
    expect(clipboard.readText()).toBe('');
  });
});

describe('sign-out and revoke', () => {
  it('signs out locally without revoking: the token keeps working elsewhere', async () => {
    const core = launch();
    await signInAlice(core);
    const view = value(await call(core, 'session:sign-out'));
    expect(view).toMatchObject({ signedIn: false, notice: { kind: 'signed-out' } });
    expect(await requests()).toEqual(['POST /api/v2/users/signin']);
    expect(await fake.devices()).toHaveLength(1);
    expect(storeDoc().session).toBeUndefined();
    expect(value(await call(core, 'session:get'))).toEqual({ signedIn: false, notice: null });
    expect(value(await call(launch(), 'session:get'))).toEqual({ signedIn: false, notice: null });
  });

  it('revokes the token on plex.tv, then forgets it', async () => {
    const core = launch();
    await signInAlice(core);
    const view = value(await call(core, 'session:revoke'));
    expect(view).toMatchObject({ signedIn: false, notice: { kind: 'revoked' } });
    expect(await requests()).toEqual(['POST /api/v2/users/signin', 'DELETE /api/v2/users/signout']);
    expect(await fake.devices()).toEqual([]);
    expect(storeDoc().session).toBeUndefined();
  });

  it('reports success when the token was already dead', async () => {
    const core = launch();
    await signInAlice(core);
    await fake.revoke(await liveToken());
    expect(value(await call(core, 'session:revoke'))).toMatchObject({ signedIn: false, notice: { kind: 'revoked' } });
    expect(storeDoc().session).toBeUndefined();
  });

  it('keeps everything when plex.tv cannot be reached', async () => {
    const core = launch();
    const session = await signInAlice(core);
    await fake.fault({ method: 'DELETE', path: '/api/v2/users/signout', reset: true });
    const result = await call(core, 'session:revoke');
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(value(await call(core, 'session:get'))).toEqual(session);
    expect(storeDoc().session).toBeDefined();
  });

  it('says so when there is nothing to revoke', async () => {
    expect(await call(launch(), 'session:revoke')).toMatchObject({ ok: false, error: { kind: 'not-signed-in' } });
    expect(value(await call(launch(), 'session:sign-out'))).toEqual({ signedIn: false, notice: null });
    expect(await requests()).toEqual([]);
  });
});

describe('app:open-external', () => {
  it('opens plex.tv https links only', async () => {
    const core = launch();
    const links = ['https://app.plex.tv/desktop/#!/settings/devices/all', 'https://www.plex.tv/reset-password/'];
    for (const url of links) expect(value(await call(core, 'app:open-external', { url }))).toBeUndefined();
    for (const url of [
      'http://plex.tv/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://plex.tv.evil.example/',
      'https://user:pw@plex.tv/',
      'smb://plex.tv/share',
      'not a url',
    ]) {
      expect(await call(core, 'app:open-external', { url })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    expect(opened).toEqual(links);
  });

  it('reports a browser that cannot be opened', async () => {
    const core = launch({
      openInBrowser: async () => {
        throw new Error('xdg-open not found');
      },
    });
    const result = await call(core, 'app:open-external', { url: 'https://www.plex.tv/' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});

describe('secrets', () => {
  it('never puts the token or the password in a result or a log line', async () => {
    const core = launch({ clipboardClearMs: 100 });
    const password = alice.password;
    await call(core, 'session:sign-in', { login: alice.login, password: 'wrong-pässword', rememberMe: true });
    await signInAlice(core);
    const token = await liveToken();
    await call(core, 'session:validate');
    await call(core, 'token:copy');
    await call(core, 'session:get');
    await fake.fault({ method: 'DELETE', path: '/api/v2/users/signout', status: 500 });
    await call(core, 'session:revoke');
    await call(core, 'session:revoke');
    await call(launch(), 'session:validate');

    const everything = JSON.stringify(results) + logs.join('\n');
    expect(results.length).toBeGreaterThan(5);
    expect(logs.length).toBeGreaterThan(3);
    for (const secret of [token, password, 'wrong-pässword']) expect(everything).not.toContain(secret);
  });

  it('answers a sign-in result that holds the account, never the token', async () => {
    const outcome = value(
      await call(launch(), 'session:sign-in', { login: alice.login, password: alice.password, rememberMe: true }),
    ) as SignInOutcome;
    expect(JSON.stringify(outcome)).not.toContain(await liveToken());
  });
});

describe('browser and link-code sign-in (PIN flow)', () => {
  const pinPolls = async () =>
    (await fake.requests()).filter((r) => r.method === 'GET' && /^\/api\/v2\/pins\/\d+$/.test(r.path));

  async function polledPinId(): Promise<number> {
    const end = Date.now() + 10_000;
    for (;;) {
      const [poll] = await pinPolls();
      if (poll) return Number(poll.path.split('/').pop());
      if (Date.now() > end) throw new Error('the PIN was never polled');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('opens the approval address in the browser and signs in once it is approved', async () => {
    const core = launch();
    const pin = value(await call(core, 'pin:start', { mode: 'browser', rememberMe: true }));
    expect(pin).toMatchObject({ mode: 'browser', code: '', qr: null, browserOpened: true });
    expect(opened).toEqual([pin.url]);
    const id = await polledPinId();
    const [poll] = await pinPolls();
    expect(pin.url).toMatch(/^https:\/\/app\.plex\.tv\/auth#\?clientID=[\w-]+&code=[a-z0-9]{25}&/);
    expect(pin.url).toContain(`clientID=${poll?.headers['x-plex-client-identifier']}&`);

    const waiting = call(core, 'pin:wait');
    await fake.claimPin(id, 'carol');
    const outcome = value(await waiting);
    expect(outcome.session).toMatchObject({ signedIn: true, storage: 'keychain', account: { username: 'carol' } });
    const token = await liveToken();
    expect(storeText()).not.toContain(token);
    expect(JSON.stringify(results)).not.toContain(token);
    // Relaunch: the PIN sign-in was remembered exactly as a password sign-in is.
    expect(value(await call(launch(), 'session:get'))).toMatchObject({
      signedIn: true,
      account: { username: 'carol' },
    });
  });

  it('shows a 4-character code with plex.tv/link and a QR code of that address', async () => {
    const core = launch();
    const pin = value(await call(core, 'pin:start', { mode: 'link', rememberMe: false }));
    expect(pin).toMatchObject({ mode: 'link', url: 'https://plex.tv/link', browserOpened: false });
    expect(pin.code).toMatch(/^[A-Z0-9]{4}$/);
    expect(pin.qr?.size).toBeGreaterThanOrEqual(21);
    expect(pin.qr?.path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    expect(opened).toEqual([]);
    const waiting = call(core, 'pin:wait');
    await fake.claimPin(await polledPinId(), 'alice');
    expect(value(await waiting).session).toMatchObject({ storage: 'session-only', account: { username: 'alice' } });
    expect(storeDoc().session).toBeUndefined();
  });

  it('stops polling and stores nothing when cancelled, and when the window closes', async () => {
    const core = launch();
    value(await call(core, 'pin:start', { mode: 'link', rememberMe: true }));
    await polledPinId();
    const waiting = call(core, 'pin:wait');
    value(await call(core, 'pin:cancel'));
    expect(await waiting).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    const polls = (await pinPolls()).length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(await pinPolls()).toHaveLength(polls);

    await fake.reset();
    const closing = launch();
    value(await call(closing, 'pin:start', { mode: 'browser', rememberMe: true }));
    await polledPinId();
    closing.dispose();
    const afterClose = (await pinPolls()).length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(await pinPolls()).toHaveLength(afterClose);
    expect(storeDoc().session).toBeUndefined();
  });

  it('cancels a sign-in whose PIN is still being created: no browser, no polling', async () => {
    const core = launch();
    await fake.fault({ method: 'POST', path: '/api/v2/pins', delayMs: 800 });
    const starting = call(core, 'pin:start', { mode: 'browser', rememberMe: true });
    await new Promise((r) => setTimeout(r, 200));
    value(await call(core, 'pin:cancel'));
    expect(await starting).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await pinPolls()).toHaveLength(0);
    expect(opened).toEqual([]);
  });

  it('reports an expired PIN and stores nothing', async () => {
    const core = launch();
    value(await call(core, 'pin:start', { mode: 'link', rememberMe: true }));
    const id = await polledPinId();
    await fake.fault({ method: 'GET', path: `/api/v2/pins/${id}`, status: 404, times: 5 });
    expect(await call(core, 'pin:wait')).toMatchObject({ ok: false, error: { kind: 'pin-expired' } });
    expect(value(await call(core, 'session:get')).signedIn).toBe(false);
  });

  it('still shows the address when the browser cannot be opened', async () => {
    const core = launch({
      openInBrowser: async () => {
        throw new Error('no browser');
      },
    });
    const pin = value(await call(core, 'pin:start', { mode: 'browser', rememberMe: true }));
    expect(pin.browserOpened).toBe(false);
    expect(pin.url).toMatch(/^https:\/\/app\.plex\.tv\/auth#\?/);
  });

  it('reports plex.tv unreachable when the PIN cannot even be created', async () => {
    const core = launch({ apiUrl: await closedPortUrl() });
    expect(await call(core, 'pin:start', { mode: 'browser', rememberMe: true })).toMatchObject({
      ok: false,
      error: { kind: 'network' },
    });
    expect(await call(core, 'pin:wait')).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
  });
});

describe('one owner of the session (session-state.ts)', () => {
  const slowSignIn = () => fake.fault({ method: 'POST', path: '/api/v2/users/signin', delayMs: 400 });
  const aliceRequest = { login: alice.login, password: alice.password, rememberMe: true };

  it('refuses a browser sign-in while a password sign-in is in flight: no PIN, alice stays signed in', async () => {
    const core = launch();
    await slowSignIn();
    const signingIn = call(core, 'session:sign-in', aliceRequest);
    await sleep(100);
    const pin = await call(core, 'pin:start', { mode: 'browser', rememberMe: true });
    expect(pin).toMatchObject({ ok: false, error: { kind: 'busy' } });
    expect(value(await signingIn)).toMatchObject({ status: 'signed-in', session: { account: { username: 'alice' } } });
    expect(await requests()).toEqual(['POST /api/v2/users/signin']);
    expect(opened).toEqual([]);
  });

  it('refuses a password sign-in while a browser sign-in waits, so an approval cannot replace a session', async () => {
    const core = launch();
    value(await call(core, 'pin:start', { mode: 'browser', rememberMe: true }));
    const signIn = await call(core, 'session:sign-in', aliceRequest);
    expect(signIn).toMatchObject({ ok: false, error: { kind: 'busy' } });
    expect((await requests()).filter((r) => r.includes('signin'))).toEqual([]);
  });

  it('refuses to sign in over a session: sign out first', async () => {
    const core = launch();
    await signInAlice(core);
    await fake.reset();
    expect(await call(core, 'session:sign-in', aliceRequest)).toMatchObject({ ok: false, error: { kind: 'busy' } });
    expect(await call(core, 'pin:start', { mode: 'link', rememberMe: true })).toMatchObject({
      ok: false,
      error: { kind: 'busy' },
    });
    expect(await requests()).toEqual([]);
  });

  it('a sign-out during a password sign-in cancels it: signed out, nothing stored', async () => {
    const core = launch();
    await slowSignIn();
    const signingIn = call(core, 'session:sign-in', aliceRequest);
    await sleep(100);
    expect(value(await call(core, 'session:sign-out'))).toEqual({ signedIn: false, notice: null });
    expect(await signingIn).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(value(await call(core, 'session:get'))).toEqual({ signedIn: false, notice: null });
    expect(storeDoc().session).toBeUndefined();
  });

  it('a sign-out during a browser sign-in stops the polling: an approval afterwards signs nobody in', async () => {
    const core = launch();
    value(await call(core, 'pin:start', { mode: 'link', rememberMe: true }));
    const waiting = call(core, 'pin:wait');
    value(await call(core, 'session:sign-out'));
    expect(await waiting).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    const polls = (await requests()).filter((r) => r.startsWith('GET /api/v2/pins/')).length;
    await sleep(1_500);
    expect((await requests()).filter((r) => r.startsWith('GET /api/v2/pins/')).length).toBe(polls);
    expect(value(await call(core, 'session:get'))).toEqual({ signedIn: false, notice: null });
  });

  it('after shutdown, refuses every sign-in without a request', async () => {
    const core = launch();
    core.dispose();
    expect(await call(core, 'pin:start', { mode: 'browser', rememberMe: true })).toMatchObject({
      ok: false,
      error: { kind: 'busy' },
    });
    expect(await call(core, 'session:sign-in', aliceRequest)).toMatchObject({ ok: false, error: { kind: 'busy' } });
    expect(await requests()).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('a shutdown during a sign-in stores nothing', async () => {
    const core = launch();
    await slowSignIn();
    const signingIn = call(core, 'session:sign-in', aliceRequest);
    await sleep(100);
    core.dispose();
    expect(await signingIn).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(storeDoc().session).toBeUndefined();
  });

  it('diagnostics say a sign-in is under way while a browser sign-in waits', async () => {
    const core = launch();
    value(await call(core, 'pin:start', { mode: 'browser', rememberMe: true }));
    value(await call(core, 'app:copy-diagnostics'));
    const report = String(await clipboard.readText());
    expect(report).toContain('Sign-in under way: yes');
    expect(report).toContain('Session state: awaiting-pin');
  });

  it('the code step is a state of its own: a wrong code stays on it, and a browser sign-in may still start', async () => {
    const core = launch();
    const bobRequest = { login: bob.login, password: bob.password, rememberMe: true };
    value(await call(core, 'session:sign-in', bobRequest));
    value(await call(core, 'app:copy-diagnostics'));
    expect(String(await clipboard.readText())).toContain('Session state: awaiting-code');
    await call(core, 'session:sign-in', { ...bobRequest, verificationCode: '000000' });
    value(await call(core, 'app:copy-diagnostics'));
    expect(String(await clipboard.readText())).toContain('Session state: awaiting-code');
    value(await call(core, 'pin:start', { mode: 'link', rememberMe: true }));
  });
});

describe('tokens for your tools (tool-tokens-service.ts)', () => {
  const appToken = async () =>
    (await fake.devices()).find((d) => d.clientIdentifier === storeDoc().clientIdentifier)!.token;
  const toolDevice = async (name: string) => (await fake.devices()).find((d) => d.product === name);

  async function create(core: AppCore, name: string) {
    return value(await call(core, 'tools:create', { name })).created;
  }

  it('makes a device of its own on plex.tv, named for the tool, without the token in any result', async () => {
    const core = launch();
    await signInAlice(core);
    const kometa = await create(core, 'Kometa');
    expect(kometa).toMatchObject({ name: 'Kometa', status: 'alive' });
    const device = await toolDevice('Kometa');
    expect(device).toMatchObject({ login: 'alice', clientIdentifier: kometa.id, deviceName: 'Kometa (Plex Sign-In)' });
    expect(device!.token).not.toBe(await appToken());
    expect(JSON.stringify(results)).not.toContain(device!.token);
    expect(storeText()).not.toContain(device!.token);
    expect(logs.join('\n')).not.toContain(device!.token);
    expect(value(await call(core, 'tools:list')).tokens.map((t) => t.name)).toEqual(['Kometa']);
  });

  it('survives signing out, signing in again and revoking the app’s own token; revoking one leaves the other', async () => {
    const core = launch();
    await signInAlice(core);
    const kometa = await create(core, 'Kometa');
    const tautulli = await create(core, 'Tautulli');
    value(await call(core, 'session:sign-out'));
    await signInAlice(core);
    value(await call(core, 'session:revoke'));
    await signInAlice(core);
    const checked = value(await call(core, 'tools:check'));
    expect(checked.tokens.map((t) => [t.name, t.status])).toEqual([
      ['Kometa', 'alive'],
      ['Tautulli', 'alive'],
    ]);
    value(await call(core, 'tools:revoke', { id: kometa.id }));
    expect(await toolDevice('Kometa')).toBeUndefined();
    expect(await toolDevice('Tautulli')).toMatchObject({ clientIdentifier: tautulli.id });
    expect(value(await call(core, 'tools:list')).tokens.map((t) => t.name)).toEqual(['Tautulli']);
  });

  it('is kept encrypted across launches and copied in the format asked for', async () => {
    const core = launch();
    await signInAlice(core);
    const made = await create(core, 'Home Assistant');
    const token = (await toolDevice('Home Assistant'))!.token;
    const again = launch();
    expect(value(await call(again, 'tools:list')).tokens).toMatchObject([{ id: made.id, name: 'Home Assistant' }]);
    value(await call(again, 'tools:copy', { id: made.id, format: 'env' }));
    expect(clipboard.readText()).toBe(`PLEX_TOKEN=${token}\n`);
    value(await call(again, 'tools:copy', { id: made.id, format: 'curl' }));
    expect(clipboard.readText()).toBe(`X-Plex-Token: ${token}\n`);
    expect(storeText()).not.toContain(token);
  });

  it('shows a token whose device was removed on plex.tv as revoked after a check', async () => {
    const core = launch();
    await signInAlice(core);
    await create(core, 'Overseerr');
    await fake.revoke((await toolDevice('Overseerr'))!.token);
    expect(value(await call(core, 'tools:check')).tokens).toMatchObject([{ name: 'Overseerr', status: 'revoked' }]);
  });

  it('keeps a check that could not reach plex.tv from changing anything', async () => {
    const core = launch();
    await signInAlice(core);
    await create(core, 'Sonarr');
    await fake.fault({ method: 'GET', path: '/api/v2/user', status: 503, times: 10 });
    expect(value(await call(core, 'tools:check')).tokens).toMatchObject([{ name: 'Sonarr', status: 'alive' }]);
  });

  it('keeps odd names exactly, and refuses a duplicate, an empty or an over-long one without a request', async () => {
    const core = launch();
    await signInAlice(core);
    for (const name of ['Büro-Skript', 'Plex 🎬 "quotes"']) expect((await create(core, name)).name).toBe(name);
    expect((await toolDevice('Büro-Skript'))?.deviceName).toBe('Büro-Skript (Plex Sign-In)');
    await fake.reset();
    for (const name of ['büro-skript', '   ', 'x'.repeat(65), 'bad\u202ename']) {
      expect(await call(core, 'tools:create', { name })).toMatchObject({ ok: false, error: { kind: 'invalid-name' } });
    }
    expect(await requests()).toEqual([]);
  });

  it('keeps tool tokens in memory only without a keychain, and says so', async () => {
    const core = launch({ backend: 'basic_text' });
    await signInAlice(core);
    await create(core, 'Kometa');
    expect(value(await call(core, 'tools:list')).storage).toBe('session-only');
    expect(storeText()).not.toContain('Kometa');
  });

  it('clears a copied tool token from the clipboard when it is revoked', async () => {
    const core = launch({ clipboardClearMs: 60_000 });
    await signInAlice(core);
    const made = await create(core, 'Radarr');
    value(await call(core, 'tools:copy', { id: made.id, format: 'json' }));
    value(await call(core, 'tools:revoke', { id: made.id }));
    expect(clipboard.readText()).toBe('');
  });

  it('makes one token at a time: a second press while the first is under way is refused', async () => {
    const core = launch();
    await signInAlice(core);
    await fake.fault({ method: 'POST', path: '/api/v2/pins', delayMs: 400 });
    const first = call(core, 'tools:create', { name: 'Kometa' });
    const second = await call(core, 'tools:create', { name: 'Kometa' });
    expect(second).toMatchObject({ ok: false, error: { kind: 'busy' } });
    expect(value(await first).created.name).toBe('Kometa');
    expect((await fake.devices()).filter((d) => d.product === 'Kometa')).toHaveLength(1);
  });

  it('needs a signed-in account', async () => {
    const core = launch();
    expect(await call(core, 'tools:create', { name: 'Kometa' })).toMatchObject({
      ok: false,
      error: { kind: 'not-signed-in' },
    });
  });
});

describe('servers (servers-service.ts)', () => {
  it('lists alice’s own and shared servers with a best address, and copies each server’s own token', async () => {
    const core = launch();
    await signInAlice(core);
    const servers = value(await call(core, 'servers:list'));
    expect(servers.map((s) => [s.name, s.owned, s.owner])).toEqual([
      ["Alice's NAS", true, null],
      ["Dave's Server", false, 'dave'],
    ]);
    const nas = servers[0]!;
    expect(nas).toMatchObject({ connection: 'local https', answered: null });
    expect(nas.url).toMatch(/^https:\/\/.+\.plex\.direct:32400$/);
    // The tokens plex.tv hands out for each server, straight from the fake.
    const direct = await fetch(`${fake.apiUrl}/resources?includeHttps=1&includeRelay=1`, {
      headers: {
        'X-Plex-Token': (await fake.devices())[0]!.token,
        'X-Plex-Client-Identifier': 'test',
        Accept: 'application/json',
      },
    });
    const resources = (await direct.json()) as { name: string; accessToken: string }[];
    const daveToken = resources.find((r) => r.name === "Dave's Server")!.accessToken;
    value(await call(core, 'servers:copy', { id: servers[1]!.id, format: 'env' }));
    expect(clipboard.readText()).toBe(`PLEX_URL=${servers[1]!.url}\nPLEX_TOKEN=${daveToken}\n`);
    expect(JSON.stringify(results)).not.toContain(daveToken);
    expect(logs.join('\n')).not.toContain(daveToken);
  });
});

describe('Authorized Devices (devices-service.ts)', () => {
  async function list(core: AppCore) {
    return value(await call(core, 'devices:list', { staleAfterDays: '90' }));
  }

  it('lists the devices, this app marked and the stale ones first', async () => {
    const core = launch();
    await signInAlice(core);
    const kometa = value(await call(core, 'tools:create', { name: 'Kometa' })).created;
    const devices = await list(core);
    expect(devices.slice(0, 2).map((d) => [d.product, d.stale])).toEqual([
      ['PlexAPI', 'not-seen'],
      ['PlexAPI', 'not-seen'],
    ]);
    expect(devices.find((d) => d.thisApp)).toMatchObject({ stale: null });
    expect(devices.find((d) => d.toolToken === 'Kometa')).toMatchObject({ stale: null });
    expect(devices.filter((d) => d.thisApp)).toHaveLength(1);
    expect(kometa.id).toBeTruthy();
  });

  it('removes the stale ones: their tokens die, every other device keeps working', async () => {
    const core = launch();
    await signInAlice(core);
    const devices = await list(core);
    const before = await fake.allDevices();
    for (const device of devices.filter((d) => d.stale)) {
      expect(value(await call(core, 'devices:remove', { id: device.id })).outcome).toBe('removed');
    }
    const after = await fake.allDevices();
    expect(after.map((d) => d.product).sort()).toEqual(
      before
        .filter((d) => d.product !== 'PlexAPI')
        .map((d) => d.product)
        .sort(),
    );
    expect(value(await call(core, 'session:validate'))).toMatchObject({ signedIn: true, validation: 'valid' });
  });

  it('never removes this app’s own device, and forgets a tool token whose device it removed', async () => {
    const core = launch();
    await signInAlice(core);
    value(await call(core, 'tools:create', { name: 'Kometa' }));
    const devices = await list(core);
    const mine = devices.find((d) => d.thisApp)!;
    expect(await call(core, 'devices:remove', { id: mine.id })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    });
    value(await call(core, 'devices:remove', { id: devices.find((d) => d.toolToken === 'Kometa')!.id }));
    expect(value(await call(core, 'tools:list')).tokens).toEqual([]);
  });

  it('removes nothing from a list another account saw: signed out and in as bob, alice’s ids are refused', async () => {
    const core = launch();
    await signInAlice(core);
    const stale = (await list(core)).find((d) => d.stale)!;
    value(await call(core, 'session:sign-out'));
    value(await call(core, 'session:sign-in', { login: bob.login, password: bob.password, rememberMe: true }));
    value(
      await call(core, 'session:sign-in', {
        login: bob.login,
        password: bob.password,
        rememberMe: true,
        verificationCode: bob.code,
      }),
    );
    await fake.reset();
    expect(await call(core, 'devices:remove', { id: stale.id })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    });
    expect(await requests()).toEqual([]);
  });

  it('reports plex.tv’s rate limit when it outlasts the retries', async () => {
    const core = launch();
    await signInAlice(core);
    const stale = (await list(core)).find((d) => d.stale)!;
    await fake.fault({
      method: 'DELETE',
      path: `/devices/${stale.id}.xml`,
      status: 429,
      times: 5,
      headers: { 'Retry-After': '60' },
    });
    expect(await call(core, 'devices:remove', { id: stale.id })).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited' },
    });
  });
});

describe('a refusal after a code was sent (docs/plex-api.md §5c)', () => {
  it('says the password or the code, and keeps the code step', async () => {
    const core = launch();
    const request = { login: bob.login, password: bob.password, rememberMe: true };
    value(await call(core, 'session:sign-in', request));
    // As plex.tv is believed to answer a wrong code at times: 401/1001, not 1028.
    await fake.fault({
      method: 'POST',
      path: '/api/v2/users/signin',
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ errors: [{ code: 1001, message: 'User could not be authenticated', status: 401 }] }),
    });
    const refused = await call(core, 'session:sign-in', { ...request, verificationCode: bob.code });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-credentials-or-code' } });
    value(await call(core, 'app:copy-diagnostics'));
    expect(String(await clipboard.readText())).toContain('Session state: awaiting-code');
  });
});

describe('issue 13: what the app tells and does for a first-time user', () => {
  it('app:get-info names the licence, the project page and the device name plex.tv shows', async () => {
    const info = value(await call(launch(), 'app:get-info'));
    expect(info).toMatchObject({ license: 'MIT', homepage: 'https://github.com/plex-signin/plex-signin' });
    expect(info.deviceName).toBe(os.hostname());
  });

  it('keeps a saved token alive with GET /ping at launch, before the launch check, and again while running', async () => {
    await signInAlice(launch());
    const core = launch({ keepAliveIntervalMs: 300 });
    value(await call(core, 'session:validate'));
    const log = await requests();
    expect(log.slice(1, 3)).toEqual(['GET /api/v2/ping', 'GET /api/v2/user']);
    await expect.poll(async () => (await requests()).filter((r) => r === 'GET /api/v2/ping').length).toBeGreaterThan(2);
    expect((await fake.requests()).find((r) => r.path === '/api/v2/ping')?.headers['x-plex-token']).toBe(
      await liveToken(),
    );
  });

  it('sends no ping without a session', async () => {
    launch({ keepAliveIntervalMs: 50 });
    await sleep(200);
    expect(await requests()).toEqual([]);
  });

  it('pin:copy-url copies the approval address of the sign-in under way, and nothing when none is', async () => {
    const core = launch();
    expect(await call(core, 'pin:copy-url')).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    const pin = value(await call(core, 'pin:start', { mode: 'browser', rememberMe: true }));
    value(await call(core, 'pin:copy-url'));
    expect(clipboard.readText()).toBe(pin.url);
    value(await call(core, 'pin:cancel'));
    clipboard.clear();
    expect(await call(core, 'pin:copy-url')).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(clipboard.readText()).toBe('');
  });

  it('the link-code QR encodes the app.plex.tv approval address of that pin, not plex.tv/link', async () => {
    const core = launch();
    const pin = value(await call(core, 'pin:start', { mode: 'link', rememberMe: true }));
    const id = storeDoc().clientIdentifier;
    expect(pin.approvalUrl).toBe(browserAuthUrl(id, pin.code, 'Plex Sign-In'));
    expect(pin.qr).toEqual(qrCodePath(pin.approvalUrl));
    expect(pin.qr).not.toEqual(qrCodePath(pin.url));
  });

  it('brings the window to the front when a browser approval arrives, not before', async () => {
    const focus = createWindowFocusRecorder();
    const core = launch({ focusWindow: focus.focusWindow });
    value(await call(core, 'pin:start', { mode: 'browser', rememberMe: true }));
    const waiting = call(core, 'pin:wait');
    const id = await (async () => {
      for (;;) {
        const poll = (await fake.requests()).find((r) => /^\/api\/v2\/pins\/\d+$/.test(r.path));
        if (poll) return Number(poll.path.split('/').pop());
        await sleep(50);
      }
    })();
    expect(focus.count()).toBe(0);
    await fake.claimPin(id, 'carol');
    value(await waiting);
    expect(focus.count()).toBe(1);
  });

  it('a window that cannot be raised does not cost the sign-in', async () => {
    const core = launch({
      focusWindow: () => {
        throw new Error('no window');
      },
    });
    value(await call(core, 'pin:start', { mode: 'link', rememberMe: true }));
    const waiting = call(core, 'pin:wait');
    for (;;) {
      const poll = (await fake.requests()).find((r) => /^\/api\/v2\/pins\/\d+$/.test(r.path));
      if (poll) {
        await fake.claimPin(Number(poll.path.split('/').pop()), 'alice');
        break;
      }
      await sleep(50);
    }
    expect(value(await waiting).session.account.username).toBe('alice');
  });

  it('the sign-out notice tells the truth: the app can no longer revoke the token, plex.tv can', async () => {
    const core = launch();
    await signInAlice(core);
    const view = value(await call(core, 'session:sign-out'));
    expect(view.notice?.message).toMatch(/cannot revoke it/);
    expect(view.notice?.message).toMatch(/Authorized Devices on plex\.tv/);
    expect(view.notice?.message).not.toMatch(/until you revoke it/);
  });
});
