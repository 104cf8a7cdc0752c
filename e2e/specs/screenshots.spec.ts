import path from 'node:path';
import { startApiGate } from '../support/api-gate';
import { expect, test } from '../support/fixtures';
import { type ColorScheme, type ScreenName, tourScreens } from '../support/screen-tour';

// PNGs of each screen for the docs: docs/screenshots/<screen>-<scheme>.png. Nothing
// random is shown: the token's last characters are masked, the avatar (on plex.tv, out
// of reach) shows initials, and the test-server banner names a fixed port.

const OUT_DIR = path.resolve(__dirname, '../../docs/screenshots');
const SHOTS: Partial<Record<ScreenName, string>> = {
  'sign-in': 'sign-in',
  error: 'error',
  code: 'code',
  account: 'account',
  'revoke-dialog': 'revoke-dialog',
};
/** The banner shows the API address: a fixed port keeps the pictures identical run to run. */
const STABLE_PORT = 47_400;

// One after the other, so both can have the banner's fixed port.
test.describe.configure({ mode: 'serial' });

for (const colorScheme of ['light', 'dark'] as ColorScheme[]) {
  test(`screenshots of every screen in ${colorScheme}`, async ({ app, fake }) => {
    const gate = await startApiGate(fake.origin, STABLE_PORT);
    try {
      const saved: string[] = [];
      await tourScreens(
        app,
        colorScheme,
        async (screen, page) => {
          const name = SHOTS[screen];
          if (!name) return;
          const file = path.join(OUT_DIR, `${name}-${colorScheme}.png`);
          await page.mouse.move(0, 0); // no hover effect left on the last button clicked
          await page.screenshot({
            path: file,
            animations: 'disabled',
            caret: 'hide',
            // The preview's last 4 characters are the token's (random); behind the dialog they are hidden anyway.
            ...(screen === 'account'
              ? { mask: [page.getByLabel('Token (masked)')], maskColor: colorScheme === 'dark' ? '#3a3a3a' : '#e4e4e4' }
              : {}),
          });
          saved.push(path.basename(file));
        },
        { apiUrl: gate.apiUrl },
      );
      expect(saved).toEqual(Object.values(SHOTS).map((name) => `${name}-${colorScheme}.png`));
    } finally {
      await gate.stop();
    }
  });
}
