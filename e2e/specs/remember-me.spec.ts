import { startApiGate } from '../support/api-gate';
import { HEADING_TIMELINE_GLOBAL, headingTimeline, recordHeadingTimeline } from '../support/heading-timeline';
import { expect, test } from '../support/fixtures';
import {
  accountScreen,
  liveToken,
  PING_PATH,
  SEEDED,
  signInAsAlice,
  signInScreen,
  USER_PATH,
} from '../support/screens';

// "Remember me": the account comes back on the next launch at once, from the settings
// file, with no request to plex.tv; the check of the token follows in the background.

test('a remembered account is on screen at relaunch before any request; the check follows', async ({ app, fake }) => {
  // The app talks to plex.tv through a gate that can hold every request, so "no request
  // before the account is shown" is observed, not inferred from timings.
  const gate = await startApiGate(fake.origin);
  try {
    let page = await app.launch({ apiUrl: gate.apiUrl });
    await signInAsAlice(page, true);
    const token = await liveToken(fake, 'alice');
    const before = await fake.requests();

    await fake.fault({ method: 'GET', path: USER_PATH, delayMs: 3000 });
    gate.close();
    const arrivalsBefore = gate.arrivals().length;
    // When the first request of the new launch reaches the gate (it is held there), is
    // the account already on screen?
    const shownAtFirstRequest = gate.nextArrival().then(async () => {
      // (In electron mode the new window may still be on its way to the test.)
      const shown = await until(() => app.page);
      return accountScreen(shown, 'alice').heading.isVisible();
    });

    await app.addInitScript(recordHeadingTimeline, HEADING_TIMELINE_GLOBAL);
    const started = Date.now();
    page = await app.relaunch({ apiUrl: gate.apiUrl });
    const account = accountScreen(page, 'alice');
    // Every request is held at the gate: what shows now needed no answer from plex.tv.
    await expect(account.heading).toBeVisible();
    await expect(page.getByText(SEEDED.alice.login, { exact: true })).toBeVisible();
    expect(await fake.requests(), 'nothing reached plex.tv').toHaveLength(before.length);
    // The first request keeps the token alive (GET /ping, issue 13); the check follows it.
    await expect.poll(() => gate.arrivals().length - arrivalsBefore, { message: 'the keep-alive' }).toBe(1);
    expect(gate.arrivals().slice(arrivalsBefore)).toMatchObject([{ method: 'GET', path: PING_PATH }]);
    expect(await shownAtFirstRequest, 'the account was on screen when the first request left').toBe(true);

    // To the millisecond, from the page's own record of its headings (always there in web mode).
    const timeline = await headingTimeline(page);
    if (app.mode === 'web') expect(timeline, 'the heading timeline of the relaunched page').not.toBeNull();
    let shownAfterMs = Date.now() - started;
    if (timeline) {
      const shownAt = timeline.find((change) => /\balice\b/i.test(change.text))?.at;
      expect(shownAt, 'when the account heading appeared').toBeDefined();
      const firstRequestAt = gate.arrivals()[arrivalsBefore]!.at;
      expect(shownAt!, 'the account appeared before the first request left').toBeLessThanOrEqual(firstRequestAt);
      shownAfterMs = shownAt! - (await page.evaluate(() => performance.timeOrigin)); // since navigation start
    }
    expect(shownAfterMs, 'the account shows well before plex.tv answers (3 s)').toBeLessThan(2500);

    // The check goes through; plex.tv takes 3 s; the account stays; the token was fine.
    await expect(page.getByRole('status').filter({ hasText: 'Checking with plex.tv…' })).toBeVisible();
    gate.open();
    await expect.poll(async () => (await fake.requests()).length).toBe(before.length + 2);
    const checkStarted = Date.now();
    await expect(page.getByText('Checking with plex.tv…')).toBeHidden({ timeout: 6000 });
    expect(Date.now() - checkStarted, 'settled only when plex.tv answered').toBeGreaterThan(2000);
    await expect(account.heading).toBeVisible();
    await expect(signInScreen(page).heading).toBeHidden();
    expect(await liveToken(fake, 'alice')).toBe(token);
    const check = (await fake.requests()).at(-1);
    expect(check).toMatchObject({ method: 'GET', path: USER_PATH });
  } finally {
    await gate.stop();
  }
});

test('without "Remember me" the next launch is signed out and nothing is on disk', async ({ app, fake }) => {
  let page = await app.launch();
  await signInAsAlice(page, false);
  await expect(page.getByText('This session only (not saved)')).toBeVisible();
  const token = await liveToken(fake, 'alice');
  expect((await app.readStoreFile()) ?? '').not.toContain(token);
  const requestsBefore = (await fake.requests()).length;

  page = await app.relaunch();

  await expect(signInScreen(page).heading).toBeVisible();
  await expect(accountScreen(page, 'alice').heading).toBeHidden();
  expect(await fake.requests(), 'no stored token, nothing to check').toHaveLength(requestsBefore);
});

test('with "Remember me" the token is on disk only encrypted', async ({ app, fake }) => {
  const page = await app.launch();
  await signInAsAlice(page, true);
  await expect(page.getByText('Encrypted in your system keychain')).toBeVisible();
  const token = await liveToken(fake, 'alice');
  const stored = await app.readStoreFile();
  expect(stored, 'the settings file exists').not.toBeNull();
  expect(stored).not.toContain(token);
  expect(stored).toContain(SEEDED.alice.login); // the account summary, for the instant display
  expect(stored).not.toContain(SEEDED.alice.password);
});

/** `get()`'s value once it stops throwing (for at most 5 s). */
async function until<T>(get: () => T): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      return get();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
