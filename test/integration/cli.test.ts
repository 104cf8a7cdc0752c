import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { closedPortUrl } from '../../testing/closed-port';
import { SEEDED } from '../../testing/seeded-accounts';
import { type CliRun, freshConfigHome, runCli, startCli } from '../support/cli';

// The CLI as a process against the fake plex.tv: outputs, exit codes, and what it must
// never print.

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

const { alice, bob, carol } = SEEDED;
const signinPath = '/api/v2/users/signin';
const env = (extra: Record<string, string> = {}) => ({
  XDG_CONFIG_HOME: configHome,
  PLEX_API_URL: fake.apiUrl,
  ...extra,
});
const signin = (args: string[], password: string, extra: Record<string, string> = {}) =>
  runCli(['signin', '--password-stdin', ...args], { stdin: `${password}\n`, env: env(extra) });

/** stderr is one sentence on one line, prefixed with the program's name. */
function expectOneSentence(run: CliRun) {
  expect(run.stderr).toMatch(/^plex-signin: [^\n]+\.\n$/);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('plex-signin signin', () => {
  it('prints the token alone on stdout and exits 0', async () => {
    const run = await signin(['--login', alice.login], alice.password);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const token = run.stdout.trimEnd();
    expect(run.stdout).toBe(`${token}\n`);
    const [device] = await fake.devices();
    expect(device?.token).toBe(token);
    expect(device?.product).toBe('Plex Sign-In CLI');
    expect(await fake.requests()).toHaveLength(1); // one sign-in, one request
  });

  it('prints the account with its authToken as JSON with --json', async () => {
    const run = await signin(['--login', alice.username, '--json'], alice.password);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(body).toMatchObject({ username: 'alice', email: alice.login, hasPlexPass: true, twoFactorEnabled: false });
    expect(body.authToken).toBe((await fake.devices())[0]?.token);
  });

  it('asks for a short-lived token with --no-remember', async () => {
    const remembered = await signin(['--login', alice.login, '--json'], alice.password);
    const shortLived = await signin(['--login', alice.login, '--json', '--no-remember'], alice.password);
    const expiry = (run: CliRun) =>
      Date.parse((JSON.parse(run.stdout) as { rememberExpiresAt: string }).rememberExpiresAt);
    expect(expiry(shortLived)).toBeLessThan(expiry(remembered));
  });

  it('exits 3 for a wrong password, with one sentence and never the password', async () => {
    const password = 'pä$$ wörd&=+%/🔑';
    const run = await signin(['--login', alice.login, '--debug'], password);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('did not accept');
    expect(run.stderr + run.stdout).not.toContain('wörd');
    expect(await fake.requests()).toHaveLength(1);
  });

  it('exits 3 for an account that has no password', async () => {
    const run = await signin(['--login', carol.login], 'whatever-1');
    expect(run.code).toBe(3);
    expectOneSentence(run);
  });

  it('exits 4 when a verification code is needed and there is no terminal to ask', async () => {
    const run = await signin(['--login', bob.login], bob.password);
    expect(run.code).toBe(4);
    expectOneSentence(run);
    expect(run.stderr).toContain('--code-stdin');
  });

  it('exits 5 for a wrong code, 0 with the right code or a backup code', async () => {
    expect((await signin(['--login', bob.login, '--code', '999999'], bob.password)).code).toBe(5);
    const withCode = await signin(['--login', bob.login, '--code', bob.code], bob.password);
    expect(withCode.code).toBe(0);
    const withBackup = await signin(['--login', bob.username, '--code', bob.backupCode], bob.password);
    expect(withBackup.code).toBe(0);
    expect(withBackup.stdout.trim()).not.toBe(withCode.stdout.trim()); // the old token was replaced
  });

  it('reads the code from the second line of stdin with --code-stdin: nothing secret in argv', async () => {
    for (const code of [bob.code, bob.backupCode]) {
      await fake.reset();
      const run = await runCli(['signin', '--login', bob.login, '--password-stdin', '--code-stdin'], {
        stdin: `${bob.password}\n${code}\n`,
        env: env(),
      });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout.trim()).toBe((await fake.devices())[0]?.token);
      expect(await fake.requests()).toHaveLength(1); // the code went with the first request
    }
    const crlf = await runCli(['signin', '--login', bob.login, '--password-stdin', '--code-stdin'], {
      stdin: `${bob.password}\r\n${bob.code}\r\n`,
      env: env(),
    });
    expect(crlf.code).toBe(0);
  });

  it('says a rejected sign-in that sent a code may be the password or the code (exit 3)', async () => {
    const run = await runCli(['signin', '--login', bob.login, '--password-stdin', '--code-stdin'], {
      stdin: `not-bobs-password\n${bob.code}\n`,
      env: env(),
    });
    expect(run.code).toBe(3);
    expectOneSentence(run);
    expect(run.stderr).toContain('the password or the verification code');
    expect(await fake.requests()).toHaveLength(1); // never retried on its own
  });

  it.each([
    [['--code-stdin'], `${bob.password}\n${bob.code}`, '--password-stdin'],
    [
      ['--password-stdin', '--code-stdin', '--code', bob.code],
      `${bob.password}\n${bob.code}`,
      'either with --code or with --code-stdin',
    ],
    [['--password-stdin', '--code-stdin'], `${bob.password}\n`, 'second line'],
    [['--password-stdin', '--code-stdin'], `${bob.password}`, 'second line'],
    [['--password-stdin', '--code-stdin'], `\n${bob.code}\n`, 'empty password'],
  ])('exits 2 for --code-stdin used wrongly %j, without calling plex.tv', async (args, stdin, message) => {
    const run = await runCli(['signin', '--login', bob.login, ...args], { stdin, env: env() });
    expect(run.code).toBe(2);
    expectOneSentence(run);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain(bob.password);
    expect(await fake.requests()).toHaveLength(0);
  });

  it('exits 6 when locked out and when rate limited', async () => {
    for (let i = 0; i < 5; i += 1) await signin(['--login', alice.login], 'wrong');
    const locked = await signin(['--login', alice.login], alice.password);
    expect(locked.code).toBe(6);
    expectOneSentence(locked);

    await fake.reset();
    await fake.fault({ method: 'POST', path: signinPath, status: 429, headers: { 'Retry-After': '60' } });
    const limited = await signin(['--login', alice.login], alice.password);
    expect(limited.code).toBe(6);
    expect(limited.stderr).toContain('60 seconds');
  });

  it('exits 7 when plex.tv is unreachable, down, too slow or answers nonsense', async () => {
    const unreachable = await signin(['--login', alice.login], alice.password, { PLEX_API_URL: await closedPortUrl() });
    expect(unreachable.code).toBe(7);
    expectOneSentence(unreachable);

    await fake.fault({ method: 'POST', path: signinPath, status: 503, times: 3, headers: { 'Retry-After': '0' } });
    expect((await signin(['--login', alice.login], alice.password)).code).toBe(7);

    await fake.fault({ method: 'POST', path: signinPath, delayMs: 3000 });
    const slow = await signin(['--login', alice.login, '--timeout', '0.5'], alice.password);
    expect(slow.code).toBe(7);
    expect(slow.stderr).toContain('did not answer');

    await fake.fault({
      method: 'POST',
      path: signinPath,
      status: 200,
      body: '<html>portal</html>',
      contentType: 'text/html',
    });
    expect((await signin(['--login', alice.login], alice.password)).code).toBe(7);
  });

  it('takes the API URL from --api-url over PLEX_API_URL', async () => {
    const run = await signin(['--login', alice.login, '--api-url', fake.apiUrl], alice.password, {
      PLEX_API_URL: await closedPortUrl(),
    });
    expect(run.code).toBe(0);
  });

  it('keeps one client identifier per install: the second run replaces its own device', async () => {
    const first = await signin(['--login', alice.login], alice.password);
    const second = await signin(['--login', alice.login], alice.password);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const ids = new Set((await fake.requests()).map((r) => r.headers['x-plex-client-identifier']));
    expect(ids.size).toBe(1);
    expect(await fake.devices()).toHaveLength(1);

    configHome = freshConfigHome(); // another computer (or user) gets another identifier
    await signin(['--login', alice.login], alice.password);
    expect(await fake.devices()).toHaveLength(2);
  });

  it.each([
    [[], 'Say which account'],
    [['--login', 'alice', '--bogus'], 'Unknown option --bogus'],
    [['--login'], 'needs a value'],
    [['--login', 'alice', '--code', '12'], 'verification code'],
    [['--login', 'alice', '--timeout', 'soon'], '--timeout'],
    [['--login', 'alice', '--api-url', 'plex.tv'], 'not a valid URL'],
    [['--login', 'alice', '--api-url', 'http://plex.tv/api/v2'], 'not sent unencrypted'],
    [['--login', 'alice', '--api-url', 'http://192.168.1.20:32400/api/v2'], 'must start with https://'],
  ])('exits 2 for bad usage %j without calling plex.tv', async (args, message) => {
    const run = await signin(args, 'irrelevant-password');
    expect(run.code).toBe(2);
    expectOneSentence(run);
    expect(run.stderr).toContain(message);
    expect(await fake.requests()).toHaveLength(0);
  });

  it('stops waiting for stdin on Ctrl-C, with exit 130 and nothing sent', async () => {
    const cli = startCli(['signin', '--login', alice.login, '--password-stdin'], { stdin: null, env: env() });
    await new Promise((r) => setTimeout(r, 300));
    cli.child.kill('SIGINT');
    const run = await cli.done;
    expect(run.code).toBe(130);
    expectOneSentence(run);
    expect(await fake.requests()).toHaveLength(0);
  });

  it('exits 2 when no password is piped and there is no terminal to ask', async () => {
    const run = await runCli(['signin', '--login', alice.login], { env: env() });
    expect(run.code).toBe(2);
    expectOneSentence(run);
    expect(run.stderr).toContain('--password-stdin');
  });
});

