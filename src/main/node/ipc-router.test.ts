import { describe, expect, it, vi } from 'vitest';
import { IPC, IPC_CHANNELS, type IpcChannel } from '../../shared/ipc-contract';
import { ok } from './ipc-result';
import { createIpcRouter, type IpcHandlers } from './ipc-router';

// The router is the renderer's only way in: whatever it sends (wrong types, huge strings,
// extra or poisonous keys, unknown channels, a foreign sender) gets a result, never an
// exception, and only well-formed calls from a trusted sender reach a handler.

/** One spy per channel of the table, each answering ok: the router's behaviour does not depend on the answers. */
function spyHandlers() {
  return Object.fromEntries(
    IPC_CHANNELS.map((channel) => [channel, vi.fn(async (_request?: unknown) => ok({}))]),
  ) as Record<IpcChannel, ReturnType<typeof vi.fn<(request?: unknown) => Promise<unknown>>>>;
}

function setup() {
  const handlers = spyHandlers();
  const logs: string[] = [];
  const router = createIpcRouter(handlers as unknown as IpcHandlers, (line) => logs.push(line));
  const calledAny = () => Object.values(handlers).some((h) => h.mock.calls.length > 0);
  return { router, handlers, logs, calledAny };
}

const trusted = { trusted: true };
const signIn = { login: 'alice@example.com', password: 'alice-pass-1', rememberMe: true };
const MB = 'x'.repeat(1024 * 1024);

