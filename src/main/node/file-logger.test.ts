import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger, LOG_FILE_NAME } from './file-logger';
import { createLogger, formatEntry, MAX_MESSAGE_CHARS, parseLogLevel } from './logger';
import { createRedactor } from './log-redactor';

// The log file: one redacted line per entry, the most verbose level chosen, rotated by
// size into a fixed number of files, and never an exception into the app.

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-signin-log-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = (file: string) => fs.readFileSync(file, 'utf8');
const ENTRY = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (ERROR|WARN |INFO |DEBUG) .*$/;

describe('entries', () => {
  it('writes one line per entry: ISO time, level, message', () => {
    const logger = createFileLogger({ dir, level: 'debug', now: () => new Date('2025-03-04T05:06:07.089Z') });
    logger.error('e');
    logger.warn('w');
    logger.info('i');
    logger.debug('d');
    expect(logger.file).toBe(path.join(dir, LOG_FILE_NAME));
    expect(read(logger.file)).toBe(
      [
        '2025-03-04T05:06:07.089Z ERROR e',
        '2025-03-04T05:06:07.089Z WARN  w',
        '2025-03-04T05:06:07.089Z INFO  i',
        '2025-03-04T05:06:07.089Z DEBUG d',
        '',
      ].join('\n'),
    );
  });

  it('keeps an entry on one line: newlines and control characters are escaped, not written', () => {
    const logger = createFileLogger({ dir });
    logger.info('first\n2025-01-01T00:00:00.000Z ERROR forged\r\u0000\u2028end');
    const lines = read(logger.file).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(ENTRY);
    expect(lines[0]).toContain('first\\n2025-01-01T00:00:00.000Z ERROR forged\\r\\u0000\\u2028end');
  });

  it('cuts a runaway message, after redacting it (no half secret survives the cut)', () => {
    const redactor = createRedactor();
    const secret = 'S3cretTokenValue-abcdefghij';
    redactor.remember(secret);
    const at = MAX_MESSAGE_CHARS - 5; // the secret straddles the cut
    const message = `${'x'.repeat(at)}${secret}${'y'.repeat(1000)}`;
    const line = formatEntry(new Date(), 'info', message, redactor);
    expect(line.length).toBeLessThan(MAX_MESSAGE_CHARS + 100);
    expect(line).not.toContain(secret.slice(0, 5));
    expect(line).toMatch(/chars\)\n$/);
  });

  it('redacts every entry: remembered secrets and credential patterns', () => {
    const redactor = createRedactor();
    const logger = createFileLogger({ dir, level: 'debug', redactor });
    const password = 'pä$$ wörd&=+%/🔑';
    redactor.remember(password);
    redactor.remember('tok3nTOKENtok3n');
    logger.error(`password was ${password}`);
    logger.warn(`body login=a&password=${encodeURIComponent(password)}`);
    logger.info('token tok3nTOKENtok3n');
    logger.debug('GET /user?X-Plex-Token=abcdef123 {"authToken":"zzz"} Bearer qqq eyJhbGciOiJIUzI1NiJ9.e30.x');
    logger.debug('verificationCode=654321&code=777777');
    const text = read(logger.file);
    for (const secret of [password, encodeURIComponent(password), 'tok3nTOKENtok3n', 'abcdef123', 'zzz', 'qqq']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('eyJhbGci');
    expect(text).not.toMatch(/654321|777777/);
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(8);
  });

  it('creates the folder, and keeps the file private to the user', () => {
    const nested = path.join(dir, 'a', 'b');
    const logger = createFileLogger({ dir: nested });
    logger.info('hello');
    expect(read(logger.file)).toMatch(/INFO {2}hello\n$/);
    if (process.platform !== 'win32') expect(fs.statSync(logger.file).mode & 0o077).toBe(0);
  });
});

describe('levels', () => {
  it.each([
    ['error', ['ERROR']],
    ['warn', ['ERROR', 'WARN']],
    ['info', ['ERROR', 'WARN', 'INFO']],
    ['debug', ['ERROR', 'WARN', 'INFO', 'DEBUG']],
  ] as const)('at %s, writes %j', (level, written) => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line), level });
    logger.error('1');
    logger.warn('2');
    logger.info('3');
    logger.debug('4');
    expect(lines.map((line) => line.split(' ')[1])).toEqual(written);
    expect(logger.enabled('debug')).toBe(level === 'debug');
  });

  it('is info by default', () => {
    expect(createLogger({ write: () => {} }).level).toBe('info');
    expect(createFileLogger({ dir }).level).toBe('info');
  });

  it('reads PLEX_SIGNIN_LOG_LEVEL values, and nothing else', () => {
    expect(parseLogLevel('debug')).toBe('debug');
    expect(parseLogLevel(' WARN ')).toBe('warn');
    expect(parseLogLevel('verbose')).toBeNull();
    expect(parseLogLevel('')).toBeNull();
    expect(parseLogLevel(undefined)).toBeNull();
    expect(parseLogLevel('__proto__')).toBeNull();
  });
});

