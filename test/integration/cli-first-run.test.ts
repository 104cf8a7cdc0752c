import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { SEEDED } from '../../testing/seeded-accounts';
import { CLI_PATH, freshConfigHome, runCli } from '../support/cli';

// A first run of the CLI (issue 13, problem 8): it can be installed and run as
// `plex-signin`, says which command comes next, warns when it is not talking to plex.tv,
// and tells the truth about signing out, Ctrl-C (cli-terminal.test.ts) and --timeout.

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

const { alice } = SEEDED;
const env = (extra: Record<string, string> = {}) => ({ XDG_CONFIG_HOME: home, PLEX_API_URL: fake.apiUrl, ...extra });
const run = promisify(execFile);

describe.runIf(process.platform !== 'win32')('plex-signin as an installed command', () => {
  it('the build leaves an executable file that runs by itself', async () => {
    expect(fs.statSync(CLI_PATH).mode & 0o777).toBe(0o755);
    expect(fs.readFileSync(CLI_PATH, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const { stdout } = await run('./out/cli/plex-signin.cjs', ['--version'], { env: { PATH: process.env.PATH } });
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('npm pack ships the bin, executable, and no sources', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { env: process.env });
    const [pack] = JSON.parse(stdout) as { files: { path: string; mode: number }[] }[];
    const paths = pack!.files.map((f) => f.path);
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['plex-signin']).toBe('out/cli/plex-signin.cjs');
    expect(paths).toContain('out/cli/plex-signin.cjs');
    expect(pack!.files.find((f) => f.path === 'out/cli/plex-signin.cjs')!.mode & 0o111).toBe(0o111);
    expect(paths.filter((p) => p.startsWith('src/') || p.startsWith('test/'))).toEqual([]);
  });
});

describe('plex-signin hints and warnings', () => {
  it('whoami without a token names the command that gets one', async () => {
    const result = await runCli(['whoami'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'plex-signin: No token given; sign in with `plex-signin signin` and pass the token in PLEX_TOKEN or with --token-stdin.\n',
    );
  });

  it('warns on one line of stderr, first, when the API address is not plex.tv', async () => {
    const local = await runCli(['whoami'], { env: env() });
    const host = new URL(fake.apiUrl).host;
    const [warning, ...rest] = local.rawStderr.split('\n');
    expect(warning).toMatch(/^plex-signin: warning: [^\n]+\.$/);
    expect(warning).toContain(host);
    expect(warning).toContain('PLEX_API_URL');
    expect(warning).toContain('not plex.tv');
    expect(rest.join('\n')).toMatch(/^plex-signin: No token given/);

    const chosen = await runCli(['whoami', '--api-url', 'https://plex.example.net/api/v2'], { env: env() });
    expect(chosen.rawStderr.split('\n')[0]).toMatch(/^plex-signin: warning: .*plex\.example\.net.*--api-url/);

    // The real plex.tv: no warning (the missing token stops the run before any request).
    const real = await runCli(['whoami'], { env: env({ PLEX_API_URL: 'https://plex.tv/api/v2' }) });
    expect(real.rawStderr).toMatch(/^plex-signin: No token given[^\n]*\n$/);
  });

  it('signout of a token that is already dead says so and exits 0', async () => {
    const token = (
      await runCli(['signin', '--login', alice.login, '--password-stdin'], { stdin: alice.password, env: env() })
    ).stdout.trim();
    await fake.revoke(token);
    const result = await runCli(['signout'], { env: env({ PLEX_TOKEN: token }) });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^plex-signin: [^\n]*already signed out[^\n]*\.\n$/);
    expect(result.rawStderr).not.toContain(token);

    await fake.fault({
      method: 'DELETE',
      path: '/api/v2/users/signout',
      status: 498,
      body: '',
      contentType: 'text/plain',
    });
    const expired = await runCli(['signout', '--token-stdin'], { stdin: token, env: env() });
    expect(expired.code).toBe(0);
    expect(expired.stderr).toContain('already signed out');
  });

  it('takes login as another name for signin', async () => {
    const result = await runCli(['login', '--login', alice.login, '--password-stdin'], {
      stdin: alice.password,
      env: env(),
    });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe((await fake.devices())[0]?.token);
    expect((await runCli(['--help'])).stdout).toMatch(/^ {2}signin\b.*\blogin\b/m);
    expect((await runCli(['help', 'login'])).stdout).toContain('Usage: plex-signin signin');
    expect((await runCli(['login', '--help'])).stdout).toContain('login');
  });

  it('with --timeout, the browser wait names that limit and ends saying it passed', async () => {
    const result = await runCli(['signin', '--browser', '--timeout', '2'], { env: env() });
    expect(result.code).toBe(9);
    expect(result.stderr).toContain('2 seconds');
    expect(result.stderr).not.toMatch(/minute/);
    const last = result.stderr.trimEnd().split('\n').pop();
    expect(last).toMatch(/^plex-signin: [^\n]*time limit[^\n]*passed before[^\n]*approved[^\n]*\.$/);
    expect(last).not.toContain('expired');
  });
});
