import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import type { FakeHandle } from '../../testing/fake-plex/control';
import type { AppUnderTest, LaunchOptions } from './app-under-test';

// Electron mode: the built app (out/main/index.js) under Playwright's Electron driver,
// pointed at the fake with PLEX_API_URL and given its own user-data directory, so a
// relaunch finds the same settings file and the OS keystore (safeStorage) key.

export const MAIN_ENTRY = path.resolve(__dirname, '../../out/main/index.js');
/** electron-store's default file in the user-data directory. */
export const STORE_FILE_NAME = 'config.json';

export interface ElectronAppSetup {
  executablePath: string;
  fake: FakeHandle;
  /** A fresh temporary directory for this test. */
  dir: string;
  /** The app's own clear delay (src/main/node/app-core.ts): 60 s unless the app is told otherwise. */
  clipboardClearMs: number;
}

export class ElectronApp implements AppUnderTest {
  readonly mode = 'electron';
  readonly clipboardClearMs: number;
  readonly userDataDir: string;
  readonly storeFile: string;
  private electronApp: ElectronApplication | null = null;
  private current: Page | null = null;
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
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
    env['PLEX_API_URL'] = options.apiUrl ?? this.setup.fake.apiUrl;
    const electronApp = await _electron.launch({
      executablePath: this.setup.executablePath,
      args: [
        MAIN_ENTRY,
        `--user-data-dir=${this.userDataDir}`,
        // Chromium's switch for "no keyring": safeStorage then reports basic_text on Linux.
        ...(options.keystore === 'basic_text' ? ['--password-store=basic'] : []),
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
    this.current = await electronApp.firstWindow();
    await this.current.waitForLoadState('domcontentloaded');
    return this.current;
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
