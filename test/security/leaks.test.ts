import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { type AppCore, createAppCore } from '../../src/main/node/app-core';
import { createFileLogger, type FileLogger } from '../../src/main/node/file-logger';
import { parseLogLevel } from '../../src/main/node/logger';
import type { IpcResult } from '../../src/shared/ipc-views';
import { SEEDED } from '../../testing/seeded-accounts';
import { type CliRun, freshConfigHome, runCli } from '../support/cli';
import { createJsonFileStore, createMemoryClipboard, createTestEncryptor } from '../../testing/main-doubles';

// Where could a secret end up? The whole life of the app (sign-in, two-step sign-in with
// a code and with a backup code, wrong password, wrong code, a token revoked elsewhere,
// copy, sign-out, revoke, plex.tv failing, a PIN sign-in, diagnostics), with the log at
// its most verbose, rotating into many small files. Afterwards every place a secret could
// land is read: every log file, every state of the settings file (as text, and every
// field base64-decoded), every IPC result (what the renderer gets, error sentences shown
// to the user included) and every diagnostics report. None may hold a token, a password
// or a code. Then the CLI, with --debug, the same way.
//
// (The page itself is covered by e2e/specs/secrets.spec.ts.)

const { alice, bob } = SEEDED;
/** Characters that form-, URL- and JSON-encoding each treat differently, and an emoji. */
const AWKWARD_PASSWORD = 'pä$$ wörd&=+%/🔑';
const WRONG_CODE = '271828'; // not '000000': the seeded accounts' ids and avatar URLs hold that

/** A secret in the encodings a request or a log line might carry it in. */
function forms(secret: string): string[] {
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
      Buffer.from(secret).toString('base64'),
    ]),
  ];
}

/** The ISO timestamps (and millisecond counts) where six digits can occur by chance. */
const withoutTimes = (text: string) =>
  text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>').replace(/\b\d+ ms\b/g, '<ms>');

function expectFree(where: string, text: string, secrets: readonly string[], codes: readonly string[] = []): void {
  for (const secret of secrets) {
    for (const form of forms(secret))
      expect(text.includes(form), `${where} holds a secret (${form.length} chars)`).toBe(false);
  }
  const timeless = withoutTimes(text);
  for (const code of codes) expect(timeless.includes(code), `${where} holds the code ${code}`).toBe(false);
}

let fake: FakeHandle;
beforeAll(async () => {
  fake = await useFakePlex();
});
afterAll(() => fake.close());

