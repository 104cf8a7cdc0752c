import { describe, expect, it } from 'vitest';
import type { Encryptor } from './ports';
import { storageCapability } from './storage-capability';

// What "Remember me" says on each kind of keystore. Electron reports Linux's basic_text as
// unavailable too (safeStorage.isEncryptionAvailable() is false there unless plain-text
// encryption is forced), so the backend decides the sentence.

function encryptor(available: boolean, backend: string): Encryptor {
  return {
    isAvailable: () => available,
    backend: () => backend,
    encrypt: () => Buffer.alloc(0),
    decrypt: () => '',
  };
}

describe('storageCapability', () => {
  it('names the missing keychain on Linux basic_text, whatever availability Electron reports', () => {
    for (const available of [false, true]) {
      const capability = storageCapability(encryptor(available, 'basic_text'));
      expect(capability.rememberAvailable).toBe(false);
      expect(capability.reason).toMatch(/no keychain .*GNOME Keyring or KWallet/);
    }
  });

  it('offers Remember me on a real keystore, and says no secure storage when it is unavailable', () => {
    expect(storageCapability(encryptor(true, 'gnome_libsecret'))).toEqual({ rememberAvailable: true, reason: null });
    const locked = storageCapability(encryptor(false, 'gnome_libsecret'));
    expect(locked.rememberAvailable).toBe(false);
    expect(locked.reason).toMatch(/no secure storage/);
  });
});
