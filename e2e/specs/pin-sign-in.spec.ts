import type { Page } from '@playwright/test';
import { closedPortUrl } from '../../testing/closed-port';
import { startApiGate } from '../support/api-gate';
import { axeViolations } from '../support/axe';
import type { FakeHandle } from '../../testing/fake-plex/control';
import { expect, test } from '../support/fixtures';
import {
  accountScreen,
  browserSignIn,
  liveToken,
  PINS_PATH,
  pinPolls,
  pinScreen,
  polledPinId,
  SEEDED,
  shownLinkCode,
  signInScreen,
  USER_PATH,
} from '../support/screens';

// Browser and link-code sign-in (Plex's PIN flow): main asks plex.tv for a PIN, opens the
// approval page in the system browser (or the window shows a code for plex.tv/link) and
// polls about once a second; the window waits, counts down, and ends on the account,
// "expired", or back on the form. Carol has no password: this is her only way in.

/** The browser approval address, parameters in the fragment (docs/plex-api.md §1). */
const AUTH_URL =
  /^https:\/\/app\.plex\.tv\/auth#\?clientID=([\w-]+)&code=([a-z0-9]{25})&context%5Bdevice%5D%5Bproduct%5D=(.+)$/;
/** How long a stopped poller is watched for one more request. */
const QUIET_MS = 1500;

/** Starts a browser sign-in and waits for its screen and its first poll; the pin's id. */
async function startBrowserSignIn(page: Page, fake: FakeHandle): Promise<number> {
  await browserSignIn(page).button.click();
  await expect(pinScreen(page).browserHeading).toBeVisible();
  return polledPinId(fake);
}

/** From the browser screen, "Use a code instead": waits for the code and the new pin's first poll. */
async function switchToCode(page: Page, fake: FakeHandle, browserPin: number): Promise<number> {
  await pinScreen(page).useCode.click();
  await expect(pinScreen(page).linkHeading).toBeVisible();
  return polledPinId(fake, browserPin);
}

/** Fails if pin `id` is polled again within QUIET_MS. */
async function expectNoMorePolls(fake: FakeHandle, id: number, after: string): Promise<void> {
  const before = (await pinPolls(fake, id)).length;
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  expect((await pinPolls(fake, id)).length, `polls of pin ${id} after ${after}`).toBe(before);
}

