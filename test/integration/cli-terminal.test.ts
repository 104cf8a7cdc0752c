import { spawn } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { SEEDED } from '../../testing/seeded-accounts';
import { CLI_PATH, freshConfigHome } from '../support/cli';

// The CLI at a real terminal: util-linux `script` gives it a pseudo-terminal, and we type
// only once the prompt is on screen (typing earlier would be echoed by the terminal itself).

let fake: FakeHandle;
beforeAll(async () => {
  fake = await useFakePlex();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

interface Session {
  screen: () => string;
  /** Waits until `text` is on screen `times` times (default once). */
  waitFor: (text: string, times?: number) => Promise<void>;
  type: (text: string) => void;
  exit: Promise<number | null>;
}

function atTerminal(args: string[]): Session {
  const command = [process.execPath, CLI_PATH, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: {
      PATH: process.env.PATH ?? '',
      TERM: 'dumb',
      XDG_CONFIG_HOME: freshConfigHome(),
      XDG_CACHE_HOME: freshConfigHome(),
      PLEX_API_URL: fake.apiUrl,
    },
  });
  let screen = '';
  const waiters: (() => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    screen += d;
    waiters.splice(0).forEach((w) => w());
  });
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    screen: () => screen,
    async waitFor(text, times = 1) {
      const deadline = Date.now() + 10_000;
      while (screen.split(text).length <= times) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}"; screen so far: ${screen}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    type: (text) => child.stdin.write(text),
    exit,
  };
}

describe.runIf(process.platform === 'linux')('plex-signin at a terminal', () => {
  it('asks for the password with echo off, then for the verification code', async () => {
    const session = atTerminal(['signin', '--login', SEEDED.bob.login]);
    await session.waitFor('Plex password: ');
    session.type(`${SEEDED.bob.password}\r`);
    await session.waitFor('Verification code');
    session.type(`${SEEDED.bob.code}\r`);
    expect(await session.exit).toBe(0);
    const [device] = await fake.devices();
    expect(session.screen()).toContain(device?.token);
    expect(session.screen()).not.toContain(SEEDED.bob.password);
    expect((await fake.requests()).length).toBe(2); // one try without the code, one with it
  });

  it('asks for the code once more, and never again for the password, when plex.tv refuses a code', async () => {
    const session = atTerminal(['signin', '--login', SEEDED.bob.login, '--code', '000000']);
    await session.waitFor('Plex password: ');
    session.type(`${SEEDED.bob.password}\r`);
    await session.waitFor('Verification code');
    expect(session.screen()).toContain('That verification code was not accepted');
    session.type(`${SEEDED.bob.code}\r`);
    expect(await session.exit).toBe(0);
    expect(session.screen().split('Plex password: ')).toHaveLength(2);
    expect((await fake.requests()).length).toBe(2);
  });

  it('after "the password or the code was not accepted" asks for the code once, then stops', async () => {
    const session = atTerminal(['signin', '--login', SEEDED.bob.login]);
    await session.waitFor('Plex password: ');
    session.type(`${SEEDED.bob.password}\r`);
    await session.waitFor('Verification code');
    // plex.tv may answer a wrong code with 1001, as it does a wrong password.
    const rejected = {
      status: 401,
      body: '{"errors":[{"code":1001,"message":"User could not be authenticated","status":401}]}',
    };
    await fake.fault({
      method: 'POST',
      path: '/api/v2/users/signin',
      times: 2,
      contentType: 'application/json',
      ...rejected,
    });
    session.type(`${SEEDED.bob.code}\r`);
    await session.waitFor('and does not say which');
    await session.waitFor('Verification code (or backup code): ', 2);
    session.type(`${SEEDED.bob.backupCode}\r`);
    expect(await session.exit).toBe(3);
    expect(session.screen().split('Plex password: ')).toHaveLength(2); // asked once only
    expect(session.screen().split('Verification code (or backup code): ')).toHaveLength(3); // twice, no more
    expect((await fake.requests()).length).toBe(3);
  });

  it('stops without calling plex.tv when the person presses Ctrl-C at the prompt', async () => {
    const session = atTerminal(['signin', '--login', SEEDED.alice.login]);
    await session.waitFor('Plex password: ');
    session.type('alice-pa\u0003');
    expect(await session.exit).toBe(130);
    expect(session.screen()).not.toContain('alice-pa');
    expect(await fake.requests()).toHaveLength(0);
  });

  it('after signing in, says on stderr how to hand the token to the next command, without repeating it', async () => {
    const session = atTerminal(['signin', '--login', SEEDED.alice.login]);
    await session.waitFor('Plex password: ');
    session.type(`${SEEDED.alice.password}\r`);
    expect(await session.exit).toBe(0);
    const [device] = await fake.devices();
    const afterToken = session.screen().split(device!.token);
    expect(afterToken).toHaveLength(2); // the token is shown once
    const hint = /Signed in as alice;[^\r\n]*\./.exec(afterToken[1]!)?.[0];
    for (const part of ['PLEX_TOKEN', '--token-stdin', 'plex-signin whoami']) expect(hint).toContain(part);
  });

  it('says what was sent when the person presses Ctrl-C at the code prompt', async () => {
    const session = atTerminal(['signin', '--login', SEEDED.bob.login]);
    await session.waitFor('Plex password: ');
    session.type(`${SEEDED.bob.password}\r`);
    await session.waitFor('Verification code');
    session.type('12\u0003');
    expect(await session.exit).toBe(130);
    const last = session.screen().trimEnd().split('\n').pop();
    expect(last).not.toContain('nothing was sent');
    expect(last).toMatch(
      /^plex-signin: Cancelled at the code prompt; [^\n]*password was sent to plex\.tv[^\n]*not signed in[^\n]*\.$/,
    );
    expect(session.screen()).not.toContain(SEEDED.bob.password);
    expect(await fake.devices()).toHaveLength(0);
  });
});
