import os from 'node:os';
import type { Locator, Page } from '@playwright/test';
import { browserAuthUrl } from '../../src/core/pin-schema';
import { qrCodePath } from '../../src/main/node/qr-code';
import { PRODUCT_HOMEPAGE, PRODUCT_VERSION } from '../../src/shared/product';
import { expect, test } from '../support/fixtures';
import {
  accountScreen,
  browserSignIn,
  diagnostics,
  pinScreen,
  polledPinId,
  shownLinkCode,
  signInAsAlice,
  signInScreen,
  signOutDialog,
  USER_PATH,
} from '../support/screens';

// What a first-time user tripped over (issue 13), one test per problem: whose app this is,
// both ways in as equals, a browser sign-in without dead ends, what "Remember me" does to
// the token, a sign-out that offers revoking while it still can, nothing that jumps, a
// "Check again" when offline, and the link-code screen at the smallest window.

const PLEX_AMBER = 'rgb(229, 160, 13)';

const background = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).backgroundColor);

/** Where each element is on the page (scroll included). */
async function positions(page: Page, locators: Locator[]): Promise<{ x: number; y: number }[]> {
  const scrollY = await page.evaluate(() => window.scrollY);
  return Promise.all(
    locators.map(async (locator) => {
      const box = await locator.boundingBox();
      if (!box) throw new Error(`${String(locator)} is not on the page`);
      return { x: Math.round(box.x), y: Math.round(box.y + scrollY) };
    }),
  );
}

/** Nothing moved by more than 2 px. */
function expectStill(before: { x: number; y: number }[], after: { x: number; y: number }[], what: string): void {
  after.forEach((point, i) => {
    expect.soft(Math.abs(point.x - before[i]!.x), `${what}: element ${i} moved sideways`).toBeLessThanOrEqual(2);
    expect.soft(Math.abs(point.y - before[i]!.y), `${what}: element ${i} moved up or down`).toBeLessThanOrEqual(2);
  });
}

test.describe('1. the app has an identity of its own', () => {
  test('its name and icon, that it is not made by Plex, and an About view with version, licence and project', async ({
    app,
  }) => {
    const page = await app.launch();
    await expect(signInScreen(page).heading).toBeVisible();
    await expect(page.getByText('Plex Sign-In', { exact: true })).toBeVisible();
    await expect(page.locator('img.brand-icon')).toBeVisible();
    await expect(page.getByText('An independent app, not made by Plex. It talks only to plex.tv.')).toBeVisible();

    // Plex's amber for the Plex button only; the app's own buttons have their own accent.
    expect(await background(browserSignIn(page).button)).toBe(PLEX_AMBER);
    expect(await background(signInScreen(page).submit)).not.toBe(PLEX_AMBER);

    await page.getByRole('button', { name: 'About' }).click();
    const about = page.getByRole('dialog', { name: 'About Plex Sign-In' });
    await expect(about).toContainText(`Version ${PRODUCT_VERSION}`);
    await expect(about).toContainText('Licence: MIT');
    await expect(about).toContainText('not made by Plex');
    await about.getByRole('link', { name: /Project page/ }).click();
    await expect.poll(() => app.openedUrls()).toEqual([PRODUCT_HOMEPAGE]);
    await page.keyboard.press('Escape');
    await expect(about).toBeHidden();
    await expect(page.getByRole('button', { name: 'About' })).toBeFocused();
  });
});

test.describe('2. both ways in, as equals', () => {
  test('"Sign in with Plex in your browser" is in view at once, and the code for another device sits next to it', async ({
    app,
  }) => {
    const page = await app.launch();
    const browser = browserSignIn(page);
    await expect(browser.button).toBeInViewport({ ratio: 1 });
    await expect(signInScreen(page).login).toBeInViewport();
    await browser.linkCode.click();
    await expect(pinScreen(page).linkHeading).toBeVisible();
    await expect(pinScreen(page).spelledCode).toBeVisible();
  });
});

