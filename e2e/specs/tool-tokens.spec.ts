import { formatToken, type TokenFormat } from '../../src/shared/token-formats';
import { expect, test } from '../support/fixtures';
import {
  accountScreen,
  copyFrom,
  madeToolTokens,
  makeToolToken,
  revokeDialog,
  signOutOnly,
  SEEDED,
  signInAsAlice,
  submitSignIn,
  toolRevokeDialog,
  toolTokensPanel,
  toolTokenOnFake,
} from '../support/screens';

// Tokens for your tools (issue 11): a token of its own per tool, its own device on
// plex.tv, which outlives the app's sign-out, sign-in and revoke, and can be revoked alone.
// The page learns which device is which tool from the IPC log, so these run in web mode.

test.beforeEach(({ app }) => {
  test.skip(app.mode !== 'web', 'reads the IPC log to find each tool’s device on the fake');
});

test('a tool token outlives sign-out, signing in again and revoking the app’s token; revoking one leaves the other', async ({
  app,
  fake,
}) => {
  const page = await app.launch();
  await signInAsAlice(page);
  const tools = toolTokensPanel(page);
  await expect(tools.panel).toContainText('They keep working when you sign out');
  await makeToolToken(page, 'Kometa');
  await makeToolToken(page, 'Home Assistant');
  await expect(tools.status).toContainText('Token for Home Assistant made.');
  // Focus went to the new token's Copy button.
  await expect(tools.row('Home Assistant').getByRole('button', { name: 'Copy Home Assistant' })).toBeFocused();

  const kometa = await toolTokenOnFake(fake, app.ipcLog(), 'Kometa');
  const assistant = await toolTokenOnFake(fake, app.ipcLog(), 'Home Assistant');
  expect(kometa).toBeTruthy();
  expect(assistant).toBeTruthy();
  expect(kometa).not.toBe(assistant);
  // Each tool is its own device on plex.tv, under its own name.
  const devices = await fake.devices();
  const ids = madeToolTokens(app.ipcLog());
  expect(devices.find((d) => d.clientIdentifier === ids.get('Kometa'))?.product).toBe('Kometa');
  expect(devices.find((d) => d.clientIdentifier === ids.get('Home Assistant'))?.product).toBe('Home Assistant');

  // Sign out, sign in again: both still there and alive.
  await signOutOnly(page, 'alice');
  await signInAsAlice(page);
  await expect(tools.row('Kometa')).toContainText('Working');
  await expect(tools.row('Home Assistant')).toContainText('Working');
  expect(await toolTokenOnFake(fake, app.ipcLog(), 'Kometa')).toBe(kometa);
  expect(await toolTokenOnFake(fake, app.ipcLog(), 'Home Assistant')).toBe(assistant);

  // Revoke the app's own token: the tools keep working.
  await accountScreen(page, 'alice').revoke.click();
  await revokeDialog(page).confirm.click();
  await submitSignIn(page, SEEDED.alice, true);
  await expect(accountScreen(page, 'alice').heading).toBeVisible();
  expect(await toolTokenOnFake(fake, app.ipcLog(), 'Kometa')).toBe(kometa);
  expect(await toolTokenOnFake(fake, app.ipcLog(), 'Home Assistant')).toBe(assistant);

  // Revoke Kometa's: asks first, naming it; Home Assistant's lives on.
  await tools.row('Kometa').getByRole('button', { name: 'Revoke Kometa…' }).click();
  const dialog = toolRevokeDialog(page, 'Kometa');
  await expect(dialog.dialog).toBeVisible();
  await expect(dialog.dialog).toHaveAccessibleDescription(/Kometa stops working/);
  await dialog.confirm.click();
  await expect(dialog.dialog).toBeHidden();
  await expect(tools.row('Kometa')).toHaveCount(0);
  await expect(tools.status).toContainText('The token for Kometa was revoked.');
  const live = (await fake.allDevices()).map((d) => d.token);
  expect(live).not.toContain(kometa);
  expect(live).toContain(assistant);
});