describe('the app, with the log at debug', () => {
  let dir: string;
  let logDir: string;
  let storeFile: string;
  let logger: FileLogger;
  const echoed: string[] = [];
  const results: IpcResult<unknown>[] = [];
  const storeStates: string[] = [];
  const reports: string[] = [];
  const tokens = new Set<string>();
  const clipboard = createMemoryClipboard();
  const key = randomBytes(32);
  let core: AppCore;

  beforeAll(async () => {
    await fake.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-signin-leaks-'));
    logDir = path.join(dir, 'logs');
    storeFile = path.join(dir, 'config.json');
    logger = createFileLogger({
      dir: logDir,
      level: parseLogLevel('debug') ?? 'error',
      // Small files, and enough of them to keep every line: rotation is exercised and
      // nothing the flows wrote is rotated away before it is read.
      maxBytes: 2048,
      maxFiles: 1000,
      echo: (line) => echoed.push(line),
    });
  });
  afterAll(() => {
    core?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Starts (or restarts) the app over the same settings file, keystore, clipboard and log. */
  function launch(): AppCore {
    core?.dispose();
    core = createAppCore({
      apiUrl: fake.apiUrl,
      store: createJsonFileStore(storeFile),
      encryptor: createTestEncryptor({ key }),
      clipboard,
      openInBrowser: async () => {},
      clipboardClearMs: 60_000,
      logger,
      versions: process.versions,
    });
    return core;
  }

  async function call(channel: string, payload?: unknown): Promise<IpcResult<unknown>> {
    const result = await core.invoke(channel, payload, { trusted: true });
    results.push(result);
    if (fs.existsSync(storeFile)) storeStates.push(fs.readFileSync(storeFile, 'utf8'));
    return result;
  }

  async function noteTokens(): Promise<void> {
    for (const device of await fake.devices()) tokens.add(device.token);
  }

  async function signIn(request: Record<string, unknown>): Promise<IpcResult<unknown>> {
    const result = await call('session:sign-in', request);
    await noteTokens();
    return result;
  }

  async function copyDiagnostics(): Promise<void> {
    expect(await call('app:copy-diagnostics')).toEqual({ ok: true, value: undefined });
    reports.push(await clipboard.readText());
  }

  it('runs every flow', async () => {
    launch();
    await call('app:get-info');
    await call('session:get');

    // A wrong, awkward password; then the right one, remembered.
    const wrong = await signIn({ login: alice.login, password: AWKWARD_PASSWORD, rememberMe: true });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'invalid-credentials' } });
    await copyDiagnostics(); // right after the failure: the password must not be in it
    expect(await signIn({ login: alice.login, password: alice.password, rememberMe: true })).toMatchObject({
      ok: true,
      value: { status: 'signed-in' },
    });
    await call('session:validate');
    expect(await call('token:copy')).toMatchObject({ ok: true });
    expect(tokens.has(await clipboard.readText())).toBe(true); // the copy did work
    await copyDiagnostics();

    // Relaunch: the token comes back from the settings file and is checked; then it is
    // revoked elsewhere, and the next launch's check signs out.
    launch();
    await call('session:get');
    expect(await call('session:validate')).toMatchObject({ ok: true, value: { signedIn: true } });
    for (const token of tokens) await fake.revoke(token);
    launch();
    expect(await call('session:validate')).toMatchObject({
      ok: true,
      value: { signedIn: false, notice: { kind: 'signed-out-elsewhere' } },
    });
    expect(await call('token:copy')).toMatchObject({ ok: false, error: { kind: 'not-signed-in' } });

    // Two-step: asked for the code, a wrong code, the right one; copy, sign out.
    const bobRequest = { login: bob.login, password: bob.password, rememberMe: true };
    expect(await signIn(bobRequest)).toMatchObject({ ok: true, value: { status: 'verification-required' } });
    expect(await signIn({ ...bobRequest, verificationCode: WRONG_CODE })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-verification-code' },
    });
    expect(await signIn({ ...bobRequest, verificationCode: bob.code })).toMatchObject({ ok: true });
    await call('token:copy');
    await copyDiagnostics();
    await call('session:sign-out');

    // The backup code, a session-only token; copy, revoke.
    expect(await signIn({ ...bobRequest, rememberMe: false, verificationCode: bob.backupCode })).toMatchObject({
      ok: true,
    });
    await call('token:copy');
    expect(await call('session:revoke')).toMatchObject({ ok: true, value: { notice: { kind: 'revoked' } } });

    // plex.tv failing in every way, around a signed-in session.
    await fake.fault({ method: 'POST', path: '/api/v2/users/signin', status: 500 });
    expect(await signIn({ login: alice.login, password: alice.password, rememberMe: true })).toMatchObject({
      ok: false,
    });
    await fake.fault({ method: 'POST', path: '/api/v2/users/signin', status: 429, headers: { 'Retry-After': '90' } });
    await signIn({ login: alice.login, password: alice.password, rememberMe: true });
    await fake.fault({ method: 'POST', path: '/api/v2/users/signin', reset: true });
    await signIn({ login: alice.login, password: alice.password, rememberMe: true });
    expect(await signIn({ login: alice.login, password: alice.password, rememberMe: true })).toMatchObject({
      ok: true,
    });
    await fake.fault({ method: 'GET', path: '/api/v2/user', status: 503, times: 3, headers: { 'Retry-After': '0' } });
    await call('session:validate');
    await fake.fault({ method: 'DELETE', path: '/api/v2/users/signout', reset: true });
    expect(await call('session:revoke')).toMatchObject({ ok: false, error: { kind: 'network' } });
    await call('token:copy');
    await copyDiagnostics(); // signed in, with errors on record
    await call('session:sign-out');

    // A link-code (PIN) sign-in, then revoked.
    const pin = await call('pin:start', { mode: 'link', rememberMe: true });
    expect(pin).toMatchObject({ ok: true });
    const waiting = call('pin:wait');
    const [poll] = await waitFor(async () =>
      (await fake.requests()).filter((r) => r.method === 'GET' && /^\/api\/v2\/pins\/\d+$/.test(r.path)),
    );
    await fake.claimPin(Number(poll!.path.split('/').pop()), 'alice');
    expect(await waiting).toMatchObject({ ok: true });
    await noteTokens();
    await call('token:copy');
    await call('session:revoke');

    // Malformed and refused calls are logged too.
    await call('session:sign-in', { login: alice.login, password: AWKWARD_PASSWORD, rememberMe: 'yes' });
    await core.invoke(
      'session:sign-in',
      { login: alice.login, password: AWKWARD_PASSWORD, rememberMe: true },
      {
        trusted: false,
      },
    );
    await copyDiagnostics();
    core.dispose();

    expect(tokens.size).toBeGreaterThanOrEqual(5);
    expect(results.length).toBeGreaterThan(30);
  });

  const passwords = () => [alice.password, bob.password, AWKWARD_PASSWORD];
  const secrets = () => [...tokens, ...passwords(), bob.backupCode];
  const codes = [bob.code, WRONG_CODE];

  it('wrote a verbose, rotated log', () => {
    const files = fs.readdirSync(logDir);
    expect(files.length).toBeGreaterThan(2);
    const text = readLogs();
    expect(text.split('\n').filter(Boolean)).toHaveLength(echoed.length); // nothing rotated away
    expect(text).toMatch(/ DEBUG IPC session:get -> ok/);
    expect(text).toMatch(/ INFO {2}POST \/users\/signin -> 401/);
    expect(text).toMatch(/ WARN {2}IPC session:sign-in -> forbidden/);
  });

  it('the log files hold no token, password or code', () => {
    expectFree('the log', readLogs(), secrets(), codes);
    expectFree('the echoed lines', echoed.join(''), secrets(), codes);
  });

  it('the settings file never held a token, password or code, in clear or base64-decoded', () => {
    expect(storeStates.length).toBeGreaterThan(30);
    expect(storeStates.some((state) => state.includes('encryptedToken'))).toBe(true);
    for (const state of new Set(storeStates)) {
      expectFree('the settings file', state, secrets(), codes);
      for (const field of strings(JSON.parse(state))) {
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(field) || field.length < 8) continue;
        const decoded = Buffer.from(field, 'base64');
        for (const secret of secrets()) {
          expect(decoded.includes(Buffer.from(secret)), 'a decoded settings field holds a secret').toBe(false);
        }
      }
    }
    // Nothing else was left beside it (no temporary or set-aside file).
    expect(fs.readdirSync(dir).sort()).toEqual(['config.json', 'logs']);
  });

  it('no IPC result (error sentences shown to the user included) holds a token, password or code', () => {
    const text = JSON.stringify(results);
    expectFree('an IPC result', text, secrets(), codes);
    // The masked preview did come through: the check above is not vacuous.
    expect([...tokens].some((token) => text.includes(token.slice(-4)))).toBe(true);
  });

  it('no diagnostics report holds a token, password, code or account', () => {
    expect(reports).toHaveLength(5);
    for (const report of reports) {
      expectFree('a diagnostics report', report, secrets(), codes);
      for (const who of [alice.login, alice.username, bob.login, bob.username]) expect(report).not.toContain(who);
    }
    expect(reports.at(-1)).toMatch(/invalid-credentials|invalid-verification-code/);
  });

  function readLogs(): string {
    return fs
      .readdirSync(logDir)
      .map((name) => fs.readFileSync(path.join(logDir, name), 'utf8'))
      .join('');
  }
});

