// What the Electron main process provides to the app's logic, as small interfaces. The
// app passes Electron-backed adapters (src/main/electron); the unit tests and the
// web-mode e2e bridge pass the doubles in testing/main-doubles.ts. Nothing here
// imports Electron, so everything built on these ports runs on plain Node.

/** The OS keystore: safeStorage in the app (Keychain, DPAPI, libsecret, kwallet). */
export interface Encryptor {
  /** Whether encrypt/decrypt work at all on this computer right now. */
  isAvailable(): boolean;
  /** e.g. 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet', 'basic_text' (no real protection), 'test'. */
  backend(): string;
  /** Throws when encryption is unavailable. */
  encrypt(plain: string): Buffer;
  /** Throws when the data was not encrypted with this computer's key (or is damaged). */
  decrypt(cipher: Buffer): string;
}

/** The persisted JSON settings document, always read and written whole. */
export interface DocumentStore {
  /**
   * The whole document: undefined (or an empty object) when none was ever written.
   * Throws when the file exists but cannot be read or is not valid JSON.
   */
  read(): unknown;
  /** Replaces the whole document on disk. Throws when it cannot be written. */
  write(doc: Record<string, unknown>): void;
  /**
   * Moves an unreadable file aside as `<name>.corrupt-<timestamp>` (kept, not deleted,
   * so nothing is lost for good) so that the next write starts a new document. Returns
   * where the file went, or null when there was no file.
   */
  setAside(): string | null;
}

/**
 * The system clipboard (plain text only). Electron's clipboard answers with promises, a
 * memory clipboard at once: callers await either way.
 */
export interface ClipboardPort {
  writeText(text: string): void | Promise<void>;
  readText(): string | Promise<string>;
  clear(): void | Promise<void>;
}

/** Opens a URL in the user's browser (shell.openExternal in the app). */
export type OpenInBrowser = (url: string) => Promise<void>;
