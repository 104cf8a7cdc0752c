import { expect, type Locator, type Page } from '@playwright/test';
import { SEEDED } from '../../test/support/clients';
import type { FakeHandle } from '../fake-plex/control';

// The screens as a person finds them: by role and accessible name (the renderer's UI
// contract), plus the few steps many specs share.

export { SEEDED };
export const SIGNIN_PATH = '/api/v2/users/signin';
export const USER_PATH = '/api/v2/user';
export const SIGNOUT_PATH = '/api/v2/users/signout';

export interface Credentials {
  login: string;
  password: string;
}

export function signInScreen(page: Page) {
  return {
    heading: page.getByRole('heading', { name: 'Sign in to Plex' }),
    login: page.getByRole('textbox', { name: 'Email or username' }),
    password: page.getByLabel('Password', { exact: true }),
    reveal: page.getByRole('button', { name: /^(Show|Hide) password$/ }),
    remember: page.getByRole('checkbox', { name: 'Remember me' }),
    submit: page.getByRole('button', { name: 'Sign in', exact: true }),
    busySubmit: page.getByRole('button', { name: 'Signing in…' }),
    formAlert: page.locator('form').getByRole('alert'),
  };
}

export function codeScreen(page: Page) {
  return {
    heading: page.getByRole('heading', { name: 'Enter your verification code' }),
    code: page.getByRole('textbox', { name: 'Verification code' }),
    verify: page.getByRole('button', { name: 'Verify', exact: true }),
    back: page.getByRole('button', { name: 'Back', exact: true }),
  };
}

export function accountScreen(page: Page, username: string) {
  return {
    heading: page.getByRole('heading', { name: new RegExp(`\\b${username}\\b`, 'i') }),
    tokenPreview: page.getByLabel('Token (masked)'),
    copy: page.getByRole('button', { name: 'Copy token' }),
    signOut: page.getByRole('button', { name: 'Sign out' }),
    revoke: page.getByRole('button', { name: 'Revoke token…' }),
    manageDevices: page.getByRole('link', { name: /Manage Authorized Devices on plex\.tv/ }),
  };
}

export function revokeDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Revoke this token on plex.tv?' });
  return {
    dialog,
    confirm: dialog.getByRole('button', { name: 'Revoke token', exact: true }),
    cancel: dialog.getByRole('button', { name: 'Cancel', exact: true }),
  };
}

/** Fills the sign-in form; `remember` ticks or unticks "Remember me" (left alone when undefined). */
export async function fillSignIn(page: Page, credentials: Credentials, remember?: boolean): Promise<void> {
  const form = signInScreen(page);
  await form.login.fill(credentials.login);
  await form.password.fill(credentials.password);
  if (remember !== undefined) await form.remember.setChecked(remember);
}

export async function submitSignIn(page: Page, credentials: Credentials, remember?: boolean): Promise<void> {
  await fillSignIn(page, credentials, remember);
  await signInScreen(page).submit.click();
}

/** Signs alice in and waits for her account screen. */
export async function signInAsAlice(page: Page, remember = true): Promise<void> {
  await submitSignIn(page, SEEDED.alice, remember);
  await expect(accountScreen(page, 'alice').heading).toBeVisible();
}

/** The one live token the fake holds for `login` (e.g. 'alice'). */
export async function liveToken(fake: FakeHandle, login: string): Promise<string> {
  const devices = (await fake.devices()).filter((d) => d.login === login);
  expect(devices, `live tokens of ${login}`).toHaveLength(1);
  return devices[0]!.token;
}

export async function countRequests(fake: FakeHandle, method: string, path: string): Promise<number> {
  return (await fake.requests()).filter((r) => r.method === method && r.path === path).length;
}

/** Text of `locator`'s accessible description (aria-describedby), for messages placed under a field. */
export function describedBy(locator: Locator): Promise<string> {
  return locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}
