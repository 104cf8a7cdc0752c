import type { IpcChannel } from '../../shared/ipc-contract';
import type { IpcError } from '../../shared/ipc-views';

// The "Copy diagnostics" report: what a bug report needs (versions, platform, storage
// backend, API host, the last errors the window was shown) as plain text for the user to
// paste wherever they choose. Nothing is ever sent anywhere by the app. It holds no
// secret and nothing about the account: no token (not even masked), no password, no code,
// no email or username, no file paths (they name the OS user).

/** How many recent errors the report lists. */
export const ERROR_HISTORY_SIZE = 20;

export interface RecordedError {
  /** ISO 8601. */
  time: string;
  /** The channel that answered with the error; null for a channel outside the contract. */
  channel: IpcChannel | null;
  kind: IpcError['kind'];
  message: string;
}

/** The last `capacity` errors, oldest first. */
export interface ErrorHistory {
  record(channel: IpcChannel | null, error: IpcError, time?: Date): void;
  list(): RecordedError[];
}

export function createErrorHistory(capacity: number = ERROR_HISTORY_SIZE): ErrorHistory {
  const entries: RecordedError[] = [];
  return {
    record(channel, error, time = new Date()) {
      entries.push({ time: time.toISOString(), channel, kind: error.kind, message: error.message });
      if (entries.length > capacity) entries.splice(0, entries.length - capacity);
    },
    list: () => entries.map((entry) => ({ ...entry })),
  };
}

export interface DiagnosticsInput {
  productName: string;
  version: string;
  /** process.versions: electron, chrome and node are reported. */
  versions: Readonly<Record<string, string | undefined>>;
  os: { platform: string; release: string; arch: string };
  /** encryptor.backend(), or null when the keystore could not say. */
  storageBackend: string | null;
  rememberAvailable: boolean;
  /** The host (and port) of the API, never its full URL. */
  apiHost: string;
  usingPlexTv: boolean;
  /** The session state's phase (session-state.ts) and, signed in, where the token is kept and how the last check went. */
  session: { phase: string; storage: string | null; validation: string | null };
  errors: readonly RecordedError[];
  /** When the report was made. */
  now: Date;
  /** Applied to every line: the log's redactor (the token, a password in flight, credential patterns). */
  redact: (text: string) => string;
}

/** The phases in which a sign-in is under way. */
const SIGNING_IN = new Set(['signing-in', 'awaiting-code', 'awaiting-pin']);

/** Longest text taken from any one outside value (a version string, an error message). */
const MAX_FIELD_CHARS = 300;

export function buildDiagnosticsReport(input: DiagnosticsInput): string {
  // Redacted before it is cut, so a cut can never leave half a secret behind.
  const clean = (text: string) => oneLine(input.redact(String(text)));
  const field = (value: string | null | undefined, fallback = 'unknown') => clean(value ?? fallback);
  const version = (name: string) =>
    field(input.versions[name], name === 'electron' ? 'none (not Electron)' : 'unknown');
  const yesNo = (b: boolean) => (b ? 'yes' : 'no');
  const { session } = input;

  const lines = [
    `${field(input.productName)} diagnostics`,
    `Generated: ${input.now.toISOString()}`,
    '',
    `App version: ${field(input.version)}`,
    `Electron: ${version('electron')}`,
    `Chrome: ${version('chrome')}`,
    `Node: ${version('node')}`,
    `OS: ${field(input.os.platform)} ${field(input.os.release)} (${field(input.os.arch)})`,
    `Storage backend: ${field(input.storageBackend)}`,
    `Remember me available: ${yesNo(input.rememberAvailable)}`,
    `API host: ${field(input.apiHost)}${input.usingPlexTv ? '' : ' (not plex.tv)'}`,
    `Signed in: ${yesNo(session.phase === 'signed-in')}` +
      (session.phase === 'signed-in'
        ? ` (token kept: ${field(session.storage)}; last check: ${field(session.validation)})`
        : ''),
    `Sign-in under way: ${yesNo(SIGNING_IN.has(session.phase))}`,
    `Session state: ${field(session.phase)}`,
    '',
    input.errors.length === 0 ? 'Recent errors: none' : `Recent errors (${input.errors.length}, oldest first):`,
    ...input.errors.map(
      (e) => `${clean(e.time)} ${e.channel ?? 'unknown-channel'} ${clean(e.kind)}: ${field(e.message, '')}`,
    ),
  ];
  return `${lines.map((line) => input.redact(line)).join('\n')}\n`;
}

/** One line of bounded, printable text. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return flat.length > MAX_FIELD_CHARS ? `${flat.slice(0, MAX_FIELD_CHARS)}…` : flat;
}
