import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { SEEDED } from '../../testing/seeded-accounts';
import { type CliRun, freshConfigHome, runCli, startCli } from '../support/cli';

// `plex-signin servers` and `plex-signin devices [remove]` as a process against the fake.

let fake: FakeHandle;
let configHome: string;
beforeAll(async () => {
  fake = await useFakePlex();
});
afterAll(() => fake.close());
beforeEach(async () => {
  await fake.reset();
  configHome = freshConfigHome();
});

const { alice } = SEEDED;
const env = (extra: Record<string, string> = {}) => ({
  XDG_CONFIG_HOME: configHome,
  PLEX_API_URL: fake.apiUrl,
  ...extra,
});
const cli = (args: string[], token: string) => runCli(args, { env: env({ PLEX_TOKEN: token }) });

async function signIn(): Promise<string> {
  const run = await runCli(['signin', '--password-stdin', '--login', alice.login], {
    stdin: `${alice.password}\n`,
    env: env(),
  });
  expect(run.code).toBe(0);
  return run.stdout.trim();
}

async function serverTokens(token: string): Promise<Record<string, string>> {
  const reply = await fetch(`${fake.apiUrl}/resources`, {
    headers: { Accept: 'application/json', 'X-Plex-Client-Identifier': 'test', 'X-Plex-Token': token },
  });
  const body = (await reply.json()) as { name: string; accessToken: string | null }[];
  return Object.fromEntries(body.filter((r) => r.accessToken).map((r) => [r.name, r.accessToken!]));
}

const noSecrets = (run: CliRun, ...secrets: string[]) => {
  for (const s of secrets) expect(run.stderr).not.toContain(s);
};

describe('plex-signin servers', () => {
  it("lists alice's two servers with a best address, no token on screen", async () => {
    const token = await signIn();
    const run = await cli(['servers'], token);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "Alice's NAS (yours)",
        '  https://192-168-1-20.a11ce5e1f0c0ffee0123456789abcdef.plex.direct:32400  (local https)',
        "Dave's Server (shared by dave)",
        '  https://198-51-100-9.da7e5e1f0c0ffee0fedcba9876543210.plex.direct:32400  (remote https)',
        '',
      ].join('\n'),
    );
    const tokens = await serverTokens(token);
    for (const t of [...Object.values(tokens), token]) expect(run.stdout + run.stderr).not.toContain(t);
  });

  it('--format env prints each server with its own token', async () => {
    const token = await signIn();
    const tokens = await serverTokens(token);
    const run = await cli(['servers', '--format', 'env', '--server', "dave's server"], token);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `PLEX_URL=https://198-51-100-9.da7e5e1f0c0ffee0fedcba9876543210.plex.direct:32400\nPLEX_TOKEN=${tokens["Dave's Server"]}\n`,
    );
    const both = await cli(['servers', '--format', 'env'], token);
    expect(both.stdout).toContain(`# Alice's NAS (yours)\nPLEX_URL=https://192-168-1-20.`);
    expect(both.stdout).toContain(`PLEX_TOKEN=${tokens["Alice's NAS"]}\n`);
    expect(both.stdout).not.toContain(`PLEX_TOKEN=${token}`);
  });

  it('--json and --format kometa carry the right token per server', async () => {
    const token = await signIn();
    const tokens = await serverTokens(token);
    const json = JSON.parse((await cli(['servers', '--json'], token)).stdout) as {
      name: string;
      token: string;
      url: string;
      owner: string | null;
    }[];
    expect(json.map((s) => [s.name, s.token, s.owner])).toEqual([
      ["Alice's NAS", tokens["Alice's NAS"], null],
      ["Dave's Server", tokens["Dave's Server"], 'dave'],
    ]);
    const kometa = await cli(['servers', '--format', 'kometa', '--server', "Alice's NAS"], token);
    expect(kometa.stdout).toBe(
      `plex:\n  url: "https://192-168-1-20.a11ce5e1f0c0ffee0123456789abcdef.plex.direct:32400"\n  token: "${tokens["Alice's NAS"]}"\n`,
    );
  });

  it('exits 8 for a dead token and 2 for an unknown server or format', async () => {
    const token = await signIn();
    expect((await cli(['servers', '--server', 'Nope'], token)).code).toBe(2);
    expect((await cli(['servers', '--format', 'yaml'], token)).code).toBe(2);
    await fake.revoke(token);
    const dead = await cli(['servers'], token);
    expect(dead.code).toBe(8);
    noSecrets(dead, token);
  });
});

