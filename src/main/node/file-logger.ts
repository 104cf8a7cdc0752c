import fs from 'node:fs';
import path from 'node:path';
import { createLogger, type Logger, type LogLevel } from './logger';
import type { Redactor } from './log-redactor';

// The log file in the platform's log folder (Electron: app.getPath('logs')), rotated by
// size: `plex-signin.log` is the newest, `.log.1` the one before, up to `maxFiles` files
// in all; the oldest is deleted. Lines are written synchronously (a handful per sign-in),
// so the file is complete when the app crashes right after. Every failure (no folder, no
// permission, a full disk) drops the line: logging never breaks the app. Files are
// private to the user (0600, folder 0700): the lines hold no secret, but an email or a
// host name is nobody else's business either.

export const LOG_FILE_NAME = 'plex-signin.log';
export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024;
export const DEFAULT_MAX_LOG_FILES = 3;

export interface FileLoggerOptions {
  /** The folder; created if missing. */
  dir: string;
  fileName?: string;
  level?: LogLevel;
  /** A file is rotated before a line would take it past this size. */
  maxBytes?: number;
  /** How many files to keep, the current one included (at least 1). */
  maxFiles?: number;
  redactor?: Redactor;
  now?: () => Date;
  /** Also receives every (redacted) line, e.g. the console in development. */
  echo?: (line: string) => void;
}

export interface FileLogger extends Logger {
  /** The current log file. */
  readonly file: string;
  /** Every log file that exists now, newest first. */
  files(): string[];
}

export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const file = path.join(options.dir, options.fileName ?? LOG_FILE_NAME);
  const sink = createRotatingFile(file, {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_LOG_BYTES,
    maxFiles: options.maxFiles ?? DEFAULT_MAX_LOG_FILES,
  });
  const { echo } = options;
  const logger = createLogger({
    write(line) {
      try {
        echo?.(line);
      } catch {
        // the console is closed: the file still gets the line
      }
      sink.write(line);
    },
    ...(options.level === undefined ? {} : { level: options.level }),
    ...(options.redactor === undefined ? {} : { redactor: options.redactor }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return { ...logger, file, files: sink.files };
}

interface RotatingFile {
  /** Appends `line`; never throws (a failed write is dropped). */
  write(line: string): void;
  files(): string[];
}

export function createRotatingFile(file: string, limits: { maxBytes: number; maxFiles: number }): RotatingFile {
  const maxFiles = Math.max(1, Math.floor(limits.maxFiles));
  const maxBytes = Math.max(1, Math.floor(limits.maxBytes));
  const rotated = (n: number) => (n === 0 ? file : `${file}.${n}`);
  /** The current file's size as we know it; null until it is (re)read from disk. */
  let size: number | null = null;

  function currentSize(): number {
    if (size === null) {
      try {
        size = fs.statSync(file).size;
      } catch {
        size = 0;
      }
    }
    return size;
  }

  function rotate(): void {
    // With one file there is nothing to keep: the file starts over.
    if (maxFiles === 1) {
      fs.rmSync(file, { force: true });
      return;
    }
    fs.rmSync(rotated(maxFiles - 1), { force: true });
    for (let n = maxFiles - 2; n >= 0; n -= 1) {
      try {
        fs.renameSync(rotated(n), rotated(n + 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }

  return {
    write(line) {
      try {
        const bytes = Buffer.byteLength(line);
        if (currentSize() > 0 && currentSize() + bytes > maxBytes) {
          rotate();
          size = 0;
        }
        fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
        fs.appendFileSync(file, line, { mode: 0o600 });
        size = currentSize() + bytes;
      } catch {
        // Dropped. The size is read again next time: the disk may have changed under us.
        size = null;
      }
    },
    files() {
      const found: string[] = [];
      for (let n = 0; n < maxFiles; n += 1) if (fs.existsSync(rotated(n))) found.push(rotated(n));
      return found;
    },
  };
}
