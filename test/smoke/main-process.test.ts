import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DoubleApp, type DoubleLaunch, launchWithDouble } from '../../testing/electron-double/driver';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { SEEDED } from '../../testing/seeded-accounts';
import { buildAppInto, makeBuildDir, ROOT } from '../security/built-app';
import { checkWiring, probeSecurity, type ShellReport } from './shell-checks';

// The real built main bundle (electron-vite build of src/main/electron/index.ts), run in a
// child Node process under the recording Electron double (testing/electron-double), against
// the fake plex.tv. Everything but Electron itself is the app as it ships.

let outDir: string;
let fake: FakeHandle;
let dir: string;
const running: DoubleApp[] = [];

beforeAll(async () => {
  outDir = makeBuildDir(); // set before building, so afterAll removes it even if the build fails
  buildAppInto(outDir);
  fake = await useFakePlex();
}, 60_000);
afterAll(async () => {
  await fake?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await fake.reset();
  dir = mkdtempSync(path.join(os.tmpdir(), 'plex-signin-smoke-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.kill()));
  rmSync(dir, { recursive: true, force: true });
});

type Options = Partial<DoubleLaunch> & { apiUrl?: string };

function launch(options: Options = {}): DoubleApp {
  const { apiUrl, env, ...rest } = options;
  const app = launchWithDouble({
    outDir,
    appPath: ROOT,
    configHome: path.join(dir, 'config'),
    keyringDir: path.join(dir, 'keyring'),
    env: { PLEX_API_URL: apiUrl ?? fake.apiUrl, ...env },
    ...rest,
  });
  running.push(app);
  return app;
}

async function start(options: Options = {}): Promise<DoubleApp> {
  const app = launch(options);
  await app.waitFor('window-shown');
  return app;
}

async function quit(app: DoubleApp): Promise<number | null> {
  await app.send({ type: 'quit' }).catch(() => undefined);
  return app.exited();
}

const report = (app: DoubleApp) => app.send<ShellReport>({ type: 'report' });

interface Result {
  ok: boolean;
  value?: Record<string, unknown> & { status?: string; signedIn?: boolean };
  error?: { kind: string; message: string };
}
async function call(app: DoubleApp, channel: string, payload?: unknown): Promise<Result> {
  const answer = await app.send<{ value?: Result; error?: string }>({ type: 'invoke', channel, payload });
  if (!answer.value) throw new Error(`invoke ${channel} failed: ${answer.error}`);
  return answer.value;
}

const signIn = (app: DoubleApp, login: string, password: string, extra: Record<string, unknown> = {}) =>
  call(app, 'session:sign-in', { login, password, rememberMe: true, ...extra });

function settingsFile(userData: string): string {
  return path.join(userData, 'config.json');
}
function readSettings(userData: string): { session?: { encryptedToken: string } } {
  return JSON.parse(readFileSync(settingsFile(userData), 'utf8')) as { session?: { encryptedToken: string } };
}
async function liveToken(): Promise<string> {
  const devices = await fake.devices();
  expect(devices).toHaveLength(1);
  return devices[0]!.token;
}

describe('the built main process under the Electron double', () => {
  it('wires the window, IPC, session and app scheme as the security model says, and the handlers hold', async () => {
    const app = await start();
    const shell = await report(app);
    expect(checkWiring(shell, outDir)).toEqual([]);
    expect(await probeSecurity(app)).toEqual([]);
    // The sandbox for every renderer, and nothing else left to listen on IPC.
    expect(shell.switches).toHaveProperty('enable-sandbox');
    expect(shell.errors).toEqual([]);
  });

  it('keeps --no-sandbox when the user or a test passes it', async () => {
    const app = await start({ args: ['--no-sandbox'] });
    expect((await report(app)).switches).toHaveProperty('no-sandbox');
  });

  it('signs in without two-step verification, copies the token and stores it only encrypted, with no HTTP cache or cookies', async () => {
    const app = await start();
    const result = await signIn(app, SEEDED.alice.login, SEEDED.alice.password);
    expect(result).toMatchObject({ ok: true, value: { status: 'signed-in', session: { storage: 'keychain' } } });
    const token = await liveToken();
    expect(JSON.stringify(result)).not.toContain(token);

    expect(await call(app, 'token:copy')).toMatchObject({ ok: true });
    const shell = await report(app);
    expect(shell.clipboard).toBe(token);

    const settings = readFileSync(settingsFile(shell.userData), 'utf8');
    expect(settings).not.toContain(token);
    expect(settings).not.toContain(SEEDED.alice.password);
    expect(Buffer.from(readSettings(shell.userData).session!.encryptedToken, 'base64').subarray(0, 3).toString()).toBe(
      'v11',
    );
    expect(shell.netRequests.length).toBeGreaterThan(0);
    for (const request of shell.netRequests) {
      expect({ url: request.url, cache: request.cache, credentials: request.credentials }).toEqual({
        url: request.url,
        cache: 'no-store',
        credentials: 'omit',
      });
    }
  });

  it('signs in with a verification code', async () => {
    const app = await start();
    expect(await signIn(app, SEEDED.bob.login, SEEDED.bob.password)).toMatchObject({
      ok: true,
      value: { status: 'verification-required' },
    });
    const done = await signIn(app, SEEDED.bob.login, SEEDED.bob.password, { verificationCode: SEEDED.bob.code });
    expect(done).toMatchObject({ ok: true, value: { status: 'signed-in' } });
  });

  it('signs in with the browser (PIN), opening only the plex.tv approval page', async () => {
    const app = await start();
    const started = await call(app, 'pin:start', { mode: 'browser', rememberMe: true });
    expect(started).toMatchObject({ ok: true, value: { mode: 'browser', browserOpened: true } });
    const wait = call(app, 'pin:wait');
    const pinId = await createdPinId();
    await fake.claimPin(pinId, SEEDED.carol.username);
    expect(await wait).toMatchObject({ ok: true, value: { status: 'signed-in', session: { signedIn: true } } });
    const opened = (await report(app)).openedExternal;
    expect(opened).toHaveLength(1);
    expect(new URL(opened[0]!).hostname).toBe('app.plex.tv');
  });

  it('cancels a browser sign-in', async () => {
    const app = await start();
    await call(app, 'pin:start', { mode: 'link', rememberMe: false });
    const wait = call(app, 'pin:wait');
    expect(await call(app, 'pin:cancel')).toMatchObject({ ok: true });
    expect(await wait).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(await call(app, 'session:get')).toMatchObject({ ok: true, value: { signedIn: false } });
  });

  it('signs out, and the settings file forgets the token', async () => {
    const app = await start();
    await signIn(app, SEEDED.alice.login, SEEDED.alice.password);
    expect(await call(app, 'session:sign-out')).toMatchObject({ ok: true, value: { signedIn: false } });
    expect(readSettings((await report(app)).userData).session).toBeUndefined();
  });

  it('relaunches signed in over the same data folder, and a second instance hands over and leaves', async () => {
    const first = await start();
    await signIn(first, SEEDED.alice.login, SEEDED.alice.password);
    const second = launch();
    expect(await second.exited()).toBe(0);
    expect(second.output()).not.toContain('started');
    expect(await quit(first)).toBe(0);

    const again = await start();
    expect(await call(again, 'session:get')).toMatchObject({
      ok: true,
      value: { signedIn: true, account: { username: SEEDED.alice.username }, storage: 'keychain' },
    });
  });

  it('keeps the saved session when the keychain is locked at launch, and restores it once it is back', async () => {
    const first = await start();
    await signIn(first, SEEDED.alice.login, SEEDED.alice.password);
    const userData = (await report(first)).userData;
    const saved = readSettings(userData).session!.encryptedToken;
    await quit(first);

    const locked = await start({ keystore: 'locked:gnome_libsecret' });
    const view = await call(locked, 'session:get');
    expect(view).toMatchObject({ ok: true, value: { signedIn: false, notice: { kind: 'keychain-unavailable' } } });
    expect((view.value!['notice'] as { message: string }).message).toMatch(/keychain is locked or unavailable/);
    expect(readSettings(userData).session?.encryptedToken).toBe(saved);
    await quit(locked);

    const back = await start();
    expect(await call(back, 'session:get')).toMatchObject({ ok: true, value: { signedIn: true } });
  });

  it('says so when Linux offers only basic_text', async () => {
    const app = await start({ keystore: 'basic_text' });
    const info = await call(app, 'app:get-info');
    expect(info).toMatchObject({ ok: true, value: { rememberAvailable: false } });
    expect(String(info.value!['rememberUnavailableReason'])).toMatch(/no keychain/i);
    expect(await signIn(app, SEEDED.alice.login, SEEDED.alice.password)).toMatchObject({
      ok: true,
      value: { session: { storage: 'session-only' } },
    });
    expect(readFileSync(settingsFile((await report(app)).userData), 'utf8')).not.toContain('encryptedToken');
  });

  it('starts signed out with a notice over a corrupt settings file, and keeps the file aside', async () => {
    const userData = path.join(dir, 'config', 'Plex Sign-In-dev');
    mkdirSync(userData, { recursive: true });
    writeFileSync(settingsFile(userData), '{"clientIdentifier": "abc", "session": {');
    const app = await start();
    expect((await report(app)).userData).toBe(userData);
    expect(await call(app, 'session:get')).toMatchObject({
      ok: true,
      value: { signedIn: false, notice: { kind: 'store-unreadable' } },
    });
    expect(readdirSync(userData).some((name) => name.startsWith('config.json.corrupt-'))).toBe(true);
  });

  it('reports Electron offline errors as no connection, at sign-in and at the launch check', async () => {
    const online = await start();
    await signIn(online, SEEDED.alice.login, SEEDED.alice.password);
    await quit(online);

    const app = await start({ offline: true });
    const validated = await call(app, 'session:validate');
    expect(validated).toMatchObject({ ok: true, value: { signedIn: true, validation: 'unreachable' } });
    expect(String(validated.value!['validationMessage'])).toMatch(/check your internet connection/);
    await call(app, 'session:sign-out');
    const failed = await signIn(app, SEEDED.alice.login, SEEDED.alice.password);
    expect(failed).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect((await report(app)).netRequests.every((r) => r.outcome === 'net::ERR_INTERNET_DISCONNECTED')).toBe(true);
  });

  it('does not follow a redirect with the password', async () => {
    const app = await start();
    await fake.fault({
      method: 'POST',
      path: '/api/v2/users/signin',
      status: 302,
      headers: { Location: `${fake.origin}/elsewhere` },
    });
    const result = await signIn(app, SEEDED.alice.login, SEEDED.alice.password);
    expect(result).toMatchObject({ ok: false, error: { kind: 'unexpected-response' } });
    expect((await report(app)).netRequests.map((r) => r.url)).toEqual([`${fake.apiUrl}/users/signin`]);
  });

  it('uses its own data folder in development, and the one named by --user-data-dir', async () => {
    const dev = await start();
    expect((await report(dev)).userData).toBe(path.join(dir, 'config', 'Plex Sign-In-dev'));
    await quit(dev);
    const packaged = await start({ packaged: true });
    expect((await report(packaged)).userData).toBe(path.join(dir, 'config', 'Plex Sign-In'));
    await quit(packaged);
    const chosen = path.join(dir, 'chosen');
    const named = await start({ args: [`--user-data-dir=${chosen}`] });
    expect((await report(named)).userData).toBe(chosen);
  });

  it('a packaged release refuses remote debugging and inspect switches; the e2e flavour accepts them', async () => {
    for (const flag of ['--remote-debugging-port=9222', '--remote-debugging-pipe', '--inspect=9229', '--inspect-brk']) {
      const app = launch({ packaged: true, args: [flag] });
      expect(await app.exited(), flag).not.toBe(0);
      expect(app.output()).not.toContain('started');
    }
    const e2eApp = path.join(dir, 'e2e-app');
    mkdirSync(e2eApp);
    writeFileSync(
      path.join(e2eApp, 'package.json'),
      JSON.stringify({ name: 'plex-signin-e2e', productName: 'Plex Sign-In E2E', version: '0.1.0' }),
    );
    const e2e = await start({
      packaged: true,
      appPath: e2eApp,
      args: ['--remote-debugging-port=0'],
      env: { NODE_PATH: path.join(ROOT, 'node_modules') },
    });
    expect((await report(e2e)).windows).toHaveLength(1);
  });
});

describe('the e2e clipboard switch (--e2e-clipboard-clear-ms)', () => {
  it('shortens the clear in a development run and the e2e build, never in a packaged release', async () => {
    const copySeconds = async (app: DoubleApp): Promise<unknown> => {
      expect(await signIn(app, SEEDED.alice.login, SEEDED.alice.password)).toMatchObject({ ok: true });
      const copied = await call(app, 'token:copy');
      expect(copied).toMatchObject({ ok: true });
      return copied.value;
    };
    const args = ['--e2e-clipboard-clear-ms=1500'];
    const release = await start({ packaged: true, args });
    const releaseCopy = await copySeconds(release);
    await quit(release);
    const dev = await start({ args });
    const devCopy = await copySeconds(dev);
    await quit(dev);
    expect(releaseCopy).toEqual({ clearAfterSeconds: 60 });
    expect(devCopy).toEqual({ clearAfterSeconds: 2 });
  });
});

/** The id of the PIN the app created, from the fake's request log. */
async function createdPinId(): Promise<number> {
  for (let i = 0; i < 50; i += 1) {
    const poll = (await fake.requests()).find((r) => r.method === 'GET' && /^\/api\/v2\/pins\/\d+$/.test(r.path));
    if (poll) return Number(poll.path.split('/').at(-1));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the app never polled a PIN');
}
