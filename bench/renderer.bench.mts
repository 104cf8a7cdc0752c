import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
import { chromiumExecutable, chromiumLaunchOptions } from '../testing/chromium-launch';
import { startRendererServer } from '../testing/renderer-server';
import { fillAndSubmitSource, median } from './bench-support.mjs';

// `npm run bench:renderer`: how soon the built renderer takes the user's input, next to
// the least page that could, measured in the same run, interleaved, each load in a fresh
// browser context (empty cache) of headless Chromium.
// - signed out: navigation start until a script that keeps filling the login and password
//   fields and pressing the submit button gets the call carrying that password to
//   `window.plexSignIn.signIn` (a form that is drawn but does nothing yet does not count;
//   native form submission is suppressed, so an early press cannot cancel the page's
//   loads). The floor: the same fields in plain HTML under the app's own CSP, with one
//   external module script whose submit handler hands them to the bridge.
// - signed in (a stored session): until a press of "Copy token" reaches the bridge. The
//   floor: the account card in plain HTML, filled from `getSession` by one module script.
// Also first contentful paint, and the renderer's shipped JS and CSS (gzip -9).
// Goal: each median at most 1.5 × its floor.

const RUNS = Number(process.env['BENCH_RUNS'] ?? 20);
const WARMUP = 3;
const GOAL_RATIO = 1.5;
const RENDERER_DIR = fileURLToPath(new URL('../out/renderer', import.meta.url));
const LOGIN = 'bench@example.com';
const PASSWORD = 'bench-password-1';

type Mode = 'signed-out' | 'signed-in';
type Variant = 'app' | 'floor';

// Page code as strings: this file is type-checked without the DOM library.
const probe = (mode: Mode) => `(() => {
  const mode = ${JSON.stringify(mode)};
  const LOGIN = ${JSON.stringify(LOGIN)}, PASSWORD = ${JSON.stringify(PASSWORD)};
  const bench = (window.__bench = {});
  const ok = (value) => Promise.resolve({ ok: true, value });
  const pending = () => new Promise(() => {});
  const refused = () => Promise.resolve({ ok: false, error: { kind: 'internal', message: 'Not in the benchmark.' } });
  const account = {
    id: 1, uuid: 'bench-uuid', username: 'bench', title: 'Bench User', email: LOGIN, thumb: null,
    joinedAt: '2020-01-01T00:00:00.000Z', hasPassword: true, twoFactorEnabled: false, hasPlexPass: true,
    rememberExpiresAt: null,
  };
  const session = mode === 'signed-in'
    ? { signedIn: true, account, tokenPreview: '••••••••••••••••Wxyz', storage: 'keychain', validation: 'valid',
        validationMessage: null, notice: null }
    : { signedIn: false, notice: null };
  const api = {
    getAppInfo: () => ok({ productName: 'Plex Sign-In', version: '0.0.0-bench', apiUrl: 'https://plex.tv/api/v2',
      usingPlexTv: true, rememberAvailable: true, rememberUnavailableReason: null }),
    getSession: () => ok(session),
    validateSession: () => ok(session),
    signIn: (request) => {
      if (request && request.login === LOGIN && request.password === PASSWORD) bench.interactive ??= performance.now();
      return pending();
    },
    copyToken: () => { bench.interactive ??= performance.now(); return pending(); },
  };
  for (const name of ['signOut', 'revokeToken', 'openLink', 'startPinSignIn', 'waitForPinSignIn', 'cancelPinSignIn',
    'copyDiagnostics']) api[name] = refused;
  Object.defineProperty(window, 'plexSignIn', { value: Object.freeze(api) });
  addEventListener('submit', (event) => event.preventDefault(), true);

  ${fillAndSubmitSource(LOGIN, PASSWORD)}
  const attempt = () => {
    if (bench.interactive !== undefined) return;
    if (mode === 'signed-out') {
      fillAndSubmit();
    } else {
      const copy = Array.from(document.querySelectorAll('button')).find((b) => /copy token/i.test(b.textContent));
      if (copy) copy.click();
    }
  };
  new MutationObserver(attempt).observe(document, { subtree: true, childList: true, attributes: true });
  const frame = () => { attempt(); if (bench.interactive === undefined) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;

/** The least pages that do the job under the app's rules: its CSP, one external module script each. */
function writeFloor(dir: string): void {
  const builtHtml = readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8');
  const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(builtHtml)?.[1];
  if (!csp) throw new Error('The built index.html has no CSP meta tag.');
  const page = (script: string, body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>Plex Sign-In</title>` +
    `<script type="module" src="./${script}"></script></head><body><main>${body}</main></body></html>`;
  writeFileSync(
    path.join(dir, 'index.html'),
    page(
      'signed-out.js',
      '<h1>Sign in to Plex</h1><form id="form"><label>Email or username <input name="login" autocomplete="username"></label>' +
        '<label>Password <input name="password" type="password" autocomplete="current-password"></label>' +
        '<label><input name="remember" type="checkbox" checked> Remember me</label><button type="submit">Sign in</button></form>',
    ),
  );
  writeFileSync(
    path.join(dir, 'signed-out.js'),
    `const form = document.getElementById('form');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  void window.plexSignIn.signIn({ login: String(data.get('login')), password: String(data.get('password')), rememberMe: data.get('remember') === 'on' });
});`,
  );
  writeFileSync(
    path.join(dir, 'signed-in.html'),
    page(
      'signed-in.js',
      '<h1 id="name"></h1><p id="email"></p><p id="token"></p><button type="button" id="copy">Copy token</button>',
    ),
  );
  writeFileSync(
    path.join(dir, 'signed-in.js'),
    `const result = await window.plexSignIn.getSession();
if (result.ok && result.value.signedIn) {
  document.getElementById('name').textContent = result.value.account.title;
  document.getElementById('email').textContent = result.value.account.email;
  document.getElementById('token').textContent = result.value.tokenPreview;
}
document.getElementById('copy').addEventListener('click', () => void window.plexSignIn.copyToken());`,
  );
}

