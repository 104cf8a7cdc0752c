import path from 'node:path';
import type { Page } from '@playwright/test';
import { startApiGate } from '../support/api-gate';
import { expect, test } from '../support/fixtures';
import { type ColorScheme, type ScreenName, tourScreens } from '../support/screen-tour';
import { pinScreen, toolTokensPanel } from '../support/screens';

// PNGs of each screen for the docs: docs/screenshots/<screen>-<scheme>.png, rewritten by
// `npm run screenshots` only (playwright.screenshots.config.ts); `npm test` leaves this spec
// out so it never touches committed files. Nothing
// random is shown: the token's last characters are masked, the avatar (on plex.tv, out
// of reach) shows initials, the test-server banner names a fixed port, the install's
// client identifier is fixed, the pins get fixed codes on their way back from the fake
// and the countdowns are stopped at a fixed time left.

const OUT_DIR = path.resolve(__dirname, '../../docs/screenshots');
const SHOTS: Partial<Record<ScreenName, string>> = {
  'sign-in': 'sign-in',
  about: 'about',
  'browser-waiting': 'browser-waiting',
  'link-code': 'link-code',
  error: 'error',
  code: 'code',
  account: 'account',
  'tool-tokens': 'tool-tokens',
  'sign-out-dialog': 'sign-out-dialog',
  'signed-out': 'signed-out',
  'account-offline': 'account-offline',
};
/** The banner shows the API address: a fixed port keeps the pictures identical run to run. */
const STABLE_PORT = 47_400;
/** The browser sign-in address carries the client identifier: a fixed one, written before launch. */
const CLIENT_IDENTIFIER = '3f6c2a9e-8d41-4b7a-9c05-1e2d3c4b5a69';
/** What the pins say in the pictures: a strong code (browser) and a short one (plex.tv/link). */
const FIXED_CODES = { strong: 'x7k2m9q4w8p3z6c1v5b0n8r2t', short: 'K7QX' };
/** When the token expires, as the pictures say (plex.tv says 14 days from now). */
const FIXED_REMEMBER_EXPIRES_AT = Date.UTC(2031, 4, 14, 12) / 1000;
/** The countdowns stop here: a few seconds into each request. */
const SHOWN_SECONDS_LEFT = { strong: 29 * 60 + 41, short: 14 * 60 + 41 };

// One after the other, so both can have the banner's fixed port.
test.describe.configure({ mode: 'serial' });

for (const colorScheme of ['light', 'dark'] as ColorScheme[]) {
  test(`screenshots of every screen in ${colorScheme}`, async ({ app, fake }) => {
    let pinExpiresAt = Number.NaN;
    let pinsShown = 0;
    const gate = await startApiGate(fake.origin, STABLE_PORT, {
      rewriteJson: ({ method, path: pathname }, body) => {
        if (hasExpiry(body)) return { ...body, rememberExpiresAt: FIXED_REMEMBER_EXPIRES_AT };
        if (method !== 'POST' || pathname !== '/api/v2/pins' || !isPin(body)) return body;
        // The browser and link-code screens' pins only: a tool token's pin must keep its real code.
        if (pinsShown >= 2) return body;
        pinsShown += 1;
        pinExpiresAt = Date.parse(body.expiresAt);
        // Without expiresIn the app counts down to this exact expiresAt (it would otherwise
        // count from its own clock), so the frozen countdown always shows the same time.
        const { expiresIn: _relative, ...rest } = body as typeof body & { expiresIn?: unknown };
        return { ...rest, code: body.code.length > 4 ? FIXED_CODES.strong : FIXED_CODES.short };
      },
    });
    try {
      await app.writeStoreFile(JSON.stringify({ clientIdentifier: CLIENT_IDENTIFIER }));
      const saved: string[] = [];
      await tourScreens(
        app,
        fake,
        colorScheme,
        async (screen, page) => {
          const name = SHOTS[screen];
          if (!name) return;
          if (screen === 'browser-waiting') await stopCountdown(page, pinExpiresAt, SHOWN_SECONDS_LEFT.strong);
          if (screen === 'link-code') await stopCountdown(page, pinExpiresAt, SHOWN_SECONDS_LEFT.short);
          const file = path.join(OUT_DIR, `${name}-${colorScheme}.png`);
          await page.mouse.move(0, 0); // no hover effect left on the last button clicked
          // The tools list: the panel alone (its dates are the day the pictures were made).
          const shot = screen === 'tool-tokens' ? toolTokensPanel(page).panel : page;
          await shot.screenshot({
            path: file,
            animations: 'disabled',
            caret: 'hide',
            // The preview's last 4 characters are the token's (random), and the device name plex.tv
            // shows is this machine's own name: both masked where they show (behind a dialog's
            // backdrop a mask would be drawn over the dialog, so there they are left dimmed).
            ...(screen === 'account' || screen === 'account-offline' || screen === 'about'
              ? {
                  mask: [page.getByLabel('Token (masked)'), page.locator('.device-name')],
                  maskColor: colorScheme === 'dark' ? '#3a3a3a' : '#e4e4e4',
                }
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

function hasExpiry(body: unknown): body is { rememberExpiresAt: number } {
  return typeof (body as { rememberExpiresAt?: unknown } | null)?.rememberExpiresAt === 'number';
}

function isPin(body: unknown): body is { code: string; expiresAt: string } {
  const pin = body as { code?: unknown; expiresAt?: unknown } | null;
  return typeof pin?.code === 'string' && typeof pin.expiresAt === 'string';
}

/** The page's clock stands still `secondsLeft` before the pin expires; the countdown shows it. */
async function stopCountdown(page: Page, expiresAt: number, secondsLeft: number): Promise<void> {
  expect(expiresAt, 'the pin passed through the gate').not.toBeNaN();
  await page.clock.setFixedTime(expiresAt - secondsLeft * 1000);
  const shown = `${String(Math.floor(secondsLeft / 60)).padStart(2, '0')}:${String(secondsLeft % 60).padStart(2, '0')}`;
  await expect(pinScreen(page).countdown).toHaveText(`Time left: ${shown}`);
}
