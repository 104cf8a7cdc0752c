import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { closedPortUrl } from '../../testing/closed-port';
import { freshConfigHome, runCli, startCli } from '../support/cli';

// `plex-signin signin --browser` and `--link` as a process against the fake plex.tv.
// The browser step is the fake's claim endpoint; the PIN's id is read from the polls.

let fake: FakeHandle;
let home: string;
beforeAll(async () => {
  fake = await useFakePlex();
});
afterAll(() => fake.close());
beforeEach(async () => {
  await fake.reset();
  home = freshConfigHome();
});

const env = (extra: Record<string, string> = {}) => ({ XDG_CONFIG_HOME: home, PLEX_API_URL: fake.apiUrl, ...extra });

/** The id of the PIN being polled, once the first poll arrives. */
async function polledPinId(): Promise<number> {
  const end = Date.now() + 10_000;
  for (;;) {
    const poll = (await fake.requests()).find((r) => r.method === 'GET' && /^\/api\/v2\/pins\/\d+$/.test(r.path));
    if (poll) return Number(poll.path.split('/').pop());
    if (Date.now() > end) throw new Error('the CLI never polled its PIN');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A stand-in `xdg-open` that records the address it was asked to open. */
function fakeOpener(): { dir: string; opened: () => string } {
  const dir = freshConfigHome();
  const log = path.join(dir, 'opened.txt');
  fs.writeFileSync(path.join(dir, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${log}'\n`, { mode: 0o755 });
  return { dir, opened: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '') };
}

describe.runIf(process.platform !== 'win32')('plex-signin signin --browser / --link', () => {
  it('--browser opens and prints the approval address, then prints the token once approved', async () => {
    const opener = fakeOpener();
    const cli = startCli(['signin', '--browser'], {
      env: env({ PATH: `${opener.dir}:${process.env.PATH ?? ''}`, DISPLAY: ':0' }),
    });
    const id = await polledPinId();
    const url = /https:\/\/app\.plex\.tv\/auth#\?\S+/.exec(cli.stderr())?.[0];
    expect(url).toMatch(/clientID=[\w-]+&code=[a-z0-9]{25}&context%5Bdevice%5D%5Bproduct%5D=Plex%20Sign-In%20CLI$/);
    await fake.claimPin(id, 'carol');
    const run = await cli.done;
    expect(run.code).toBe(0);
    const [device] = await fake.devices();
    expect(run.stdout).toBe(`${device?.token}\n`);
    expect(device).toMatchObject({ login: 'carol', product: 'Plex Sign-In CLI' });
    expect(opener.opened()).toBe(url);
    // The client identifier in the address is this install's, the one it polls with.
    const polls = (await fake.requests()).filter((r) => r.path === `/api/v2/pins/${id}`);
    expect(url).toContain(`clientID=${polls[0]?.headers['x-plex-client-identifier']}&`);
  });

  it('--browser on a machine without a desktop only prints the address', async () => {
    const opener = fakeOpener();
    const cli = startCli(['signin', '--browser', '--json'], {
      env: env({ PATH: `${opener.dir}:${process.env.PATH ?? ''}` }),
    });
    await fake.claimPin(await polledPinId(), 'carol');
    const run = await cli.done;
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ username: 'carol', hasPassword: false });
    expect(run.stderr).toContain('https://app.plex.tv/auth#?');
    expect(opener.opened()).toBe('');
  });

  it('--link shows the 4-character code and plex.tv/link, then prints the token', async () => {
    const cli = startCli(['signin', '--link'], { env: env() });
    const id = await polledPinId();
    expect(cli.stderr()).toContain('https://plex.tv/link');
    expect(cli.stderr()).toMatch(/\n {4}[A-Z0-9]{4}\n/);
    await fake.claimPin(id, 'alice');
    const run = await cli.done;
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe((await fake.devices())[0]?.token);
  });

  it('exits 9 when the PIN expires, and honours --timeout as the whole wait', async () => {
    const expiring = startCli(['signin', '--link'], { env: env() });
    const id = await polledPinId();
    await fake.fault({ method: 'GET', path: `/api/v2/pins/${id}`, status: 404, times: 10 });
    const expired = await expiring.done;
    expect(expired.code).toBe(9);
    expect(expired.stderr).toMatch(/plex-signin: The sign-in request expired[^\n]*\.\n$/);

    await fake.reset();
    const started = Date.now();
    const timedOut = await runCli(['signin', '--browser', '--timeout', '2'], { env: env() });
    expect(timedOut.code).toBe(9);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('exits 7 when plex.tv cannot be reached', async () => {
    const run = await runCli(['signin', '--browser'], { env: env({ PLEX_API_URL: await closedPortUrl() }) });
    expect(run.code).toBe(7);
  });

  it('stops polling on Ctrl-C and exits 130', async () => {
    const cli = startCli(['signin', '--link'], { env: env() });
    const id = await polledPinId();
    cli.child.kill('SIGINT');
    expect((await cli.done).code).toBe(130);
    const polls = (await fake.requests()).filter((r) => r.path === `/api/v2/pins/${id}`).length;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await fake.requests()).filter((r) => r.path === `/api/v2/pins/${id}`)).toHaveLength(polls);
  });

  it.each([['--code', '123456'], ['--login', 'alice'], ['--password-stdin'], ['--link']])(
    'refuses --browser with %s',
    async (...extra) => {
      const run = await runCli(['signin', '--browser', ...extra], { env: env() });
      expect(run.code).toBe(2);
      expect(await fake.requests()).toHaveLength(0);
    },
  );
});
