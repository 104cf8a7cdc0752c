// The fake plex.tv against its contract (docs/plex-api.md §6), over real HTTP. Runs against
// an in-process fake, or against the server PLEX_FAKE_URL names.

import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useFakePlex, type FakeHandle } from './control';

const CLIENT = 'fake-plex-test-client-1';
const OTHER_CLIENT = 'fake-plex-test-client-2';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20}$/;
const JSON_TYPE = 'application/json; charset=utf-8';
const XML_TYPE = 'application/xml; charset=utf-8';
const BOB_CODE = '123456';
const BOB_BACKUP_CODE = '4f7k9m2q8x3c5v1b';

let fake: FakeHandle;

beforeAll(async () => {
  fake = await useFakePlex();
});

afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  await fake.reset();
});

// --- helpers ---------------------------------------------------------------------

interface CallOptions {
  method?: string;
  /** The client identifier header; null sends none. */
  clientId?: string | null;
  token?: string;
  /** A form body: fields, or an already-encoded string. */
  form?: Record<string, string> | string;
  /** Leave out `Accept: application/json`, so the fake answers XML. */
  xml?: boolean;
  headers?: Record<string, string>;
}

interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

interface PlexErrorItem {
  code: number;
  message: string;
  status: number;
}

interface Account {
  id: number;
  uuid: string;
  username: string;
  title: string;
  friendlyName: string;
  email: string;
  authToken: string;
  joinedAt: number;
  hasPassword: boolean;
  twoFactorEnabled: boolean;
  roles?: string[];
  subscription?: { active: boolean; status: string };
  pastSubscriptions?: unknown[];
  trials?: unknown[];
}

interface Pin {
  id: number;
  code: string;
  product: string | null;
  trusted: boolean;
  clientIdentifier: string;
  expiresIn: number;
  createdAt: string;
  expiresAt: string;
  authToken: string | null;
  qr: string;
}