test('a token whose device was removed on plex.tv shows as revoked after a check', async ({ app, fake }) => {
  const page = await app.launch();
  await signInAsAlice(page);
  await makeToolToken(page, 'Tautulli');
  const token = await toolTokenOnFake(fake, app.ipcLog(), 'Tautulli');
  await fake.revoke(token!);

  await app.relaunch(); // the panel lists, then checks in the background
  const tools = toolTokensPanel(page);
  await expect(tools.row('Tautulli')).toContainText('Revoked');
  // A dead token is not offered for copying.
  await expect(tools.row('Tautulli').getByRole('button', { name: 'Copy Tautulli' })).toHaveCount(0);
});

test('odd names survive exactly, and a name already taken is refused by the field', async ({ app, fake }) => {
  const page = await app.launch();
  await signInAsAlice(page);
  const names = ['Büro', '🎬 Kino-Skript', 'Tom’s "quoted" \'tool\''];
  for (const name of names) await makeToolToken(page, name);
  const tools = toolTokensPanel(page);
  await expect(tools.list.locator('.item-name')).toHaveText(names);
  for (const name of names) expect(await toolTokenOnFake(fake, app.ipcLog(), name)).toBeTruthy();

  await app.relaunch();
  await expect(tools.list.locator('.item-name')).toHaveText(names);

  const before = (await fake.allDevices()).length;
  await tools.newToken.click();
  await tools.name.fill('büro');
  await tools.make.click();
  await expect(tools.name).toHaveAttribute('aria-invalid', 'true');
  await expect(tools.name).toHaveAccessibleDescription(/already have a token with that name/);
  await expect(tools.list.locator('.item-name')).toHaveText(names);
  expect((await fake.allDevices()).length).toBe(before);

  // Checked in the page too: a name too long never leaves it.
  await tools.name.fill('x'.repeat(65));
  await tools.make.click();
  await expect(tools.name).toHaveAccessibleDescription(/at most 64 characters/);
});

test('copies the tool’s token in each format, and never the app’s', async ({ app, fake }) => {
  const page = await app.launch();
  await signInAsAlice(page);
  await makeToolToken(page, 'Kometa');
  const token = (await toolTokenOnFake(fake, app.ipcLog(), 'Kometa'))!;
  const row = toolTokensPanel(page).row('Kometa');
  const seconds = Math.ceil(app.clipboardClearMs / 1000);

  for (const format of ['token', 'env', 'curl', 'json'] as TokenFormat[]) {
    await copyFrom(row, format);
    await expect.poll(() => app.readClipboard()).toBe(formatToken(format, { token }));
  }
  await copyFrom(row, 'kometa');
  await expect.poll(() => app.readClipboard()).toMatch(/^plex:\n/);
  expect(await app.readClipboard()).toContain(`token: "${token}"`);
  await expect(toolTokensPanel(page).status).toHaveText(
    `Kometa: copied a Kometa block. The clipboard will be cleared in ${seconds} second${seconds === 1 ? '' : 's'}.`,
  );
});

test('no tool token reaches the page or any IPC result', async ({ app, fake }) => {
  const page = await app.launch();
  await signInAsAlice(page);
  await makeToolToken(page, 'Kometa');
  await makeToolToken(page, 'Sonarr');
  await copyFrom(toolTokensPanel(page).row('Kometa'), 'env');
  await expect(toolTokensPanel(page).status).toContainText('Kometa: copied an env line.');
  const tokens = [
    (await toolTokenOnFake(fake, app.ipcLog(), 'Kometa'))!,
    (await toolTokenOnFake(fake, app.ipcLog(), 'Sonarr'))!,
  ];
  await app.relaunch();
  await expect(toolTokensPanel(page).row('Sonarr')).toContainText('Working');

  const html = await page.content();
  const results = JSON.stringify(app.ipcLog()?.map((entry) => entry.result));
  for (const token of tokens) {
    expect(html).not.toContain(token);
    expect(results).not.toContain(token);
  }
  const stored = (await app.readStoreFile()) ?? '';
  for (const token of tokens) expect(stored).not.toContain(token);
});

test('without a keychain, the panel says tool tokens are kept only until the app quits', async ({ app }) => {
  const page = await app.launch({ keystore: 'basic_text' });
  await submitSignIn(page, SEEDED.alice);
  await expect(accountScreen(page, 'alice').heading).toBeVisible();
  await expect(toolTokensPanel(page).panel).toContainText('tool tokens are kept only until the app quits');
});
