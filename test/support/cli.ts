import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const CLI_PATH = path.resolve('out/cli/plex-signin.cjs');

// Every folder made here is removed when the test file that imported this module is done,
// whether its tests passed or not.
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  cacheHome = undefined;
});

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** One V8 code cache folder per test file, so tests never write into ~/.cache. */
let cacheHome: string | undefined;

export interface CliRun {
  code: number | null;
  stdout: string;
  /** stderr without the one-line "not plex.tv" warning every run against the fake starts with. */
  stderr: string;
  /** stderr as written, warning included. */
  rawStderr: string;
}

/**
 * The warning the CLI prints first whenever its API address is not https://plex.tv, as it
 * is in every test against the fake; test/integration/cli-first-run.test.ts checks it.
 */
export const API_WARNING = /^plex-signin: warning: [^\n]*not plex\.tv[^\n]*\n/;

/** A fresh config folder, i.e. a computer the CLI has never run on; removed after the file's tests. */
export function freshConfigHome(): string {
  return tempDir('plex-signin-cli-');
}

export interface RunningCli {
  child: ChildProcess;
  /** What it has written to stderr so far. */
  stderr(): string;
  done: Promise<CliRun>;
}

/** Starts the built CLI as its own process, with only the environment given (plus PATH). */
export function startCli(
  args: string[],
  options: { stdin?: string | null; env?: Record<string, string> } = {},
): RunningCli {
  cacheHome ??= tempDir('plex-signin-cache-');
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cacheHome, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.replace(API_WARNING, ''), rawStderr: stderr }));
  });
  // null leaves stdin open, like a terminal nobody types into.
  if (options.stdin !== null) child.stdin.end(options.stdin ?? '');
  return { child, stderr: () => stderr, done };
}

/** Runs the built CLI to the end. */
export function runCli(
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  return startCli(args, options).done;
}
