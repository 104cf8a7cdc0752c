import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { type AppCore, createAppCore } from '../../src/main/node/app-core';
import {
  createJsonFileStore,
  createMemoryClipboard,
  createTestEncryptor,
  createWindowFocusRecorder,
} from '../../testing/main-doubles';
import type { FakeHandle } from '../../testing/fake-plex/control';
import type { AppUnderTest, IpcRecord, LaunchOptions } from './app-under-test';
import { isolateFromInternet, WINDOW_SIZE } from './window';
import { installWebBridge } from './web-bridge';

// Web mode: the built renderer in Chromium, its `window.plexSignIn` bridged to the real
// main-side handlers (createAppCore) running in this process, with a JSON file store and
// a real AES-GCM test encryptor in place of electron-store and safeStorage, talking HTTP
// to the fake plex.tv. A "relaunch" disposes the core, builds a new one over the same
// settings file, keystore key and clipboard, and reloads the page.

export interface WebAppSetup {
  browser: Browser;
  fake: FakeHandle;
  rendererUrl: string;
  /** A fresh temporary directory for this test's settings file. */
  dir: string;
  clipboardClearMs: number;
}

export class WebApp implements AppUnderTest {
  readonly mode = 'web';
  readonly clipboardClearMs: number;
  readonly storeFile: string;
  private readonly keystoreKey = randomBytes(32);
  private readonly clipboard = createMemoryClipboard();
  private readonly focus = createWindowFocusRecorder();
  private readonly opened: string[] = [];
  private readonly ipc: IpcRecord[] = [];
  private context: BrowserContext | null = null;
  private current: Page | null = null;
  private core: AppCore | null = null;

  constructor(private readonly setup: WebAppSetup) {
    this.clipboardClearMs = setup.clipboardClearMs;
    this.storeFile = path.join(setup.dir, 'config.json');
  }

  get page(): Page {
    if (!this.current) throw new Error('The app is not running: call app.launch() first.');
    return this.current;
  }

  async launch(options: LaunchOptions = {}): Promise<Page> {
    if (this.current) throw new Error('The app is already running: use app.relaunch().');
    this.core = this.startCore(options);
    this.context = await this.setup.browser.newContext({ viewport: WINDOW_SIZE, locale: 'en-US' });
    await isolateFromInternet(this.context);
    const page = await this.context.newPage();
    await installWebBridge(
      page,
      (channel, payload, sender) => {
        if (!this.core) throw new Error('The app is not running.');
        return this.core.invoke(channel, payload, sender);
      },
      this.ipc,
    );
    this.current = page;
    await page.goto(this.setup.rendererUrl);
    return page;
  }

  async addInitScript(script: (arg: string) => void, arg: string): Promise<void> {
    if (!this.current) throw new Error('Web mode adds init scripts to the running page: launch() first.');
    await this.current.addInitScript(script, arg);
  }

  async relaunch(options: LaunchOptions = {}): Promise<Page> {
    const page = this.page;
    this.core?.dispose();
    this.core = this.startCore(options);
    await page.reload();
    return page;
  }

  async readClipboard(): Promise<string> {
    return this.clipboard.readText();
  }

  async writeClipboard(text: string): Promise<void> {
    this.clipboard.writeText(text);
  }

  async readStoreFile(): Promise<string | null> {
    return readFile(this.storeFile, 'utf8').catch(() => null);
  }

  async writeStoreFile(contents: string): Promise<void> {
    await writeFile(this.storeFile, contents);
  }

  async openedUrls(): Promise<string[]> {
    return [...this.opened];
  }

  windowFocusRequests(): number {
    return this.focus.count();
  }

  ipcLog(): readonly IpcRecord[] {
    return this.ipc;
  }

  async close(): Promise<void> {
    this.core?.dispose();
    this.core = null;
    await this.context?.close();
    this.context = null;
    this.current = null;
  }

  private startCore(options: LaunchOptions): AppCore {
    const keystore = options.keystore ?? 'available';
    return createAppCore({
      apiUrl: options.apiUrl ?? this.setup.fake.apiUrl,
      store: createJsonFileStore(this.storeFile),
      encryptor: createTestEncryptor({
        key: this.keystoreKey,
        ...(keystore === 'basic_text' ? { backend: 'basic_text' } : {}),
      }),
      clipboard: this.clipboard,
      openInBrowser: async (url) => {
        this.opened.push(url);
        if (options.systemBrowser === 'fails') throw new Error('no browser to open');
      },
      clipboardClearMs: this.clipboardClearMs,
      focusWindow: this.focus.focusWindow,
    });
  }
}
