import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandle, useFakePlex } from '../../../testing/fake-plex/control';
import { SEEDED } from '../../../testing/seeded-accounts';
import { createJsonFileStore, createMemoryClipboard, createTestEncryptor } from '../../../testing/main-doubles';
import type { IpcResult } from '../../shared/ipc-views';
import { PRODUCT_VERSION } from '../../shared/product';
import { type AppCore, type AppCoreDeps, createAppCore } from './app-core';
import { buildDiagnosticsReport, createErrorHistory, ERROR_HISTORY_SIZE } from './diagnostics';
import { createLogger, type Logger } from './logger';

// `app:copy-diagnostics` and the logging app-core does: the report's fields, what it must
// never hold, the errors it remembers, and the secrets the session registers with the
// log's redactor (the token while signed in, a password and code while a sign-in is under
// way). Against the fake plex.tv, over the real doubles.

const { alice, bob } = SEEDED;

let fake: FakeHandle;
beforeAll(async () => {
  fake = await useFakePlex();
});
afterAll(() => fake.close());

let dir: string;
let clipboard: ReturnType<typeof createMemoryClipboard>;
let lines: string[];
let logger: Logger;
const cores: AppCore[] = [];

beforeEach(async () => {
  await fake.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-signin-diag-'));
  clipboard = createMemoryClipboard();
  lines = [];
  logger = createLogger({ write: (line) => lines.push(line), level: 'debug' });
});
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const key = randomBytes(32);
function launch(deps: Partial<AppCoreDeps> & { backend?: string } = {}): AppCore {
  const { backend, ...rest } = deps;
  const core = createAppCore({
    apiUrl: fake.apiUrl,
    store: createJsonFileStore(path.join(dir, 'config.json')),
    encryptor: createTestEncryptor({ key, ...(backend === undefined ? {} : { backend }) }),
    clipboard,
    openInBrowser: async () => {},
    logger,
    ...rest,
  });
  cores.push(core);
  return core;
}

const call = (core: AppCore, channel: string, payload?: unknown) =>
  core.invoke(channel, payload, { trusted: true }) as Promise<IpcResult<unknown>>;

async function diagnostics(core: AppCore): Promise<string> {
  expect(await call(core, 'app:copy-diagnostics')).toEqual({ ok: true, value: undefined });
  return clipboard.readText();
}

async function liveToken(): Promise<string> {
  const [device] = await fake.devices();
  if (!device) throw new Error('no live token');
  return device.token;
}

describe('app:copy-diagnostics', () => {
  it('copies versions, platform, storage, API host and sign-in state, with no request', async () => {
    const core = launch({ versions: { electron: '45.5.0', chrome: '142.0.1', node: '22.20.0', v8: 'x' } });
    const report = await diagnostics(core);
    expect(report).toContain(`Plex Sign-In diagnostics\nGenerated: 20`);
    expect(report).toContain(`App version: ${PRODUCT_VERSION}\n`);
    expect(report).toContain('Electron: 45.5.0\nChrome: 142.0.1\nNode: 22.20.0\n');
    expect(report).toContain(`OS: ${os.platform()} ${os.release()} (${os.arch()})\n`);
    expect(report).toContain('Storage backend: test\nRemember me available: yes\n');
    expect(report).toContain(`API host: ${new URL(fake.apiUrl).host} (not plex.tv)\n`);
    expect(report).not.toContain(fake.apiUrl); // the host, not the address
    expect(report).toContain('Signed in: no\n');
    expect(report).toContain('Recent errors: none\n');
    expect(report).not.toContain('v8');
    expect(await fake.requests()).toEqual([]);
  });

  it('reports Node’s own versions without Electron (web mode, tests), and basic_text storage', async () => {
    const report = await diagnostics(launch({ backend: 'basic_text' }));
    expect(report).toContain('Electron: none (not Electron)\n');
    expect(report).toContain(`Node: ${process.versions.node}\n`);
    expect(report).toContain('Storage backend: basic_text\nRemember me available: no\n');
  });

  it('says plex.tv when it is plex.tv', async () => {
    const report = await diagnostics(launch({ apiUrl: 'https://plex.tv/api/v2' }));
    expect(report).toContain('API host: plex.tv\n');
  });

  it('lists the errors the window was given, oldest first, with kind, message and time', async () => {
    const core = launch();
    await call(core, 'session:sign-in', { login: alice.login, password: 'wrong-pässword', rememberMe: true });
    await call(core, 'session:revoke');
    await call(core, 'session:sign-in', { login: 1 });
    await core.invoke('token:copy', undefined, { trusted: false });
    await call(core, `evil:${'x'.repeat(10_000)}`);
    const report = await diagnostics(core);
    const errors = report.split('Recent errors (5, oldest first):\n')[1]!.trimEnd().split('\n');
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z session:sign-in invalid-credentials: Plex did not accept/);
    expect(errors[1]).toMatch(/Z session:revoke not-signed-in: You are not signed in/);
    expect(errors[2]).toMatch(/Z session:sign-in invalid-request: /);
    expect(errors[3]).toMatch(/Z token:copy forbidden: /);
    // A channel outside the contract is not quoted: it came from the caller.
    expect(errors[4]).toMatch(/Z unknown-channel invalid-request: /);
    expect(report).not.toContain('evil');
    expect(report).not.toContain('wrong-pässword');
  });

  it(`keeps the last ${ERROR_HISTORY_SIZE} errors only`, async () => {
    const core = launch();
    for (let n = 0; n < ERROR_HISTORY_SIZE + 5; n += 1) await call(core, 'session:revoke');
    const report = await diagnostics(core);
    expect(report).toContain(`Recent errors (${ERROR_HISTORY_SIZE}, oldest first):`);
    expect(report.match(/session:revoke not-signed-in/g)).toHaveLength(ERROR_HISTORY_SIZE);
  });

  it('says signed in, and how, but never who nor the token, even after failed sign-ins', async () => {
    const core = launch();
    const attempts = [
      { login: bob.login, password: 'pä$$ wörd&=+%/🔑', rememberMe: true },
      { login: bob.login, password: bob.password, rememberMe: true },
      { login: bob.login, password: bob.password, rememberMe: true, verificationCode: '000000' },
      { login: bob.login, password: bob.password, rememberMe: true, verificationCode: bob.backupCode },
    ];
    for (const attempt of attempts) await call(core, 'session:sign-in', attempt);
    const token = await liveToken();
    const report = await diagnostics(core);
    expect(report).toContain('Signed in: yes (token kept: keychain; last check: valid)\n');
    expect(report).toContain('invalid-credentials');
    expect(report).toContain('invalid-verification-code');
    for (const secret of [token, token.slice(-4), 'pä$$ wörd', bob.password, bob.backupCode, '000000']) {
      expect(report).not.toContain(secret);
    }
    for (const who of [bob.login, bob.username]) expect(report).not.toContain(who);
  });

  it('reports a clipboard that cannot be written, without throwing', async () => {
    const core = launch({
      clipboard: {
        ...clipboard,
        writeText: () => {
          throw new Error('no clipboard');
        },
      },
    });
    expect(await call(core, 'app:copy-diagnostics')).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });

  it('refuses an untrusted sender, and copies nothing', async () => {
    const core = launch();
    clipboard.writeText('mine');
    const result = await core.invoke('app:copy-diagnostics', undefined, { trusted: false });
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(clipboard.readText()).toBe('mine');
  });
});

