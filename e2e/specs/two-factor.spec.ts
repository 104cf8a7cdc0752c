import { expect, test } from '../support/fixtures';
import {
  accountScreen,
  codeScreen,
  describedBy,
  SEEDED,
  SIGNIN_PATH,
  signInScreen,
  submitSignIn,
} from '../support/screens';

const { bob } = SEEDED;
const signIns = async (fake: { requests(): Promise<{ path: string }[]> }) =>
  (await fake.requests()).filter((r) => r.path === SIGNIN_PATH).length;

test('bob signs in with the 6-digit code, sent by itself once the 6th digit is typed', async ({ app, fake }) => {
  const page = await app.launch();
  await submitSignIn(page, bob);
  const screen = codeScreen(page);
  await expect(screen.heading).toBeVisible();
  expect(await signIns(fake)).toBe(1);

  await screen.code.pressSequentially(bob.code);

  await expect(accountScreen(page, 'bob').heading).toBeVisible();
  await expect(page.getByText('Two-step verification: On')).toBeVisible();
  await expect(page.getByText('No Plex Pass')).toBeVisible();
  expect(await signIns(fake)).toBe(2);
  expect(await fake.requests()).toHaveLength(2);
});

test('bob signs in with a pasted 6-digit code', async ({ app, fake }) => {
  const page = await app.launch();
  await submitSignIn(page, bob);
  await codeScreen(page).code.fill(bob.code); // one input event, like a paste
  await expect(accountScreen(page, 'bob').heading).toBeVisible();
  expect(await signIns(fake)).toBe(2);
});

test('bob signs in with a 16-character backup code and the Verify button', async ({ app, fake }) => {
  const page = await app.launch();
  await submitSignIn(page, bob);
  const screen = codeScreen(page);
  await screen.code.fill(bob.backupCode);
  await expect(screen.code).toHaveValue(bob.backupCode); // no 6-character limit
  expect(await signIns(fake)).toBe(1); // not a 6-digit code: nothing sent by itself

  await screen.verify.click();

  await expect(accountScreen(page, 'bob').heading).toBeVisible();
  expect(await signIns(fake)).toBe(2);
});

test('a wrong code is reported under the field; Back returns to the sign-in form', async ({ app, fake }) => {
  const page = await app.launch();
  await submitSignIn(page, bob);
  const screen = codeScreen(page);
  await screen.code.pressSequentially('000000');

  await expect(page.getByRole('alert')).toContainText(/verification code was not accepted/i);
  await expect(screen.code).toHaveAttribute('aria-invalid', 'true');
  expect(await describedBy(screen.code)).toMatch(/verification code was not accepted/i);
  await expect(screen.heading).toBeVisible();
  expect(await signIns(fake)).toBe(2);

  await screen.back.click();
  await expect(signInScreen(page).heading).toBeVisible();
  await expect(signInScreen(page).submit).toBeEnabled();
  expect(await signIns(fake)).toBe(2);
});
