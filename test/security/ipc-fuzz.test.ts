import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { type AppCore, createAppCore } from '../../src/main/node/app-core';
import { type IpcChannel, IPC_CHANNELS, LIMITS } from '../../src/shared/ipc-contract';
import { codePoints, matchesShape, type RequestShape, requestShape, validRequest } from './request-shapes';
import type { IpcResult } from '../../src/shared/ipc-views';
import { SEEDED } from '../../testing/seeded-accounts';
import { createJsonFileStore, createMemoryClipboard, createTestEncryptor } from '../../testing/main-doubles';

// Hostile payloads at every IPC handler of the real app core (real store, encryptor and
// clipboard doubles, real HTTP to the fake plex.tv): wrong types, prototype-pollution keys,
// megabyte strings, odd unicode, deep nesting, valid-looking requests with one field
// broken, extra keys, objects that throw when read. Every call must resolve (never
// reject) to an `invalid-request` result; none may reach plex.tv, open a browser, touch
// the clipboard or the settings file; Object.prototype must come out untouched. And a
// sender that is not the app's own window gets `forbidden` for every channel, even with
// a perfectly valid request.
//
// Every channel of the IPC table is fuzzed. Whether a payload is valid is decided by plain
// checks of the shape each schema declares (request-shapes.ts), not by zod's parser, so a
// schema that parses more than it declares shows up as a request reaching the fake.

const NUM_RUNS = Number(process.env['IPC_FUZZ_RUNS'] ?? 200);
const SEED = process.env['IPC_FUZZ_SEED'] === undefined ? undefined : Number(process.env['IPC_FUZZ_SEED']);
const fcOptions = { numRuns: NUM_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };
const MALFORMED = 'The request was not in the form Plex Sign-In expects, so it was refused.';
const UNKNOWN = 'Plex Sign-In does not know this request.';

// ---------------------------------------------------------------------------------------
// The oracle: what each channel accepts, read off the IPC table (request-shapes.ts).

const SHAPES = Object.fromEntries(IPC_CHANNELS.map((channel) => [channel, requestShape(channel)])) as Record<
  IpcChannel,
  RequestShape
>;

function isValid(channel: IpcChannel, payload: unknown): boolean {
  try {
    return matchesShape(SHAPES[channel], payload);
  } catch {
    return false; // a payload that throws when read is no request
  }
}

// ---------------------------------------------------------------------------------------
// Generators.

const anything = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

/** Strings a parser might trip on: lone surrogates, RTL marks, NULs, emoji, combining marks. */
const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e', 'e\u0301', '🔑'.repeat(3), '\ufeff', '%00', '../../', '${x}'),
);

/** Longer than `limit` code points, sometimes by a megabyte. */
const oversized = (limit: number) =>
  fc
    .tuple(
      fc.constantFrom('x', 'é', '🔑', '\u0000', 'ab'),
      fc.oneof(fc.integer({ min: limit + 1, max: limit + 64 }), fc.constantFrom(1024 * 1024 + 1, 1_200_000)),
    )
    .map(([unit, length]) => unit.repeat(Math.ceil(length / codePoints(unit))));

const hugeString = oversized(LIMITS.url); // longer than any bound in the table

/** Arrays or objects nested up to a few thousand levels deep. */
const deeplyNested = fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'core';
  for (let i = 0; i < depth; i += 1) value = arrays ? [value] : { a: value };
  return value;
});

const POISON_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];

/**
 * An object parsed from JSON text, so `__proto__` becomes an own key (as it would arriving
 * from a JSON bridge) rather than setting the prototype.
 */
function fromJson(entries: [string, unknown][]): Record<string, unknown> {
  const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x)) ?? 'null';
  const text = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${json(v)}`).join(',')}}`;
  return JSON.parse(text) as Record<string, unknown>;
}

const poisonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant({ polluted: 'yes', isAdmin: true }),
  fc.constant({ prototype: { polluted: 'yes' } }),
);

