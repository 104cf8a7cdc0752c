import { join } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, net } from 'electron';
import { resolveApiUrl } from '../../core/api-url';
import { IPC_CHANNELS } from '../../shared/ipc-contract';
import { PRODUCT_NAME } from '../../shared/product';
import { type AppCore, createAppCore } from '../node/app-core';
import { appPages } from '../node/app-pages';
import { devRendererCsp, RENDERER_CSP } from '../node/content-security-policy';
import { createElectronClipboard } from './clipboard';
import { createElectronDocumentStore } from './document-store';
import { createSafeStorageEncryptor } from './safe-storage-encryptor';
import { openInBrowser } from './open-external';
import { applySecurityPolicy } from './security-policy';
import { createMainWindow } from './window';
import { createFileLogger } from '../node/file-logger';
import { createLogger, DEFAULT_LOG_LEVEL, LOG_LEVEL_ENV, type Logger, parseLogLevel } from '../node/logger';
import {
  clipboardClearOverride,
  devUserDataPath,
  E2E_CLIPBOARD_CLEAR_SWITCH,
  forbiddenDebugSwitch,
} from '../node/launch-guard';
import { isTrustedSenderFrame } from '../node/trusted-sender';
import { registerAppScheme, serveAppScheme } from './app-protocol';

// Electron's main process: one instance, one window, and every IPC call handed to the
// app core with the verdict on its sender. All the logic lives in app-core and below;
// this file only wires Electron's pieces to it.

/** Node's RequestInit type omits `cache`, which Request (and so net.fetch) honours. */
const NO_CACHE_NO_COOKIES = { cache: 'no-store', credentials: 'omit' } as RequestInit;

/**
 * The log file in the platform's log folder (e.g. ~/Library/Logs/Plex Sign-In,
 * %APPDATA%\Plex Sign-In\logs, ~/.config/Plex Sign-In/logs), redacted, rotated. In
 * development the lines are echoed to the terminal too. PLEX_SIGNIN_LOG_LEVEL=debug
 * makes it verbose (every IPC call; still never a secret).
 */
function openLog(): Logger {
  const level = parseLogLevel(process.env[LOG_LEVEL_ENV]) ?? DEFAULT_LOG_LEVEL;
  // console.log, not process.stdout: the console ignores a closed pipe instead of throwing.
  const echo = app.isPackaged ? undefined : (line: string) => console.log(`[${PRODUCT_NAME}] ${line.trimEnd()}`);
  try {
    return createFileLogger({ dir: app.getPath('logs'), level, ...(echo ? { echo } : {}) });
  } catch {
    // No log folder at all: the app runs without a file (the console still gets the lines).
    return createLogger({ write: echo ?? (() => {}), level });
  }
}

// A packaged release never lets another process attach a debugger (no fuse covers
// Chromium's remote debugging); the e2e build, which Playwright drives, keeps it.
const debugSwitch = forbiddenDebugSwitch({
  isPackaged: app.isPackaged,
  appName: app.getName(),
  argv: [...process.argv, ...process.execArgv],
  hasSwitch: (name) => app.commandLine.hasSwitch(name),
});
if (debugSwitch) {
  console.error(`${PRODUCT_NAME} does not start with ${debugSwitch}; start it without that switch.`);
  app.exit(1);
} else {
  start();
}

function start(): void {
  // Every renderer sandboxed, whatever a window asks for. enableSandbox() would also drop
  // --no-sandbox (electron_api_app.cc), which Playwright, the AppImage and users on kernels
  // without unprivileged namespaces pass on purpose: then their choice stands.
  if (!app.commandLine.hasSwitch('no-sandbox')) app.enableSandbox();
  // Development runs keep their own data folder and so their own single-instance lock,
  // apart from an installed release; --user-data-dir (tests) wins over both.
  if (!app.isPackaged && !app.commandLine.hasSwitch('user-data-dir')) {
    app.setPath('userData', devUserDataPath(app.getPath('userData')));
  }
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    // A second launch hands over to the first (which focuses its window) and leaves.
    app.quit();
  } else {
    run();
  }
}

function run(): void {
  const logger = openLog();
  let win: BrowserWindow | null = null;
  let core: AppCore | null = null;

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  // One window: closing it quits, on macOS too (a session-only token ends with the app).
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.dispose());

  void app.whenReady().then(() => {
    let apiUrl: string;
    try {
      apiUrl = resolveApiUrl(undefined);
    } catch (error) {
      // The dialog quotes the address (the user's own setting); the log does not.
      logger.error('PLEX_API_URL is not a usable address; the app stops.');
      dialog.showErrorBox(PRODUCT_NAME, error instanceof Error ? error.message : String(error));
      app.exit(2);
      return;
    }

    // The dev server only in development: a packaged app never loads a page named by
    // the environment, since that page would get the app's IPC.
    const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
    const pages = appPages({ devServerUrl });
    serveAppScheme(join(__dirname, '../renderer'), RENDERER_CSP);
    applySecurityPolicy(pages, devServerUrl ? devRendererCsp(devServerUrl) : RENDERER_CSP, logger.warn);

    // The e2e build (and a development run) may be told a short clipboard delay; a release never.
    const clipboardClearMs = clipboardClearOverride({
      isPackaged: app.isPackaged,
      appName: app.getName(),
      switchValue: app.commandLine.getSwitchValue(E2E_CLIPBOARD_CLEAR_SWITCH),
    });
    const appCore = createAppCore({
      apiUrl,
      ...(clipboardClearMs === undefined ? {} : { clipboardClearMs }),
      store: createElectronDocumentStore(),
      encryptor: createSafeStorageEncryptor(),
      clipboard: createElectronClipboard(),
      openInBrowser,
      // Chromium's network stack: the system proxy and certificate store apply. Answers
      // carry the token, so none is kept in Chromium's disk cache and no cookie goes either
      // way (net.fetch would otherwise use the session's cache and cookie jar).
      transport: {
        adapter: 'fetch',
        env: {
          fetch: (input, init) =>
            net.fetch(input instanceof URL ? input.href : input, { ...init, ...NO_CACHE_NO_COOKIES }),
        },
      },
      logger,
      versions: process.versions,
      // An approval in the browser brings the window back to the front.
      focusWindow: () => {
        if (!win) return;
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
      },
    });
    core = appCore;

    // Registered before the window exists, so the page never calls a channel nobody handles.
    const isTrustedSender = (event: IpcMainInvokeEvent): boolean => {
      try {
        const current = win;
        if (!current || current.isDestroyed() || event.sender !== current.webContents) return false;
        return isTrustedSenderFrame(event.senderFrame, current.webContents.mainFrame, pages.isAppUrl);
      } catch {
        return false; // a frame or window torn down mid-call
      }
    };
    for (const channel of IPC_CHANNELS) {
      ipcMain.handle(channel, (event, payload: unknown) =>
        appCore.invoke(channel, payload, { trusted: isTrustedSender(event) }),
      );
    }

    const window = createMainWindow(pages);
    win = window;
    window.on('closed', () => {
      appCore.dispose();
      win = null;
    });
  });
}