describe('plex-signin whoami and signout', () => {
  async function aliceToken() {
    return (await signin(['--login', alice.login], alice.password)).stdout.trim();
  }

  it('shows the account of PLEX_TOKEN, or of a token piped in', async () => {
    const token = await aliceToken();
    const run = await runCli(['whoami'], { env: env({ PLEX_TOKEN: token }) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Username:\s+alice\n/);
    expect(run.stdout).toMatch(/Email:\s+alice@example\.com\n/);
    expect(run.stdout).toMatch(/Plex Pass:\s+yes\n/);
    expect(run.stdout).toMatch(/Two-factor:\s+off\n/);
    expect(run.stdout).not.toContain(token);

    const piped = await runCli(['whoami', '--token-stdin', '--json'], { stdin: `${token}\n`, env: env() });
    expect(piped.code).toBe(0);
    const body = JSON.parse(piped.stdout) as Record<string, unknown>;
    expect(body).toMatchObject({ username: 'alice', hasPlexPass: true });
    expect(piped.stdout).not.toContain(token);
  });

  it.each([
    ['the friendly name when it is set', 'Zoë Example', 'Zoë Example'],
    ['the username when the friendly name is empty', '', 'someone'],
  ])('shows %s as the name', async (_case, friendlyName, shown) => {
    const account = {
      id: 9,
      uuid: 'u-9',
      username: 'someone',
      title: 'someone', // plex.tv's title is the username (docs/plex-api.md §5c)
      friendlyName,
      email: 'someone@example.com',
      authToken: 'FAKE-TOKEN-aaaaaaaaaaaa',
      joinedAt: 1_600_000_000,
      hasPassword: true,
      twoFactorEnabled: false,
    };
    await fake.fault({ method: 'GET', path: '/api/v2/user', status: 200, times: 2, body: JSON.stringify(account) });
    const run = await runCli(['whoami'], { env: env({ PLEX_TOKEN: 'FAKE-TOKEN-aaaaaaaaaaaa' }) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Name:\\s+${shown}$`, 'm'));
    expect(run.stdout).toMatch(/^Username:\s+someone$/m);
    const json = await runCli(['whoami', '--json'], { env: env({ PLEX_TOKEN: 'FAKE-TOKEN-aaaaaaaaaaaa' }) });
    expect(JSON.parse(json.stdout)).toMatchObject({ username: 'someone', friendlyName });
  });

  it('shows two-factor on for bob', async () => {
    const token = (await signin(['--login', bob.login, '--code', bob.code], bob.password)).stdout.trim();
    const run = await runCli(['whoami'], { env: env({ PLEX_TOKEN: token }) });
    expect(run.stdout).toMatch(/Two-factor:\s+on\n/);
    expect(run.stdout).toMatch(/Plex Pass:\s+no\n/);
  });

  it('exits 8 for a revoked token, and never prints the token', async () => {
    const token = await aliceToken();
    await fake.revoke(token);
    const run = await runCli(['whoami', '--debug'], { env: env({ PLEX_TOKEN: token }) });
    expect(run.code).toBe(8);
    expect(run.stderr).toContain('sign in again');
    expect(run.stdout + run.stderr).not.toContain(token);
  });

  it('exits 8 for an expired token', async () => {
    const token = await aliceToken();
    await fake.fault({ method: 'GET', path: '/api/v2/user', status: 498, body: '', contentType: 'text/plain' });
    expect((await runCli(['whoami'], { env: env({ PLEX_TOKEN: token }) })).code).toBe(8);
  });

  it('exits 2 without a token', async () => {
    const run = await runCli(['whoami'], { env: env() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PLEX_TOKEN');
  });

  it('signs out: the token is revoked on plex.tv', async () => {
    const token = await aliceToken();
    const out = await runCli(['signout'], { env: env({ PLEX_TOKEN: token }) });
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('revoked');
    expect(await fake.devices()).toHaveLength(0);
    expect((await runCli(['whoami'], { env: env({ PLEX_TOKEN: token }) })).code).toBe(8);
    const again = await runCli(['signout', '--token-stdin'], { stdin: token, env: env() });
    expect(again.code).toBe(0); // already dead: nothing left to do
    expect(again.stderr).toContain('already signed out');
  });
});

describe('plex-signin itself', () => {
  it('prints help with the exit codes, and its version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes');
    const version = await runCli(['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const signinHelp = (await runCli(['signin', '--help'])).stdout;
    expect(signinHelp).toContain('--password-stdin');
    expect(signinHelp).toContain('--code-stdin');
    expect(signinHelp).toMatch(/--code <code>[^]*visible to other\s+users/);
  });

  it('exits 2 for an unknown command or none', async () => {
    expect((await runCli(['tokens'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
  });
});