/** Objects that throw, lie or are not data at all: nothing IPC's structured clone passes on. */
const exotic = fc.constantFrom<() => unknown>(
  () => ({
    get login() {
      throw new Error('getter');
    },
    password: 'p',
    rememberMe: true,
  }),
  () =>
    new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    ),
  () =>
    new Proxy(
      { url: 'https://www.plex.tv/' },
      {
        ownKeys() {
          throw new Error('trap');
        },
        get() {
          throw new Error('trap');
        },
      },
    ),
  () => ({
    [Symbol.toPrimitive]() {
      throw new Error('toPrimitive');
    },
    toString() {
      throw new Error('toString');
    },
  }),
  () => () => 'a function',
  () =>
    new (class Request {
      url = 'https://www.plex.tv/';
    })(),
  () => Object.assign(Object.create({ rememberMe: true, mode: 'link' }) as object, {}),
  () => Promise.resolve({ mode: 'link', rememberMe: true }),
  () => new Error('an error'),
  () => Buffer.from('{"mode":"link","rememberMe":true}'),
  () => /regexp/g,
  () => new WeakMap(),
  () => Symbol('s'),
  () => 10n ** 30n,
  () => Object.freeze(Object.assign([], { mode: 'link', rememberMe: true })),
);

/** A payload the contract accepts for `channel`. */
function validPayload(channel: IpcChannel): fc.Arbitrary<unknown> {
  return validRequest(SHAPES[channel]);
}

/** A valid request with exactly one thing wrong: a field's type or size, a missing or extra key. */
function oneFieldBroken(channel: IpcChannel, shape: NonNullable<RequestShape>): fc.Arbitrary<unknown> {
  const fields = Object.keys(shape);
  const wrongType = fc.oneof(
    anything,
    fc.constantFrom(null, undefined, 0, -1, NaN, true, '', [], {}, ['x'], new String('x'), Object.create(null)),
  );
  const maxOf = (key: string) => shape[key]?.maxLength ?? 16;
  return fc
    .tuple(validPayload(channel), fc.constantFrom(...fields), fc.nat({ max: 4 }), wrongType, fc.string(), anything)
    .chain(([base, field, how, wrong, extraKey, extraValue]) => {
      const request = { ...(base as Record<string, unknown>) };
      switch (how) {
        case 0: // wrong type
          request[field] = wrong;
          return fc.constant(request);
        case 1: // empty, or too long
          return fc.oneof(fc.constant(''), oversized(maxOf(field))).map((s) => ({ ...request, [field]: s }));
        case 2: // a required key missing
          delete request[field];
          return fc.constant(request);
        case 3: // one key too many (the name may be a poison key, set as an own property)
          return fc
            .oneof(fc.constant(extraKey), fc.constantFrom(...POISON_KEYS))
            .map((key) => fromJson([...Object.entries(request), [key, extraValue ?? null]]));
        default: // an odd-unicode value where an enum or boolean belongs, or a lone surrogate pile
          return oddString.map((s) => ({ ...request, [field]: typeof request[field] === 'string' ? [s] : s }));
      }
    });
}

/** Everything hostile for `channel`, minus the (rare) payloads that happen to be valid. */
function invalidPayload(channel: IpcChannel): fc.Arbitrary<unknown> {
  const shape = SHAPES[channel];
  const poisoned = fc
    .tuple(
      fc.uniqueArray(fc.constantFrom(...POISON_KEYS), { minLength: 1, maxLength: 3 }),
      fc.array(poisonValue, { minLength: 3, maxLength: 3 }),
      validPayload(channel),
    )
    .map(([keys, values, base]) =>
      fromJson([
        ...Object.entries(typeof base === 'object' && base !== null ? base : {}),
        ...keys.map((k, i): [string, unknown] => [k, values[i]]),
      ]),
    );
  const families: fc.Arbitrary<unknown>[] = [
    anything,
    poisoned,
    hugeString,
    hugeString.map((s) => (shape ? Object.fromEntries(Object.keys(shape).map((k) => [k, s])) : { value: s })),
    oddString,
    deeplyNested,
    deeplyNested.map((nested) => (shape ? Object.fromEntries(Object.keys(shape).map((k) => [k, nested])) : [nested])),
    exotic.map((make) => make()),
  ];
  if (shape) families.push(oneFieldBroken(channel, shape), oneFieldBroken(channel, shape));
  return fc.oneof(...families).filter((payload) => !isValid(channel, payload));
}

