import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ClipboardPort, Encryptor } from '../src/main/node/ports';

// Stand-ins for what Electron provides, for the unit tests and the web-mode e2e bridge.
// They are real, not mocks: the encryptor really encrypts (so "the token is not on disk in
// clear" is a real check), the store is the app's own JSON file store.

export interface TestEncryptorOptions {
  /** false: like safeStorage before the keystore is reachable; encrypt/decrypt throw. */
  available?: boolean;
  /** What getSelectedStorageBackend would say; 'basic_text' means no real protection. */
  backend?: string;
  /** The keystore's key (32 bytes); the same key across "launches" decrypts what was saved. */
  key?: Buffer;
}

export interface TestEncryptor extends Encryptor {
  readonly key: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM with a random IV: iv ‖ tag ‖ ciphertext. A wrong key makes decrypt throw. */
export function createTestEncryptor(options: TestEncryptorOptions = {}): TestEncryptor {
  const available = options.available ?? true;
  const backend = options.backend ?? 'test';
  const key = options.key ?? randomBytes(32);
  if (key.length !== 32) throw new TypeError('The test encryptor needs a 32-byte key.');

  function ensureAvailable(): void {
    if (!available) throw new Error('Encryption is not available.');
  }

  return {
    key,
    isAvailable: () => available,
    backend: () => backend,
    encrypt(plain) {
      ensureAvailable();
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      ensureAvailable();
      if (data.length < IV_BYTES + TAG_BYTES) throw new Error('The data is too short to have been encrypted here.');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

/** The app's own settings file store (plain Node), shared with the web-mode bridge. */
export { createJsonFileStore } from '../src/main/node/json-file-store';

/** A clipboard in memory; it answers at once (no promises), unlike Electron's. */
export interface MemoryClipboard extends ClipboardPort {
  writeText(text: string): void;
  readText(): string;
  clear(): void;
}

export function createMemoryClipboard(): MemoryClipboard {
  let text = '';
  return {
    writeText(t) {
      text = t;
    },
    readText: () => text,
    clear() {
      text = '';
    },
  };
}
