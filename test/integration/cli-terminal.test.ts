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
  waitFor: (text: string) => Promise<void>;
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
    async waitFor(text) {
      const deadline = Date.now() + 10_000;
      while (!screen.includes(text)) {
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

  it('stops without calling plex.tv when the person presses Ctrl-C at the prompt', async () => {
    const session = atTerminal(['signin', '--login', SEEDED.alice.login]);
    await session.waitFor('Plex password: ');
    session.type('alice-pa\u0003');
    expect(await session.exit).toBe(130);
    expect(session.screen()).not.toContain('alice-pa');
    expect(await fake.requests()).toHaveLength(0);
  });
});