describe('plex-signin devices', () => {
  it('lists the devices, marking this CLI and the stale ones, never printing a token', async () => {
    const token = await signIn();
    const run = await cli(['devices'], token);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID +NAME +PRODUCT +PLATFORM +LAST SEEN +CREATED +NOTE$/);
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.includes('Plex Sign-In CLI'))).toMatch(/this CLI$/);
    expect(lines.filter((l) => /stale: not seen for 400 days$/.test(l))).toHaveLength(2);
    for (const d of await fake.allDevices()) expect(run.stdout).not.toContain(d.token);
    const stale = await cli(['devices', '--stale', '90', '--json'], token);
    expect((JSON.parse(stale.stdout) as { product: string }[]).map((d) => d.product)).toEqual(['PlexAPI', 'PlexAPI']);
  });

  it('devices remove --stale kills the stale tokens and only theirs; tool tokens and this CLI stay', async () => {
    const token = await signIn();
    const tool = (await cli(['token', 'create', '--name', 'Kometa'], token)).stdout.trim();
    const before = await fake.allDevices();
    const run = await cli(['devices', 'remove', '--stale', '90', '--yes'], token);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Removed 2 devices.\n');
    const live = new Set((await fake.allDevices()).map((d) => d.token));
    for (const d of before) expect(live.has(d.token), d.product ?? '').toBe(d.product !== 'PlexAPI');
    expect(live.has(tool)).toBe(true);
    expect(live.has(token)).toBe(true);
    const again = await cli(['devices', 'remove', '--stale', '90', '--yes'], token);
    expect(again.stdout).toContain('No stale devices to remove');
  });

  it('--stale never picks a tool token made here, even inside a flood of its name', async () => {
    const token = await signIn();
    const tool = (await cli(['token', 'create', '--name', 'Kometa'], token)).stdout.trim();
    // Three newer devices with the tool token's very name, product and platform: a flood,
    // in which only the newest would be kept, were the tool token not protected.
    const impostors: string[] = [];
    for (const n of [1, 2, 3]) {
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // lastSeenAt counts seconds
      const reply = await fetch(`${fake.apiUrl}/users/signin`, {
        method: 'POST',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Plex-Client-Identifier': `impostor-${n}`,
          'X-Plex-Product': 'Kometa',
          'X-Plex-Device-Name': 'Kometa (Plex Sign-In)',
          'X-Plex-Platform': (await fake.devices()).find((d) => d.token === tool)?.platform ?? '',
        },
        body: new URLSearchParams({ login: alice.login, password: alice.password, rememberMe: 'true' }).toString(),
      });
      impostors.push(((await reply.json()) as { authToken: string }).authToken);
    }
    const run = await cli(['devices', 'remove', '--stale', '90', '--yes'], token);
    expect(run.stdout).toBe('Removed 4 devices.\n'); // two PlexAPI, two older impostors
    const live = new Set((await fake.allDevices()).map((d) => d.token));
    expect([tool, token, impostors[2]].every((t) => live.has(t!))).toBe(true);
    expect(live.has(impostors[0]!) || live.has(impostors[1]!)).toBe(false);
  });

  it('refuses to remove its own device by id, but removes a tool token named by id', async () => {
    const token = await signIn();
    const tool = (await cli(['token', 'create', '--name', 'Kometa'], token)).stdout.trim();
    const list = JSON.parse((await cli(['devices', '--json'], token)).stdout) as {
      id: string;
      thisCli: boolean;
      toolToken: boolean;
    }[];
    const own = list.find((d) => d.thisCli)!;
    const mine = await cli(['devices', 'remove', own.id, '--yes'], token);
    expect(mine.code).toBe(2);
    expect(mine.stderr).toMatch(/^plex-signin: Device \d+ is this CLI itself; [^\n]+\.\n$/);
    expect((await cli(['whoami'], token)).code).toBe(0);
    const toolDevice = list.find((d) => d.toolToken)!;
    const run = await cli(['devices', 'remove', toolDevice.id, '--yes'], token);
    expect(run).toMatchObject({ code: 0, stdout: 'Removed 1 device.\n' });
    expect((await cli(['whoami'], tool)).code).toBe(8);
  });

  it('asks first: without a terminal and without --yes it removes nothing (exit 2)', async () => {
    const token = await signIn();
    const run = await cli(['devices', 'remove', '--stale', '90'], token);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--yes');
    expect((await fake.allDevices()).filter((d) => d.product === 'PlexAPI')).toHaveLength(2);
  });

  it('honours a 429 during a bulk removal and still removes them all', async () => {
    const token = await signIn();
    const list = JSON.parse((await cli(['devices', '--stale', '90', '--json'], token)).stdout) as { id: string }[];
    await fake.fault({
      method: 'DELETE',
      path: `/devices/${list[0]!.id}.xml`,
      status: 429,
      headers: { 'Retry-After': '1' },
    });
    const run = await cli(['devices', 'remove', '--stale', '90', '--yes', '--debug'], token);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Removed 2 devices.\n');
    expect(run.stderr).toContain(`DELETE /devices/${list[0]!.id}.xml -> 429`);
    noSecrets(run, token, ...(await fake.allDevices()).map((d) => d.token));
  });

  it('a rate limit that outlasts the retries stops the run with exit 6 and a result line', async () => {
    const token = await signIn();
    const list = JSON.parse((await cli(['devices', '--stale', '90', '--json'], token)).stdout) as { id: string }[];
    await fake.fault({ method: 'DELETE', path: `/devices/${list[1]!.id}.xml`, status: 429, times: 3 });
    const run = await runCli(['devices', 'remove', '--stale', '90', '--yes'], { env: env({ PLEX_TOKEN: token }) });
    expect(run.code).toBe(6);
    expect(run.stdout).toBe('Removed 1 device; 1 not removed.\n');
    expect(run.stderr).toMatch(/\nplex-signin: plex\.tv is receiving too many requests[^\n]+\.\n$/);
  });

  it('usage errors: no ids, both ids and --stale, a bad id, bad days', async () => {
    const token = await signIn();
    for (const args of [
      ['remove'],
      ['remove', '1', '--stale', '9'],
      ['remove', 'abc'],
      ['--stale', 'x'],
      ['remove', '--stale', '0'],
      ['--yes'],
    ]) {
      const run = await cli(['devices', ...args], token);
      expect(run.code, args.join(' ')).toBe(2);
    }
  });

  it('Ctrl-C while waiting out a rate limit stops the run', async () => {
    const token = await signIn();
    const list = JSON.parse((await cli(['devices', '--stale', '90', '--json'], token)).stdout) as { id: string }[];
    await fake.fault({
      method: 'DELETE',
      path: `/devices/${list[0]!.id}.xml`,
      status: 429,
      headers: { 'Retry-After': '8' },
    });
    const running = startCli(['devices', 'remove', '--stale', '90', '--yes'], { env: env({ PLEX_TOKEN: token }) });
    await new Promise((resolve) => setTimeout(resolve, 700));
    running.child.kill('SIGINT');
    const run = await running.done;
    expect(run.code).toBe(130);
  });
});
