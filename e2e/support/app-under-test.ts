import type { Page } from '@playwright/test';
import type { ElectronLaunchTarget } from './electron-target';

// What a spec drives, whichever way the app runs: the built renderer in Chromium bridged
// to the real main-side handlers in the test process (web mode), or the real Electron app
// (electron mode). Specs only use this, so the same spec runs in both modes.

export type AppMode = 'web' | 'electron';

/** The per-project options of playwright.config.ts. */
export interface ModeOptions {
  appMode: AppMode;
  /** What electron mode launches (electron-target.ts); undefined in web mode. */
  electronTarget: ElectronLaunchTarget | undefined;
}

export interface LaunchOptions {
  /** The API the app talks to; the fake plex.tv's by default. */
  apiUrl?: string;
  /**
   * 'basic_text': the OS offers no real encryption (Linux without a keyring). In electron
   * mode only on Linux (Chromium's --password-store=basic): skip such a test elsewhere.
   */
  keystore?: 'available' | 'basic_text';
  /** 'fails': asking the system browser to open a URL throws (web mode only; the URL is still recorded). */
  systemBrowser?: 'opens' | 'fails';
}

export interface IpcRecord {
  channel: string;
  payload: unknown;
  result: unknown;
}

export interface AppUnderTest {
  readonly mode: AppMode;
  /** The app's window; valid after launch(), replaced by relaunch(). */
  readonly page: Page;
  /** How long after a copy the app clears the clipboard. */
  readonly clipboardClearMs: number;
  /** Starts the app (first launch of this test). */
  launch(options?: LaunchOptions): Promise<Page>;
  /** Closes the window and quits (as the user closing it would); the fixture calls it again safely. */
  close(): Promise<void>;
  /** Quits and starts again over the same settings file and keystore key. */
  relaunch(options?: LaunchOptions): Promise<Page>;
  readClipboard(): Promise<string>;
  /** As if the user copied something else. */
  writeClipboard(text: string): Promise<void>;
  /** The settings file as it is on disk; null when there is none. */
  readStoreFile(): Promise<string | null>;
  /** Overwrites the settings file (e.g. with garbage before a launch). */
  writeStoreFile(contents: string): Promise<void>;
  /** URLs the app asked the system browser to open. */
  openedUrls(): Promise<string[]>;
  /**
   * Runs `script(arg)` in every page load from now on (the next launch or relaunch). Web
   * mode: before the page's own scripts, always. Electron mode: best effort, since the
   * window may load before the test can attach it.
   */
  addInitScript(script: (arg: string) => void, arg: string): Promise<void>;
  /** How often the app asked to bring its window to the front (web mode; null where not observable). */
  windowFocusRequests(): number | null;
  /** Every IPC call the page made with the result it received (web mode; null where not observable). */
  ipcLog(): readonly IpcRecord[] | null;
}
