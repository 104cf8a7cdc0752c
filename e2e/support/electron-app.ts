import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { E2E_CLIPBOARD_CLEAR_SWITCH } from '../../src/main/node/launch-guard';
import type { FakeHandle } from '../../testing/fake-plex/control';
import type { AppUnderTest, LaunchOptions } from './app-under-test';
import type { ElectronLaunchTarget } from './electron-target';

// Electron mode: the real app under Playwright's Electron driver (the built out/ under the
// Electron binary, or the package:e2e build: electron-target.ts), pointed at the fake with
// PLEX_API_URL and given its own user-data directory, so a relaunch finds the same
// settings file and the OS keystore (safeStorage) key. The electron project runs one test
// at a time (playwright.config.ts): the OS clipboard and the window focus are one per
// desktop session.
//
// The OS keystore, the way Playwright sets it up for its own launches. Playwright appends
// --use-mock-keychain and --password-store=basic through its loader only when it is not
// given an executablePath (playwright-core's server/electron/loader.js); this harness
// always gives one, so it passes what each platform needs itself:
// - macOS: --use-mock-keychain (a fixed key instead of the login Keychain, which would ask
//   an unsigned app for the user's password); safeStorage stays available, and the key is
//   the same at the next launch.
// - Windows: DPAPI, per user, never asks: nothing to pass.
// - Linux: Chromium picks the store from the desktop (basic_text under a bare Xvfb);
//   PLEX_SIGNIN_E2E_PASSWORD_STORE (e.g. gnome-libsecret, with gnome-keyring unlocked on a
//   D-Bus session: .github/workflows/electron.yml) names it. A test that needs a real
//   keychain is skipped, with the reason, when the app got basic_text anyway; it fails
//   instead when PLEX_SIGNIN_E2E_PASSWORD_STORE promised one. keystore 'basic_text' passes
//   Chromium's --password-store=basic, which exists only on Linux.

/** The settings file in the user-data directory (src/main/node/json-file-store.ts). */
export const STORE_FILE_NAME = 'config.json';
export const PASSWORD_STORE_ENV = 'PLEX_SIGNIN_E2E_PASSWORD_STORE';

export interface ElectronAppSetup {
  target: ElectronLaunchTarget;
  fake: FakeHandle;
  /** A fresh temporary directory for this test. */
  dir: string;
  /** Passed to the app as --e2e-clipboard-clear-ms (honoured by the e2e build and development runs). */
  clipboardClearMs: number;
  testInfo: TestInfo;
}

type Keystore = NonNullable<LaunchOptions['keystore']>;

/** Chromium's keystore switches for this platform (see above). */
export function keystoreSwitches(keystore: Keystore, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (keystore === 'basic_text') {
    if (platform !== 'linux') {
      throw new Error(
        `keystore 'basic_text' exists only on Linux (Chromium's --password-store=basic); skip this test on ${platform}.`,
      );
    }
    return ['--password-store=basic'];
  }
  if (platform === 'darwin') return ['--use-mock-keychain'];
  const store = env[PASSWORD_STORE_ENV]?.trim();
  if (platform === 'linux' && store) return [`--password-store=${store}`];
  return [];
}

export class ElectronApp implements AppUnderTest {
  readonly mode = 'electron';
  readonly clipboardClearMs: number;
  readonly userDataDir: string;
  readonly storeFile: string;
  private electronApp: ElectronApplication | null = null;
  private current: Page | null = null;
  private launches = 0;
  private readonly opened: string[] = [];
  private readonly initScripts: Array<{ script: (arg: string) => void; arg: string }> = [];

  constructor(private readonly setup: ElectronAppSetup) {
    this.clipboardClearMs = setup.clipboardClearMs;
    this.userDataDir = path.join(setup.dir, 'user-data');
    this.storeFile = path.join(this.userDataDir, STORE_FILE_NAME);
  }

  get page(): Page {
    if (!this.current) throw new Error('The app is not running: call app.launch() first.');
    return this.current;
  }