describe('rotation', () => {
  const line = (n: number) => `message number ${String(n).padStart(4, '0')} ${'.'.repeat(40)}`;

  it('rotates by size into .log, .log.1, .log.2 and drops the oldest', () => {
    const logger = createFileLogger({ dir, maxBytes: 500, maxFiles: 3 });
    for (let n = 0; n < 100; n += 1) logger.info(line(n));
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`]);
    expect(logger.files()).toEqual([0, 1, 2].map((n) => path.join(dir, n ? `${LOG_FILE_NAME}.${n}` : LOG_FILE_NAME)));
    for (const file of logger.files()) expect(fs.statSync(file).size).toBeLessThanOrEqual(500);

    // Oldest to newest, the files hold the last lines written, in order, none lost between them.
    const kept = [...logger.files()]
      .reverse()
      .flatMap((file) => read(file).trimEnd().split('\n'))
      .map((entry) => Number(/message number (\d+)/.exec(entry)?.[1]));
    expect(kept.at(-1)).toBe(99);
    expect(kept).toEqual(kept.map((_, i) => kept[0]! + i));
    expect(kept.length).toBeGreaterThan(10);
  });

  it('goes on from the size the file already has when the app starts again', () => {
    createFileLogger({ dir, maxBytes: 500 }).info('x'.repeat(400));
    const again = createFileLogger({ dir, maxBytes: 500 });
    again.info('y'.repeat(200));
    expect(read(`${again.file}.1`)).toContain('x'.repeat(400));
    expect(read(again.file)).toContain('y'.repeat(200));
    expect(read(again.file)).not.toContain('x');
  });

  it('with one file, starts the file over', () => {
    const logger = createFileLogger({ dir, maxBytes: 300, maxFiles: 1 });
    for (let n = 0; n < 20; n += 1) logger.info(line(n));
    expect(fs.readdirSync(dir)).toEqual([LOG_FILE_NAME]);
    expect(read(logger.file)).toContain(line(19));
  });

  it('survives the log files being deleted under it', () => {
    const logger = createFileLogger({ dir, maxBytes: 300 });
    logger.info(line(1));
    fs.rmSync(dir, { recursive: true, force: true });
    logger.info(line(2));
    expect(read(logger.file)).toContain(line(2));
  });
});

describe('never throws into the app', () => {
  it('drops lines when the folder is a file', () => {
    const notADir = path.join(dir, 'file');
    fs.writeFileSync(notADir, 'x');
    const logger = createFileLogger({ dir: notADir, maxBytes: 10 });
    for (let n = 0; n < 5; n += 1) expect(() => logger.error('lost')).not.toThrow();
    expect(logger.files()).toEqual([]);
  });

  it('drops lines when the log file is a folder', () => {
    fs.mkdirSync(path.join(dir, LOG_FILE_NAME));
    const logger = createFileLogger({ dir });
    expect(() => logger.warn('lost')).not.toThrow();
  });

  it('drops lines for a folder name the OS refuses', () => {
    const logger = createFileLogger({ dir: `${dir}/bad\u0000name` });
    expect(() => logger.info('lost')).not.toThrow();
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('drops lines in a read-only folder', () => {
    fs.chmodSync(dir, 0o500);
    try {
      const logger = createFileLogger({ dir });
      expect(() => logger.info('lost')).not.toThrow();
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.chmodSync(dir, 0o700);
    }
  });

  it('goes on writing the file when the echo throws, and when a sink throws', () => {
    const logger = createFileLogger({
      dir,
      echo: () => {
        throw new Error('EPIPE');
      },
    });
    logger.info('kept');
    expect(read(logger.file)).toContain('kept');
    const failing = createLogger({
      write: () => {
        throw new Error('ENOSPC');
      },
    });
    expect(() => failing.error('lost')).not.toThrow();
  });
});