// ---------------------------------------------------------------------------------------

let fake: FakeHandle;
let dir: string;
beforeAll(async () => {
  fake = await useFakePlex();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-signin-fuzz-'));
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Harness {
  core: AppCore;
  opened: string[];
  clipboard: ReturnType<typeof createMemoryClipboard>;
  storeFile: string;
}

function harness(name: string): Harness {
  const storeFile = path.join(dir, `${name}.json`);
  const clipboard = createMemoryClipboard();
  const opened: string[] = [];
  const core = createAppCore({
    apiUrl: fake.apiUrl,
    store: createJsonFileStore(storeFile),
    encryptor: createTestEncryptor({ key: randomBytes(32) }),
    clipboard,
    openInBrowser: async (url) => {
      opened.push(url);
    },
    // Quick to fail if anything did go out.
    timeoutMs: 2_000,
  });
  return { core, opened, clipboard, storeFile };
}

/** Own properties of the built-in prototypes, to see that nothing was added or changed. */
function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((proto) =>
      Reflect.ownKeys(proto)
        .map((key) => {
          const d = Object.getOwnPropertyDescriptor(proto, key)!;
          return `${String(key)}:${typeof d.value}:${String(d.writable)}:${String(d.get !== undefined)}`;
        })
        .sort()
        .join(','),
    )
    .join('|');
}

const requests = async () => (await fake.requests()).map((r) => `${r.method} ${r.path}`);
const CLIPBOARD_SENTINEL = 'what the user copied';

describe('every handler, hostile payloads from the trusted window', () => {
  let h: Harness;
  let storeBefore: string;
  const before = prototypeSnapshot();
  beforeAll(() => {
    h = harness('trusted');
    h.clipboard.writeText(CLIPBOARD_SENTINEL);
    storeBefore = fs.readFileSync(h.storeFile, 'utf8');
  });
  afterAll(() => h.core.dispose());
  beforeEach(() => fake.reset());

  it('the oracle agrees with the contract on known cases', () => {
    const ok = { login: 'a', password: 'b', rememberMe: true };
    expect(isValid('session:sign-in', ok)).toBe(true);
    expect(isValid('session:sign-in', { ...ok, verificationCode: undefined })).toBe(true);
    expect(isValid('session:sign-in', Object.assign(Object.create(null) as object, ok))).toBe(true);
    expect(isValid('session:sign-in', fromJson([...Object.entries(ok), ['__proto__', {}]]))).toBe(false);
    expect(isValid('session:sign-in', { ...ok, login: 'x'.repeat(321) })).toBe(false);
    expect(isValid('session:sign-in', { ...ok, login: '🔑'.repeat(320) })).toBe(true); // 640 UTF-16 units
    expect(isValid('session:sign-in', { ...ok, login: '🔑'.repeat(321) })).toBe(false);
    expect(isValid('session:get', null)).toBe(true);
    expect(isValid('session:get', {})).toBe(false);
    expect(isValid('pin:start', { mode: 'link', rememberMe: false })).toBe(true);
    expect(isValid('pin:start', { mode: 'LINK', rememberMe: false })).toBe(false);
  });

  it.each(IPC_CHANNELS)(
    '%s: every invalid payload is refused as invalid-request, and nothing goes out',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(invalidPayload(channel), async (payload) => {
          let result: IpcResult<unknown>;
          try {
            result = await h.core.invoke(channel, payload, { trusted: true });
          } catch (error) {
            throw new Error('invoke rejected instead of resolving to a result', { cause: error });
          }
          expect(result).toEqual({ ok: false, error: { kind: 'invalid-request', message: MALFORMED } });
          expect(await requests()).toEqual([]);
        }),
        fcOptions,
      );
      // Nothing late either: no request was merely slow to show up.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await requests()).toEqual([]);
      expect(h.opened).toEqual([]);
      expect(h.clipboard.readText()).toBe(CLIPBOARD_SENTINEL);
      expect(fs.readFileSync(h.storeFile, 'utf8')).toBe(storeBefore);
      expect(prototypeSnapshot()).toBe(before);
    },
  );

  it('channel names outside the contract (and non-strings) are refused, whatever the payload', async () => {
    const channel = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'SESSION:GET',
        ' session:get',
        'session:get\u0000',
      ),
      hugeString,
      anything.filter((c) => typeof c !== 'string'),
    );
    await fc.assert(
      fc.asyncProperty(
        channel.filter((c) => !(IPC_CHANNELS as unknown[]).includes(c)),
        anything,
        async (name, payload) => {
          const result = await h.core.invoke(name as string, payload, { trusted: true });
          expect(result).toEqual({ ok: false, error: { kind: 'invalid-request', message: UNKNOWN } });
        },
      ),
      fcOptions,
    );
    expect(await requests()).toEqual([]);
  });

  it('leaves Object.prototype and the other built-in prototypes untouched', () => {
    expect(prototypeSnapshot()).toBe(before);
    const probe = {} as Record<string, unknown>;
    for (const key of ['polluted', 'isAdmin', 'login', 'password', 'url', 'mode', 'rememberMe']) {
      expect(probe[key]).toBeUndefined();
    }
  });

  it('still works afterwards: a valid request from the window is served', async () => {
    expect(await h.core.invoke('session:get', undefined, { trusted: true })).toEqual({
      ok: true,
      value: { signedIn: false, notice: null },
    });
  });
});

