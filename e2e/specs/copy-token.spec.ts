import { expect, test } from '../support/fixtures';
import { accountScreen, liveToken, signInAsAlice } from '../support/screens';

// "Copy token": main puts the token itself on the clipboard and takes it off again after
// a while, unless the user has copied something else since.

test('copies exactly the token, confirms it, and clears the clipboard afterwards', async ({ app, fake }) => {
  test.setTimeout(30_000 + 2 * app.clipboardClearMs);
  const page = await app.launch();
  await signInAsAlice(page);
  const token = await liveToken(fake, 'alice');
  const seconds = Math.ceil(app.clipboardClearMs / 1000);

  await accountScreen(page, 'alice').copy.click();
  const copiedAt = Date.now();

  const status = page.getByRole('status').filter({ hasText: 'Copied:' });
  await expect(status).toHaveText(`Copied: the clipboard clears in ${seconds} second${seconds === 1 ? '' : 's'}.`);
  expect(await app.readClipboard()).toBe(token);

  await expect.poll(() => app.readClipboard(), { timeout: app.clipboardClearMs + 5000, intervals: [100] }).toBe('');
  expect(Date.now() - copiedAt, 'not cleared before its time').toBeGreaterThanOrEqual(app.clipboardClearMs - 100);
  // The countdown ends with the clipboard: "clears in N seconds" is not left behind (issue 13, 6).
  await expect(page.getByText(/clipboard clears in/)).toBeHidden({ timeout: 1500 });
});

test('leaves the clipboard alone when the user copied something else meanwhile', async ({ app, fake }) => {
  test.setTimeout(30_000 + 2 * app.clipboardClearMs);
  const page = await app.launch();
  await signInAsAlice(page);
  const token = await liveToken(fake, 'alice');

  await accountScreen(page, 'alice').copy.click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied:' })).toBeVisible();
  expect(await app.readClipboard()).toBe(token);
  await app.writeClipboard('a shopping list');

  await page.waitForTimeout(app.clipboardClearMs + 1000);
  expect(await app.readClipboard()).toBe('a shopping list');
});