describe('the report builder', () => {
  it('keeps every field on one bounded line, and redacts before it cuts', () => {
    const history = createErrorHistory(3);
    const secret = 'tOkEn-1234567890-abc';
    history.record('session:get', { kind: 'internal', message: `${'m'.repeat(295)}${secret}\nforged line` });
    const report = buildDiagnosticsReport({
      productName: 'P',
      version: '1\n2',
      versions: { electron: `x\n${'e'.repeat(1000)}` },
      os: { platform: 'linux', release: 'r', arch: 'x64' },
      storageBackend: null,
      rememberAvailable: false,
      apiHost: 'plex.tv',
      usingPlexTv: true,
      session: { phase: 'signed-out', storage: null, validation: null },
      errors: history.list(),
      now: new Date(0),
      redact: (text) => text.split(secret).join('[redacted]'),
    });
    expect(report).not.toContain(secret.slice(0, 5));
    expect(report).toContain('App version: 1 2\n');
    expect(report).toContain('Storage backend: unknown\n');
    expect(report.split('\n').every((line) => line.length < 400)).toBe(true);
    expect(report).not.toMatch(/^forged line/m);
  });
});

describe('logging in app-core', () => {
  it('logs the start, each HTTP exchange and each IPC error, with levels', async () => {
    const core = launch();
    await call(core, 'session:sign-in', { login: alice.login, password: alice.password, rememberMe: true });
    await call(core, 'session:revoke');
    await call(core, 'session:revoke');
    await core.invoke('session:get', undefined, { trusted: false });
    const text = lines.join('');
    expect(text).toMatch(/ INFO {2}Plex Sign-In \S+ started: API host 127\.0\.0\.1:\d+, storage backend test, /);
    expect(text).toMatch(/ INFO {2}POST \/users\/signin -> 201 in \d+ ms\n/);
    expect(text).toMatch(/ DEBUG IPC session:sign-in -> ok in \d+ ms\n/);
    expect(text).toMatch(/ INFO {2}IPC session:revoke -> not-signed-in in \d+ ms\n/);
    expect(text).toMatch(/ WARN {2}IPC session:get -> forbidden in \d+ ms\n/);
  });

  it('registers the token with the redactor while signed in, and drops it when signed out', async () => {
    const core = launch();
    await call(core, 'session:sign-in', { login: alice.login, password: alice.password, rememberMe: true });
    const token = await liveToken();
    logger.error(`a careless line with ${token} in it`);
    expect(lines.at(-1)).toContain('a careless line with [redacted] in it');

    // A relaunch restores the token from disk: it is registered again.
    core.dispose();
    const relaunched = launch();
    expect(logger.redactor.redact(token)).toBe('[redacted]');
    await call(relaunched, 'session:sign-out');
    expect(logger.redactor.redact(token)).toBe(token);
  });

  it('registers the password and the code only while the sign-in is under way', async () => {
    await fake.fault({ method: 'POST', path: '/api/v2/users/signin', delayMs: 300 });
    const core = launch();
    const password = bob.password;
    const signingIn = call(core, 'session:sign-in', {
      login: bob.login,
      password,
      rememberMe: false,
      verificationCode: bob.backupCode,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logger.redactor.redact(`${password} ${bob.backupCode}`)).toBe('[redacted] [redacted]');
    await signingIn;
    expect(logger.redactor.redact(`${password} ${bob.backupCode}`)).toBe(`${password} ${bob.backupCode}`);
    const token = await liveToken();
    expect(logger.redactor.redact(token)).toBe('[redacted]');
    await call(core, 'session:revoke');
    expect(logger.redactor.redact(token)).toBe(token);
  });

  it('hands a plain `log` sink every level, redacted', async () => {
    const sink: string[] = [];
    const core = launch({ logger: undefined, log: (line) => sink.push(line) });
    await call(core, 'session:get');
    expect(sink.some((line) => / DEBUG IPC session:get -> ok/.test(line))).toBe(true);
    expect(sink.every((line) => !line.endsWith('\n'))).toBe(true);
  });
});
