import { expect, type Page } from '@playwright/test';
import type { FakeHandle } from '../../testing/fake-plex/control';
import type { AppUnderTest, LaunchOptions } from './app-under-test';
import {
  accountScreen,
  browserSignIn,
  codeScreen,
  pinScreen,
  makeToolToken,
  SEEDED,
  signInAsAlice,
  signInScreen,
  signOutDialog,
  submitSignIn,
  USER_PATH,
  toolRevokeDialog,
  toolTokensPanel,
} from './screens';

// One walk through every screen of the app, in one colour scheme, stopping at each so a
// spec can check it (accessibility) or photograph it (docs/screenshots).

export type ColorScheme = 'light' | 'dark';
export const SCREENS = [
  'sign-in',
  'about',
  'browser-waiting',
  'link-code',
  'error',
  'code',
  'code-error',
  'account',
  'tool-tokens',
  'tool-revoke-dialog',
  'sign-out-dialog',
  'signed-out',
  'account-offline',
] as const;
export type ScreenName = (typeof SCREENS)[number];

export async function tourScreens(
  app: AppUnderTest,
  fake: FakeHandle,
  colorScheme: ColorScheme,
  visit: (screen: ScreenName, page: Page) => Promise<void>,
  launchOptions: LaunchOptions = {},
): Promise<void> {
  const page = await app.launch(launchOptions);
  await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
  const form = signInScreen(page);

  await expect(form.heading).toBeVisible();
  await visit('sign-in', page);

  await page.getByRole('button', { name: 'About' }).click();
  const about = page.getByRole('dialog', { name: 'About Plex Sign-In' });
  await expect(about).toBeVisible();
  await visit('about', page);
  await about.getByRole('button', { name: 'Close' }).click();
  await expect(about).toBeHidden();

  // Browser sign-in, then a code for plex.tv/link instead; cancelled, back to the form.
  await browserSignIn(page).button.click();
  const pin = pinScreen(page);
  await expect(pin.browserHeading).toBeVisible();
  await expect(pin.countdown).toBeVisible();
  await visit('browser-waiting', page);
  await pin.useCode.click();
  await expect(pin.linkHeading).toBeVisible();
  await expect(pin.qr).toBeVisible();
  await visit('link-code', page);
  await pin.cancel.click();
  await expect(form.heading).toBeVisible();

  await submitSignIn(page, { login: SEEDED.alice.login, password: 'not-her-password' });
  await expect(form.password).toHaveAttribute('aria-invalid', 'true');
  await visit('error', page);

  await form.login.fill(SEEDED.bob.login);
  await form.password.fill(SEEDED.bob.password);
  await form.submit.click();
  const code = codeScreen(page);
  await expect(code.heading).toBeVisible();
  await visit('code', page);

  await code.code.fill('000000');
  await expect(code.code).toHaveAttribute('aria-invalid', 'true');
  await visit('code-error', page);

  await code.code.fill(SEEDED.bob.code);
  const account = accountScreen(page, 'bob');
  await expect(account.heading).toBeVisible();
  // The avatar lives on plex.tv, out of reach here: wait for the initials that replace it.
  await expect(page.locator('img[src^="https://"]')).toHaveCount(0);
  await expect(page.getByText('Checking with plex.tv…')).toBeHidden();
  await visit('account', page);

  // Tokens for two tools, below the account card; then the confirmation of revoking one.
  await makeToolToken(page, 'Kometa');
  await makeToolToken(page, 'Home Assistant');
  const tools = toolTokensPanel(page);
  await tools.panel.scrollIntoViewIfNeeded();
  await expect(tools.row('Kometa')).toContainText('Working');
  await visit('tool-tokens', page);

  await tools.row('Kometa').getByRole('button', { name: 'Revoke Kometa…' }).click();
  const revokeTool = toolRevokeDialog(page, 'Kometa');
  await expect(revokeTool.dialog).toBeVisible();
  await visit('tool-revoke-dialog', page);
  await revokeTool.cancel.click();
  await expect(revokeTool.dialog).toBeHidden();

  await account.signOut.click();
  const dialog = signOutDialog(page);
  await expect(dialog.dialog).toBeVisible();
  await visit('sign-out-dialog', page);

  await dialog.signOut.click();
  await expect(form.heading).toBeVisible();
  await expect(page.getByRole('link', { name: /Open Authorized Devices on plex\.tv/ })).toBeVisible();
  await visit('signed-out', page);
  await page.getByRole('button', { name: 'Dismiss' }).click();

  // Offline at launch: the saved account, the quiet note and "Check again".
  await signInAsAlice(page, true);
  await fake.fault({ method: 'GET', path: USER_PATH, reset: true });
  const relaunched = await app.relaunch(launchOptions);
  await relaunched.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
  await expect(accountScreen(relaunched, 'alice').checkAgain).toBeVisible();
  await expect(relaunched.locator('img[src^="https://"]')).toHaveCount(0);
  await visit('account-offline', relaunched);
}
