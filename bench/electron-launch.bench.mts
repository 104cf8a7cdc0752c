import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from '@playwright/test';
import { fillAndSubmitSource, median } from './bench-support.mjs';

// `npx tsx bench/electron-launch.bench.mts` (CI only: .github/workflows/electron.yml; it
// needs an Electron binary, which these machines do not have). How soon the real app is
// up, signed out, in a fresh data folder each run:
// - window shown: from spawning the process until main's window fires 'show' (the app
//   shows it on 'ready-to-show', so this is also its first paint);
// - interactive: until a script that keeps filling the login and password fields and
//   pressing the submit button (the renderer benchmark's notion, bench/renderer.bench.mts)
//   gets the sign-in request carrying that password out of the app: here it must also
//   cross the preload, IPC, main and net.fetch, and arrive at a stub plex.tv on 127.0.0.1.
// The app: the package:e2e build named by E2E_APP_PATH (its executable), else out/ (`npx
// electron-vite build`) under node_modules/electron's binary. Always given as
// executablePath, so Playwright adds no loader that would hold the app's ready event.
// Medians over BENCH_RUNS runs (default 10) after one warm-up; the table also goes to
// $GITHUB_STEP_SUMMARY when set.

const RUNS = Number(process.env['BENCH_RUNS'] ?? 10);
const WARMUP = 1;
const TIMEOUT_MS = 30_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN_ENTRY = path.join(ROOT, 'out', 'main', 'index.js');
const LOGIN = 'bench@example.com';
const PASSWORD = 'bench-password-1';

interface Sample {
  /** Spawn → main's BrowserWindow 'show'. */
  shown: number;
  /** Spawn → the sign-in request with the password reached the stub plex.tv. */
  interactive: number;
  /** The window was already visible when the benchmark looked: `shown` is an upper bound. */
  shownLate: boolean;
  /** The probe was attached after the page loaded: `interactive` is an upper bound. */
  probeLate: boolean;
}

// Page code as a string: this file is type-checked without the DOM library.
const PROBE = `(() => {
  if (window.__benchProbe) return;
  window.__benchProbe = true;
  let done = false;
  ${fillAndSubmitSource(LOGIN, PASSWORD)}
  const attempt = () => {
    if (!done) fillAndSubmit();
  };
  // Stops once the app answers (the stub refuses the password): one request is enough.
  const stop = () => { done = true; };
  window.__benchStop = stop;
  const start = () => {
    new MutationObserver(attempt).observe(document, { subtree: true, childList: true, attributes: true });
    const frame = () => { attempt(); if (!done) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  };
  if (document.documentElement) start(); else document.addEventListener('readystatechange', start, { once: true });
})();`;

/** What to launch: the e2e build's executable, or the Electron binary with out/main/index.js. */
function target(): { executablePath: string; entry: string[]; what: string } {
  const appPath = process.env['E2E_APP_PATH']?.trim();
  if (appPath) {
    if (!existsSync(appPath)) throw new Error(`E2E_APP_PATH=${appPath} does not exist.`);
    return { executablePath: appPath, entry: [], what: `the package:e2e build (${appPath})` };
  }
  if (!existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: run \`npx electron-vite build\` first.`);
  // node_modules/electron/index.js exports the binary's path (it needs the binary installed:
  // `node scripts/ensure-electron.mjs`).
  const binary = createRequire(import.meta.url)('electron') as unknown;
  if (typeof binary !== 'string') throw new Error('require("electron") did not give the binary path.');
  return { executablePath: binary, entry: [MAIN_ENTRY], what: `out/ under ${binary}` };
}

/** A stub plex.tv: notes when a request carrying the password arrives, and refuses it. */
function startStub(): Promise<{ server: Server; url: string; next: () => Promise<number> }> {
  let waiting: ((at: number) => void) | null = null;
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = Date.now();
      const body = Buffer.concat(chunks).toString('utf8');
      if (body.includes(PASSWORD) || decodeURIComponent(body.replace(/\+/g, ' ')).includes(PASSWORD)) {
        waiting?.(at);
        waiting = null;
      }
      response.writeHead(401, { 'content-type': 'application/json', connection: 'close' });
      response.end(
        JSON.stringify({ errors: [{ code: 1001, message: 'User could not be authenticated', status: 401 }] }),
      );
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://127.0.0.1:${port}/api/v2`,
        next: () => new Promise<number>((arrived) => (waiting = arrived)),
      });
    });
  });
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: no answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
    ),
  ]);
}

