import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FLAVOUR_IDENTITY } from '../../build/flavour';
import { executableIn, findE2eExecutable } from '../../scripts/e2e-app-path';

// .github/workflows/electron.yml cannot run here (no Electron binary, no GitHub runner):
// it is checked offline instead. action-validator (the workflow schema and its
// expressions), then the steps the README promises, read from the parsed YAML. A broken
// workflow fails `npm test`.

const ROOT = path.resolve(__dirname, '../..');
const WORKFLOW = path.join(ROOT, '.github/workflows/electron.yml');
const VALIDATOR = path.join(ROOT, 'node_modules/@action-validator/cli/cli.mjs');
const SESSION_SCRIPT = path.join(ROOT, 'scripts/ci-desktop-session.sh');

// js-yaml comes with electron-builder (a pinned devDependency); it ships no types.
const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  strategy?: { matrix?: { os?: string[] } };
  defaults?: { run?: { shell?: string } };
  steps: Step[];
}
interface Workflow {
  on: unknown;
  jobs: Record<string, Job>;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plex-signin-workflow-'));
  dirs.push(dir);
  return dir;
}

function validate(file: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [VALIDATOR, file], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const text = readFileSync(WORKFLOW, 'utf8');
const workflow = yaml.load(text) as Workflow;
const job = workflow.jobs['electron']!;
const steps = job.steps;
const runs = steps.map((step) => step.run ?? '');
/** The index of the first step whose run script contains `command`. */
const stepRunning = (command: string) => runs.findIndex((run) => run.includes(command));

describe('.github/workflows/electron.yml', () => {
  it('passes action-validator', () => {
    const { status, output } = validate(WORKFLOW);
    expect(output.trim()).toBe('');
    expect(status).toBe(0);
  });

  it('action-validator does fail a broken workflow (so the check above means something)', () => {
    const broken = path.join(tempDir(), 'broken.yml');
    writeFileSync(broken, text.replace('runs-on: ${{ matrix.os }}', 'runs-onn: ${{ matrix.os }}'));
    expect(validate(broken).status).not.toBe(0);
  });

  it('runs on Linux, macOS and Windows runners, in bash everywhere', () => {
    const oses = job.strategy?.matrix?.os ?? [];
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(oses.some((os) => os.startsWith('ubuntu-'))).toBe(true);
    expect(oses.some((os) => os.startsWith('macos-'))).toBe(true);
    expect(oses.some((os) => os.startsWith('windows-'))).toBe(true);
    expect(job.defaults?.run?.shell).toBe('bash');
  });

  it('pins every action to a version', () => {
    const uses = steps.flatMap((step) => (step.uses ? [step.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action, action).toMatch(/^[\w.-]+\/[\w.-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
  });

  it('checks out and sets up Node 22 with the npm cache', () => {
    expect(steps[0]?.uses).toMatch(/^actions\/checkout@/);
    const node = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(node?.with).toMatchObject({ 'node-version': 22, cache: 'npm' });
  });

  it('installs, then tests, builds, runs electron-mode e2e, packages, uploads and benchmarks, in that order', () => {
    const order = [
      'npm ci',
      'node scripts/ensure-electron.mjs',
      'npx vitest run',
      'npx electron-vite build',
      'npx playwright test --project electron',
      'npm run package:e2e',
      'npm run package\n',
      'bench/electron-launch.bench.mts',
    ].map((command) => {
      const index = command.endsWith('\n')
        ? runs.findIndex((run) => run.trim() === command.trim())
        : stepRunning(command);
      expect(index, command).toBeGreaterThanOrEqual(0);
      return index;
    });
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Playwright's own browsers are never installed: electron mode drives the app's Electron.
    expect(text).not.toMatch(/playwright install/);
  });

  it('runs the e2e suite against out/ and against the package:e2e build, and the benchmark on the latter', () => {
    const e2e = steps.filter((step) => step.run?.includes('npx playwright test --project electron'));
    expect(e2e).toHaveLength(2);
    expect(e2e[0]!.run).not.toContain('E2E_APP_PATH');
    expect(e2e[1]!.run).toContain('E2E_APP_PATH="$(npx tsx scripts/e2e-app-path.ts)"');
    expect(runs[stepRunning('bench/electron-launch.bench.mts')]).toContain('E2E_APP_PATH=');
  });

  it('runs the app under Xvfb with an unlocked keyring on Linux (scripts/ci-desktop-session.sh)', () => {
    for (const command of ['npx playwright test --project electron', 'bench/electron-launch.bench.mts']) {
      for (const run of runs.filter((r) => r.includes(command))) expect(run).toContain('scripts/ci-desktop-session.sh');
    }
    const linux = steps.find((step) => step.if === "runner.os == 'Linux'" && step.run?.includes('apt-get install'));
    for (const pkg of ['xvfb', 'dbus', 'gnome-keyring']) expect(linux?.run).toContain(pkg);
    const script = readFileSync(SESSION_SCRIPT, 'utf8');
    expect(script).toContain('xvfb-run -a');
    expect(script).toContain('dbus-run-session');
    expect(script).toContain('gnome-keyring-daemon --unlock');
    expect(script).toContain('PLEX_SIGNIN_E2E_PASSWORD_STORE=gnome-libsecret');
  });

  it('uploads the installers of dist/release as artifacts', () => {
    const upload = steps.find(
      (step) =>
        step.uses?.startsWith('actions/upload-artifact@') && String(step.with?.['path']).includes('dist/release'),
    );
    expect(upload).toBeDefined();
    expect(String(upload!.with!['path'])).toContain('dist/release/*');
    expect(upload!.with!['if-no-files-found']).toBe('error');
    expect(upload!.if).toBeUndefined(); // on success, every time
    expect(stepRunning('npm run package')).toBeLessThan(steps.indexOf(upload!));
    expect(FLAVOUR_IDENTITY.release.outputDir).toBe('dist/release');
  });
});

describe('scripts/ci-desktop-session.sh', () => {
  it.skipIf(process.platform === 'win32')('runs the command as is off Linux, and refuses no command', () => {
    const bin = tempDir();
    // Pretend to be macOS: `uname -s` answers Darwin.
    writeFileSync(path.join(bin, 'uname'), '#!/bin/sh\necho Darwin\n');
    chmodSync(path.join(bin, 'uname'), 0o755);
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}` };
    const ran = spawnSync('bash', [SESSION_SCRIPT, 'node', '-e', 'console.log("ran:" + process.argv.length)'], {
      encoding: 'utf8',
      env,
    });
    expect(ran.status).toBe(0);
    expect(ran.stdout.trim()).toBe('ran:1');
    expect(spawnSync('bash', [SESSION_SCRIPT], { encoding: 'utf8', env }).status).toBe(2);
  });
});

describe('scripts/e2e-app-path.ts', () => {
  it('finds the package:e2e executable electron-builder wrote, per platform', () => {
    const id = FLAVOUR_IDENTITY.e2e;
    const cases: Array<[NodeJS.Platform, string, string]> = [
      ['linux', 'linux-unpacked', id.executableName],
      ['win32', 'win-unpacked', `${id.productName}.exe`],
      ['darwin', 'mac-arm64', path.join(`${id.productName}.app`, 'Contents', 'MacOS', id.productName)],
    ];
    for (const [platform, folder, executable] of cases) {
      const root = tempDir();
      expect(findE2eExecutable(root, platform), `${platform}: nothing built yet`).toBeNull();
      const out = path.join(root, id.outputDir, folder);
      expect(executableIn(out, platform)).toBe(path.join(out, executable));
      mkdirSync(path.dirname(path.join(out, executable)), { recursive: true });
      writeFileSync(path.join(out, executable), '');
      expect(findE2eExecutable(root, platform), platform).toBe(path.join(out, executable));
    }
  });
});
