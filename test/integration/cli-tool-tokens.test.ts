import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { closedPortUrl } from '../../testing/closed-port';
import { SEEDED } from '../../testing/seeded-accounts';
import { type CliRun, freshConfigHome, runCli } from '../support/cli';

// `plex-signin token create|list|revoke` as a process against the fake plex.tv.

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
const cli = (args: string[], token: string, extra: Record<string, string> = {}) =>
  runCli(args, { env: env({ PLEX_TOKEN: token, ...extra }) });

async function signIn(): Promise<string> {
  const run = await runCli(['signin', '--password-stdin', '--login', alice.login], {
    stdin: `${alice.password}\n`,
    env: env(),
  });
  expect(run.code).toBe(0);
  return run.stdout.trim();
}

async function alive(token: string): Promise<boolean> {
  const run = await runCli(['whoami'], { env: env({ PLEX_TOKEN: token }) });
  return run.code === 0;
}

function expectOneSentence(run: CliRun) {
  expect(run.stderr).toMatch(/^plex-signin: [^\n]+\.\n$/);
}

function expectNoSecret(run: CliRun, ...secrets: string[]) {
  for (const secret of secrets) expect(run.stderr).not.toContain(secret);
}

describe('plex-signin token create', () => {
  it('prints the new token alone; it survives signing out, signing in again and revoking the CLI token', async () => {
    const first = await signIn();
    const run = await cli(['token', 'create', '--name', 'Kometa'], first);
    expect(run.code).toBe(0);
    const tool = run.stdout.trim();
    expect(run.stdout).toBe(`${tool}\n`);
    expect(tool).not.toBe(first);
    expectNoSecret(run, tool, first);
    expect(run.stderr).toContain('Kometa (Plex Sign-In)');
    const device = (await fake.devices()).find((d) => d.token === tool);
    expect(device).toMatchObject({ product: 'Kometa', deviceName: 'Kometa (Plex Sign-In)' });

    expect((await cli(['signout'], first)).code).toBe(0);
    const second = await signIn();
    expect(await alive(tool)).toBe(true);
    expect((await cli(['signout'], second)).code).toBe(0);
    expect(await alive(tool)).toBe(true);
  });

  it.each([
    ['env', (t: string) => `PLEX_TOKEN=${t}\n`],
    ['curl', (t: string) => `X-Plex-Token: ${t}\n`],
    ['json', (t: string) => `${JSON.stringify({ token: t }, null, 2)}\n`],
    [
      'kometa',
      (t: string) => `plex:\n  # url: your server's address (plex-signin servers lists them)\n  token: "${t}"\n`,
    ],
  ])('--format %s', async (format, expected) => {
    const run = await cli(['token', 'create', '--name', `Tool ${format}`, '--format', format], await signIn());
    expect(run.code).toBe(0);
    const token = (await fake.devices()).find((d) => d.product === `Tool ${format}`)?.token ?? 'missing';
    expect(run.stdout).toBe(expected(token));
  });

  it.each(['Büro', 'Home Assistant 🏠', 'say "hi"'])('keeps the odd name %s all the way to plex.tv', async (name) => {
    const run = await cli(['token', 'create', '--name', name], await signIn());
    expect(run.code).toBe(0);
    expect((await fake.devices()).find((d) => d.token === run.stdout.trim())).toMatchObject({
      product: name,
      deviceName: `${name} (Plex Sign-In)`,
    });
  });

  it.each([
    [['--name', ''], /name/],
    [['--name', '   '], /name/],
    [['--name', 'x'.repeat(65)], /64 characters/],
    [['--name', 'bad\u001bname'], /control characters/],
    [[], /--name/],
    [['--name', 'Kometa', '--format', 'yaml'], /--format/],
  ])('usage error (exit 2) for %j, with nothing sent', async (args, message) => {
    const token = await signIn();
    const before = (await fake.requests()).length;
    const run = await cli(['token', 'create', ...args], token);
    expect(run.code).toBe(2);
    expectOneSentence(run);
    expect(run.stderr).toMatch(message);
    expect((await fake.requests()).length).toBe(before);
  });

  it('refuses a duplicate name, whatever its case', async () => {
    const token = await signIn();
    expect((await cli(['token', 'create', '--name', 'Kometa'], token)).code).toBe(0);
    const run = await cli(['token', 'create', '--name', ' kometa '], token);
    expect(run.code).toBe(2);
    expectOneSentence(run);
    expect(run.stderr).toContain('already have a token named "Kometa"');
    expect((await fake.devices()).filter((d) => d.product?.toLowerCase() === 'kometa')).toHaveLength(1);
  });

  it('exits 8 for a dead account token and 7 when plex.tv is unreachable', async () => {
    const token = await signIn();
    await fake.revoke(token);
    const dead = await cli(['token', 'create', '--name', 'Kometa'], token);
    expect(dead.code).toBe(8);
    expectOneSentence(dead);
    expectNoSecret(dead, token);
    const offline = await cli(['token', 'create', '--name', 'Kometa'], token, { PLEX_API_URL: await closedPortUrl() });
    expect(offline.code).toBe(7);
    expectOneSentence(offline);
  });

  it('keeps only the name, client identifier and date in its config folder, never the token', async () => {
    const token = await signIn();
    const run = await cli(['token', 'create', '--name', 'Kometa', '--debug'], token);
    expect(run.code).toBe(0);
    const tool = run.stdout.trim();
    expectNoSecret(run, tool, token);
    expect(run.stderr).toContain('debug: PUT /pins/link -> 204');
    const text = fs.readFileSync(path.join(configHome, 'plex-signin', 'tool-tokens.json'), 'utf8');
    expect(text).not.toContain(tool);
    expect(text).not.toContain(token);
    const saved = JSON.parse(text) as { tokens: { name: string; clientIdentifier: string; createdAt: string }[] };
    expect(saved.tokens).toEqual([
      { name: 'Kometa', clientIdentifier: expect.any(String), createdAt: expect.any(String) },
    ]);
  });
});