test.describe('3. a browser sign-in without dead ends', () => {
  test('the address is a link, with Copy and Open again, and the window comes to the front on approval', async ({
    app,
    fake,
  }) => {
    const page = await app.launch({ systemBrowser: 'fails' });
    await browserSignIn(page).button.click();
    const pin = pinScreen(page);
    await expect(pin.browserHeading).toBeVisible();
    const [url] = await app.openedUrls();
    expect(url).toMatch(/^https:\/\/app\.plex\.tv\/auth#\?/);
    await expect(pin.addressLink).toHaveAttribute('href', url!);

    await pin.copyAddress.click();
    await expect(page.getByRole('status').filter({ hasText: 'Address copied.' })).toBeVisible();
    expect(await app.readClipboard()).toBe(url);
    await pin.openAgain.click();
    await expect.poll(() => app.openedUrls()).toEqual([url, url]);
    await pin.addressLink.click();
    await expect.poll(() => app.openedUrls()).toEqual([url, url, url]);

    expect(app.windowFocusRequests() ?? 0).toBe(0);
    await fake.claimPin(await polledPinId(fake), 'carol');
    await expect(accountScreen(page, 'carol').heading).toBeVisible();
    if (app.mode === 'web') expect(app.windowFocusRequests()).toBe(1);
  });

  test('the QR code encodes the app.plex.tv approval address of the pin, so a phone approves by scanning', async ({
    app,
  }) => {
    const page = await app.launch();
    await browserSignIn(page).linkCode.click();
    const pin = pinScreen(page);
    await expect(pin.qr).toBeVisible();
    const code = await shownLinkCode(page);
    const { clientIdentifier } = JSON.parse((await app.readStoreFile()) ?? '{}') as { clientIdentifier: string };
    const approval = browserAuthUrl(clientIdentifier, code, 'Plex Sign-In');
    expect(await pin.qr.locator('path').getAttribute('d')).toBe(qrCodePath(approval).path);
  });
});

test.describe('4. what "Remember me" does to the token, and when it expires', () => {
  test('the box says it, the account shows the expiry and the device name, and the token is kept alive', async ({
    app,
    fake,
  }) => {
    let page = await app.launch();
    const remember = signInScreen(page).remember;
    await expect(remember).toHaveAccessibleDescription(/renewable for 14 days/);
    await expect(remember).toHaveAccessibleDescription(/short-lived/);
    await expect(remember).toHaveAccessibleDescription(/keychain/);

    await signInAsAlice(page, true);
    const [device] = await fake.devices();
    const expires = new Date(Date.now() + 14 * 24 * 3600 * 1000);
    const shown = new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(expires);
    await expect(page.getByText(new RegExp(`^${shown}, unless used`))).toBeVisible();
    await expect(page.getByText(`Plex Sign-In on “${os.hostname()}”`)).toBeVisible();
    expect(device?.deviceName).toBe(os.hostname());

    // At launch the app renews a remembered token (GET /ping) before it checks it (GET /user).
    page = await app.relaunch();
    await expect(page.getByText('plex.tv confirmed this token.')).toBeVisible();
    const paths = (await fake.requests()).map((r) => `${r.method} ${r.path}`).slice(-2);
    expect(paths).toEqual(['GET /api/v2/ping', 'GET /api/v2/user']);
  });
});

test.describe('5. sign-out offers revoking while it still can, and the notice tells the truth', () => {
  test('"Sign out…" offers both; after a plain sign-out the notice says where to revoke it', async ({ app }) => {
    const page = await app.launch();
    await signInAsAlice(page);
    await accountScreen(page, 'alice').signOut.click();
    const dialog = signOutDialog(page);
    await expect(dialog.signOut).toBeVisible();
    await expect(dialog.revoke).toBeVisible();
    await dialog.signOut.click();

    await expect(signInScreen(page).heading).toBeVisible();
    const notice = page.getByRole('status').filter({ hasText: 'signed out on this computer' });
    await expect(notice).toContainText('cannot revoke it');
    await expect(notice).not.toContainText('until you revoke it');
    await notice.getByRole('link', { name: /Open Authorized Devices on plex\.tv/ }).click();
    await expect.poll(() => app.openedUrls()).toEqual(['https://app.plex.tv/desktop/#!/settings/devices/all']);
  });
});

test.describe('6. nothing jumps', () => {
  test('"Checking with plex.tv…" ending, Copy token, the clipboard clear and Copy diagnostics move nothing', async ({
    app,
    fake,
  }) => {
    test.setTimeout(30_000 + 2 * app.clipboardClearMs);
    let page = await app.launch();
    await signInAsAlice(page, true);
    await fake.fault({ method: 'GET', path: USER_PATH, delayMs: 1500 });
    page = await app.relaunch();
    const account = accountScreen(page, 'alice');
    const watched = [account.copy, account.signOut, diagnostics(page).copy, account.manageDevices];

    await expect(page.getByText('Checking with plex.tv…')).toBeVisible();
    const checking = await positions(page, watched);
    await expect(page.getByText('plex.tv confirmed this token.')).toBeVisible({ timeout: 10_000 });
    const checked = await positions(page, watched);
    expectStill(checking, checked, 'the check ending');

    await account.copy.click();
    await expect(page.getByText(/clipboard clears in/)).toBeVisible();
    expectStill(checked, await positions(page, watched), 'Copy token');
    await expect(page.getByText(/clipboard clears in/)).toBeHidden({ timeout: app.clipboardClearMs + 3000 });
    expectStill(checked, await positions(page, watched), 'the clipboard clear');

    await diagnostics(page).copy.click();
    await expect(diagnostics(page).copied).toBeVisible();
    expectStill(checked, await positions(page, watched), 'Copy diagnostics');
  });

  test('Copy address and Open again on the browser screen move nothing', async ({ app }) => {
    const page = await app.launch({ systemBrowser: 'fails' });
    await browserSignIn(page).button.click();
    const pin = pinScreen(page);
    const watched = [pin.copyAddress, pin.openAgain, pin.countdown, pin.cancel];
    const before = await positions(page, watched);
    await pin.copyAddress.click();
    await expect(page.getByText('Address copied.')).toBeVisible();
    expectStill(before, await positions(page, watched), 'Copy address');
  });

  test('Copy diagnostics on the sign-in screen moves nothing', async ({ app }) => {
    const page = await app.launch();
    const watched = [diagnostics(page).copy, page.getByRole('button', { name: 'About' }), signInScreen(page).submit];
    const before = await positions(page, watched);
    await diagnostics(page).copy.click();
    await expect(diagnostics(page).copied).toBeVisible();
    expectStill(before, await positions(page, watched), 'Copy diagnostics');
  });
});

test.describe('7. offline on the account screen', () => {
  test('"Check again" runs the check again and shows its answer', async ({ app, fake }) => {
    let page = await app.launch();
    await signInAsAlice(page, true);
    await fake.fault({ method: 'GET', path: USER_PATH, reset: true });
    page = await app.relaunch();
    const account = accountScreen(page, 'alice');
    await expect(page.getByText(/Could not reach plex\.tv/)).toBeVisible();
    const checks = (await fake.requests()).filter((r) => r.path === USER_PATH).length;

    await account.checkAgain.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('plex.tv confirmed this token.')).toBeVisible();
    await expect(account.checkAgain).toBeHidden();
    expect((await fake.requests()).filter((r) => r.path === USER_PATH)).toHaveLength(checks + 1);
  });
});

test.describe('8. the smallest window', () => {
  test('at 400×560 the link-code screen opens with its heading in view', async ({ app }) => {
    const page = await app.launch();
    await page.setViewportSize({ width: 400, height: 560 });
    const button = browserSignIn(page).linkCode;
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await expect(pinScreen(page).linkHeading).toBeVisible();
    await expect(pinScreen(page).linkHeading).toBeInViewport({ ratio: 1 });
    await expect(pinScreen(page).linkHeading).toBeFocused();
  });

  test('at 400×560, "Use a code instead" from the browser screen opens with the heading in view', async ({ app }) => {
    const page = await app.launch();
    await page.setViewportSize({ width: 400, height: 560 });
    await browserSignIn(page).button.click();
    const pin = pinScreen(page);
    await expect(pin.browserHeading).toBeVisible();
    await pin.useCode.scrollIntoViewIfNeeded();
    await pin.useCode.click();
    await expect(pin.linkHeading).toBeVisible();
    await expect(pin.linkHeading).toBeInViewport({ ratio: 1 });
  });
});
