import { join } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, net } from 'electron';
import { resolveApiUrl } from '../core/api-url';
import { IPC_CHANNELS } from '../shared/ipc-contract';
import { PRODUCT_NAME } from '../shared/product';
import { type AppCore, createAppCore } from './app-core';
import { appPages } from './app-pages';
import { devRendererCsp, RENDERER_CSP } from './content-security-policy';
import { createElectronClipboard } from './electron-clipboard';
import { createElectronDocumentStore } from './electron-document-store';
import { createSafeStorageEncryptor } from './electron-encryptor';
import { openInBrowser } from './electron-open-external';
import { applySecurityPolicy } from './electron-security-policy';
import { createMainWindow } from './electron-window';
import { isTrustedSenderFrame } from './trusted-sender';

// Electron's main process: one instance, one window, and every IPC call handed to the
// app core with the verdict on its sender. All the logic lives in app-core and below;
// this file only wires Electron's pieces to it.

const log = (line: string): void => console.log(`[${PRODUCT_NAME}] ${line}`);

// Every renderer sandboxed, whatever a window asks for.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (which focuses its window) and leaves.
  app.quit();
} else {
  run();
}

function run(): void {
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
      dialog.showErrorBox(PRODUCT_NAME, error instanceof Error ? error.message : String(error));
      app.exit(2);
      return;
    }

    // The dev server only in development: a packaged app never loads a page named by
    // the environment, since that page would get the app's IPC.
    const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
    const pages = appPages({ indexFile: join(__dirname, '../renderer/index.html'), devServerUrl });
    applySecurityPolicy(pages, devServerUrl ? devRendererCsp(devServerUrl) : RENDERER_CSP, log);

    const appCore = createAppCore({
      apiUrl,
      store: createElectronDocumentStore(),
      encryptor: createSafeStorageEncryptor(),
      clipboard: createElectronClipboard(),
      openExternal: openInBrowser,
      // Chromium's network stack: the system proxy and certificate store apply.
      transport: {
        adapter: 'fetch',
        env: { fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init) },
      },
      log,
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
