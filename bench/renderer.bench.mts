import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumExecutable, chromiumLaunchOptions } from '../testing/chromium-launch';
import { startRendererServer } from '../testing/renderer-server';

// `npx tsx bench/renderer.bench.mts` (after `npx electron-vite build`): how fast the built
// renderer becomes a usable sign-in form, and how much JavaScript it ships.
// - time from navigation start to an interactive form: the "Sign in" button exists and is
//   enabled, noted inside the page by a MutationObserver (performance.now(), whose origin
//   is the navigation start), in headless Chromium, each load in a fresh browser context
//   (empty cache), with a stub `window.plexSignIn` that answers at once: signed out;
// - the renderer's JavaScript: the sum of gzip sizes of out/renderer/assets/*.js.
// Goals: median <= 100 ms; <= 80 KB gzip.

const RUNS = Number(process.env['BENCH_RUNS'] ?? 20);
const WARMUP = 3;
const TARGET_MS = 100;
const TARGET_GZIP_KB = 80;
const RENDERER_DIR = fileURLToPath(new URL('../out/renderer', import.meta.url));

// Page code as strings: this file is type-checked without the DOM library.
const STUB_AND_PROBE = `(() => {
  const ok = (value) => Promise.resolve({ ok: true, value });
  const refused = () => Promise.resolve({ ok: false, error: { kind: 'internal', message: 'Not in the benchmark.' } });
  Object.defineProperty(window, 'plexSignIn', {
    value: Object.freeze({
      getAppInfo: () => ok({
        productName: 'Plex Sign-In', version: '0.0.0-bench', apiUrl: 'https://plex.tv/api/v2',
        usingPlexTv: true, rememberAvailable: true, rememberUnavailableReason: null,
      }),
      getSession: () => ok({ signedIn: false, notice: null }),
      validateSession: () => ok({ signedIn: false, notice: null }),
      signIn: refused, signOut: refused, revokeToken: refused, copyToken: refused, openExternal: refused,
    }),
  });
  const ready = () => Array.from(document.querySelectorAll('button'))
    .some((b) => b.textContent.trim() === 'Sign in' && !b.disabled);
  const observer = new MutationObserver(() => {
    if (window.__signInReadyAt === undefined && ready()) {
      window.__signInReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function gzipKilobytes(): { files: string[]; kb: number } {
  const assets = path.join(RENDERER_DIR, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length, 0);
  return { files, kb: bytes / 1024 };
}

const server = await startRendererServer(RENDERER_DIR);
const browser = await chromium.launch(chromiumLaunchOptions());
const times: number[] = [];
// Where the time goes: the HTML received, the JS received, DOMContentLoaded (the module script has run).
const phases = { html: [] as number[], js: [] as number[], dcl: [] as number[] };
const PHASES = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const js = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'));
  return { html: nav.responseEnd, js: Math.max(0, ...js.map((e) => e.responseEnd)), dcl: nav.domContentLoadedEventEnd };
})()`;
try {
  for (let i = 0; i < WARMUP + RUNS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 480, height: 720 } });
    await context.addInitScript({ content: STUB_AND_PROBE });
    const page = await context.newPage();
    await page.goto(server.url);
    const ms = Number(await (await page.waitForFunction('window.__signInReadyAt')).jsonValue());
    const phase = (await page.evaluate(PHASES)) as Record<keyof typeof phases, number>;
    if (i >= WARMUP) {
      times.push(ms);
      for (const key of Object.keys(phases) as (keyof typeof phases)[]) phases[key].push(phase[key]);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const js = gzipKilobytes();
const m = median(times);
const version = browser.version();
console.log(
  `renderer, ${RUNS} fresh loads after ${WARMUP} warm-up (Chromium ${version}${chromiumExecutable() ? ` at ${chromiumExecutable()}` : ''}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)})`,
);
console.log(
  `  navigation start -> interactive sign-in form: median ${m.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})   target <= ${TARGET_MS} ms   ${m <= TARGET_MS ? 'ok' : 'OVER'}`,
);
console.log(
  `    (medians: HTML received ${median(phases.html).toFixed(1)} ms, JS received ${median(phases.js).toFixed(1)} ms, DOMContentLoaded ${median(phases.dcl).toFixed(1)} ms)`,
);
console.log(
  `  renderer JS, gzip -9: ${js.kb.toFixed(1)} KB in ${js.files.length} file(s)   target <= ${TARGET_GZIP_KB} KB   ${js.kb <= TARGET_GZIP_KB ? 'ok' : 'OVER'}`,
);
