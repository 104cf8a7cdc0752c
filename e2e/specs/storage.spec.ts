import { expect, test } from '../support/fixtures';
import { accountScreen, liveToken, SEEDED, signInAsAlice, signInScreen, submitSignIn } from '../support/screens';

// When the settings file or the OS keystore lets the app down: signed out with a notice,
// or the token kept in memory only, and never a crash.

test('a corrupt settings file: signed out with a notice, and signing in still works', async ({ app }) => {
  await app.writeStoreFile('{"clientIdentifier": "abc", "session": {{{ not json');

  const page = await app.launch();

  await expect(signInScreen(page).heading).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /settings could not be read/i })).toBeVisible();
  await signInAsAlice(page, true);
  await expect(page.getByText('Encrypted in your system keychain')).toBeVisible();
  // A fresh, valid file replaced it.
  const stored = await app.readStoreFile();
  expect(() => JSON.parse(stored ?? '')).not.toThrow();
});

test('valid JSON in the wrong shape: signed out with a notice', async ({ app }) => {
  await app.writeStoreFile(JSON.stringify({ session: { encryptedToken: 42 }, clientIdentifier: ['x'] }));
  const page = await app.launch();
  await expect(signInScreen(page).heading).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /settings could not be read/i })).toBeVisible();
});

test('no real encryption (basic_text): "Remember me" disabled with the reason; session only', async ({ app, fake }) => {
  test.skip(
    app.mode === 'electron' && process.platform !== 'linux',
    `basic_text exists only on Linux (Chromium's --password-store=basic); ${process.platform} always has its keychain (web mode covers this screen everywhere)`,
  );
  let page = await app.launch({ keystore: 'basic_text' });
  const form = signInScreen(page);

  await expect(form.remember).toBeDisabled();
  await expect(form.remember).not.toBeChecked();
  await expect(form.remember).toHaveAccessibleDescription(/no keychain|no secure storage/i);

  await submitSignIn(page, SEEDED.alice);
  await expect(accountScreen(page, 'alice').heading).toBeVisible();
  await expect(page.getByText('This session only (not saved)')).toBeVisible();
  const token = await liveToken(fake, 'alice');
  expect((await app.readStoreFile()) ?? '').not.toContain(token);
  expect((await app.readStoreFile()) ?? '').not.toContain('encryptedToken');

  page = await app.relaunch({ keystore: 'basic_text' });
  await expect(signInScreen(page).heading).toBeVisible();
  expect((await app.readStoreFile()) ?? '').not.toContain(token);
});

test('a keystore that lost its key: the saved token is dropped with a notice', async ({ app }) => {
  // Sign in, then replace the stored ciphertext with bytes this keystore never made.
  let page = await app.launch();
  await signInAsAlice(page, true);
  const doc = JSON.parse((await app.readStoreFile()) ?? '{}') as { session?: { encryptedToken?: string } };
  expect(doc.session?.encryptedToken).toBeTruthy();
  doc.session!.encryptedToken = Buffer.from('not encrypted by this computer').toString('base64');
  await app.writeStoreFile(JSON.stringify(doc));

  page = await app.relaunch();
  await expect(signInScreen(page).heading).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /could not be decrypted/i })).toBeVisible();
});