describe('senders and channels', () => {
  it('lists exactly the contract channels', () => {
    expect([...setup().router.channels].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it.each([
    ['untrusted', { trusted: false }],
    ['missing', undefined],
    ['null', null],
    ['truthy but not true', { trusted: 'yes' }],
  ])('refuses a %s sender before looking at anything else', async (_name, sender) => {
    const { router, calledAny } = setup();
    const result = await router.invoke('session:get', undefined, sender as never);
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(calledAny()).toBe(false);
  });

  it.each(['nope', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'session:GET', MB])(
    'refuses the unknown channel %#',
    async (channel) => {
      const { router, calledAny } = setup();
      const result = await router.invoke(channel, undefined, trusted);
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
      if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
      expect(calledAny()).toBe(false);
    },
  );

  it('refuses a channel that is not a string', async () => {
    const { router } = setup();
    expect(await router.invoke(42 as unknown as string, undefined, trusted)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    });
  });
});

describe('channels without a request', () => {
  it.each(IPC_CHANNELS.filter((c) => IPC[c].request.safeParse(undefined).success))(
    '%s takes undefined or null, and nothing else',
    async (channel: IpcChannel) => {
      const { router, handlers } = setup();
      expect((await router.invoke(channel, undefined, trusted)).ok).toBe(true);
      expect((await router.invoke(channel, null, trusted)).ok).toBe(true);
      expect(handlers[channel]).toHaveBeenCalledTimes(2);
      expect(handlers[channel]).toHaveBeenCalledWith(undefined);
      for (const payload of [{}, '', 0, false, [], 'x', { a: 1 }, MB]) {
        expect(await router.invoke(channel, payload, trusted)).toMatchObject({
          ok: false,
          error: { kind: 'invalid-request' },
        });
      }
      expect(handlers[channel]).toHaveBeenCalledTimes(2);
    },
  );
});

describe('session:sign-in payloads', () => {
  it('passes a well-formed request on, as a fresh object', async () => {
    const { router, handlers } = setup();
    const payload = { ...signIn, verificationCode: '123456' };
    expect((await router.invoke('session:sign-in', payload, trusted)).ok).toBe(true);
    expect(handlers['session:sign-in']).toHaveBeenCalledWith(payload);
    expect(handlers['session:sign-in'].mock.calls[0]?.[0]).not.toBe(payload);
  });

  it('accepts a long backup code and the longest allowed fields', async () => {
    const { router } = setup();
    const payload = {
      login: 'l'.repeat(320),
      password: 'p'.repeat(1024),
      rememberMe: false,
      verificationCode: 'c'.repeat(64),
    };
    expect((await router.invoke('session:sign-in', payload, trusted)).ok).toBe(true);
  });

  const bad: Array<[string, unknown]> = [
    ['no payload', undefined],
    ['null', null],
    ['a string', 'alice'],
    ['an array', [signIn]],
    ['a missing login', { password: 'p', rememberMe: true }],
    ['a missing password', { login: 'a', rememberMe: true }],
    ['a missing rememberMe', { login: 'a', password: 'p' }],
    ['an empty login', { ...signIn, login: '' }],
    ['an empty password', { ...signIn, password: '' }],
    ['an empty code', { ...signIn, verificationCode: '' }],
    ['a numeric login', { ...signIn, login: 42 }],
    ['a password object', { ...signIn, password: { toString: 'x' } }],
    ['rememberMe as a string', { ...signIn, rememberMe: 'true' }],
    ['a numeric code', { ...signIn, verificationCode: 123456 }],
    ['a null code', { ...signIn, verificationCode: null }],
    ['a 1 MB login', { ...signIn, login: MB }],
    ['a 1 MB password', { ...signIn, password: MB }],
    ['a 1 MB code', { ...signIn, verificationCode: MB }],
    ['a login one over the limit', { ...signIn, login: 'l'.repeat(321) }],
    ['a password one over the limit', { ...signIn, password: 'p'.repeat(1025) }],
    ['a code one over the limit', { ...signIn, verificationCode: 'c'.repeat(65) }],
    ['an extra key', { ...signIn, admin: true }],
    ['a __proto__ key', JSON.parse(`{"login":"a","password":"p","rememberMe":true,"__proto__":{"admin":true}}`)],
    ['a constructor key', { ...signIn, constructor: { prototype: { admin: true } } }],
    ['inherited fields', Object.create(signIn)],
    [
      'a class instance',
      new (class {
        login = 'a';
        password = 'p';
        rememberMe = true;
      })(),
    ],
  ];

  it.each(bad)('refuses %s', async (_name, payload) => {
    const { router, handlers } = setup();
    const result = await router.invoke('session:sign-in', payload, trusted);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(handlers['session:sign-in']).not.toHaveBeenCalled();
    // The refusal never echoes what was sent (it may be a password).
    expect(JSON.stringify(result)).not.toContain('alice-pass-1');
    expect(JSON.stringify(result).length).toBeLessThan(300);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('app:open-external payloads', () => {
  it.each([
    ['no payload', undefined],
    ['a bare string', 'https://plex.tv'],
    ['a numeric url', { url: 42 }],
    ['an empty url', { url: '' }],
    ['a 1 MB url', { url: `https://plex.tv/${MB}` }],
    ['an extra key', { url: 'https://plex.tv', target: '_blank' }],
  ])('refuses %s', async (_name, payload) => {
    const { router, handlers } = setup();
    expect(await router.invoke('app:open-external', payload, trusted)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    });
    expect(handlers['app:open-external']).not.toHaveBeenCalled();
  });
});

describe('handlers that fail', () => {
  it('turns a thrown error into an internal error without its text', async () => {
    const { router, handlers, logs } = setup();
    handlers['session:get'].mockImplementation(async () => {
      throw new Error('token AbCdEfGhIj1234567890 leaked');
    });
    const result = await router.invoke('session:get', undefined, trusted);
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('AbCdEfGhIj');
    expect(logs.join('\n')).not.toContain('AbCdEfGhIj');
    expect(logs.join('\n')).toContain('session:get');
  });

  it('turns a thrown non-error and a synchronous throw into an internal error', async () => {
    const { router, handlers } = setup();
    handlers['token:copy'].mockImplementation(() => {
      throw 'secret string';
    });
    const result = await router.invoke('token:copy', undefined, trusted);
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret string');
  });

  it('never throws, even for a sender that throws when read', async () => {
    const { router } = setup();
    const sender = {
      get trusted(): boolean {
        throw new Error('boom');
      },
    };
    await expect(router.invoke('session:get', undefined, sender)).resolves.toMatchObject({
      ok: false,
      error: { kind: 'internal' },
    });
  });
});

describe('pin:start payloads', () => {
  it('takes a mode of browser or link and a rememberMe flag, and nothing else', async () => {
    const { router, handlers } = setup();
    expect((await router.invoke('pin:start', { mode: 'link', rememberMe: true }, trusted)).ok).toBe(true);
    for (const payload of [
      { mode: 'sms', rememberMe: true },
      { mode: 'browser' },
      { mode: 'browser', rememberMe: 'yes' },
      { mode: 'browser', rememberMe: true, url: 'https://evil.example' },
      JSON.parse('{"mode":"link","rememberMe":true,"__proto__":{"polluted":true}}') as unknown,
      undefined,
      MB,
    ]) {
      expect(await router.invoke('pin:start', payload, trusted)).toMatchObject({
        ok: false,
        error: { kind: 'invalid-request' },
      });
    }
    expect(handlers['pin:start']).toHaveBeenCalledTimes(1);
  });
});

describe('payloads that throw when read', () => {
  // Nothing IPC's structured clone lets through, but a bridge might: the caller's fault,
  // so `invalid-request` (not `internal`), and no handler runs.
  it.each([
    [
      'a throwing getter',
      {
        get login(): string {
          throw new Error('getter');
        },
        password: 'p',
        rememberMe: true,
      },
    ],
    [
      'a proxy whose prototype trap throws',
      new Proxy(
        {},
        {
          getPrototypeOf() {
            throw new Error('trap');
          },
        },
      ),
    ],
    [
      'a proxy whose key trap throws',
      new Proxy(
        { ...signIn },
        {
          ownKeys() {
            throw new Error('trap');
          },
        },
      ),
    ],
  ])('refuses %s as invalid-request', async (_name, payload) => {
    const { router, calledAny } = setup();
    const result = await router.invoke('session:sign-in', payload, trusted);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(calledAny()).toBe(false);
  });
});
