#!/usr/bin/env node
// `node scripts/check-clean-run.mjs <command> [args…]` runs the command (for `npm test`: every
// test step) and fails if it left a trace:
// - in the repository: `git status --porcelain` differs from before the run, or a tracked
//   file was written (its size or modification time changed, even with the same bytes);
// - in the temporary folder: an entry starting with one of TEMP_PREFIXES is left behind.
//
// The command gets a temporary folder of its own (TMPDIR, TMP and TEMP point into a fresh
// `plex-signin-run-*` folder), so other programs and parallel runs in the system's
// temporary folder are never counted. Afterwards the entries the project's prefixes name
// are reported, and the whole folder is removed, third-party leftovers included.
//
// Exit status: the command's if it failed, else 1 if it left a trace, else 0.

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How the project's tests name their temporary folders and files. */
const TEMP_PREFIXES = ['plex-signin-'];

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/check-clean-run.mjs <command> [args…]');
  process.exit(2);
}

const git = (...gitArgs) => execFileSync('git', gitArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
let root = null;
try {
  root = git('rev-parse', '--show-toplevel').trim();
} catch {
  console.error('check-clean-run: not in a git work tree; only the temporary folder is checked');
}

/** `git status` entries, untracked files one by one (ignored files are not listed). */
function statusEntries() {
  return new Set(
    git('-C', root, 'status', '--porcelain=v1', '-z', '--untracked-files=all').split('\0').filter(Boolean),
  );
}

/** Size and modification time of every tracked file. */
function trackedStamps() {
  const stamps = new Map();
  for (const file of git('-C', root, 'ls-files', '-z').split('\0').filter(Boolean)) {
    try {
      const stat = fs.lstatSync(path.join(root, file));
      stamps.set(file, `${stat.size} bytes, modified ${stat.mtimeMs}`);
    } catch {
      stamps.set(file, 'missing');
    }
  }
  return stamps;
}

const before = root ? { status: statusEntries(), stamps: trackedStamps() } : null;
const runTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-signin-run-'));

const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, TMPDIR: runTmp, TMP: runTmp, TEMP: runTmp },
  // npm and npx are .cmd files on Windows.
  shell: process.platform === 'win32',
});
// Ctrl-C reaches the command from the terminal; the check still runs once it has stopped.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));

const exitCode = await new Promise((resolve) => {
  child.on('error', (error) => {
    console.error(`check-clean-run: could not run ${command}: ${error.message}`);
    resolve(1);
  });
  child.on('exit', (code, signal) => resolve(code ?? 128 + (os.constants.signals[signal] ?? 0)));
});

const traces = [];
const entries = fs.readdirSync(runTmp);
for (const name of entries.filter((entry) => TEMP_PREFIXES.some((prefix) => entry.startsWith(prefix)))) {
  traces.push(`temporary entry left behind: ${name}`);
}
const others = entries.filter((entry) => !TEMP_PREFIXES.some((prefix) => entry.startsWith(prefix)));
fs.rmSync(runTmp, { recursive: true, force: true });

if (before) {
  const status = statusEntries();
  for (const entry of status) if (!before.status.has(entry)) traces.push(`git status now shows: ${entry}`);
  for (const entry of before.status) if (!status.has(entry)) traces.push(`git status no longer shows: ${entry}`);
  const stamps = trackedStamps();
  for (const [file, stamp] of stamps) {
    const old = before.stamps.get(file);
    if (old !== undefined && old !== stamp) traces.push(`tracked file written: ${file} (${old} → ${stamp})`);
  }
}

if (others.length > 0) console.error(`check-clean-run: removed what other tools left: ${others.join(', ')}`);
if (traces.length > 0) {
  console.error(
    [
      'check-clean-run: the run left traces:',
      ...traces.map((trace) => `  - ${trace}`),
      'Tests may write only under ignored folders (out/, test-results/) or temporary folders they remove.',
      '(A file edited by hand during the run is counted too.)',
    ].join('\n'),
  );
} else {
  const what = root ? 'git status unchanged, no tracked file written, ' : '';
  console.error(`check-clean-run: no trace left (${what}no ${TEMP_PREFIXES.join('*, ')}* temporary entry)`);
}
process.exit(exitCode !== 0 ? exitCode : traces.length > 0 ? 1 : 0);