/** Calls `${apiUrl}${path}` as a well-behaved client would, unless told otherwise. */
async function plex(path: string, opts: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (!opts.xml) headers['Accept'] = 'application/json';
  const clientId = opts.clientId === undefined ? CLIENT : opts.clientId;
  if (clientId !== null) headers['X-Plex-Client-Identifier'] = clientId;
  if (opts.token !== undefined) headers['X-Plex-Token'] = opts.token;
  let body: string | undefined;
  if (opts.form !== undefined) {
    body = typeof opts.form === 'string' ? opts.form : new URLSearchParams(opts.form).toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  const response = await fetch(fake.apiUrl + path, {
    method: opts.method ?? 'GET',
    headers: { ...headers, ...opts.headers },
    body,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function json<T>(reply: Reply): T {
  expect(reply.headers.get('content-type')).toBe(JSON_TYPE);
  return JSON.parse(reply.text) as T;
}

/** Asserts a JSON plex.tv error and returns its only item. */
function plexError(reply: Reply, status: number, code: number): PlexErrorItem {
  const body = json<{ errors: PlexErrorItem[] }>(reply);
  expect(reply.status).toBe(status);
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]).toMatchObject({ code, status });
  return body.errors[0] as PlexErrorItem;
}

function signIn(
  login: string,
  password: string,
  extra: { verificationCode?: string; clientId?: string; xml?: boolean; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const form: Record<string, string> = { login, password, rememberMe: 'true' };
  if (extra.verificationCode !== undefined) form['verificationCode'] = extra.verificationCode;
  return plex('/users/signin', {
    method: 'POST',
    form,
    clientId: extra.clientId ?? CLIENT,
    xml: extra.xml ?? false,
    headers: extra.headers ?? {},
  });
}

/** Signs in (expecting 201) and returns the new token. */
async function tokenFor(
  login: string,
  password: string,
  clientId = CLIENT,
  verificationCode?: string,
): Promise<string> {
  const reply = await signIn(
    login,
    password,
    verificationCode === undefined ? { clientId } : { clientId, verificationCode },
  );
  expect(reply.status).toBe(201);
  const token = json<Account>(reply).authToken;
  expect(token).toMatch(TOKEN_SHAPE);
  return token;
}

async function userFor(token: string): Promise<Reply> {
  return plex('/user', { token });
}

async function createPin(opts: { strong?: boolean; clientId?: string } = {}): Promise<Pin> {
  const reply = await plex(opts.strong ? '/pins?strong=true' : '/pins', {
    method: 'POST',
    clientId: opts.clientId ?? CLIENT,
    headers: { 'X-Plex-Product': 'Plex Sign-In' },
  });
  expect(reply.status).toBe(201);
  return json<Pin>(reply);
}

/** Raw HTTP, for bodies sent in chosen pieces. Resolves with status and body text. */
function rawPost(path: string, headers: Record<string, string>, pieces: Buffer[]): Promise<Reply> {
  const url = new URL(fake.apiUrl + path);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const replyHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') replyHeaders.set(name, value);
          }
          resolve({ status: res.statusCode ?? 0, headers: replyHeaders, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const writeNext = (index: number): void => {
      const piece = pieces[index];
      if (piece === undefined) {
        req.end();
        return;
      }
      req.write(piece);
      setTimeout(() => writeNext(index + 1), 20);
    };
    writeNext(0);
  });
}

// --- client identifier and format --------------------------------------------------

describe('client identifier', () => {
  const endpoints = [
    ['POST', '/users/signin'],
    ['GET', '/user'],
    ['DELETE', '/users/signout'],
    ['GET', '/ping'],
    ['POST', '/pins'],
    ['GET', '/pins/1'],
    ['PUT', '/pins/link'],
    ['GET', '/no/such/route'],
  ] as const;

  it.each(endpoints)('%s %s without one answers 400/1000', async (method, path) => {
    const reply = await plex(path, { method, clientId: null });
    expect(plexError(reply, 400, 1000).message).toBe('X-Plex-Client-Identifier is missing');
  });

  it('an empty header counts as missing', async () => {
    plexError(await plex('/pins', { method: 'POST', clientId: '' }), 400, 1000);
  });

  it('is checked before the token', async () => {
    const token = await tokenFor('alice', 'alice-pass-1');
    plexError(await plex('/user', { token, clientId: null }), 400, 1000);
  });

  it('is accepted from the query string', async () => {
    const query = `?X-Plex-Client-Identifier=${CLIENT}`;
    const pin = json<Pin>(await plex(`/pins${query}`, { method: 'POST', clientId: null }));
    expect(pin.clientIdentifier).toBe(CLIENT);

    const reply = await plex(`/users/signin${query}`, {
      method: 'POST',
      clientId: null,
      form: { login: 'alice', password: 'alice-pass-1' },
    });
    expect(reply.status).toBe(201);
    const devices = await fake.devices();
    expect(devices.map((d) => d.clientIdentifier)).toEqual([CLIENT]);
  });
});

describe('answer format', () => {
  it('is JSON when Accept contains application/json', async () => {
    const reply = await plex('/users/signin', {
      method: 'POST',
      form: { login: 'alice', password: 'alice-pass-1' },
      headers: { Accept: 'application/xml;q=0.9, application/json' },
    });
    expect(reply.status).toBe(201);
    expect(json<Account>(reply).username).toBe('alice');
  });

  it('is XML otherwise, for an account', async () => {
    const reply = await signIn('alice', 'alice-pass-1', { xml: true });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('content-type')).toBe(XML_TYPE);
    expect(reply.text).toMatch(/<user\s/);
    expect(reply.text).toContain('username="alice"');
    expect(reply.text).toMatch(/authToken="[A-Za-z0-9_-]{20}"/);
  });

  it.each([
    ['no Accept', {}],
    ['Accept: application/xml', { Accept: 'application/xml' }],
    ['Accept: text/html', { Accept: 'text/html' }],
  ])('is XML for errors with %s', async (_label, headers) => {
    const reply = await plex('/users/signin', {
      method: 'POST',
      xml: true,
      headers,
      form: { login: 'alice', password: 'wrong' },
    });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toBe(XML_TYPE);
    expect(reply.text).toMatch(/<errors>\s*<error\s[^>]*\/>\s*<\/errors>/);
    expect(reply.text).toContain('code="1001"');
    expect(reply.text).toContain('status="401"');
    expect(reply.text).toContain('message="User could not be authenticated"');
  });

  it('is XML for a missing client identifier and for a 2FA prompt', async () => {
    const missing = await plex('/user', { clientId: null, xml: true });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('code="1000"');

    const twoFactor = await signIn('bob', 'bob-pass-2', { xml: true });
    expect(twoFactor.status).toBe(401);
    expect(twoFactor.headers.get('content-type')).toBe(XML_TYPE);
    expect(twoFactor.text).toContain('code="1029"');
  });

  it('JSON errors have exactly the §4 shape', async () => {
    const reply = await signIn('bob', 'bob-pass-2');
    expect(JSON.parse(reply.text)).toEqual({
      errors: [{ code: 1029, message: 'Please enter the verification code', status: 401 }],
    });
  });

  it('every answer carries a Content-Length matching its body', async () => {
    const reply = await signIn('alice', 'alice-pass-1');
    expect(Number(reply.headers.get('content-length'))).toBe(Buffer.byteLength(reply.text));
  });
});

// --- sign-in -----------------------------------------------------------------------

describe('POST /users/signin', () => {
  const seeded = [
    { login: 'alice@example.com', password: 'alice-pass-1', username: 'alice', code: undefined },
    { login: 'alice', password: 'alice-pass-1', username: 'alice', code: undefined },
    { login: 'bob@example.com', password: 'bob-pass-2', username: 'bob', code: BOB_CODE },
    { login: 'bob', password: 'bob-pass-2', username: 'bob', code: BOB_CODE },
  ];

  it.each(seeded)('signs in $login', async ({ login, password, username, code }) => {
    const reply = await signIn(login, password, code === undefined ? {} : { verificationCode: code });
    expect(reply.status).toBe(201);
    const account = json<Account>(reply);
    expect(account).toMatchObject({
      username,
      email: `${username}@example.com`,
      hasPassword: true,
      twoFactorEnabled: username === 'bob',
    });
    expect(Number.isInteger(account.id)).toBe(true);
    expect(typeof account.uuid).toBe('string');
    expect(typeof account.title).toBe('string');
    expect(typeof account.friendlyName).toBe('string');
    expect(Number.isInteger(account.joinedAt)).toBe(true);
    expect(account.authToken).toMatch(TOKEN_SHAPE);
    expect(Array.isArray(account.pastSubscriptions)).toBe(true);
    expect(Array.isArray(account.trials)).toBe(true);
  });

  it('matches the login case-insensitively', async () => {
    expect((await signIn('ALICE@Example.COM', 'alice-pass-1')).status).toBe(201);
    expect((await signIn('Alice', 'alice-pass-1')).status).toBe(201);
  });

  it('alice has Plex Pass, bob has not', async () => {
    const alice = json<Account>(await signIn('alice', 'alice-pass-1'));
    expect(alice.subscription?.active).toBe(true);
    expect(alice.roles).toContain('plexpass');

    const bob = json<Account>(await signIn('bob', 'bob-pass-2', { verificationCode: BOB_CODE }));
    expect(bob.subscription?.active ?? false).toBe(false);
    expect(bob.roles ?? []).not.toContain('plexpass');
  });

  it.each([
    ['a wrong password', 'alice', 'alice-pass-2'],
    ['an unknown login', 'mallory@example.com', 'alice-pass-1'],
    ['an empty password', 'alice', ''],
    ['an empty login', '', 'alice-pass-1'],
    ['carol with no password', 'carol', ''],
    ['carol with some password', 'carol@example.com', 'carol-pass-3'],
    ["carol with alice's password", 'carol', 'alice-pass-1'],
  ])('answers 401/1001 for %s', async (_label, login, password) => {
    const error = plexError(await signIn(login, password), 401, 1001);
    expect(error.message).toBe('User could not be authenticated');
  });

  it('answers 401/1001 when the password field is missing', async () => {
    plexError(await plex('/users/signin', { method: 'POST', form: { login: 'alice' } }), 401, 1001);
  });

  describe('bob (2FA)', () => {
    it('without a code: 401/1029', async () => {
      const error = plexError(await signIn('bob', 'bob-pass-2'), 401, 1029);
      expect(error.message).toBe('Please enter the verification code');
      plexError(await signIn('bob', 'bob-pass-2', { verificationCode: '' }), 401, 1029);
    });

    it('with a wrong code: 401/1028', async () => {
      const error = plexError(await signIn('bob', 'bob-pass-2', { verificationCode: '654321' }), 401, 1028);
      expect(error.message).toBe('Invalid verification code');
    });

    it('with a wrong password and a right code: 401/1001', async () => {
      plexError(await signIn('bob', 'bob-pass-1', { verificationCode: BOB_CODE }), 401, 1001);
    });

    it.each([
      ['the current code', BOB_CODE],
      ['the backup code', BOB_BACKUP_CODE],
    ])('with %s: 201', async (_label, code) => {
      const reply = await signIn('bob', 'bob-pass-2', { verificationCode: code });
      expect(reply.status).toBe(201);
      expect(json<Account>(reply).twoFactorEnabled).toBe(true);
    });
  });

  describe('lock-out after five failures', () => {
    it('wrong passwords (1001) lock out even the right password, until reset', async () => {
      for (let i = 0; i < 5; i++) plexError(await signIn('alice', `wrong-${i}`), 401, 1001);
      const error = plexError(await signIn('alice', 'alice-pass-1'), 401, 1031);
      expect(error.message).toMatch(/^User could not be authenticated\. This IP appears/);
      plexError(await signIn('bob', 'bob-pass-2', { verificationCode: BOB_CODE, clientId: OTHER_CLIENT }), 401, 1031);

      await fake.reset();
      expect((await signIn('alice', 'alice-pass-1')).status).toBe(201);
    });

    it('wrong codes (1028) count too, and so does a mix', async () => {
      for (let i = 0; i < 3; i++)
        plexError(await signIn('bob', 'bob-pass-2', { verificationCode: '000000' }), 401, 1028);
      for (let i = 0; i < 2; i++) plexError(await signIn('nobody', 'x'), 401, 1001);
      plexError(await signIn('bob', 'bob-pass-2', { verificationCode: BOB_CODE }), 401, 1031);
    });

    it('four failures do not lock out', async () => {
      for (let i = 0; i < 4; i++) plexError(await signIn('alice', 'wrong'), 401, 1001);
      expect((await signIn('alice', 'alice-pass-1')).status).toBe(201);
    });

    it('a missing 2FA code (1029) does not count', async () => {
      for (let i = 0; i < 6; i++) plexError(await signIn('bob', 'bob-pass-2'), 401, 1029);
      expect((await signIn('alice', 'alice-pass-1')).status).toBe(201);
    });
  });
});

// --- tokens --------------------------------------------------------------------------

describe('tokens', () => {
  it('are 20 characters of [A-Za-z0-9_-] and differ each time', async () => {
    const first = await tokenFor('alice', 'alice-pass-1', CLIENT);
    const second = await tokenFor('alice', 'alice-pass-1', OTHER_CLIENT);
    expect(first).toMatch(TOKEN_SHAPE);
    expect(second).toMatch(TOKEN_SHAPE);
    expect(first).not.toBe(second);
  });

  it('signing in again with the same client identifier replaces the old token', async () => {
    const old = await tokenFor('alice', 'alice-pass-1');
    const fresh = await tokenFor('alice@example.com', 'alice-pass-1');
    plexError(await userFor(old), 401, 1001);
    expect((await userFor(fresh)).status).toBe(200);
  });

  it('signing in with another client identifier leaves the first token alive', async () => {
    const first = await tokenFor('alice', 'alice-pass-1', CLIENT);
    const second = await tokenFor('alice', 'alice-pass-1', OTHER_CLIENT);
    expect((await userFor(first)).status).toBe(200);
    expect((await userFor(second)).status).toBe(200);
  });

  it('are per account: two accounts on one client identifier both stay alive', async () => {
    const alice = await tokenFor('alice', 'alice-pass-1');
    const bob = await tokenFor('bob', 'bob-pass-2', CLIENT, BOB_CODE);
    expect(json<Account>(await userFor(alice)).username).toBe('alice');
    expect(json<Account>(await userFor(bob)).username).toBe('bob');
  });
});

describe('GET /user', () => {
  it('answers the account of a live token', async () => {
    const token = await tokenFor('bob', 'bob-pass-2', CLIENT, BOB_CODE);
    const reply = await userFor(token);
    expect(reply.status).toBe(200);
    expect(json<Account>(reply)).toMatchObject({
      username: 'bob',
      email: 'bob@example.com',
      authToken: token,
      twoFactorEnabled: true,
      hasPassword: true,
    });
  });

  it('accepts the token from the query string too', async () => {
    const token = await tokenFor('alice', 'alice-pass-1');
    expect((await plex(`/user?X-Plex-Token=${token}`)).status).toBe(200);
  });

  it('answers 401/1001 without a token or for an unknown one', async () => {
    plexError(await plex('/user'), 401, 1001);
    plexError(await userFor('AAAAAAAAAAAAAAAAAAAA'), 401, 1001);
  });

  it('answers 401/1001 in XML for a dead token without Accept', async () => {
    const reply = await plex('/user', { token: 'AAAAAAAAAAAAAAAAAAAA', xml: true });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toBe(XML_TYPE);
    expect(reply.text).toContain('code="1001"');
  });
});

describe('DELETE /users/signout', () => {
  it('answers 204 and kills the token', async () => {
    const token = await tokenFor('alice', 'alice-pass-1');
    const reply = await plex('/users/signout', { method: 'DELETE', token });
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    plexError(await userFor(token), 401, 1001);
    plexError(await plex('/users/signout', { method: 'DELETE', token }), 401, 1001);
    expect(await fake.devices()).toEqual([]);
  });
});

describe('GET /ping', () => {
  it('answers 200 {"pong":true} for a live token, 401/1001 otherwise', async () => {
    const token = await tokenFor('alice', 'alice-pass-1');
    const reply = await plex('/ping', { token });
    expect(reply.status).toBe(200);
    expect(json<unknown>(reply)).toEqual({ pong: true });

    plexError(await plex('/ping'), 401, 1001);
    await fake.revoke(token);
    plexError(await plex('/ping', { token }), 401, 1001);
  });
});

// --- pins ----------------------------------------------------------------------------

describe('pins', () => {
  it('a strong pin has a 25-character lower-case code and lives 1800 s', async () => {
    const pin = await createPin({ strong: true });
    expect(pin.code).toMatch(/^[a-z0-9]{25}$/);
    expect(pin.expiresIn).toBe(1800);
    expect(pin).toMatchObject({ product: 'Plex Sign-In', trusted: false, clientIdentifier: CLIENT, authToken: null });
    expect(Number.isInteger(pin.id)).toBe(true);
    expect(pin.qr).toBe(`https://plex.tv/api/v2/pins/qr/${pin.code}`);
    const lifetime = Date.parse(pin.expiresAt) - Date.parse(pin.createdAt);
    expect(Math.abs(lifetime - 1800_000)).toBeLessThan(1000);
  });

  it('a short pin has a 4-character upper-case code and lives 900 s', async () => {
    const pin = await createPin();
    expect(pin.code).toMatch(/^[A-Z0-9]{4}$/);
    expect(pin.expiresIn).toBe(900);
    expect(pin.authToken).toBeNull();
  });

  it('each pin gets its own id', async () => {
    const first = await createPin();
    const second = await createPin({ strong: true });
    expect(second.id).not.toBe(first.id);
  });

  it('GET /pins/{id} answers the creator, and 404/1020 to anyone else or for an unknown id', async () => {
    const pin = await createPin({ strong: true });
    const mine = await plex(`/pins/${pin.id}`);
    expect(mine.status).toBe(200);
    expect(json<Pin>(mine)).toMatchObject({ id: pin.id, code: pin.code, authToken: null });

    const error = plexError(await plex(`/pins/${pin.id}`, { clientId: OTHER_CLIENT }), 404, 1020);
    expect(error.message).toBe('Code not found or expired');
    plexError(await plex(`/pins/${pin.id + 1000}`), 404, 1020);
    plexError(await plex('/pins/not-a-number'), 404, 1020);
  });

  it('a claimed pin carries a live token for that account, bound to the pin creator', async () => {
    const pin = await createPin({ strong: true, clientId: OTHER_CLIENT });
    await fake.claimPin(pin.id, 'alice');

    const polled = json<Pin>(await plex(`/pins/${pin.id}`, { clientId: OTHER_CLIENT }));
    expect(polled.authToken).toMatch(TOKEN_SHAPE);
    const account = json<Account>(await userFor(polled.authToken ?? ''));
    expect(account).toMatchObject({ username: 'alice', authToken: polled.authToken });

    const devices = await fake.devices();
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ login: 'alice', clientIdentifier: OTHER_CLIENT, token: polled.authToken });
  });

  it('carol, who has no password, signs in through a pin', async () => {
    const pin = await createPin({ strong: true });
    await fake.claimPin(pin.id, 'carol@example.com');
    const token = json<Pin>(await plex(`/pins/${pin.id}`)).authToken ?? '';
    expect(json<Account>(await userFor(token))).toMatchObject({ username: 'carol', hasPassword: false });
  });

  it('approving a pin replaces the token of the same (account, client identifier)', async () => {
    const old = await tokenFor('alice', 'alice-pass-1', CLIENT);
    const pin = await createPin({ strong: true, clientId: CLIENT });
    await fake.claimPin(pin.id, 'alice');
    const fresh = json<Pin>(await plex(`/pins/${pin.id}`)).authToken ?? '';
    expect(fresh).not.toBe(old);
    plexError(await userFor(old), 401, 1001);
    expect((await userFor(fresh)).status).toBe(200);
  });

  it('claiming an unknown pin or as an unknown login fails', async () => {
    const pin = await createPin();
    await expect(fake.claimPin(pin.id + 1000, 'alice')).rejects.toThrow(/404/);
    await expect(fake.claimPin(pin.id, 'mallory')).rejects.toThrow(/404/);
    expect(json<Pin>(await plex(`/pins/${pin.id}`)).authToken).toBeNull();
  });

  describe('PUT /pins/link', () => {
    it('approves a short code as the account of the live token: 204', async () => {
      const pin = await createPin({ clientId: OTHER_CLIENT });
      const bobToken = await tokenFor('bob', 'bob-pass-2', CLIENT, BOB_CODE);

      const reply = await plex('/pins/link', { method: 'PUT', token: bobToken, form: { code: pin.code } });
      expect(reply.status).toBe(204);

      const linked = json<Pin>(await plex(`/pins/${pin.id}`, { clientId: OTHER_CLIENT })).authToken ?? '';
      expect(linked).toMatch(TOKEN_SHAPE);
      expect(linked).not.toBe(bobToken);
      expect(json<Account>(await userFor(linked)).username).toBe('bob');
      expect((await userFor(bobToken)).status).toBe(200);
    });

    it('answers 404/1020 for an unknown code', async () => {
      const token = await tokenFor('alice', 'alice-pass-1');
      plexError(await plex('/pins/link', { method: 'PUT', token, form: { code: 'ZZZZ' } }), 404, 1020);
    });

    it('answers 401/1001 for a dead token', async () => {
      const pin = await createPin({ clientId: OTHER_CLIENT });
      plexError(
        await plex('/pins/link', { method: 'PUT', token: 'AAAAAAAAAAAAAAAAAAAA', form: { code: pin.code } }),
        401,
        1001,
      );
      expect(json<Pin>(await plex(`/pins/${pin.id}`, { clientId: OTHER_CLIENT })).authToken).toBeNull();
    });
  });
});

