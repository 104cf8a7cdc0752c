import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, type Browser } from '@playwright/test';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import type { AppUnderTest, ModeOptions } from './app-under-test';
import { chromiumLaunchOptions } from '../../testing/chromium-launch';
import { ElectronApp } from './electron-app';
import { startRendererServer } from '../../testing/renderer-server';
import { WebApp } from './web-app';

// The fixtures every spec uses: `fake` (the fake plex.tv, reset before each test) and
// `app` (the app under test, in the project's mode; launched by the spec, in a temporary
// folder removed after the test). Each worker starts its own fake (unless PLEX_FAKE_URL
// names one) and, in web mode, its own renderer server and one Chromium.

/**
 * Short, so the clear can be watched: web mode passes it to the core, electron mode to the
 * app as --e2e-clipboard-clear-ms (honoured by the e2e build and development runs only).
 */
export const WEB_CLIPBOARD_CLEAR_MS = 1500;
const ELECTRON_CLIPBOARD_CLEAR_MS = WEB_CLIPBOARD_CLEAR_MS;

interface WorkerFixtures extends ModeOptions {
  workerFake: FakeHandle;
  rendererUrl: string;
  webBrowser: Browser | null;
}

interface TestFixtures {
  fake: FakeHandle;
  app: AppUnderTest;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  appMode: ['web', { option: true, scope: 'worker' }],
  electronTarget: [undefined, { option: true, scope: 'worker' }],

  workerFake: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const fake = await useFakePlex();
      await use(fake);
      await fake.close();
    },
    { scope: 'worker' },
  ],

  rendererUrl: [
    async ({ appMode }, use) => {
      if (appMode !== 'web') return use('');
      const server = await startRendererServer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],

  webBrowser: [
    async ({ appMode, playwright }, use) => {
      if (appMode !== 'web') return use(null);
      const browser = await playwright.chromium.launch(chromiumLaunchOptions());
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  fake: async ({ workerFake }, use) => {
    await workerFake.reset();
    await use(workerFake);
  },

  app: async ({ appMode, electronTarget, fake, rendererUrl, webBrowser }, use, testInfo) => {
    // The app's settings, logs and user data live here; removed after the test, failed or not.
    const dir = await mkdtemp(path.join(tmpdir(), 'plex-signin-e2e-'));
    let app: WebApp | ElectronApp | undefined;
    try {
      if (appMode === 'web') {
        if (!webBrowser) throw new Error('web mode without a browser');
        app = new WebApp({ browser: webBrowser, fake, rendererUrl, dir, clipboardClearMs: WEB_CLIPBOARD_CLEAR_MS });
      } else {
        if (!electronTarget) throw new Error('electron mode without an Electron binary or E2E_APP_PATH');
        app = new ElectronApp({
          target: electronTarget,
          fake,
          dir,
          clipboardClearMs: ELECTRON_CLIPBOARD_CLEAR_MS,
          testInfo,
        });
      }
      const launched = app;
      await use(launched);
      if (testInfo.status !== testInfo.expectedStatus) {
        const shot = await Promise.resolve()
          .then(() => launched.page.screenshot())
          .catch(() => null);
        if (shot) await testInfo.attach('app-at-failure.png', { body: shot, contentType: 'image/png' });
      }
    } finally {
      try {
        await app?.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  },
});

export { expect } from '@playwright/test';
