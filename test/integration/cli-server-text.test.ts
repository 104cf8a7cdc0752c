import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { SEEDED } from '../../testing/seeded-accounts';
import { freshConfigHome, runCli } from '../support/cli';

// What the CLI prints that a server chose, when the server is hostile: nothing may reach
// the terminal raw (screen clears, OSC 52 clipboard writes, forged lines, bidi
// overrides), and a token that is not a token is never printed.

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

const env = (extra: Record<string, string> = {}) => ({
  XDG_CONFIG_HOME: configHome,
  PLEX_API_URL: fake.apiUrl,
  ...extra,
});
/** Any character that steers a terminal; line breaks are checked separately. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const FAKE_TOKEN = 'FAKE-TOKEN-aaaaaaaaaaaa';

function hostileAccount(authToken = FAKE_TOKEN) {
  return {
    id: 7,
    uuid: 'uuid\u001b[2J',
    username: 'mallory\u001b[2J\u001b[H',
    title: 'mallory\u2066\u009b2J',
    friendlyName: '\u001b]0;pwned\u0007Mal\u009b31m\u202eyrol',
    email: 'm@example.com\nPlex Pass:    yes\u202e\u009d',
    authToken,
    joinedAt: 1_600_000_000,
    hasPassword: true,
    twoFactorEnabled: false,
    thumb: 'https://plex.tv/x\u001b]52;c;aGk=\u0007',
  };
}

const answerWith = (method: string, path: string, body: unknown, status = 200) =>
  fake.fault({ method, path, status, body: JSON.stringify(body), contentType: 'application/json' });

describe('server text printed by the CLI', () => {
  it('whoami escapes control and bidi characters in every account field, one line per row', async () => {
    await answerWith('GET', '/api/v2/user', hostileAccount());
    const run = await runCli(['whoami'], { env: env({ PLEX_TOKEN: 'any-token-1' }) });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(UNSAFE);
    expect(run.stdout.split('\n')).toHaveLength(7); // six rows and the final line break
    expect(run.stdout).toContain('mallory\\x1B[2J\\x1B[H');
    expect(run.stdout).toContain('m@example.com\\x0APlex Pass:    yes\\u202E\\x9D');
    expect(run.stdout).toMatch(/^Plex Pass:\s+no$/m);
  });

  it('whoami --json keeps the exact values for scripts, with nothing raw that steers a terminal', async () => {
    await answerWith('GET', '/api/v2/user', hostileAccount());
    const run = await runCli(['whoami', '--json'], { env: env({ PLEX_TOKEN: 'any-token-1' }) });
    expect(run.code).toBe(0);
    for (const line of run.stdout.split('\n')) expect(line).not.toMatch(UNSAFE);
    const account = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(account.username).toBe(hostileAccount().username);
    expect(account.email).toBe(hostileAccount().email);
  });

  it('signin --json escapes the account the same way', async () => {
    await answerWith('POST', '/api/v2/users/signin', hostileAccount(), 201);
    const run = await runCli(['signin', '--login', SEEDED.alice.login, '--password-stdin', '--json'], {
      stdin: SEEDED.alice.password,
      env: env(),
    });
    expect(run.code).toBe(0);
    for (const line of run.stdout.split('\n')) expect(line).not.toMatch(UNSAFE);
    expect(JSON.parse(run.stdout)).toMatchObject({ username: hostileAccount().username, authToken: FAKE_TOKEN });
  });

  it('signin --link escapes the code it shows', async () => {
    await answerWith(
      'POST',
      '/api/v2/pins',
      { id: 999_999, code: '\u001b[2J\u001b]52;c;aGk=\u0007AB\nC', expiresIn: 1, authToken: null },
      201,
    );
    const run = await runCli(['signin', '--link', '--timeout', '2'], { env: env() });
    expect(run.code).toBe(9); // that PIN is unknown to the fake: it expires unapproved
    expect(run.stderr).not.toMatch(UNSAFE);
    expect(run.stderr).toContain('\\x1B[2J\\x1B]52;c;aGk=\\x07AB\\x0AC');
  });

  it.each([
    ['CR/LF', 'FAKE\r\nTOKEN-forged-line'],
    ['an escape sequence', 'FAKE\u001b]52;c;TOKEN-forged-line\u0007'],
    ['a space', 'FAKE TOKEN-forged-line'],
    ['5000 characters', `FAKE-TOKEN-forged-line${'a'.repeat(5000)}`],
  ])('never prints a token holding %s: the answer is unexpected (exit 7)', async (_name, token) => {
    await answerWith('POST', '/api/v2/users/signin', hostileAccount(token), 201);
    const run = await runCli(['signin', '--login', SEEDED.alice.login, '--password-stdin'], {
      stdin: SEEDED.alice.password,
      env: env(),
    });
    expect(run.code).toBe(7);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^plex-signin: [^\n]+\.\n$/);
    expect(run.stderr).not.toContain('forged-line');
  });
});