describe('plex-signin token list and revoke', () => {
  it('lists the tokens made here and whether plex.tv still has each; revoking one leaves the other', async () => {
    const account = await signIn();
    const kometa = (await cli(['token', 'create', '--name', 'Kometa'], account)).stdout.trim();
    const tautulli = (await cli(['token', 'create', '--name', 'Tautulli'], account)).stdout.trim();

    const listed = await cli(['token', 'list', '--json'], account);
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout) as { name: string; clientIdentifier: string; onPlex: string }[];
    expect(rows.map((r) => [r.name, r.onPlex])).toEqual([
      ['Kometa', 'active'],
      ['Tautulli', 'active'],
    ]);
    expect(listed.stdout).not.toContain(kometa);

    const revoked = await cli(['token', 'revoke', '--name', 'kometa'], account);
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toContain('Revoked the token for Kometa');
    expect(await alive(kometa)).toBe(false);
    expect(await alive(tautulli)).toBe(true);
    expect(await alive(account)).toBe(true);

    const table = await cli(['token', 'list'], account);
    expect(table.stdout).toMatch(
      /^NAME +CREATED +ON PLEX\.TV +CLIENT IDENTIFIER\nTautulli +\d{4}-\d\d-\d\d \d\d:\d\d +active +[\w-]+\n$/,
    );
  });

  it('shows a token whose device was removed on plex.tv as removed, and revokes by --id with a new account token', async () => {
    const account = await signIn();
    const tool = (await cli(['token', 'create', '--name', 'Kometa'], account)).stdout.trim();
    const [row] = JSON.parse((await cli(['token', 'list', '--json'], account)).stdout) as {
      clientIdentifier: string;
    }[];
    await fake.revoke(tool); // the token dies; the device stays, without a token
    const signedOut = JSON.parse((await cli(['token', 'list', '--json'], account)).stdout) as { onPlex: string }[];
    expect(signedOut[0]?.onPlex).toBe('signed-out');

    const later = await signIn();
    const run = await cli(['token', 'revoke', '--id', row!.clientIdentifier], later);
    expect(run.code).toBe(0);
    expect(JSON.parse((await cli(['token', 'list', '--json'], later)).stdout)).toEqual([]);
  });

  it('a device removed on plex.tv lists as removed; revoking it is "already gone"', async () => {
    const account = await signIn();
    await cli(['token', 'create', '--name', 'Kometa'], account);
    const devices = await cli(['devices', '--json'], account);
    const id = (JSON.parse(devices.stdout) as { id: string; product: string }[]).find(
      (d) => d.product === 'Kometa',
    )?.id;
    expect((await cli(['devices', 'remove', id!, '--yes'], account)).code).toBe(0);
    const rows = JSON.parse((await cli(['token', 'list', '--json'], account)).stdout) as { onPlex: string }[];
    expect(rows[0]?.onPlex).toBe('removed');
    const run = await cli(['token', 'revoke', '--name', 'Kometa'], account);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('already gone');
  });

  it('usage errors: unknown name, both or neither of --name/--id, its own identifier', async () => {
    const account = await signIn();
    for (const args of [['--name', 'Nope'], [], ['--name', 'a', '--id', 'b']]) {
      const run = await cli(['token', 'revoke', ...args], account);
      expect(run.code).toBe(2);
      expectOneSentence(run);
    }
    const own = fs.readFileSync(path.join(configHome, 'plex-signin', 'client-identifier'), 'utf8').trim();
    const self = await cli(['token', 'revoke', '--id', own], account);
    expect(self.code).toBe(2);
    expect(await alive(account)).toBe(true);
  });

  it('token list with nothing made says so without asking plex.tv', async () => {
    const run = await runCli(['token', 'list'], { env: env() });
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toContain('No tool tokens made here yet');
  });
});
