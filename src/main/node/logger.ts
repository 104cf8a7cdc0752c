import { createRedactor, type Redactor } from './log-redactor';

// The app's logger: four levels, one line per entry (ISO time, level, message), every
// message passed through the redactor before it goes anywhere, and nothing it does can
// throw into the app. Where the lines go is the caller's choice (a rotating file in the
// app, an array in tests). Plain TS: no Electron.

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** From the least to the most verbose. */
export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

/** The environment variable that selects the most verbose level written, e.g. `debug`. */
export const LOG_LEVEL_ENV = 'PLEX_SIGNIN_LOG_LEVEL';

/** A message longer than this is cut (after redaction): one runaway line must not fill the log. */
export const MAX_MESSAGE_CHARS = 4096;

export interface Logger {
  /** The most verbose level written. */
  readonly level: LogLevel;
  /** The secrets to scrub: the session registers its token and a sign-in's password here. */
  readonly redactor: Redactor;
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  /** Whether a message of `level` would be written. */
  enabled(level: LogLevel): boolean;
}

export interface LoggerOptions {
  /** Receives each finished line, with its trailing newline. May throw: the logger swallows it. */
  write(line: string): void;
  level?: LogLevel;
  redactor?: Redactor;
  now?: () => Date;
}

/** `debug`, ` WARN `, … from an environment value; null for anything else. */
export function parseLogLevel(value: string | undefined): LogLevel | null {
  const level = value?.trim().toLowerCase();
  return LOG_LEVELS.find((known) => known === level) ?? null;
}

/** One entry as written: `2025-01-02T03:04:05.678Z INFO  message\n`, the message redacted and on one line. */
export function formatEntry(time: Date, level: LogLevel, message: string, redactor: Redactor): string {
  let text = redactor.redact(String(message));
  // One entry, one line: a newline in a message must not forge a second entry.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  text = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => (c === '\t' ? ' ' : escapeControl(c)));
  if (text.length > MAX_MESSAGE_CHARS) text = `${text.slice(0, MAX_MESSAGE_CHARS)}… (${text.length} chars)`;
  return `${isoTime(time)} ${level.toUpperCase().padEnd(5)} ${text}\n`;
}

export function createLogger(options: LoggerOptions): Logger {
  const level = options.level ?? DEFAULT_LOG_LEVEL;
  const redactor = options.redactor ?? createRedactor();
  const now = options.now ?? (() => new Date());
  const rank = LOG_LEVELS.indexOf(level);
  const enabled = (at: LogLevel) => LOG_LEVELS.indexOf(at) <= rank;

  function entry(at: LogLevel, message: string): void {
    if (!enabled(at)) return;
    try {
      options.write(formatEntry(now(), at, message, redactor));
    } catch {
      // A full disk, a vanished folder, a closed stream: the line is dropped, the app goes on.
    }
  }

  return {
    level,
    redactor,
    enabled,
    error: (message) => entry('error', message),
    warn: (message) => entry('warn', message),
    info: (message) => entry('info', message),
    debug: (message) => entry('debug', message),
  };
}

/** A logger that writes nowhere (but still keeps a redactor for the session to talk to). */
export function createSilentLogger(): Logger {
  return createLogger({ write: () => {}, level: 'error' });
}

function escapeControl(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function isoTime(time: Date): string {
  try {
    return time.toISOString();
  } catch {
    return 'invalid-time';
  }
}
