import type { Encryptor } from './ports';

// Whether this computer can keep a token on disk safely. Linux's `basic_text` backend
// "encrypts" with a key baked into Chromium, which protects nothing, so it counts as
// unavailable: the token is then kept in memory only, and the user is told why.

export interface StorageCapability {
  rememberAvailable: boolean;
  /** Why "Remember me" is unavailable, as one sentence; null when it is available. */
  reason: string | null;
}

const NO_ENCRYPTION =
  'This computer offers no secure storage for secrets, so your token is kept only until you quit Plex Sign-In.';
const BASIC_TEXT =
  'This computer has no keychain Plex Sign-In can use (such as GNOME Keyring or KWallet), so your token is kept only until you quit.';

export function storageCapability(encryptor: Encryptor): StorageCapability {
  let available: boolean;
  let backend: string;
  try {
    available = encryptor.isAvailable();
    backend = encryptor.backend();
  } catch {
    // A keystore that cannot even answer is no keystore.
    return { rememberAvailable: false, reason: NO_ENCRYPTION };
  }
  // basic_text first: Electron then also reports encryption unavailable, and "no keychain"
  // is the sentence that tells a Linux user what to install or unlock.
  if (backend === 'basic_text') return { rememberAvailable: false, reason: BASIC_TEXT };
  if (!available) return { rememberAvailable: false, reason: NO_ENCRYPTION };
  return { rememberAvailable: true, reason: null };
}
