import { expect, type Page } from '@playwright/test';
import type { AppUnderTest, LaunchOptions } from './app-under-test';
import {
  accountScreen,
  browserSignIn,
  codeScreen,
  pinScreen,
  makeToolToken,
  revokeDialog,
  SEEDED,
  signInScreen,
  submitSignIn,
  toolRevokeDialog,
  toolTokensPanel,
} from './screens';

// One walk through every screen of the app, in one colour scheme, stopping at each so a
// spec can check it (accessibility) or photograph it (docs/screenshots).

export type ColorScheme = 'light' | 'dark';
export type ScreenName =
  | 'sign-in'
  | 'browser-waiting'
  | 'link-code'
  | 'error'
  | 'code'
  | 'code-error'
  | 'account'
  | 'revoke-dialog'
  | 'tool-tokens'
  | 'tool-revoke-dialog';

export async function tourScreens(
  app: AppUnderTest,
  colorScheme: ColorScheme,
  visit: (screen: ScreenName, page: Page) => Promise<void>,
  launchOptions: LaunchOptions = {},
): Promise<void> {
  const page = await app.launch(launchOptions);
  await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
  const form = signInScreen(page);

  await expect(form.heading).toBeVisible();
  await visit('sign-in', page);

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

  await account.revoke.click();
  await expect(revokeDialog(page).dialog).toBeVisible();
  await visit('revoke-dialog', page);

  // Tokens for two tools, below the account card; then the confirmation of revoking one.
  await revokeDialog(page).cancel.click();
  await expect(revokeDialog(page).dialog).toBeHidden();
  await makeToolToken(page, 'Kometa');
  await makeToolToken(page, 'Home Assistant');
  const tools = toolTokensPanel(page);
  await tools.panel.scrollIntoViewIfNeeded();
  await expect(tools.row('Kometa')).toContainText('Working');
  await visit('tool-tokens', page);

  await tools.row('Kometa').getByRole('button', { name: 'Revoke Kometa…' }).click();
  await expect(toolRevokeDialog(page, 'Kometa').dialog).toBeVisible();
  await visit('tool-revoke-dialog', page);
}
