import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlexAccount } from '../../shared/account';
import { createJsonFileStore, createTestEncryptor, type TestEncryptorOptions } from '../../../testing/main-doubles';
import type { DocumentStore } from './ports';
import { openTokenVault } from './token-vault';

// The vault over a real JSON file in a temporary folder and a real AES-GCM encryptor:
// every way the stored data can be missing, damaged or unreadable.

const TOKEN = 'AbCdEf-GhIj_KlMnOpQr';
const account: PlexAccount = {
  id: 1,
  uuid: 'uuid-1',
  username: 'alice',
  title: 'Alice',
  friendlyName: '',
  email: 'alice@example.com',
  thumb: 'https://plex.tv/users/uuid-1/avatar',
  joinedAt: '2020-01-01T00:00:00.000Z',
  hasPassword: true,
  twoFactorEnabled: false,
  hasPlexPass: true,
  rememberExpiresAt: null,
};

let dir: string;
let file: string;
let key: Buffer;
let logs: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-signin-vault-'));
  file = path.join(dir, 'config.json');
  key = randomBytes(32);
  logs = [];
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(options: TestEncryptorOptions = {}, store: DocumentStore = createJsonFileStore(file)) {
  return openTokenVault({
    store,
    encryptor: createTestEncryptor({ key, ...options }),
    log: (line) => logs.push(line),
  });
}
const readFile = () => fs.readFileSync(file, 'utf8');
const readDoc = () => JSON.parse(readFile()) as Record<string, unknown>;
const asideFiles = () => fs.readdirSync(dir).filter((name) => name.startsWith('config.json.corrupt-'));

describe('first launch', () => {
  it('makes a client identifier once and keeps it', () => {
    const first = open();
    expect(first.clientIdentifier).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.restored).toBeNull();
    expect(first.notice).toBeNull();
    expect(readDoc()).toEqual({ clientIdentifier: first.clientIdentifier });
    expect(open().clientIdentifier).toBe(first.clientIdentifier);
  });

  it('treats an empty document (what electron-store reads for a missing file) as a first launch', () => {
    fs.writeFileSync(file, '{}');
    const vault = open();
    expect(vault.notice).toBeNull();
    expect(readDoc()).toEqual({ clientIdentifier: vault.clientIdentifier });
  });
});

describe('saving and restoring', () => {
  it('stores the token encrypted, the account in clear, and restores both', () => {
    const vault = open();
    expect(vault.capability).toEqual({ rememberAvailable: true, reason: null });
    expect(vault.save({ token: TOKEN, account })).toBe(true);

    const text = readFile();
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('alice@example.com');
    const doc = readDoc() as { session: { encryptedToken: string; savedAt: string } };
    expect(Buffer.from(doc.session.encryptedToken, 'base64').length).toBeGreaterThan(TOKEN.length);
    expect(Number.isNaN(Date.parse(doc.session.savedAt))).toBe(false);

    const again = open();
    expect(again.clientIdentifier).toBe(vault.clientIdentifier);
    expect(again.restored).toEqual({ token: TOKEN, account });
    expect(again.notice).toBeNull();
  });

  it('refreshes the stored account summary and forgets the session', () => {
    const vault = open();
    vault.save({ token: TOKEN, account });
    vault.updateAccount({ ...account, title: 'Alice Renamed' });
    expect(open().restored?.account.title).toBe('Alice Renamed');
    expect(vault.forget()).toBe(true);
    expect(readDoc()).toEqual({ clientIdentifier: vault.clientIdentifier });
    expect(open().restored).toBeNull();
  });

  it('does not write an account summary when no session is stored', () => {
    const vault = open();
    vault.updateAccount(account);
    expect(readDoc()).toEqual({ clientIdentifier: vault.clientIdentifier });
  });
});

describe('no secure keystore', () => {
  it.each([
    ['unavailable', { available: false }, /no secure storage/],
    ['basic_text', { backend: 'basic_text' }, /no keychain/],
  ] as const)('keeps the token off disk when encryption is %s', (_name, options, reason) => {
    const vault = open(options);
    expect(vault.capability.rememberAvailable).toBe(false);
    expect(vault.capability.reason).toMatch(reason);
    expect(vault.save({ token: TOKEN, account })).toBe(false);
    expect(readFile()).not.toContain(TOKEN);
    expect(readDoc()).toEqual({ clientIdentifier: vault.clientIdentifier });
  });

  it('takes a readable token off the disk when the keystore turns out to be basic_text', () => {
    open().save({ token: TOKEN, account });
    const vault = open({ backend: 'basic_text' });
    expect(vault.restored).toEqual({ token: TOKEN, account }); // for this run only
    expect(readDoc()).toEqual({ clientIdentifier: vault.clientIdentifier });
  });

  it('treats a keystore that throws when asked as unavailable', () => {
    const encryptor = createTestEncryptor({ key });
    const vault = openTokenVault({
      store: createJsonFileStore(file),
      encryptor: {
        ...encryptor,
        isAvailable: () => {
          throw new Error('dbus is down');
        },
      },
    });
    expect(vault.capability.rememberAvailable).toBe(false);
  });
});

