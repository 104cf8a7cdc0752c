import { expect, test } from '../support/fixtures';
import { accountScreen, liveToken, SEEDED, SIGNIN_PATH, signInScreen, submitSignIn } from '../support/screens';

test('alice signs in with one request and sees her account', async ({ app, fake }) => {
  const page = await app.launch();
  await expect(signInScreen(page).heading).toBeVisible();

  await submitSignIn(page, SEEDED.alice, true);

  const account = accountScreen(page, 'alice');
  await expect(account.heading).toBeVisible();
  await expect(page.getByText(SEEDED.alice.login, { exact: true })).toBeVisible();
  await expect(page.getByText('Plex Pass', { exact: true })).toBeVisible();
  await expect(page.getByText('Two-step verification: Off')).toBeVisible();
  await expect(page.getByText(/^Member since .*\b\d{4}\b/)).toBeVisible();
  await expect(page.getByText('Encrypted in your system keychain')).toBeVisible();

  const token = await liveToken(fake, 'alice');
  await expect(account.tokenPreview).toContainText(token.slice(-4));
  await expect(account.tokenPreview).not.toContainText(token);

  // The sign-in answer holds the account: nothing else is asked of plex.tv.
  const requests = await fake.requests();
  expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${SIGNIN_PATH}`]);

  // The join date is whatever plex.tv says (the contract fixes none): read it back.
  const joinedAt = await joinedAtOf(fake.apiUrl, token);
  await expect(page.getByText(`Member since`)).toContainText(String(new Date(joinedAt * 1000).getFullYear()));
});

/** The account's `joinedAt` (epoch seconds), as plex.tv (here the fake) answers it. */
async function joinedAtOf(apiUrl: string, token: string): Promise<number> {
  const response = await fetch(`${apiUrl}/user`, {
    headers: { Accept: 'application/json', 'X-Plex-Client-Identifier': 'e2e-join-date-check', 'X-Plex-Token': token },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { joinedAt: number }).joinedAt;
}

test('a double click on "Sign in" sends one request while the first is in flight', async ({ app, fake }) => {
  const page = await app.launch();
  await fake.fault({ method: 'POST', path: SIGNIN_PATH, delayMs: 1000 });
  const form = signInScreen(page);
  await form.login.fill(SEEDED.alice.login);
  await form.password.fill(SEEDED.alice.password);

  await form.submit.dblclick();

  await expect(form.busySubmit).toBeDisabled();
  await expect(form.busySubmit).toHaveAttribute('aria-busy', 'true');
  await expect(accountScreen(page, 'alice').heading).toBeVisible();
  expect((await fake.requests()).filter((r) => r.path === SIGNIN_PATH)).toHaveLength(1);
});

test('"Show password" reveals the password and "Hide password" hides it again', async ({ app }) => {
  const page = await app.launch();
  const form = signInScreen(page);
  await form.password.fill('secret-value');
  await expect(form.password).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(form.password).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Hide password' }).click();
  await expect(form.password).toHaveAttribute('type', 'password');
});
