import { defineConfig } from '@playwright/test';
import type { ModeOptions } from './e2e/support/app-under-test';
import base, { SCREENSHOTS_SPEC } from './playwright.config';

// `npm run screenshots`: only e2e/specs/screenshots.spec.ts, in web mode, which rewrites
// docs/screenshots/*.png. The normal run (playwright.config.ts) leaves that spec out, so
// `npm test` never touches committed files; what the spec checks on the way (the frozen
// countdowns, the tour of every screen) is asserted there by pin-sign-in.spec.ts and
// accessibility.spec.ts.

export default defineConfig<ModeOptions>({
  ...base,
  testMatch: SCREENSHOTS_SPEC,
  outputDir: 'test-results/screenshots',
  reporter: [['list']],
  projects: [{ name: 'web', use: { appMode: 'web' } }],
});
