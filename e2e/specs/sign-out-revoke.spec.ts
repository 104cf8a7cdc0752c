import type { FakeHandle } from '../../testing/fake-plex/control';
import { expect, test } from '../support/fixtures';
import {
  accountScreen,
  liveToken,
  revokeDialog,
  SIGNOUT_PATH,
  signInAsAlice,
  signInScreen,
  signOutOnly,
} from '../support/screens';

// Sign out forgets the token on this computer only; revoke kills it on plex.tv too.

/** Asks plex.tv (the fake) directly whether the token still works: GET /user. */
async function userStatus(fake: FakeHandle, token: string, clientIdentifier: string): Promise<number> {
  const response = await fetch(`${fake.apiUrl}/user`, {
    headers: { Accept: 'application/json', 'X-Plex-Token': token, 'X-Plex-Client-Identifier': clientIdentifier },
  });
  await response.arrayBuffer();
  return response.status;
}

test('sign out returns to the sign-in screen and leaves the token working on plex.tv', async ({ app, fake }) => {
  let page = await app.launch();
  await signInAsAlice(page, true);
  const [device] = await fake.devices();
  const token = await liveToken(fake, 'alice');

  await signOutOnly(page, 'alice');

  await expect(signInScreen(page).heading).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /signed out on this computer/i })).toBeVisible();
  expect((await fake.devices()).map((d) => d.token)).toEqual([token]);
  expect(await userStatus(fake, token, device!.clientIdentifier)).toBe(200);
  expect((await fake.requests()).filter((r) => r.path === SIGNOUT_PATH)).toHaveLength(0);

  // Forgotten here: the next launch is signed out.
  expect((await app.readStoreFile()) ?? '').not.toContain('encryptedToken');
  page = await app.relaunch();
  await expect(signInScreen(page).heading).toBeVisible();
});

test('"Sign out…" then "Sign out and revoke on plex.tv" signs out and kills the token on plex.tv', async ({
  app,
  fake,
}) => {
  const page = await app.launch();
  await signInAsAlice(page, true);
  const [device] = await fake.devices();
  const token = await liveToken(fake, 'alice');

  await accountScreen(page, 'alice').revoke.click();
  const dialog = revokeDialog(page);
  await expect(dialog.dialog).toBeVisible();
  await expect(dialog.cancel).toBeFocused(); // the safe choice first
  await dialog.confirm.click();

  await expect(signInScreen(page).heading).toBeVisible();
  await expect(dialog.dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /revoked/i })).toBeVisible();
  expect(await fake.devices()).toEqual([]);
  expect(await userStatus(fake, token, device!.clientIdentifier)).toBe(401);
  expect((await fake.requests()).filter((r) => r.method === 'DELETE' && r.path === SIGNOUT_PATH)).toHaveLength(1);
  expect((await app.readStoreFile()) ?? '').not.toContain('encryptedToken');
});

test('"Cancel" in the revoke dialog keeps everything', async ({ app, fake }) => {
  const page = await app.launch();
  await signInAsAlice(page, true);
  const token = await liveToken(fake, 'alice');
  const account = accountScreen(page, 'alice');

  await account.revoke.click();
  const dialog = revokeDialog(page);
  await expect(dialog.dialog).toBeVisible();
  await dialog.cancel.click();

  await expect(dialog.dialog).toBeHidden();
  await expect(account.heading).toBeVisible();
  await expect(account.revoke).toBeFocused();
  expect((await fake.devices()).map((d) => d.token)).toEqual([token]);
  expect((await fake.requests()).filter((r) => r.path === SIGNOUT_PATH)).toHaveLength(0);
  await account.copy.click();
  await expect.poll(() => app.readClipboard()).toBe(token);
});

test('Escape closes the revoke dialog without revoking', async ({ app, fake }) => {
  const page = await app.launch();
  await signInAsAlice(page, true);
  const token = await liveToken(fake, 'alice');
  await accountScreen(page, 'alice').revoke.click();
  await expect(revokeDialog(page).dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(revokeDialog(page).dialog).toBeHidden();
  expect((await fake.devices()).map((d) => d.token)).toEqual([token]);
});

test('"Manage Authorized Devices on plex.tv" opens plex.tv in the browser, not in the app', async ({ app }) => {
  const page = await app.launch();
  await signInAsAlice(page, true);
  const url = page.url();
  await accountScreen(page, 'alice').manageDevices.click();
  await expect.poll(() => app.openedUrls()).toEqual(['https://app.plex.tv/desktop/#!/settings/devices/all']);
  expect(page.url()).toBe(url);
});
