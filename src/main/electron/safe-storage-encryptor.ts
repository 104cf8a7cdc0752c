import { safeStorage } from 'electron';
import type { Encryptor } from '../node/ports';

// safeStorage as the app's Encryptor: Keychain on macOS, DPAPI on Windows, and on Linux
// whatever Chromium picked (libsecret, kwallet, or 'basic_text', which protects nothing
// and is treated as no encryption). Usable only after app.whenReady().

export function createSafeStorageEncryptor(): Encryptor {
  return {
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    backend: () => {
      switch (process.platform) {
        case 'darwin':
          return 'keychain';
        case 'win32':
          return 'dpapi';
        case 'linux':
          return safeStorage.getSelectedStorageBackend();
        default:
          return 'unknown';
      }
    },
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
  };
}