// --- control endpoints ----------------------------------------------------------------

describe('request log', () => {
  it('lists /api/v2 requests oldest first, with lower-case header names', async () => {
    await plex('/ping?foo=bar&X-Plex-Product=Test');
    await signIn('alice', 'alice-pass-1');
    await plex('/user', { clientId: null });

    const log = await fake.requests();
    expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v2/ping',
      'POST /api/v2/users/signin',
      'GET /api/v2/user',
    ]);
    expect(log[0]?.query).toEqual({ foo: 'bar', 'X-Plex-Product': 'Test' });
    expect(log[1]?.query).toEqual({});
    expect(log[1]?.headers['x-plex-client-identifier']).toBe(CLIENT);
    expect(log[1]?.headers['accept']).toBe('application/json');
    expect(log[2]?.headers['x-plex-client-identifier']).toBeUndefined();
    for (const entry of log) {
      for (const name of Object.keys(entry.headers)) expect(name).toBe(name.toLowerCase());
    }
  });

  it('never records a password', async () => {
    await signIn('alice', 'alice-pass-1');
    await signIn('alice', 'sekrit-wrong-pass');
    await plex('/users/signin?password=query-string-pass', { method: 'POST', form: { login: 'alice' } });
    const text = JSON.stringify(await fake.requests());
    expect(text).toContain('/api/v2/users/signin');
    for (const secret of ['alice-pass-1', 'sekrit-wrong-pass', 'query-string-pass']) expect(text).not.toContain(secret);
    expect(text.toLowerCase()).not.toContain('password');
  });

  it('leaves control requests out and is emptied by reset', async () => {
    await fake.devices();
    expect(await fake.requests()).toEqual([]);
    await plex('/ping');
    expect(await fake.requests()).toHaveLength(1);
    await fake.reset();
    expect(await fake.requests()).toEqual([]);
  });
});

