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
import { isTrustedSenderFrame } from '../node/trusted-sender';

// Electron's main process: one instance, one window, and every IPC call handed to the
// app core with the verdict on its sender. All the logic lives in app-core and below;
// this file only wires Electron's pieces to it.

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

// Every renderer sandboxed, whatever a window asks for.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (which focuses its window) and leaves.
  app.quit();
} else {
  run();
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
    const pages = appPages({ indexFile: join(__dirname, '../renderer/index.html'), devServerUrl });
    applySecurityPolicy(pages, devServerUrl ? devRendererCsp(devServerUrl) : RENDERER_CSP, logger.warn);

    const appCore = createAppCore({
      apiUrl,
      store: createElectronDocumentStore(),
      encryptor: createSafeStorageEncryptor(),
      clipboard: createElectronClipboard(),
      openInBrowser,
      // Chromium's network stack: the system proxy and certificate store apply.
      transport: {
        adapter: 'fetch',
        env: { fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init) },
      },
      logger,
      versions: process.versions,
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