/** Resolves with the time main's window is shown (or, if it already is, now and late). */
function watchShown(app: ElectronApplication): Promise<{ at: number; late: boolean }> {
  return app.evaluate(
    ({ app: electronApp, BrowserWindow }) =>
      new Promise<{ at: number; late: boolean }>((resolve) => {
        const watch = (win: Electron.BrowserWindow) => {
          if (win.isVisible()) resolve({ at: Date.now(), late: true });
          else win.once('show', () => resolve({ at: Date.now(), late: false }));
        };
        const existing = BrowserWindow.getAllWindows()[0];
        if (existing) watch(existing);
        else electronApp.once('browser-window-created', (_event, win) => watch(win));
      }),
  );
}

async function launchOnce(
  launchTarget: ReturnType<typeof target>,
  stub: Awaited<ReturnType<typeof startStub>>,
): Promise<Sample> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plex-signin-launch-bench-'));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  env['PLEX_API_URL'] = stub.url;
  const arrived = stub.next();
  let app: ElectronApplication | undefined;
  try {
    const spawnedAt = Date.now();
    app = await _electron.launch({
      executablePath: launchTarget.executablePath,
      args: [
        ...launchTarget.entry,
        `--user-data-dir=${path.join(dir, 'user-data')}`,
        // The login Keychain would ask an unsigned app for a password (see e2e/support/electron-app.ts).
        ...(process.platform === 'darwin' ? ['--use-mock-keychain'] : []),
      ],
      env,
      timeout: TIMEOUT_MS,
    });
    const shown = watchShown(app);
    await app.context().addInitScript(PROBE);
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    // Attached too late (the page loaded before the script was registered): run it now.
    const probeLate = !(await page.evaluate('Boolean(window.__benchProbe)'));
    if (probeLate) await page.evaluate(PROBE);
    const interactiveAt = await withTimeout(arrived, 'the sign-in request');
    await page.evaluate('window.__benchStop && window.__benchStop()').catch(() => undefined);
    const show = await withTimeout(shown, "the window's show event");
    return { shown: show.at - spawnedAt, interactive: interactiveAt - spawnedAt, shownLate: show.late, probeLate };
  } finally {
    await app?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

const launchTarget = target();
const stub = await startStub();
const samples: Sample[] = [];
try {
  console.log(
    `Electron launch benchmark: ${launchTarget.what}, ${RUNS} runs after ${WARMUP} warm-up, ${process.platform}`,
  );
  for (let i = 0; i < WARMUP + RUNS; i += 1) {
    const sample = await launchOnce(launchTarget, stub);
    const flags = [sample.shownLate ? 'shown: upper bound' : '', sample.probeLate ? 'interactive: upper bound' : '']
      .filter(Boolean)
      .join(', ');
    const label = i < WARMUP ? 'warm-up' : `run ${i - WARMUP + 1}`;
    console.log(
      `  ${label}: shown ${sample.shown} ms, interactive ${sample.interactive} ms${flags ? ` (${flags})` : ''}`,
    );
    if (i >= WARMUP) samples.push(sample);
  }
} finally {
  stub.server.close();
}

const shownMedian = median(samples.map((s) => s.shown));
const interactiveMedian = median(samples.map((s) => s.interactive));
const table = [
  `### Electron launch (${process.platform}, ${samples.length} runs, medians)`,
  '',
  '| process start → window shown | process start → sign-in form interactive |',
  '| ---: | ---: |',
  `| ${shownMedian.toFixed(0)} ms | ${interactiveMedian.toFixed(0)} ms |`,
  '',
].join('\n');
console.log(`\n${table}`);
const summary = process.env['GITHUB_STEP_SUMMARY'];
if (summary) appendFileSync(summary, `${table}\n`);
