import { randomUUID } from 'node:crypto';
import type { PlexAccount } from '../../shared/account';
import type { Notice, ToolTokenStatus } from '../../shared/ipc-views';
import { notice } from './notices';
import type { DocumentStore, Encryptor } from './ports';
import { type StorageCapability, storageCapability } from './storage-capability';
import { parseDocument, type StoredToolToken, type VaultDocument } from './vault-schema';

// Where the token lives between launches: encrypted by the OS keystore inside the
// settings document, next to the clear, non-secret client identifier and account summary.
// Every failure (corrupt file, wrong shape, undecryptable token, keystore missing, disk
// full) ends in "signed out, with a notice" or "kept in memory only", never in a crash.
// Error texts are never logged: a JSON parse error quotes the file it failed on.

export interface SavedSession {
  token: string;
  account: PlexAccount;
}

/** A tool token as the app holds it: decrypted, with what the list shows. */
export interface SavedToolToken {
  /** The tool's client identifier. */
  id: string;
  name: string;
  /** The account it was made for: each account sees its own tools. */
  accountUuid: string;
  createdAt: string;
  lastCheckedAt: string | null;
  status: ToolTokenStatus;
  token: string;
}

export interface TokenVault {
  /** This install's X-Plex-Client-Identifier: made once, then kept. */
  readonly clientIdentifier: string;
  readonly capability: StorageCapability;
  /** The session found on disk when the vault was opened, decrypted; null when none. */
  readonly restored: SavedSession | null;
  /** What the user must be told about what was found on disk, if anything. */
  readonly notice: Notice | null;
  /** Stores the token encrypted; false when it must stay in memory (no keystore, or the write failed). */
  save(session: SavedSession): boolean;
  /** Refreshes the stored account summary, when a session is stored. */
  updateAccount(account: PlexAccount): void;
  /** Removes the stored session; false when the settings file could not be written. */
  forget(): boolean;
  /** The tool tokens found on disk, decrypted (none while the keychain is locked: they stay on disk). */
  readonly tools: readonly SavedToolToken[];
  /** Stores a tool token encrypted; false when it must stay in memory. */
  saveTool(tool: SavedToolToken): boolean;
  /** Records a check of a stored tool token. */
  updateTool(id: string, change: Pick<SavedToolToken, 'lastCheckedAt' | 'status'>): void;
  /** Removes a stored tool token; false when the settings file could not be written. */
  forgetTool(id: string): boolean;
}

export interface TokenVaultDeps {
  store: DocumentStore;
  encryptor: Encryptor;
  log?: (line: string) => void;
  now?: () => Date;
}

/** A token goes into an HTTP header: anything else is damage (or the wrong key), not a token. */
const HEADER_SAFE = /^[\x21-\x7e]{1,8192}$/;

