import { expect, test } from '../support/fixtures';
import { accountScreen, diagnostics, liveToken, SEEDED, signInAsAlice, signInScreen } from '../support/screens';

// "Copy diagnostics": main puts a plain-text report for a bug report on the clipboard
// (versions, platform, storage backend, last errors); never a token or a password.

test('from the account screen: confirmed, and the report holds no token nor password', async ({ app, fake }) => {
  const page = await app.launch();
  await signInAsAlice(page);
  const token = await liveToken(fake, 'alice');
  const { copy, copied } = diagnostics(page);

  await copy.click();

  await expect(copied).toHaveText('Diagnostics copied (no token or password included).');
  const report = await app.readClipboard();
  expect(report).toContain('Plex Sign-In');
  expect(report).not.toContain(token);
  expect(report).not.toContain(SEEDED.alice.password);
  await expect(accountScreen(page, 'alice').heading).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('from the sign-in screen, after a failed sign-in: the error is listed, the password is not', async ({ app }) => {
  const page = await app.launch();
  const form = signInScreen(page);
  const wrong = 'Not-her-password-42';
  await form.login.fill(SEEDED.alice.login);
  await form.password.fill(wrong);
  await form.submit.click();
  await expect(form.password).toHaveAttribute('aria-invalid', 'true');
  const { copy, copied } = diagnostics(page);

  await copy.click();

  await expect(copied).toBeVisible();
  const report = await app.readClipboard();
  expect(report).toContain('Plex Sign-In');
  expect(report).not.toContain(wrong);
  await expect(form.heading).toBeVisible();
});