/** The pin as the fake holds it, asked the way the app asks (its own client identifier). */
async function issuedPin(fake: FakeHandle, id: number): Promise<{ code: string }> {
  const [poll] = await pinPolls(fake, id);
  const response = await fetch(`${fake.apiUrl}/pins/${id}`, {
    headers: { Accept: 'application/json', 'X-Plex-Client-Identifier': poll!.headers['x-plex-client-identifier']! },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { code: string };
}

for (const remember of [true, false]) {
  test(`carol approves in her browser and is signed in (Remember me ${remember ? 'on' : 'off'})`, async ({
    app,
    fake,
  }) => {
    let page = await app.launch();
    await signInScreen(page).remember.setChecked(remember);
    const id = await startBrowserSignIn(page, fake);
    const pin = pinScreen(page);

    // Main opened the approval address itself; the window shows it too, as a fallback.
    await expect.poll(() => app.openedUrls()).toHaveLength(1);
    const [url] = await app.openedUrls();
    const [, clientId, , product] = AUTH_URL.exec(url!) ?? [];
    expect(url, 'the approval address').toMatch(AUTH_URL);
    const [poll] = await pinPolls(fake, id);
    expect(clientId).toBe(poll!.headers['x-plex-client-identifier']);
    expect(decodeURIComponent(product!)).toBe(poll!.headers['x-plex-product']);
    await expect(pin.waiting).toHaveText('Waiting for you to approve in your browser…');
    await expect(pin.fallback).toHaveText('If your browser didn’t open, go to:');
    await expect(page.getByText(url!, { exact: true })).toBeVisible();
    await expect(pin.countdown).toHaveText(/^Time left: (30:00|29:5\d)$/);
    await expect(pin.browserHeading).toBeFocused();
    const created = (await fake.requests()).filter((r) => r.method === 'POST' && r.path === PINS_PATH);
    expect(created, 'one pin, a strong one for the browser').toMatchObject([{ query: { strong: 'true' } }]);
    const start = app.ipcLog()?.find((entry) => entry.channel === 'pin:start');
    if (app.ipcLog()) expect(start?.payload).toEqual({ mode: 'browser', rememberMe: remember });

    await fake.claimPin(id, 'carol');

    const account = accountScreen(page, 'carol');
    await expect(account.heading).toBeVisible();
    await expect(page.getByText(SEEDED.carol.login, { exact: true })).toBeVisible();
    await expect(
      page.getByText(remember ? 'Encrypted in your system keychain' : 'This session only (not saved)'),
    ).toBeVisible();
    const token = await liveToken(fake, 'carol');
    await expect(account.tokenPreview).toContainText(token.slice(-4));
    expect(await page.content()).not.toContain(token);
    expect(JSON.stringify(app.ipcLog()?.map((entry) => entry.result) ?? [])).not.toContain(token);
    expect((await app.readStoreFile()) ?? '').not.toContain(token);
    await expectNoMorePolls(fake, id, 'the approval');

    page = await app.relaunch();
    if (remember) await expect(accountScreen(page, 'carol').heading).toBeVisible();
    else await expect(signInScreen(page).heading).toBeVisible();
  });
}

test('"Use a code instead": the code the fake issued, large and spelled out, with a QR code of plex.tv/link', async ({
  app,
  fake,
}) => {
  const page = await app.launch();
  const browserPin = await startBrowserSignIn(page, fake);
  const id = await switchToCode(page, fake, browserPin);
  const pin = pinScreen(page);

  const code = await shownLinkCode(page);
  expect(code).toMatch(/^[A-Z0-9]{4}$/);
  await expect(pin.spelledCode).toHaveText(`Your code: ${[...code].join(' ')}`);
  await expect(page.getByText(code, { exact: true })).toBeVisible();
  await expect(page.getByText('plex.tv/link', { exact: true })).toBeVisible();
  await expect(pin.waiting).toHaveText('Waiting for you to enter the code…');
  await expect(pin.countdown).toHaveText(/^Time left: (15:00|14:5\d)$/);
  await expect(pin.useCode).toHaveCount(0);

  // The QR code: main's path, drawn here, dark on white in both themes.
  await expect(pin.qr).toBeVisible();
  const drawn = await pin.qr.evaluate((svg) => ({
    viewBox: svg.getAttribute('viewBox'),
    path: svg.querySelector('path')?.getAttribute('d') ?? '',
    style: svg.getAttribute('style') ?? svg.querySelector('[style]')?.getAttribute('style') ?? null,
  }));
  expect(drawn.path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
  expect(drawn.viewBox).toMatch(/^-4 -4 (\d+) \1$/);
  expect(drawn.style, 'no style attribute (the CSP allows none)').toBeNull();
  const started = app.ipcLog()?.findLast((entry) => entry.channel === 'pin:start')?.result as
    { value: { qr: { path: string } } } | undefined;
  if (started) expect(drawn.path).toBe(started.value.qr.path);
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    const colours = await pin.qr.evaluate((svg) => ({
      background: getComputedStyle(svg).backgroundColor,
      modules: getComputedStyle(svg.querySelector('path')!).fill,
    }));
    expect(colours, colorScheme).toEqual({ background: 'rgb(255, 255, 255)', modules: 'rgb(0, 0, 0)' });
  }

  // The browser request was dropped; the code is the one the fake holds for this pin.
  await expectNoMorePolls(fake, browserPin, '"Use a code instead"');
  expect((await issuedPin(fake, id)).code).toBe(code);

  await fake.claimPin(id, 'alice');
  await expect(accountScreen(page, 'alice').heading).toBeVisible();
  await expect(page.getByText('Encrypted in your system keychain')).toBeVisible();
});

test('the code typed at plex.tv/link on a signed-in phone signs the app in', async ({ app, fake }) => {
  const page = await app.launch();
  await switchToCode(page, fake, await startBrowserSignIn(page, fake));
  const code = await shownLinkCode(page);

  // Alice's phone: signed in to plex.tv with its own client identifier, it approves the code.
  const headers = {
    Accept: 'application/json',
    'X-Plex-Client-Identifier': 'alices-phone-0001',
    'Content-Type': 'application/x-www-form-urlencoded',
  };
  const phone = await fetch(`${fake.apiUrl}/users/signin`, {
    method: 'POST',
    headers,
    body: new URLSearchParams({ login: SEEDED.alice.login, password: SEEDED.alice.password, rememberMe: 'false' }),
  });
  expect(phone.status).toBe(201);
  const { authToken } = (await phone.json()) as { authToken: string };
  const linked = await fetch(`${fake.apiUrl}/pins/link`, {
    method: 'PUT',
    headers: { ...headers, 'X-Plex-Token': authToken },
    body: new URLSearchParams({ code }),
  });
  expect(linked.status).toBe(204);

  await expect(accountScreen(page, 'alice').heading).toBeVisible();
});

test('"Cancel" stops the polling at once and returns to the form, focus on the browser button', async ({
  app,
  fake,
}) => {
  const page = await app.launch();
  const id = await startBrowserSignIn(page, fake);

  await pinScreen(page).cancel.click();

  await expect(signInScreen(page).heading).toBeVisible();
  await expect(browserSignIn(page).button).toBeFocused();
  await expect(browserSignIn(page).alert).toHaveCount(0);
  if (app.ipcLog()) expect(app.ipcLog()!.map((entry) => entry.channel)).toContain('pin:cancel');
  await expectNoMorePolls(fake, id, 'Cancel');
  expect(await fake.devices()).toEqual([]);
  expect((await app.readStoreFile()) ?? '').not.toContain('encryptedToken');

  // And it starts again as new.
  await browserSignIn(page).button.click();
  await expect(pinScreen(page).browserHeading).toBeVisible();
  expect(await polledPinId(fake, id)).toBeGreaterThan(id);
});

test('an expired request says so, and "Start again" starts a new one in the same mode', async ({ app, fake }) => {
  const page = await app.launch();
  const id = await switchToCode(page, fake, await startBrowserSignIn(page, fake));
  const pin = pinScreen(page);

  await fake.fault({ method: 'GET', path: `/api/v2/pins/${id}`, status: 404, times: 5 });

  await expect(pin.expiredHeading).toBeVisible();
  await expect(pin.expiredHeading).toBeFocused();
  await expect(pin.startAgain).toBeEnabled();
  await expect(pin.back).toBeVisible();
  await expectNoMorePolls(fake, id, 'the expiry');

  await pin.startAgain.click();

  await expect(pin.linkHeading).toBeVisible();
  const again = await polledPinId(fake, id);
  expect(await shownLinkCode(page)).toBe((await issuedPin(fake, again)).code);
  await fake.claimPin(again, 'carol');
  await expect(accountScreen(page, 'carol').heading).toBeVisible();
});

test('"Back to sign-in" from an expired request returns to the form', async ({ app, fake }) => {
  const page = await app.launch();
  const id = await startBrowserSignIn(page, fake);
  await fake.fault({ method: 'GET', path: `/api/v2/pins/${id}`, status: 404, times: 5 });
  await expect(pinScreen(page).expiredHeading).toBeVisible();
  await pinScreen(page).back.click();
  await expect(signInScreen(page).heading).toBeVisible();
  await expect(browserSignIn(page).button).toBeFocused();
});

test('a double click on "Sign in with your browser" makes one request and opens the browser once', async ({
  app,
  fake,
}) => {
  const page = await app.launch();
  await fake.fault({ method: 'POST', path: PINS_PATH, delayMs: 1000 });

  await browserSignIn(page).button.dblclick();

  await expect(browserSignIn(page).busyButton).toBeDisabled();
  await expect(browserSignIn(page).busyButton).toHaveAttribute('aria-busy', 'true');
  await expect(pinScreen(page).browserHeading).toBeVisible();
  expect((await fake.requests()).filter((r) => r.method === 'POST' && r.path === PINS_PATH)).toHaveLength(1);
  expect(await app.openedUrls()).toHaveLength(1);
});

test('closing the window stops the polling', async ({ app, fake }) => {
  const page = await app.launch();
  const id = await startBrowserSignIn(page, fake);

  await app.close();

  expect(page.isClosed()).toBe(true);
  await expectNoMorePolls(fake, id, 'the window closed');
  expect(await fake.devices()).toEqual([]);
});

test('polls at most once a second over the whole wait, and never after success', async ({ app, fake }) => {
  test.setTimeout(45_000);
  // Through the gate, to have each poll's time of arrival.
  const gate = await startApiGate(fake.origin);
  try {
    const page = await app.launch({ apiUrl: gate.apiUrl });
    const clicked = Date.now();
    const id = await startBrowserSignIn(page, fake);
    await page.waitForTimeout(4500);
    await fake.claimPin(id, 'carol');
    await expect(accountScreen(page, 'carol').heading).toBeVisible();
    const done = Date.now();

    const isPoll = (a: { method: string; path: string }) => a.method === 'GET' && a.path === `${PINS_PATH}/${id}`;
    const polls = gate.arrivals().filter(isPoll);
    const elapsedSeconds = (done - clicked) / 1000;
    expect(polls.length, 'polled while waiting').toBeGreaterThanOrEqual(4);
    expect(polls.length, `polls in ${elapsedSeconds.toFixed(1)} s`).toBeLessThanOrEqual(Math.floor(elapsedSeconds) + 1);
    const gaps = polls.slice(1).map((poll, i) => poll.at - polls[i]!.at);
    for (const gap of gaps) expect(gap, `gaps between polls: ${gaps.join(', ')} ms`).toBeGreaterThanOrEqual(950);
    expect(gate.arrivals().filter((a) => a.path === USER_PATH).length, 'the account, fetched once').toBe(1);

    await page.waitForTimeout(QUIET_MS);
    expect(gate.arrivals().filter(isPoll), 'no poll after the sign-in').toHaveLength(polls.length);
  } finally {
    await gate.stop();
  }
});

test('the countdown ticks each second; the screen reader hears the time left at most once a minute', async ({
  app,
  fake,
}) => {
  const page = await app.launch();
  await startBrowserSignIn(page, fake);
  const pin = pinScreen(page);

  const first = await pin.countdown.textContent();
  const announced = await pin.timeAnnouncement.textContent();
  expect(announced).toBe('30 minutes left.');
  await expect(pin.countdown).not.toHaveText(first!, { timeout: 2500 });
  await page.waitForTimeout(1100);
  expect(await pin.timeAnnouncement.textContent(), 'unchanged while the seconds tick').toBe(announced);
  await expect(pin.countdown, 'not a live region').not.toHaveAttribute('aria-live', /.*/);
  await expect(pin.countdown).not.toHaveAttribute('role', /.*/);

  // Jump the page's clock to 4 min 10 s before the end: it says 5 minutes, then nothing new for a minute.
  const secondsLeft = await pin.countdown.evaluate((p) => {
    const [m, s] = (p.textContent ?? '').replace('Time left: ', '').split(':').map(Number);
    return m! * 60 + s!;
  });
  const expiresAt = Date.now() + secondsLeft * 1000;
  await page.clock.setFixedTime(expiresAt - 250_000);
  await expect(pin.countdown).toHaveText(/^Time left: 04:1\d$/);
  await expect(pin.timeAnnouncement).toHaveText('5 minutes left.');
});

test('a pin without expiresIn counts down to its expiresAt, to the second, in both modes', async ({ app, fake }) => {
  // The docs screenshots (screenshots.spec.ts, run only by `npm run screenshots`) freeze
  // the countdowns this way; here it is checked on every run.
  const expiries: number[] = [];
  const gate = await startApiGate(fake.origin, 0, {
    rewriteJson: ({ method, path }, body) => {
      const pin = body as { expiresAt?: unknown; expiresIn?: unknown } | null;
      if (method !== 'POST' || path !== PINS_PATH || typeof pin?.expiresAt !== 'string') return body;
      expiries.push(Date.parse(pin.expiresAt));
      const { expiresIn: _relative, ...rest } = pin;
      return rest;
    },
  });
  try {
    const page = await app.launch({ apiUrl: gate.apiUrl });
    const pin = pinScreen(page);
    await browserSignIn(page).button.click();
    await expect(pin.browserHeading).toBeVisible();
    await expectFrozenCountdown(page, expiries[0], 29 * 60 + 41);
    await pin.useCode.click();
    await expect(pin.linkHeading).toBeVisible();
    await expectFrozenCountdown(page, expiries[1], 14 * 60 + 41);
  } finally {
    await gate.stop();
  }
});

/** Stops the page's clock `secondsLeft` before `expiresAt`: the countdown shows exactly that. */
async function expectFrozenCountdown(page: Page, expiresAt: number | undefined, secondsLeft: number): Promise<void> {
  expect(Number.isFinite(expiresAt), 'the pin passed through the gate, with an expiresAt').toBe(true);
  await page.clock.setFixedTime(expiresAt! - secondsLeft * 1000);
  const shown = `${String(Math.floor(secondsLeft / 60)).padStart(2, '0')}:${String(secondsLeft % 60).padStart(2, '0')}`;
  await expect(pinScreen(page).countdown).toHaveText(`Time left: ${shown}`);
}

test('the browser could not be opened: the address is there to open by hand', async ({ app, fake }) => {
  test.skip(app.mode !== 'web', 'the system browser can be made to fail only in web mode');
  const page = await app.launch({ systemBrowser: 'fails' });
  await startBrowserSignIn(page, fake);
  const [url] = await app.openedUrls();
  await expect(pinScreen(page).fallback).toHaveText(
    'Your browser could not be opened. Go to this address in your browser:',
  );
  await expect(page.getByText(url!, { exact: true })).toBeVisible();
});

test('plex.tv unreachable: the error shows above the browser button, which works again', async ({ app }) => {
  const page = await app.launch({ apiUrl: await closedPortUrl() });
  const browser = browserSignIn(page);

  await browser.button.click();

  await expect(browser.alert).toContainText(/could not reach .*check your internet connection/i);
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(signInScreen(page).formAlert).toHaveCount(0); // the password form is not concerned
  await expect(browser.button).toBeEnabled();
  await expect(browser.button).toBeFocused();
  expect(await app.openedUrls()).toEqual([]);
});

test('approved, but plex.tv fails to give the account: back to the form with the error, nothing kept', async ({
  app,
  fake,
}) => {
  const page = await app.launch();
  const id = await startBrowserSignIn(page, fake);
  await fake.fault({
    method: 'GET',
    path: USER_PATH,
    status: 503,
    headers: { 'Retry-After': '0' },
    body: '<html><body>Service Unavailable</body></html>',
    contentType: 'text/html',
    times: 3,
  });

  await fake.claimPin(id, 'carol');

  await expect(browserSignIn(page).alert).toContainText(/having problems \(HTTP 503\)/i);
  await expect(signInScreen(page).heading).toBeVisible();
  await expect(browserSignIn(page).button).toBeFocused();
  expect((await app.readStoreFile()) ?? '').not.toContain('encryptedToken');
  await expectNoMorePolls(fake, id, 'the failure');
});

test.describe('accessibility of the browser and code screens', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`waiting, code and expired screens pass axe in ${colorScheme}`, async ({ app, fake }) => {
      test.setTimeout(60_000);
      const page = await app.launch();
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      const browserPin = await startBrowserSignIn(page, fake);
      expect.soft(await axeViolations(page), `the browser waiting screen (${colorScheme})`).toEqual([]);
      const id = await switchToCode(page, fake, browserPin);
      expect.soft(await axeViolations(page), `the link code screen (${colorScheme})`).toEqual([]);
      await fake.fault({ method: 'GET', path: `/api/v2/pins/${id}`, status: 404, times: 5 });
      await expect(pinScreen(page).expiredHeading).toBeVisible();
      expect.soft(await axeViolations(page), `the expired screen (${colorScheme})`).toEqual([]);
    });
  }
});