function gzipKilobytes(extension: string): { files: number; kb: number } {
  const assets = path.join(RENDERER_DIR, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith(extension));
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length, 0);
  return { files: files.length, kb: bytes / 1024 };
}

interface Sample {
  interactive: number;
  paint: number;
}

async function load(browser: Browser, url: string, mode: Mode): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 480, height: 720 } });
  try {
    await context.addInitScript({ content: probe(mode) });
    const page = await context.newPage();
    await page.goto(url);
    const interactive = Number(
      await (await page.waitForFunction('window.__bench.interactive', undefined, { timeout: 10_000 })).jsonValue(),
    );
    const paint = Number(
      await page.evaluate(
        `(performance.getEntriesByName('first-contentful-paint')[0] || { startTime: NaN }).startTime`,
      ),
    );
    return { interactive, paint };
  } finally {
    await context.close();
  }
}

const floorDir = mkdtempSync(path.join(os.tmpdir(), 'plex-signin-bench-floor-'));
writeFloor(floorDir);
const appServer = await startRendererServer(RENDERER_DIR);
const floorServer = await startRendererServer(floorDir);
const browser = await chromium.launch(chromiumLaunchOptions());
const urls: Record<Variant, Record<Mode, string>> = {
  app: { 'signed-out': appServer.url, 'signed-in': appServer.url },
  floor: {
    'signed-out': floorServer.url,
    'signed-in': floorServer.url.replace(/index\.html$/, 'signed-in.html'),
  },
};
const samples: Record<Mode, Record<Variant, Sample[]>> = {
  'signed-out': { app: [], floor: [] },
  'signed-in': { app: [], floor: [] },
};
try {
  for (let i = 0; i < WARMUP + RUNS; i += 1) {
    // A B B A, then B A A B: the machine's drift falls on both sides alike.
    const order: Variant[] = i % 2 === 0 ? ['app', 'floor'] : ['floor', 'app'];
    for (const mode of ['signed-out', 'signed-in'] as const) {
      for (const variant of order) {
        const sample = await load(browser, urls[variant][mode], mode);
        if (i >= WARMUP) samples[mode][variant].push(sample);
      }
    }
  }
} finally {
  await browser.close();
  await appServer.close();
  await floorServer.close();
  rmSync(floorDir, { recursive: true, force: true });
}

const js = gzipKilobytes('.js');
const css = gzipKilobytes('.css');
console.log(
  `renderer, ${RUNS} fresh loads of each page after ${WARMUP} warm-up, interleaved (Chromium ${browser.version()}` +
    `${chromiumExecutable() ? ` at ${chromiumExecutable()}` : ''}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)})`,
);

for (const mode of ['signed-out', 'signed-in'] as const) {
  const app = median(samples[mode].app.map((s) => s.interactive));
  const floor = median(samples[mode].floor.map((s) => s.interactive));
  const ratio = app / floor;

  const paint = (v: Variant) => median(samples[mode][v].map((s) => s.paint).filter(Number.isFinite)).toFixed(1); // no entry: painted before the probe looked
  console.log(
    `  ${mode}: interactive median ${app.toFixed(1)} ms vs floor ${floor.toFixed(1)} ms = ${ratio.toFixed(2)} × ` +
      `(goal <= ${GOAL_RATIO} ×: ${ratio <= GOAL_RATIO ? 'met' : 'NOT MET'}); first contentful paint ${paint('app')} ms vs ${paint('floor')} ms`,
  );
}
console.log(
  `  shipped: JS ${js.kb.toFixed(1)} KB gzip in ${js.files} file(s), CSS ${css.kb.toFixed(1)} KB gzip in ${css.files} file(s)`,
);