describe('every handler, valid payloads from a sender that is not the app’s window', () => {
  let h: Harness;
  let storeSignedIn: string;
  beforeAll(async () => {
    h = harness('untrusted');
    // Signed in, so that copying, revoking and signing out would each do something.
    const signedIn = await h.core.invoke(
      'session:sign-in',
      { login: SEEDED.alice.login, password: SEEDED.alice.password, rememberMe: true },
      { trusted: true },
    );
    expect(signedIn).toMatchObject({ ok: true, value: { status: 'signed-in' } });
    h.clipboard.writeText(CLIPBOARD_SENTINEL);
    storeSignedIn = fs.readFileSync(h.storeFile, 'utf8');
  });
  afterAll(() => h.core.dispose());
  beforeEach(() => fake.reset());

  const senders = fc.constantFrom<unknown>(
    { trusted: false },
    {},
    null,
    undefined,
    { trusted: 'true' },
    { trusted: 1 },
    { trusted: [true] },
    { trusted: new Boolean(true) },
    'trusted',
    true,
  );

  it.each(IPC_CHANNELS)('%s: forbidden, and nothing goes out', async (channel) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(validPayload(channel), validPayload(channel)), senders, async (payload, sender) => {
        const result = await h.core.invoke(channel, payload, sender as { trusted: boolean });
        expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
        expect(await requests()).toEqual([]);
      }),
      { ...fcOptions, numRuns: Math.max(10, Math.round(NUM_RUNS / 3)) },
    );
    expect(h.opened).toEqual([]);
    expect(h.clipboard.readText()).toBe(CLIPBOARD_SENTINEL);
    expect(fs.readFileSync(h.storeFile, 'utf8')).toBe(storeSignedIn);
  });

  it('the seeded sign-in itself is refused too, and the session is still there', async () => {
    const result = await h.core.invoke(
      'session:sign-in',
      { login: SEEDED.alice.login, password: SEEDED.alice.password, rememberMe: true },
      { trusted: false },
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await h.core.invoke('session:get', undefined, { trusted: true })).toMatchObject({
      ok: true,
      value: { signedIn: true },
    });
    expect(await requests()).toEqual([]);
  });
});
