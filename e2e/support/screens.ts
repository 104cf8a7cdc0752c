import { expect, type Locator, type Page } from '@playwright/test';
import { SEEDED } from '../../testing/seeded-accounts';
import type { FakeHandle } from '../../testing/fake-plex/control';

// The screens as a person finds them: by role and accessible name (the renderer's UI
// contract), plus the few steps many specs share.

export { SEEDED };
export const SIGNIN_PATH = '/api/v2/users/signin';
export const USER_PATH = '/api/v2/user';
export const PING_PATH = '/api/v2/ping';
export const SIGNOUT_PATH = '/api/v2/users/signout';

export interface Credentials {
  login: string;
  password: string;
}

export function signInScreen(page: Page) {
  return {
    heading: page.getByRole('heading', { name: 'Sign in to your Plex account' }),
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
    // The card's heading is the name the person chose when there is one (the contract
    // does not fix it), else the username; the username is on the card either way.
    heading: page
      .locator('.screen.account')
      .filter({ has: page.getByText(username, { exact: true }) })
      .getByRole('heading', { level: 1 }),
    tokenPreview: page.getByLabel('Token (masked)'),
    copy: page.getByRole('button', { name: 'Copy token' }),
    /** Opens the sign-out dialog, which offers both ways out (see signOutDialog). */
    signOut: page.getByRole('button', { name: 'Sign out…', exact: true }),
    /** The same button: revoking is one of the sign-out dialog's choices. */
    revoke: page.getByRole('button', { name: 'Sign out…', exact: true }),
    checkAgain: page.getByRole('button', { name: 'Check again' }),
    manageDevices: page.getByRole('link', { name: /Manage Authorized Devices on plex\.tv/ }),
  };
}

/** "Sign out…": sign out only, or sign out and revoke the token on plex.tv. */
export function signOutDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Sign out on this computer?' });
  return {
    dialog,
    signOut: dialog.getByRole('button', { name: 'Sign out', exact: true }),
    revoke: dialog.getByRole('button', { name: 'Sign out and revoke on plex.tv', exact: true }),
    cancel: dialog.getByRole('button', { name: 'Cancel', exact: true }),
  };
}

/** The sign-out dialog seen as the revoke confirmation: `confirm` signs out and revokes. */
export function revokeDialog(page: Page) {
  const { dialog, revoke, cancel } = signOutDialog(page);
  return { dialog, confirm: revoke, cancel };
}

