import { expect, test } from '../support/fixtures';
import { accountScreen, liveToken, signInAsAlice, signInScreen, USER_PATH } from '../support/screens';

// The background check of a remembered token at launch (GET /user): a dead token signs
// the user out with a notice; no answer (offline, plex.tv down) keeps the account.

test('a token revoked on plex.tv while the app was closed: signed out, with a notice', async ({ app, fake }) => {
  let page = await app.launch();
  await signInAsAlice(page, true);
  await fake.revoke(await liveToken(fake, 'alice'));

  page = await app.relaunch();

  await expect(signInScreen(page).heading).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /signed out elsewhere|no longer works/i })).toBeVisible();
  await expect(accountScreen(page, 'alice').heading).toBeHidden();
  expect((await fake.requests()).filter((r) => r.path === USER_PATH)).toHaveLength(1);
  // Forgotten on disk too: the next launch neither shows nor checks it.
  const requests = (await fake.requests()).length;
  page = await app.relaunch();
  await expect(signInScreen(page).heading).toBeVisible();
  expect(await fake.requests()).toHaveLength(requests);
});

for (const failure of [
  {
    name: 'offline (connection dropped)',
    fault: { reset: true },
    message: /could not reach/i,
  },
  {
    name: 'plex.tv down (503)',
    fault: { status: 503, headers: { 'Retry-After': '0' }, body: '<html>down</html>', contentType: 'text/html' },
    message: /having problems/i,
  },
]) {
  test(`${failure.name} at launch: the account stays, with a quiet status line`, async ({ app, fake }) => {
    let page = await app.launch();
    await signInAsAlice(page, true);
    const token = await liveToken(fake, 'alice');
    await fake.fault({ method: 'GET', path: USER_PATH, times: 3, ...failure.fault });

    page = await app.relaunch();

    const account = accountScreen(page, 'alice');
    await expect(account.heading).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: failure.message })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0); // quiet: a status, not an alert
    await expect(signInScreen(page).heading).toBeHidden();
    await expect(account.copy).toBeEnabled();
    // The token says nothing about this failure: it is kept, and works once plex.tv answers.
    expect(await liveToken(fake, 'alice')).toBe(token);
    await account.copy.click();
    await expect.poll(() => app.readClipboard()).toBe(token);
  });
}