describe('the CLI, with --debug', () => {
  let configHome: string;
  beforeEach(async () => {
    await fake.reset();
    configHome = freshConfigHome();
  });
  const env = (extra: Record<string, string> = {}) => ({
    XDG_CONFIG_HOME: configHome,
    PLEX_API_URL: fake.apiUrl,
    ...extra,
  });
  const signin = (args: string[], password: string) =>
    runCli(['signin', '--password-stdin', '--debug', ...args], { stdin: `${password}\n`, env: env() });
  const both = (run: CliRun) => `${run.stdout}\n${run.stderr}`;

  it('signin never prints a password or a code, and prints the token on stdout only', async () => {
    const wrong = await signin(['--login', alice.login], AWKWARD_PASSWORD);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/debug: POST \/users\/signin -> 401/); // --debug did print
    expectFree('signin output', both(wrong), [AWKWARD_PASSWORD, alice.password]);

    const right = await signin(['--login', alice.login], alice.password);
    expect(right.code).toBe(0);
    const token = right.stdout.trim();
    expectFree('signin output', both(right), [alice.password]);
    expectFree('signin stderr', right.stderr, [token]);

    const json = await signin(['--login', alice.login, '--json'], alice.password);
    expect(json.code).toBe(0);
    expectFree('signin --json output', both(json), [alice.password]);
    expectFree('signin --json stderr', json.stderr, [(JSON.parse(json.stdout) as { authToken: string }).authToken]);
  });

  it('two-step signin never prints the password or the code', async () => {
    const secrets = [bob.password, bob.backupCode];
    const wrongCode = await signin(['--login', bob.login, '--code', WRONG_CODE], bob.password);
    expect(wrongCode.code).toBe(5);
    expectFree('signin output', both(wrongCode), secrets, [WRONG_CODE]);
    const noCode = await signin(['--login', bob.login], bob.password);
    expect(noCode.code).toBe(4);
    expectFree('signin output', both(noCode), secrets);
    for (const code of [bob.code, bob.backupCode]) {
      const run = await signin(['--login', bob.login, '--code', code], bob.password);
      expect(run.code).toBe(0);
      expectFree('signin output', both(run), secrets, [bob.code]);
      expectFree('signin stderr', run.stderr, [run.stdout.trim()]);
    }
  });

  it('whoami and signout never print the token', async () => {
    const token = (await signin(['--login', alice.login], alice.password)).stdout.trim();
    expect(token.length).toBeGreaterThan(10);
    const runs = [
      await runCli(['whoami', '--debug'], { env: env({ PLEX_TOKEN: token }) }),
      await runCli(['whoami', '--debug', '--json'], { env: env({ PLEX_TOKEN: token }) }),
      await runCli(['whoami', '--debug', '--token-stdin'], { stdin: `${token}\n`, env: env() }),
    ];
    for (const run of runs) expect(run.code).toBe(0);
    expect(runs[0]!.stdout).toContain('alice');
    await fake.fault({ method: 'GET', path: '/api/v2/user', status: 500 });
    runs.push(await runCli(['whoami', '--debug'], { env: env({ PLEX_TOKEN: token }) }));
    runs.push(await runCli(['signout', '--debug'], { env: env({ PLEX_TOKEN: token }) }));
    // The token is dead now: whoami and signout say so, still without quoting it.
    runs.push(await runCli(['whoami', '--debug'], { env: env({ PLEX_TOKEN: token }) }));
    runs.push(await runCli(['signout', '--debug'], { env: env({ PLEX_TOKEN: token }) }));
    expect(runs.at(-2)!.code).toBe(8);
    for (const run of runs) expectFree('whoami/signout output', both(run), [token]);
  });
});

async function waitFor<T extends unknown[]>(probe: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found.length > 0) return found;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
