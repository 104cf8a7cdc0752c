import { defineConfig, type Project } from '@playwright/test';
import { findElectronTarget } from './e2e/support/electron-target';
import type { ModeOptions } from './e2e/support/app-under-test';

// The same specs in two modes. Main's logic is plain functions over injected services
// (src/main/node/app-core.ts), so only Electron's transport needs swapping:
// - web: the built renderer in Chromium, its preload API bridged to the real main-side
//   handlers in the test process (file store, test encryptor), against the fake plex.tv;
// - electron: the real app, defined only where there is one to launch: the package:e2e
//   build named by E2E_APP_PATH, else the built out/ under node_modules/electron's binary
//   (e2e/support/electron-target.ts). Elsewhere the "electron" project is one skipped test
//   that says why. It runs one test at a time: the OS clipboard (every copy spec) and the
//   window focus (keyboard specs) are one per desktop session, shared by every app on it.
// Build first: `npx electron-vite build`.

const electron = findElectronTarget();
const UNAVAILABLE_SPEC = /electron-unavailable\.spec\.ts$/;
// The docs screenshots rewrite docs/screenshots (committed files): never part of this run,
// only of `npm run screenshots` (playwright.screenshots.config.ts).
export const SCREENSHOTS_SPEC = /screenshots\.spec\.ts$/;
// Against an external fake (PLEX_FAKE_URL) every worker would share one server, its
// request log and its per-address lock-out counter: tests must take turns.
const externalFake = Boolean(process.env['PLEX_FAKE_URL']?.trim());

const electronProject: Project<ModeOptions> = electron.available
  ? {
      name: 'electron',
      testIgnore: [UNAVAILABLE_SPEC, SCREENSHOTS_SPEC],
      workers: 1,
      // A cold Electron start (and relaunches) takes longer than a page load in Chromium.
      timeout: 60_000,
      use: {
        appMode: 'electron',
        electronTarget: {
          executablePath: electron.executablePath,
          mainEntry: electron.mainEntry,
          description: electron.description,
        },
      },
    }
  : { name: 'electron', testMatch: UNAVAILABLE_SPEC };

export default defineConfig<ModeOptions>({
  testDir: 'e2e/specs',
  // Only *.spec.ts (never Vitest's *.test.ts); each project sets its own testIgnore.
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: externalFake ? 1 : 2,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  projects: [
    { name: 'web', testIgnore: [UNAVAILABLE_SPEC, SCREENSHOTS_SPEC], use: { appMode: 'web' } },
    electronProject,
  ],
});
