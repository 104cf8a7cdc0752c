import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// scripts/check-clean-run.mjs, the guard `npm test` runs its steps under, in a throw-away
// git repository with its own temporary folder: it passes a clean command and catches each
// kind of trace.

const GUARD = path.resolve(__dirname, '../../scripts/check-clean-run.mjs');

let work = '';
let repo = '';
let tmp = '';
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'plex-signin-guard-'));
  repo = path.join(work, 'repo');
  tmp = path.join(work, 'tmp');
  mkdirSync(repo);
  mkdirSync(tmp);
  writeFileSync(path.join(repo, 'tracked.txt'), 'committed\n');
  writeFileSync(path.join(repo, '.gitignore'), 'ignored/\n');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '-qm', 'init');
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs `node -e script` under the guard; its exit status and what it said. */
function guarded(script: string): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [GUARD, process.execPath, '-e', script], {
    cwd: repo,
    env: { PATH: process.env.PATH ?? '', TMPDIR: tmp, TMP: tmp, TEMP: tmp },
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr };
}

describe('check-clean-run', () => {
  it('passes a command that writes only under ignored and removed folders, and removes its own folder', () => {
    const run = guarded(`
      const fs = require('fs'), os = require('os'), path = require('path');
      fs.mkdirSync('ignored', { recursive: true });
      fs.writeFileSync('ignored/out.txt', 'x');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-signin-x-'));
      fs.rmSync(dir, { recursive: true });
    `);
    expect(run).toMatchObject({ status: 0 });
    expect(run.stderr).toContain('no trace left');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('fails on a temporary entry with the project prefix left behind, and still removes it', () => {
    const run = guarded(`
      const fs = require('fs'), os = require('os'), path = require('path');
      fs.mkdtempSync(path.join(os.tmpdir(), 'plex-signin-leak-'));
      fs.mkdtempSync(path.join(os.tmpdir(), 'some-tool-'));
    `);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/temporary entry left behind: plex-signin-leak-\w+/);
    expect(run.stderr).not.toMatch(/left behind: some-tool-/);
    expect(run.stderr).toMatch(/removed what other tools left: some-tool-\w+/);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('fails when a tracked file is rewritten, even with the same bytes', () => {
    const run = guarded(`require('fs').writeFileSync('tracked.txt', 'committed\\n')`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('tracked file written: tracked.txt');
    expect(run.stderr).not.toContain('git status');
  });

  it('fails on a new file git sees', () => {
    const run = guarded(`require('fs').writeFileSync('stray.txt', '')`);
    rmSync(path.join(repo, 'stray.txt'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('git status now shows: ?? stray.txt');
  });

  it("passes on the command's own failure status", () => {
    expect(guarded('process.exit(3)').status).toBe(3);
  });
});