describe('a token that cannot be decrypted', () => {
  it('signs out with a notice and keeps the client identifier when the key changed', () => {
    const first = open();
    first.save({ token: TOKEN, account });
    key = randomBytes(32); // e.g. the keychain entry was reset
    const vault = open();
    expect(vault.restored).toBeNull();
    expect(vault.notice?.kind).toBe('token-undecryptable');
    expect(vault.clientIdentifier).toBe(first.clientIdentifier);
    expect(readDoc()).toEqual({ clientIdentifier: first.clientIdentifier });
    expect(open().notice).toBeNull(); // said once, not on every launch
  });

  it('keeps the saved token when the keystore is locked or missing at launch, and says so', () => {
    open().save({ token: TOKEN, account });
    const saved = readDoc();
    const vault = open({ available: false });
    expect(vault.restored).toBeNull();
    expect(vault.notice?.kind).toBe('keychain-unavailable');
    expect(vault.notice?.message).toMatch(/keychain is locked or unavailable/);
    expect(readDoc()).toEqual(saved); // nothing dropped: the next launch may have the keyring back
    expect(logs.join('\n')).not.toContain(TOKEN);
    expect(open().restored).toEqual({ token: TOKEN, account });
  });

  it('refuses a decrypted value that is not a token (garbage from a wrong key)', () => {
    const first = open();
    const garbage = createTestEncryptor({ key }).encrypt('line one\nline two').toString('base64');
    fs.writeFileSync(
      file,
      JSON.stringify({ ...readDoc(), session: { encryptedToken: garbage, account, savedAt: 'x' } }),
    );
    const vault = open();
    expect(vault.restored).toBeNull();
    expect(vault.notice?.kind).toBe('token-undecryptable');
    expect(vault.clientIdentifier).toBe(first.clientIdentifier);
  });

  it('signs out when the ciphertext was tampered with', () => {
    open().save({ token: TOKEN, account });
    const doc = readDoc() as { session: { encryptedToken: string } };
    const bytes = Buffer.from(doc.session.encryptedToken, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    doc.session.encryptedToken = bytes.toString('base64');
    fs.writeFileSync(file, JSON.stringify(doc));
    expect(open().notice?.kind).toBe('token-undecryptable');
  });
});

describe('an unreadable settings file', () => {
  it.each([
    ['truncated JSON', '{"clientIdentifier": "abcdef12-'],
    ['binary garbage', '\u0000\u0001\u0002garbage'],
    ['an empty file', ''],
  ])('moves %s aside, starts a new document and says so', (_name, contents) => {
    fs.writeFileSync(file, contents);
    const vault = open();
    expect(vault.notice?.kind).toBe('store-unreadable');
    expect(vault.restored).toBeNull();
    const [aside] = asideFiles();
    expect(aside).toMatch(/^config\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(fs.readFileSync(path.join(dir, aside!), 'utf8')).toBe(contents); // kept, not deleted
    expect(readDoc()).toEqual({ clientIdentifier: vault.clientIdentifier });
    expect(logs.join('\n')).toContain('moved to');
  });

  it('never crashes when the file cannot even be moved aside or written', () => {
    const broken: DocumentStore = {
      read: () => {
        throw new Error('EACCES');
      },
      write: () => {
        throw new Error('EROFS');
      },
      setAside: () => {
        throw new Error('EACCES');
      },
    };
    const vault = open({}, broken);
    expect(vault.notice?.kind).toBe('store-unreadable');
    expect(vault.clientIdentifier).toMatch(/^[0-9a-f-]{36}$/);
    expect(vault.save({ token: TOKEN, account })).toBe(false);
    expect(vault.forget()).toBe(true); // nothing stored, nothing to forget
  });

  it('reports a failed write on save and forget without crashing', () => {
    const real = createJsonFileStore(file);
    let failWrites = false;
    const flaky: DocumentStore = {
      ...real,
      write: (doc) => {
        if (failWrites) throw new Error('ENOSPC');
        real.write(doc);
      },
    };
    const vault = open({}, flaky);
    expect(vault.save({ token: TOKEN, account })).toBe(true);
    failWrites = true;
    expect(vault.forget()).toBe(false);
    expect(vault.save({ token: 'another-token-1234', account })).toBe(false);
    failWrites = false;
    expect(open().restored?.token).toBe(TOKEN); // what is on disk is what the vault says
  });
});

describe('valid JSON in the wrong shape', () => {
  const id = 'kept-client-identifier-1';

  it('keeps a readable client identifier and drops a damaged session', () => {
    fs.writeFileSync(file, JSON.stringify({ clientIdentifier: id, session: { encryptedToken: 42 } }));
    const vault = open();
    expect(vault.clientIdentifier).toBe(id);
    expect(vault.restored).toBeNull();
    expect(vault.notice?.kind).toBe('store-unreadable');
    expect(readDoc()).toEqual({ clientIdentifier: id });
    // The damaged file is kept aside, whole, rather than overwritten.
    expect(asideFiles()).toHaveLength(1);
  });

  it('drops an account summary that lost its fields', () => {
    open().save({ token: TOKEN, account });
    const doc = readDoc() as { session: { account: Record<string, unknown> } };
    delete doc.session.account.username;
    fs.writeFileSync(file, JSON.stringify(doc));
    const vault = open();
    expect(vault.restored).toBeNull();
    expect(vault.notice?.kind).toBe('store-unreadable');
  });

  it.each([
    ['an array', '[1, 2, 3]'],
    ['a string', '"hello"'],
    ['a number', '42'],
    ['a bad identifier', JSON.stringify({ clientIdentifier: 'no spaces allowed!' })],
    ['an unknown document', JSON.stringify({ theme: 'dark' })],
  ])('starts over from %s with a new identifier and a notice', (_name, contents) => {
    fs.writeFileSync(file, contents);
    const vault = open();
    expect(vault.clientIdentifier).toMatch(/^[0-9a-f-]{36}$/);
    expect(vault.notice?.kind).toBe('store-unreadable');
    expect(readDoc()).toEqual({ clientIdentifier: vault.clientIdentifier });
  });

  it('drops a session stored under an unreadable identifier', () => {
    open().save({ token: TOKEN, account });
    fs.writeFileSync(file, JSON.stringify({ ...readDoc(), clientIdentifier: '' }));
    const vault = open();
    expect(vault.restored).toBeNull();
    expect(vault.notice?.kind).toBe('store-unreadable');
  });

  it('ignores a __proto__ key in the file', () => {
    fs.writeFileSync(file, `{"clientIdentifier":"${id}","__proto__":{"polluted":true}}`);
    const vault = open();
    expect(vault.clientIdentifier).toBe(id);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the test doubles', () => {
  it('encrypt for real: random IV, and a wrong key cannot decrypt', () => {
    const encryptor = createTestEncryptor({ key });
    const a = encryptor.encrypt(TOKEN);
    const b = encryptor.encrypt(TOKEN);
    expect(a.equals(b)).toBe(false);
    expect(a.toString('latin1')).not.toContain(TOKEN);
    expect(encryptor.decrypt(a)).toBe(TOKEN);
    expect(() => createTestEncryptor().decrypt(a)).toThrow();
    expect(() => createTestEncryptor({ available: false }).encrypt(TOKEN)).toThrow();
  });

  it('the JSON store writes atomically and leaves no temporary files', () => {
    const store = createJsonFileStore(path.join(dir, 'nested', 'settings.json'));
    expect(store.read()).toBeUndefined();
    expect(store.setAside()).toBeNull();
    store.write({ a: 1 });
    store.write({ a: 2 });
    expect(store.read()).toEqual({ a: 2 });
    expect(fs.readdirSync(path.join(dir, 'nested'))).toEqual(['settings.json']);
  });
});

describe('tool tokens', () => {
  const tool = {
    id: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
    name: 'Kometa',
    accountUuid: 'uuid-1',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastCheckedAt: null,
    status: 'alive' as const,
    token: 'tool-token-not-real-1',
  };

  it('are kept encrypted next to the session, and neither write loses the other', () => {
    const vault = open();
    expect(vault.saveTool(tool)).toBe(true);
    expect(vault.save({ token: TOKEN, account })).toBe(true);
    expect(vault.forget()).toBe(true);
    expect(readFile()).not.toContain(tool.token);
    expect(open().tools).toEqual([tool]);
  });

  it('stay on disk when they cannot be decrypted (a keychain prompt denied), and are not shown', () => {
    open().saveTool(tool);
    key = randomBytes(32);
    expect(open().tools).toEqual([]);
    expect((readDoc()['tools'] as unknown[]).length).toBe(1);
  });

  it('stay on disk while the keychain is locked at launch', () => {
    open().saveTool(tool);
    expect(open({ available: false }).tools).toEqual([]);
    expect(open().tools).toEqual([tool]);
  });
});