export function openTokenVault(deps: TokenVaultDeps): TokenVault {
  const { store, encryptor } = deps;
  const log = deps.log ?? (() => {});
  const now = deps.now ?? (() => new Date());
  const capability = storageCapability(encryptor);

  let found: Notice | null = null;
  let raw: unknown;
  try {
    raw = store.read();
  } catch {
    found = notice('store-unreadable');
    raw = undefined;
    try {
      const movedTo = store.setAside();
      log(`The settings file could not be read; ${movedTo ? `it was moved to ${movedTo}` : 'it was gone'}.`);
    } catch {
      log('The settings file could not be read, nor moved aside; a new one will be written over it.');
    }
  }

  const parsed = parseDocument(raw);
  if (parsed.state === 'damaged') {
    found ??= notice('store-unreadable');
    // Kept aside rather than overwritten: nothing in it is lost for good.
    let movedTo: string | null;
    try {
      movedTo = store.setAside();
    } catch {
      movedTo = null;
    }
    log(
      `The settings file held unexpected data; everything but the client identifier was dropped${movedTo ? ` (the file was moved to ${movedTo})` : ''}.`,
    );
  }
  // Made once per install, then kept: plex.tv lists each identifier as a device.
  const keptId = parsed.state === 'damaged' ? parsed.clientIdentifier : null;
  let doc: VaultDocument = parsed.state === 'valid' ? parsed.doc : { clientIdentifier: keptId ?? randomUUID() };
  let dirty = parsed.state !== 'valid';

  let restored: SavedSession | null = null;
  if (doc.session && !keystoreAnswers()) {
    // Locked or missing for this launch only (a keyring not yet unlocked, an SSH session,
    // KWallet off): the ciphertext says nothing about its own health, so it stays on disk
    // for the next launch and the user is told why they are signed out now.
    found = notice('keychain-unavailable');
    log('The keychain is locked or unavailable; the saved token is kept for the next launch.');
  } else if (doc.session) {
    const token = decryptToken(doc.session.encryptedToken);
    if (token === null) {
      // Kept ciphertext would only bring the same notice back on every launch.
      doc = withoutSession(doc);
      dirty = true;
      found = notice('token-undecryptable');
      log('The saved token could not be decrypted; it was dropped.');
    } else {
      restored = { token, account: doc.session.account };
      if (!capability.rememberAvailable) {
        // Readable under a keystore that protects nothing: it must not stay on disk.
        doc = withoutSession(doc);
        dirty = true;
      }
    }
  }
  // Tool tokens follow the session's rules: kept on disk while the keychain is locked, kept
  // in memory only where the keystore protects nothing. One that cannot be decrypted stays
  // on disk too: unlike the session, signing in again cannot bring it back, and the tool
  // still uses it (a keychain prompt denied once must not lose it for good).
  const tools: SavedToolToken[] = [];
  if (doc.tools?.length && keystoreAnswers()) {
    const kept: StoredToolToken[] = [];
    for (const stored of doc.tools) {
      const token = decryptToken(stored.encryptedToken);
      if (token === null) {
        log('A saved tool token could not be decrypted; it is kept on disk and not shown.');
        if (capability.rememberAvailable) kept.push(stored);
        continue;
      }
      const { encryptedToken: _cipher, ...rest } = stored;
      tools.push({ ...rest, token });
      if (capability.rememberAvailable) kept.push(stored);
    }
    if (kept.length !== doc.tools.length) {
      doc = { ...doc, tools: kept };
      dirty = true;
    }
  }
  if (dirty) write(doc);

  function withoutSession({ session: _gone, ...rest }: VaultDocument): VaultDocument {
    return rest;
  }

  function keystoreAnswers(): boolean {
    try {
      return encryptor.isAvailable();
    } catch {
      return false;
    }
  }

  function decryptToken(encryptedToken: string): string | null {
    try {
      const token = encryptor.decrypt(Buffer.from(encryptedToken, 'base64'));
      return typeof token === 'string' && HEADER_SAFE.test(token) ? token : null;
    } catch {
      return null;
    }
  }

  function write(next: VaultDocument): boolean {
    try {
      store.write({ ...next });
      return true;
    } catch {
      log('The settings file could not be written.');
      return false;
    }
  }

  return {
    clientIdentifier: doc.clientIdentifier,
    capability,
    restored,
    notice: found,
    save({ token, account }) {
      if (!capability.rememberAvailable) return false;
      let encryptedToken: string;
      try {
        encryptedToken = Buffer.from(encryptor.encrypt(token)).toString('base64');
      } catch {
        log('The token could not be encrypted; it is kept in memory only.');
        return false;
      }
      const next: VaultDocument = { ...doc, session: { encryptedToken, account, savedAt: now().toISOString() } };
      if (!write(next)) return false;
      doc = next;
      return true;
    },
    updateAccount(account) {
      if (!doc.session) return;
      const next: VaultDocument = { ...doc, session: { ...doc.session, account } };
      if (write(next)) doc = next;
    },
    forget() {
      if (!doc.session) return true;
      const next = withoutSession(doc);
      if (!write(next)) return false;
      doc = next;
      return true;
    },
    tools,
    saveTool({ token, ...tool }) {
      if (!capability.rememberAvailable || !keystoreAnswers()) return false;
      let encryptedToken: string;
      try {
        encryptedToken = Buffer.from(encryptor.encrypt(token)).toString('base64');
      } catch {
        log('A tool token could not be encrypted; it is kept in memory only.');
        return false;
      }
      const next: VaultDocument = {
        ...doc,
        tools: [...(doc.tools ?? []).filter((t) => t.id !== tool.id), { ...tool, encryptedToken }],
      };
      if (!write(next)) return false;
      doc = next;
      return true;
    },
    updateTool(id, change) {
      if (!doc.tools?.some((t) => t.id === id)) return;
      const next: VaultDocument = { ...doc, tools: doc.tools.map((t) => (t.id === id ? { ...t, ...change } : t)) };
      if (write(next)) doc = next;
    },
    forgetTool(id) {
      if (!doc.tools?.some((t) => t.id === id)) return true;
      const next: VaultDocument = { ...doc, tools: doc.tools.filter((t) => t.id !== id) };
      if (!write(next)) return false;
      doc = next;
      return true;
    },
  };
}
