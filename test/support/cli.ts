import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CLI_PATH = path.resolve('out/cli/plex-signin.cjs');

/** One V8 code cache folder for this test process, so tests never write into ~/.cache. */
const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-signin-cache-'));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh config folder, i.e. a computer the CLI has never run on. */
export function freshConfigHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'plex-signin-cli-'));
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
    child.on('close', (code) => resolve({ code, stdout, stderr }));
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