  async launch(options: LaunchOptions = {}): Promise<Page> {
    if (this.electronApp) throw new Error('The app is already running: use app.relaunch().');
    await mkdir(this.userDataDir, { recursive: true });
    const keystore = options.keystore ?? 'available';
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
    env['PLEX_API_URL'] = options.apiUrl ?? this.setup.fake.apiUrl;
    const { target } = this.setup;
    const electronApp = await _electron.launch({
      executablePath: target.executablePath,
      args: [
        ...(target.mainEntry ? [target.mainEntry] : []),
        `--user-data-dir=${this.userDataDir}`,
        `--${E2E_CLIPBOARD_CLEAR_SWITCH}=${this.clipboardClearMs}`,
        ...keystoreSwitches(keystore, process.platform, process.env),
      ],
      env,
    });
    this.electronApp = electronApp;
    for (const { script, arg } of this.initScripts) {
      await electronApp.context().addInitScript(script, arg);
    }
    // The system browser is not opened from tests: note what the app asked for instead.
    await electronApp.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as Record<string, unknown>)['__e2eOpenedUrls'] = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
    });
    // The OS clipboard outlives the app: each test starts from an empty one, as in web mode.
    if (this.launches === 0) await electronApp.evaluate(({ clipboard }) => clipboard.clear());
    this.launches += 1;
    this.current = await electronApp.firstWindow();
    await this.current.waitForLoadState('domcontentloaded');
    if (process.platform === 'linux') await this.checkLinuxKeystore(keystore);
    return this.current;
  }

  /** Linux: did the app get the keystore the test needs? Skips (or fails, see above) when not. */
  private async checkLinuxKeystore(keystore: Keystore): Promise<void> {
    const got = await this.running().evaluate(({ safeStorage }) => ({
      backend: safeStorage.getSelectedStorageBackend(),
      available: safeStorage.isEncryptionAvailable(),
    }));
    if (keystore === 'basic_text') {
      if (got.backend !== 'basic_text') throw new Error(`--password-store=basic gave safeStorage "${got.backend}"`);
      return;
    }
    if (got.backend !== 'basic_text' && got.available) return;
    const promised = process.env[PASSWORD_STORE_ENV]?.trim();
    const what = `safeStorage reports ${got.backend}${got.available ? '' : ' (encryption unavailable)'}`;
    if (promised) {
      throw new Error(`${PASSWORD_STORE_ENV}=${promised}, but ${what}: is the keyring unlocked on this D-Bus session?`);
    }
    await this.close();
    this.setup.testInfo.skip(
      true,
      `Linux without a usable secret service: ${what}, so "Remember me" is off. Run under a D-Bus session with an unlocked gnome-keyring and ${PASSWORD_STORE_ENV}=gnome-libsecret (see .github/workflows/electron.yml).`,
    );
  }

  async addInitScript(script: (arg: string) => void, arg: string): Promise<void> {
    this.initScripts.push({ script, arg });
  }

  async relaunch(options: LaunchOptions = {}): Promise<Page> {
    await this.close();
    return this.launch(options);
  }

  async readClipboard(): Promise<string> {
    return this.running().evaluate(({ clipboard }) => clipboard.readText());
  }

  async writeClipboard(text: string): Promise<void> {
    await this.running().evaluate(({ clipboard }, value) => clipboard.writeText(value), text);
  }

  async readStoreFile(): Promise<string | null> {
    return readFile(this.storeFile, 'utf8').catch(() => null);
  }

  async writeStoreFile(contents: string): Promise<void> {
    await mkdir(this.userDataDir, { recursive: true });
    await writeFile(this.storeFile, contents);
  }

  async openedUrls(): Promise<string[]> {
    return [...this.opened, ...(await this.openedThisRun())];
  }

  windowFocusRequests(): null {
    return null;
  }

  ipcLog(): null {
    return null; // the results cross Electron's IPC inside the app, out of the test's reach
  }

  async close(): Promise<void> {
    if (!this.electronApp) return;
    this.opened.push(...(await this.openedThisRun().catch(() => [])));
    await this.electronApp.close();
    this.electronApp = null;
    this.current = null;
  }

  private async openedThisRun(): Promise<string[]> {
    if (!this.electronApp) return [];
    return this.electronApp.evaluate(
      () => ((globalThis as Record<string, unknown>)['__e2eOpenedUrls'] as string[] | undefined) ?? [],
    );
  }

  private running(): ElectronApplication {
    if (!this.electronApp) throw new Error('The app is not running: call app.launch() first.');
    return this.electronApp;
  }
}
