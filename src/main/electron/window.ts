import { join } from 'node:path';
import { BrowserWindow, nativeTheme } from 'electron';
import { PRODUCT_NAME } from '../../shared/product';
import type { AppPages } from '../node/app-pages';

// The app's one window. webPreferences are written inline (a security scanner only
// recognises them in this form): an isolated, sandboxed page with no Node, whose only
// door to the app is the preload's small API.

export function createMainWindow(pages: AppPages): BrowserWindow {
  const win = new BrowserWindow({
    width: 480,
    height: 720,
    minWidth: 400,
    minHeight: 560,
    show: false,
    title: PRODUCT_NAME,
    // Painted before the page, so opening the window never flashes the wrong theme.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1f1f1f' : '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click would otherwise try to open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
      preload: join(__dirname, '../preload/index.js'),
    },
  });
  win.once('ready-to-show', () => win.show());
  // The title names the app, whatever the page's <title> says.
  win.on('page-title-updated', (event) => event.preventDefault());
  void win.loadURL(pages.entryUrl);
  return win;
}
