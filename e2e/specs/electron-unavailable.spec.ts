import { expect, test } from '@playwright/test';
import { findElectronBinary } from '../support/electron-binary';

// Run only by the "electron" project when no Electron binary exists (playwright.config.ts):
// the report then lists the Electron run as skipped, with the reason, instead of leaving
// it out silently. Where a binary exists this file is not run and the real specs are.

test('the specs in the real Electron app', () => {
  const binary = findElectronBinary();
  if (!binary.available) {
    const reason = `No Electron binary on this machine: ${binary.reason}`;
    console.log(`[electron] skipped: ${reason}`); // the list reporter shows this line; the JSON report has the annotation
    test.skip(true, reason);
  }
  expect(binary.available, 'with a binary the electron project runs the real specs, not this file').toBe(false);
});
