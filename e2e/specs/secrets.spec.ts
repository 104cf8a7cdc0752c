import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { accountScreen, codeScreen, liveToken, SEEDED, signInAsAlice, submitSignIn } from '../support/screens';

// The renderer is untrusted: the token never reaches it (only a masked preview), and the
// password it sent is never sent back nor left in the page.

test('neither the token nor the password reaches the page or any IPC result', async ({ app, fake }) => {
  let page = await app.launch();
  await signInAsAlice(page, true);
  const token = await liveToken(fake, 'alice');
  await accountScreen(page, 'alice').copy.click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied:' })).toBeVisible();
  expect(await app.readClipboard()).toBe(token); // it was there to leak

  for (const secret of [token, SEEDED.alice.password]) {
    expect(await page.content()).not.toContain(secret);
    expect(await windowState(page)).not.toContain(secret);
  }

  // A relaunch: the stored session is restored and checked.
  page = await app.relaunch();
  await expect(accountScreen(page, 'alice').heading).toBeVisible();
  await expect.poll(() => app.ipcLog()?.some((entry) => entry.channel === 'session:validate') ?? true).toBe(true);
  await expect(page.getByText('Checking with plex.tv…')).toBeHidden();
  expect(await page.content()).not.toContain(token);

  const log = app.ipcLog();
  if (log) {
    const channels = new Set(log.map((entry) => entry.channel));
    for (const channel of ['app:get-info', 'session:get', 'session:validate', 'session:sign-in', 'token:copy']) {
      expect(channels, `the page called ${channel}`).toContain(channel);
    }
    const results = JSON.stringify(log.map((entry) => entry.result));
    expect(results).not.toContain(token);
    expect(results).not.toContain(SEEDED.alice.password);
    expect(results).toContain(token.slice(-4)); // the masked preview did come through
  }
});

/** What the page keeps outside the DOM: web storage, cookies, the URL, window's own values. */
function windowState(page: Page): Promise<string> {
  return page.evaluate(() => {
    const own: Record<string, string> = {};
    for (const key of Object.getOwnPropertyNames(window)) {
      try {
        const value = (window as unknown as Record<string, unknown>)[key];
        if (typeof value === 'string' || typeof value === 'number') own[key] = String(value);
        else if (value && typeof value === 'object' && !(value instanceof Node)) own[key] = JSON.stringify(value) ?? '';
      } catch {
        // cyclic or cross-origin values hold nothing of ours
      }
    }
    return JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookie: document.cookie,
      url: location.href,
      history: history.state as unknown,
      own,
    });
  });
}

test('a two-step sign-in leaves neither the password nor the code in the page', async ({ app, fake }) => {
  const { bob } = SEEDED;
  const page = await app.launch();
  await submitSignIn(page, bob, true);
  await codeScreen(page).code.fill(bob.backupCode);
  await codeScreen(page).verify.click();
  await expect(accountScreen(page, 'bob').heading).toBeVisible();
  const token = await liveToken(fake, 'bob');

  const html = await page.content();
  const state = await windowState(page);
  for (const secret of [token, bob.password, bob.backupCode]) {
    expect(html).not.toContain(secret);
    expect(state).not.toContain(secret);
  }
  const log = app.ipcLog();
  if (log) {
    const results = JSON.stringify(log.map((entry) => entry.result));
    for (const secret of [token, bob.password, bob.backupCode]) expect(results).not.toContain(secret);
  }
});
