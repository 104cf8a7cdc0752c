import type { Page } from '@playwright/test';
import { PLEX_LINKS } from '../../src/shared/external-links';
import { closedPortUrl } from '../../testing/closed-port';
import { expect, test } from '../support/fixtures';
import { describedBy, SEEDED, SIGNIN_PATH, signInScreen, submitSignIn } from '../support/screens';

// Every way a sign-in can fail, as the user sees it: announced (role alert), placed
// where it belongs (under the password, or for the whole form), and never echoing the
// password back into the page.

const { alice, carol } = SEEDED;
const WRONG = { login: alice.login, password: 'Wr0ng-horse-battery' };

async function expectPasswordError(page: Page, message: RegExp): Promise<void> {
  const form = signInScreen(page);
  await expect(page.getByRole('alert')).toContainText(message);
  await expect(form.password).toHaveAttribute('aria-invalid', 'true');
  expect(await describedBy(form.password)).toMatch(message);
  await expect(page.getByRole('alert').filter({ hasText: message })).toHaveCount(1); // under the field, not twice
}

async function expectFormError(page: Page, message: RegExp): Promise<void> {
  const form = signInScreen(page);
  await expect(page.getByRole('alert')).toContainText(message);
  await expect(page.getByRole('alert').filter({ hasText: message })).toHaveCount(1);
  // About the whole attempt, not the password: the field is not marked wrong.
  await expect(form.password).not.toHaveAttribute('aria-invalid', 'true');
  expect(await describedBy(form.password)).not.toMatch(message);
  await expect(form.submit).toBeEnabled();
}

async function expectNoSecretInPage(page: Page, password: string): Promise<void> {
  expect(await page.content()).not.toContain(password);
  expect(await page.locator('body').innerText()).not.toContain(password);
}

const signIns = async (fake: { requests(): Promise<{ path: string }[]> }) =>
  (await fake.requests()).filter((r) => r.path === SIGNIN_PATH).length;

test('a wrong password is reported under the password field', async ({ app, fake }) => {
  const page = await app.launch();
  await submitSignIn(page, WRONG);
  await expectPasswordError(page, /did not accept that email, username or password/i);
  await expect(signInScreen(page).password).toBeFocused();
  await expectNoSecretInPage(page, WRONG.password);
  expect(await signIns(fake)).toBe(1); // a rejected password is never retried
});

test('a password sign-in to carol (Google-only, no password) is invalid credentials', async ({ app, fake }) => {
  const page = await app.launch();
  const attempt = { login: carol.login, password: 'carol-has-no-password' };
  await submitSignIn(page, attempt);
  await expectPasswordError(page, /did not accept that email, username or password/i);
  await expectNoSecretInPage(page, attempt.password);
  expect(await signIns(fake)).toBe(1);
});

test('after five failures the lock-out says what to do and links to the password reset', async ({ app, fake }) => {
  const page = await app.launch();
  const form = signInScreen(page);
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await submitSignIn(page, { login: alice.login, password: `wrong-${attempt}` });
    await expect(form.password).toHaveAttribute('aria-invalid', 'true');
    await expect.poll(() => signIns(fake)).toBe(attempt);
  }

  await form.password.fill(alice.password);
  await form.submit.click();

  const message = /paused sign-ins from this network.*15 minutes/i;
  await expectFormError(page, message);
  const reset = form.formAlert.getByRole('link', { name: /Reset your password on plex\.tv/ });
  await expect(reset).toBeVisible();
  await expectNoSecretInPage(page, alice.password);
  expect(await signIns(fake)).toBe(6);

  await reset.click();
  await expect.poll(() => app.openedUrls()).toEqual([PLEX_LINKS.resetPassword]);
});

test('a rate limit (429, Retry-After 120) says how long to wait, without retrying', async ({ app, fake }) => {
  const page = await app.launch();
  await fake.fault({ method: 'POST', path: SIGNIN_PATH, status: 429, headers: { 'Retry-After': '120' }, times: 3 });
  await submitSignIn(page, alice);
  await expectFormError(page, /too many requests.*try again in 2 minutes/i);
  await expectNoSecretInPage(page, alice.password);
  expect(await signIns(fake)).toBe(1); // a 2-minute wait is reported, not waited for
});

test('offline (nothing listening at the API address) says to check the connection', async ({ app }) => {
  const page = await app.launch({ apiUrl: await closedPortUrl() });
  await submitSignIn(page, alice);
  await expectFormError(page, /could not reach .*check your internet connection/i);
  await expectNoSecretInPage(page, alice.password);
});

test('a dropped connection is reported as a network failure and not retried', async ({ app, fake }) => {
  const page = await app.launch();
  await fake.fault({ method: 'POST', path: SIGNIN_PATH, reset: true, times: 3 });
  await submitSignIn(page, alice);
  await expectFormError(page, /could not reach .*check your internet connection/i);
  await expectNoSecretInPage(page, alice.password);
  expect(await signIns(fake)).toBe(1);
});

test('plex.tv down (503 three times) is reported after the two allowed retries', async ({ app, fake }) => {
  const page = await app.launch();
  await fake.fault({
    method: 'POST',
    path: SIGNIN_PATH,
    status: 503,
    headers: { 'Retry-After': '0' },
    body: '<html><body>Service Unavailable</body></html>',
    contentType: 'text/html',
    times: 3,
  });
  await submitSignIn(page, alice);
  await expectFormError(page, /having problems \(HTTP 503\)/i);
  await expectNoSecretInPage(page, alice.password);
  expect(await signIns(fake)).toBe(3);
});

test('an answer that is not plex.tv JSON (a captive portal page) is reported as unexpected', async ({ app, fake }) => {
  const page = await app.launch();
  await fake.fault({
    method: 'POST',
    path: SIGNIN_PATH,
    status: 200,
    body: '<html><body>Welcome to Airport Wi-Fi</body></html>',
    contentType: 'text/html',
  });
  await submitSignIn(page, alice);
  await expectFormError(page, /sent an answer this app does not understand/i);
  await expect(page.getByText('Welcome to Airport Wi-Fi')).toHaveCount(0);
  await expectNoSecretInPage(page, alice.password);
  expect(await signIns(fake)).toBe(1);
});