describe('devices and revoke', () => {
  it('lists each live token with what the X-Plex-* headers said (UTF-8 included)', async () => {
    const deviceName = 'Küchen-PC 🎬';
    const reply = await signIn('alice', 'alice-pass-1', {
      headers: {
        'X-Plex-Product': 'Plex Sign-In',
        'X-Plex-Device': 'Linux',
        // Header values travel as bytes: send the UTF-8 bytes, as a real client does.
        'X-Plex-Device-Name': Buffer.from(deviceName, 'utf8').toString('latin1'),
        'X-Plex-Platform': 'Linux',
      },
    });
    const token = json<Account>(reply).authToken;
    expect(await fake.devices()).toEqual([
      {
        login: 'alice',
        clientIdentifier: CLIENT,
        product: 'Plex Sign-In',
        device: 'Linux',
        deviceName,
        platform: 'Linux',
        token,
      },
    ]);
  });

  it('keeps only the newest token per (account, client identifier)', async () => {
    await tokenFor('alice', 'alice-pass-1', CLIENT);
    const latest = await tokenFor('alice', 'alice-pass-1', CLIENT);
    const other = await tokenFor('alice', 'alice-pass-1', OTHER_CLIENT);
    const devices = await fake.devices();
    expect(devices.map((d) => d.token).sort()).toEqual([latest, other].sort());
  });

  it('revoke kills a token, as removing the device would', async () => {
    const token = await tokenFor('alice', 'alice-pass-1');
    await fake.revoke(token);
    plexError(await userFor(token), 401, 1001);
    expect(await fake.devices()).toEqual([]);
    await expect(fake.revoke('no-such-token')).resolves.toBeUndefined();
  });
});