/** Signs out without revoking: "Sign out…", then "Sign out". */
export async function signOutOnly(page: Page, username: string): Promise<void> {
  await accountScreen(page, username).signOut.click();
  await signOutDialog(page).signOut.click();
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

export const PINS_PATH = '/api/v2/pins';
const PIN_POLL = /^\/api\/v2\/pins\/(\d+)$/;

/** The browser sign-in offered next to the password form. */
export function browserSignIn(page: Page) {
  const section = page.getByRole('region', { name: 'In your browser' });
  return {
    section,
    heading: page.getByRole('heading', { name: 'In your browser' }),
    button: page.getByRole('button', { name: 'Sign in with Plex in your browser' }),
    /** "Use a code instead", for signing in on another device (plex.tv/link or the QR code). */
    linkCode: section.getByRole('button', { name: 'Use a code instead' }),
    busyButton: page.getByRole('button', { name: 'Opening your browser…' }),
    alert: section.getByRole('alert'),
  };
}

/** The screens of a browser or link-code sign-in (waiting, code, expired). */
export function pinScreen(page: Page) {
  return {
    browserHeading: page.getByRole('heading', { name: 'Approve the sign-in in your browser' }),
    linkHeading: page.getByRole('heading', { name: 'Sign in with a code' }),
    expiredHeading: page.getByRole('heading', { name: 'This sign-in request expired' }),
    waiting: page.getByText(/^Waiting for you to (approve in your browser|enter the code)…$/),
    countdown: page.getByText(/^Time left: \d\d:\d\d$/),
    /** The polite live region saying the minutes left. */
    timeAnnouncement: page
      .getByRole('status')
      .filter({ hasText: /(minutes? left|Less than a minute left|Time is up)/ }),
    fallback: page.getByText(/^(If your browser didn’t open, go to:|Your browser could not be opened\.)/),
    /** "Your code: A B C D", the spelled-out text a screen reader reads. */
    spelledCode: page.getByText(/^Your code: /),
    qr: page.getByRole('img', { name: 'QR code for approving this sign-in on a phone' }),
    addressLink: page.getByRole('link', { name: /^https:\/\/app\.plex\.tv\/auth#\?/ }),
    copyAddress: page.getByRole('button', { name: 'Copy address' }),
    openAgain: page.getByRole('button', { name: 'Open again' }),
    cancel: page.getByRole('button', { name: 'Cancel', exact: true }),
    useCode: page.getByRole('button', { name: 'Use a code instead' }),
    startAgain: page.getByRole('button', { name: 'Start again' }),
    back: page.getByRole('button', { name: 'Back to sign-in' }),
  };
}

/** The code on the link screen, from its spelled-out accessible text ("A B C D" → "ABCD"). */
export async function shownLinkCode(page: Page): Promise<string> {
  const spelled = (await pinScreen(page).spelledCode.textContent()) ?? '';
  return spelled.replace(/^Your code: /, '').replace(/\s+/g, '');
}

/** Every poll of a pin (`GET /api/v2/pins/{id}`), oldest first; of one pin when `id` is given. */
export async function pinPolls(fake: FakeHandle, id?: number) {
  return (await fake.requests()).filter((r) => {
    const match = r.method === 'GET' ? PIN_POLL.exec(r.path) : null;
    return match !== null && (id === undefined || Number(match[1]) === id);
  });
}

/** The id of the pin the app polls: from its first `GET /api/v2/pins/{id}` (waits for it). */
export async function polledPinId(fake: FakeHandle, after = 0): Promise<number> {
  let id = 0;
  await expect
    .poll(
      async () => {
        const poll = (await pinPolls(fake)).map((r) => Number(PIN_POLL.exec(r.path)![1])).find((n) => n > after);
        id = poll ?? 0;
        return id;
      },
      { message: 'the app polls its pin', timeout: 10_000 },
    )
    .toBeGreaterThan(0);
  return id;
}

/** Diagnostics: the button (account screen, or the sign-in screen's footer) and its confirmation. */
export function diagnostics(page: Page) {
  return {
    copy: page.getByRole('button', { name: 'Copy diagnostics' }),
    copied: page.getByRole('status').filter({ hasText: 'Diagnostics copied (no token or password included).' }),
  };
}

/** "Tokens for your tools", below the account card. */
export function toolTokensPanel(page: Page) {
  const panel = page.getByRole('region', { name: 'Tokens for your tools' });
  const list = panel.getByRole('list', { name: 'Tool tokens' });
  return {
    panel,
    list,
    /** The row of the tool token named exactly `name`. */
    row: (name: string) =>
      list.getByRole('listitem').filter({ has: page.locator('.item-name').getByText(name, { exact: true }) }),
    newToken: panel.getByRole('button', { name: 'New token…' }),
    name: panel.getByRole('textbox', { name: 'Name of the tool' }),
    make: panel.getByRole('button', { name: /^Make token|^Making the token…/ }),
    status: panel.getByRole('status'),
  };
}

/** Makes a tool token named `name` and waits for its row. */
export async function makeToolToken(page: Page, name: string): Promise<void> {
  const tools = toolTokensPanel(page);
  await tools.newToken.click();
  await tools.name.fill(name);
  await tools.make.click();
  await expect(tools.row(name)).toBeVisible();
}

/** Copies the tool token or server in `row` in `format` (the option's value). */
export async function copyFrom(row: Locator, format: string): Promise<void> {
  await row.getByRole('combobox', { name: /^Copy .* as$/ }).selectOption(format);
  await row.getByRole('button', { name: /^Copy / }).click();
}

export function toolRevokeDialog(page: Page, name: string) {
  const dialog = page.getByRole('dialog', { name: `Revoke the token for ${name}?` });
  return {
    dialog,
    confirm: dialog.getByRole('button', { name: 'Revoke token', exact: true }),
    cancel: dialog.getByRole('button', { name: 'Cancel' }),
  };
}

export function serversPanel(page: Page) {
  const panel = page.getByRole('region', { name: 'Servers' });
  const list = panel.getByRole('list', { name: 'Servers' });
  return {
    panel,
    list,
    row: (name: string) =>
      list.getByRole('listitem').filter({ has: page.locator('.item-name').getByText(name, { exact: true }) }),
    status: panel.getByRole('status'),
    show: panel.getByRole('button', { name: 'Show servers' }),
  };
}

export function devicesPanel(page: Page) {
  const panel = page.getByRole('region', { name: 'Authorized Devices' });
  return {
    panel,
    staleList: panel.getByRole('list', { name: /^Stale \(\d+\)$/ }),
    inUseList: panel.getByRole('list', { name: /^In use \(\d+\)$/ }),
    row: (name: string) => panel.getByRole('listitem').filter({ hasText: name }),
    selectAllStale: panel.getByRole('button', { name: 'Select all stale' }),
    removeSelected: panel.getByRole('button', { name: /^Remove selected/ }),
    stop: panel.getByRole('button', { name: /^Stop/ }),
    status: panel.getByRole('status'),
    staleDays: panel.getByRole('combobox', { name: 'Stale when not seen for' }),
    show: panel.getByRole('button', { name: 'Show devices' }),
  };
}

export function removeDevicesDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: /^Remove \d+ devices? from your account\?$/ });
  return { dialog, confirm: dialog.getByRole('button', { name: /^Remove \d+ devices?$/ }) };
}

/** The client identifiers of the tool tokens the page made, by name (web mode: from the IPC log). */
export function madeToolTokens(log: readonly { channel: string; result: unknown }[] | null): Map<string, string> {
  const made = new Map<string, string>();
  for (const entry of log ?? []) {
    if (entry.channel !== 'tools:create') continue;
    const result = entry.result as { ok: boolean; value?: { created: { id: string; name: string } } };
    if (result.ok && result.value) made.set(result.value.created.name, result.value.created.id);
  }
  return made;
}

/** The live token the fake holds for the tool token named `name`, or null when it is dead. */
export async function toolTokenOnFake(
  fake: FakeHandle,
  log: readonly { channel: string; result: unknown }[] | null,
  name: string,
): Promise<string | null> {
  const id = madeToolTokens(log).get(name);
  expect(id, `the page made a tool token named ${name}`).toBeDefined();
  return (await fake.allDevices()).find((d) => d.clientIdentifier === id)?.token ?? null;
}
