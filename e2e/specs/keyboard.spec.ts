import { expect, test } from '../support/fixtures';
import { accountScreen, liveToken, SEEDED, signInScreen } from '../support/screens';

// A whole sign-in with the keyboard alone: Tab, typing and Enter.

test('sign in, then copy the token, with the keyboard only', async ({ app, fake }) => {
  const page = await app.launch();
  const form = signInScreen(page);
  await expect(form.heading).toBeVisible();

  // Focus starts in the first field (or one Tab away).
  if (!(await form.login.evaluate((el) => el === document.activeElement))) await page.keyboard.press('Tab');
  await expect(form.login).toBeFocused();
  await page.keyboard.type(SEEDED.alice.username);
  await page.keyboard.press('Tab');
  await expect(form.password).toBeFocused();
  await page.keyboard.type(SEEDED.alice.password);
  await page.keyboard.press('Tab');
  await expect(form.reveal).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.remember).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.submit).toBeFocused();
  await page.keyboard.press('Enter');

  const account = accountScreen(page, 'alice');
  await expect(account.heading).toBeVisible();
  expect((await fake.requests()).length).toBe(1);

  // On to "Copy token" by Tab, then Enter.
  for (let i = 0; i < 10 && !(await account.copy.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(account.copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => app.readClipboard()).toBe(await liveToken(fake, 'alice'));
});

test('Enter in the password field submits the form', async ({ app }) => {
  const page = await app.launch();
  const form = signInScreen(page);
  await form.login.fill(SEEDED.alice.login);
  await form.password.fill(SEEDED.alice.password);
  await form.password.press('Enter');
  await expect(accountScreen(page, 'alice').heading).toBeVisible();
});
