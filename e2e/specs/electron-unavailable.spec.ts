import { expect, test } from '@playwright/test';
import { findElectronTarget } from '../support/electron-target';

// Run only by the "electron" project when there is no Electron app to launch (playwright.config.ts):
// the report then lists the Electron run as skipped, with the reason, instead of leaving
// it out silently. Where there is one, this file is not run and the real specs are.

test('the specs in the real Electron app', () => {
  const target = findElectronTarget();
  if (!target.available) {
    const reason = `No Electron app to launch on this machine: ${target.reason}`;
    console.log(`[electron] skipped: ${reason}`); // the list reporter shows this line; the JSON report has the annotation
    test.skip(true, reason);
  }
  expect(target.available, 'with an app to launch the electron project runs the real specs, not this file').toBe(false);
});