describe('faults', () => {
  const SIGNIN = '/api/v2/users/signin';

  it('answer with the given status, headers, body and content type, once by default', async () => {
    await fake.fault({
      method: 'POST',
      path: SIGNIN,
      status: 503,
      headers: { 'Retry-After': '1' },
      body: '<html>down for maintenance</html>',
      contentType: 'text/html',
    });
    const faulted = await signIn('alice', 'alice-pass-1');
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('retry-after')).toBe('1');
    expect(faulted.headers.get('content-type')).toMatch(/^text\/html/);
    expect(faulted.text).toBe('<html>down for maintenance</html>');

    expect((await signIn('alice', 'alice-pass-1')).status).toBe(201);
  });

  it('count down `times`, and faulted requests are logged', async () => {
    await fake.fault({ method: 'GET', path: '/api/v2/ping', times: 2, status: 500 });
    expect((await plex('/ping')).status).toBe(500);
    expect((await plex('/ping', { clientId: null })).status).toBe(500);
    plexError(await plex('/ping'), 401, 1001);
    expect((await fake.requests()).filter((r) => r.path === '/api/v2/ping')).toHaveLength(3);
  });

  it('match method and path (query string ignored), in the order they were added', async () => {
    await fake.fault({ method: 'DELETE', path: '/api/v2/user', status: 500 });
    await fake.fault({ method: 'POST', path: '/api/v2/pins', status: 502 });
    await fake.fault({ method: 'POST', path: '/api/v2/pins', status: 504 });

    plexError(await plex('/user'), 401, 1001);
    expect((await plex('/pins?strong=true', { method: 'POST' })).status).toBe(502);
    expect((await plex('/pins', { method: 'POST' })).status).toBe(504);
    expect((await plex('/pins', { method: 'POST' })).status).toBe(201);
  });

  it('delayMs delays the faked answer', async () => {
    await fake.fault({ method: 'POST', path: SIGNIN, status: 429, delayMs: 300 });
    const started = Date.now();
    expect((await signIn('alice', 'alice-pass-1')).status).toBe(429);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('delayMs without a status delays the real answer', async () => {
    const token = await tokenFor('alice', 'alice-pass-1');
    await fake.fault({ method: 'GET', path: '/api/v2/user', delayMs: 300 });
    const started = Date.now();
    const reply = await userFor(token);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(json<Account>(reply).username).toBe('alice');
  });

  it('reset: true drops the connection', async () => {
    await fake.fault({ method: 'POST', path: SIGNIN, reset: true });
    await expect(signIn('alice', 'alice-pass-1')).rejects.toThrow();
    expect((await signIn('alice', 'alice-pass-1')).status).toBe(201);
    expect((await fake.requests()).filter((r) => r.path === SIGNIN)).toHaveLength(2);
  });

  it('are forgotten on reset', async () => {
    await fake.fault({ method: 'GET', path: '/api/v2/ping', status: 500, times: 5 });
    await fake.reset();
    plexError(await plex('/ping'), 401, 1001);
  });

  it('a malformed fault is refused', async () => {
    await expect(fake.fault({ path: 'no-slash', status: 500 })).rejects.toThrow(/400/);
  });
});

// --- bodies the server must survive ------------------------------------------------------

describe('form bodies', () => {
  it('an awkward unicode password is a plain 401/1001, and never logged', async () => {
    const password = 'pä$$ wörd+&=%20 🔑 ✓ 日本語 \u202e';
    plexError(await signIn('alice', password), 401, 1001);
    const text = JSON.stringify(await fake.requests());
    expect(text).not.toContain('wörd');
    expect(text).not.toContain('🔑');
  });

  it('percent-encoded characters are decoded', async () => {
    const reply = await plex('/users/signin', {
      method: 'POST',
      form: 'login=alice%40example.com&password=alice%2Dpass%2D1&rememberMe=true',
    });
    expect(reply.status).toBe(201);
  });

  it('a multi-byte character split across chunks is decoded whole', async () => {
    const headers = {
      'X-Plex-Client-Identifier': CLIENT,
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
    };
    const body = Buffer.from('login=alice&note=日本🎬&password=alice-pass-1', 'utf8');
    const splitInsideCharacter = body.indexOf('本') + 1;
    const ok = await rawPost('/users/signin', headers, [
      body.subarray(0, splitInsideCharacter),
      body.subarray(splitInsideCharacter),
    ]);
    expect(ok.status).toBe(201);

    // The password with a trailing 🎬 (4 bytes, split in the middle) is a different password.
    const wrong = Buffer.from('login=alice&password=alice-pass-1🎬', 'utf8');
    const reply = await rawPost('/users/signin', headers, [wrong.subarray(0, wrong.length - 2), wrong.subarray(-2)]);
    plexError(reply, 401, 1001);
  });

  it.each([
    ['invalid percent escapes', 'login=%zz%&password=%E0%A4%A'],
    ['JSON instead of a form', '{"login":"alice","password":"alice-pass-1"}'],
    ['no body at all', ''],
  ])('%s: 401/1001, and the server carries on', async (_label, form) => {
    plexError(await plex('/users/signin', { method: 'POST', form }), 401, 1001);
    expect((await signIn('alice', 'alice-pass-1')).status).toBe(201);
  });

  it('invalid UTF-8 bytes: 401/1001', async () => {
    const reply = await rawPost(
      '/users/signin',
      {
        'X-Plex-Client-Identifier': CLIENT,
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      [Buffer.from([0x6c, 0x6f, 0x67, 0x69, 0x6e, 0x3d, 0xff, 0xfe, 0xc3, 0x26, 0x70, 0x3d, 0x80])],
    );
    plexError(reply, 401, 1001);
  });
});

describe('unknown routes', () => {
  it('answer 404 with an error body', async () => {
    const reply = await plex('/no/such/thing');
    expect(reply.status).toBe(404);
    expect(json<{ errors: PlexErrorItem[] }>(reply).errors[0]?.status).toBe(404);
    expect((await plex('/users/signin')).status).toBe(404); // GET on a POST route
  });
});

describe('keep-alive', () => {
  it('serves many requests back to back', async () => {
    const token = await tokenFor('alice', 'alice-pass-1');
    const replies = await Promise.all(Array.from({ length: 20 }, () => plex('/ping', { token })));
    expect(replies.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 200));
  });
});
