import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

// The built app, and checks of what the build produced: the renderer's CSP meta tag and
// the preload's bundle as it will run. Built fresh from the current source into a
// temporary folder (electron-vite, about 2 s), so the checks never read a stale out/ and
// never race another build writing there.

export const ROOT = path.resolve(__dirname, '../..');

/** A new temporary folder for buildAppInto; the caller removes it. */
export function makeBuildDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'plex-signin-built-'));
}

export function buildAppInto(outDir: string): string {
  const require = createRequire(__filename);
  const bin = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  execFileSync(process.execPath, [bin, 'build', '--outDir', outDir, '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  for (const file of ['main/index.js', 'preload/index.js', 'renderer/index.html']) {
    if (!existsSync(path.join(outDir, file))) throw new Error(`electron-vite build did not produce ${file}`);
  }
  return outDir;
}

// ---------------------------------------------------------------------------------------
// Content Security Policy of the built page.

export type Csp = Map<string, string[]>;

export function parseCsp(policy: string): Csp {
  const csp: Csp = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // The first occurrence of a directive wins; browsers ignore repeats.
    if (name && !csp.has(name.toLowerCase())) csp.set(name.toLowerCase(), sources);
  }
  return csp;
}

/** The content of every `<meta http-equiv="Content-Security-Policy">`, in document order. */
export function cspMetaTags(html: string): { index: number; content: string }[] {
  const tags: { index: number; content: string }[] = [];
  for (const match of html.matchAll(/<meta\b[^>]*>/gis)) {
    const tag = match[0];
    if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>]/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*"([^"]*)"|\bcontent\s*=\s*'([^']*)'/i.exec(tag);
    tags.push({ index: match.index, content: (content?.[1] ?? content?.[2] ?? '').replace(/&#39;|&apos;/g, "'") });
  }
  return tags;
}

/** What is wrong with the built index.html's CSP; empty when it is the strict policy. */
export function checkBuiltCsp(html: string): string[] {
  const violations: string[] = [];
  const tags = cspMetaTags(html);
  if (tags.length !== 1) return [`index.html has ${tags.length} CSP meta tags; exactly one`];
  const { index, content } = tags[0]!;
  const csp = parseCsp(content);

  const defaultSrc = csp.get('default-src');
  if (!defaultSrc || defaultSrc.join(' ') !== "'none'") {
    violations.push(`default-src is ${defaultSrc?.join(' ') ?? 'missing'}; it must be 'none'`);
  }
  const scriptSrc = csp.get('script-src');
  if (!scriptSrc || scriptSrc.join(' ') !== "'self'") {
    violations.push(`script-src is ${scriptSrc?.join(' ') ?? 'missing'}; it must be exactly 'self'`);
  }
  for (const directive of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src']) {
    for (const source of csp.get(directive) ?? []) {
      if (/^'(unsafe-|wasm-unsafe-eval|strict-dynamic)/i.test(source)) violations.push(`${directive} allows ${source}`);
    }
  }
  for (const directive of ['object-src', 'base-uri']) {
    const sources = csp.get(directive);
    if (sources && sources.join(' ') !== "'none'")
      violations.push(`${directive} is ${sources.join(' ')}; 'none' or unset`);
  }

  // A CSP meta tag governs only what comes after it, and an inline script would be refused
  // by script-src 'self' anyway: the page must not need one.
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (match.index < index) violations.push('a <script> comes before the CSP meta tag');
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(attributes)?.[1];
    if (!src) violations.push('index.html has an inline <script>');
    else if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) violations.push(`index.html loads a script from ${src}`);
  }
  if (/\son[a-z]+\s*=/i.test(html.replace(/<script\b[\s\S]*?<\/script>/gi, ''))) {
    violations.push('index.html has an inline event handler attribute');
  }
  return violations;
}

// ---------------------------------------------------------------------------------------
// The built preload, run the way a sandboxed preload runs: its only require is Electron's.

export interface PreloadRun {
  /** Every contextBridge.exposeInMainWorld call: the name and the object. */
  exposed: { name: unknown; api: unknown }[];
  /** Every ipcRenderer.invoke call's arguments. */
  invokes: unknown[][];
  /** Every module the preload asked require() for. */
  required: string[];
  /** The stand-ins, to check none of them reached the page. */
  ipcRenderer: object;
  contextBridge: object;
}

export function runBuiltPreload(code: string): PreloadRun {
  const run: PreloadRun = { exposed: [], invokes: [], required: [], ipcRenderer: {}, contextBridge: {} };
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      run.invokes.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    // Present so a preload that reached for them would be caught passing them on.
    on: () => ipcRenderer,
    send: () => undefined,
    sendSync: () => undefined,
  };
  const contextBridge = {
    exposeInMainWorld: (name: unknown, api: unknown) => {
      run.exposed.push({ name, api });
    },
  };
  run.ipcRenderer = ipcRenderer;
  run.contextBridge = contextBridge;
  const fakeRequire = (id: string): unknown => {
    run.required.push(id);
    if (id === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`the preload requires "${id}"; a sandboxed preload may only require electron`);
  };
  const module = { exports: {} as unknown };
  const wrapper = vm.runInNewContext(
    `(function (exports, require, module) {\n${code}\n})`,
    {},
    { filename: 'preload/index.js' },
  ) as (exports: unknown, require: (id: string) => unknown, module: { exports: unknown }) => void;
  wrapper(module.exports, fakeRequire, module);
  return run;
}

export function readBuilt(outDir: string, file: string): string {
  return readFileSync(path.join(outDir, file), 'utf8');
}

/** What is wrong with the built preload, run for real; empty when it exposes exactly the API. */
export async function checkBuiltPreload(
  code: string,
  apiGlobal: string,
  apiMethods: Readonly<Record<string, string>>,
): Promise<string[]> {
  const violations: string[] = [];
  let run: PreloadRun;
  try {
    run = runBuiltPreload(code);
  } catch (error) {
    return [
      `the preload does not run as a sandboxed preload: ${error instanceof Error ? error.message : String(error)}`,
    ];
  }
  if (run.exposed.length !== 1) violations.push(`exposeInMainWorld was called ${run.exposed.length} times; once`);
  const first = run.exposed[0];
  if (!first) return violations;
  if (first.name !== apiGlobal) violations.push(`the API is exposed as ${String(first.name)}, not ${apiGlobal}`);
  const api = first.api;
  if (typeof api !== 'object' || api === null) return [...violations, 'the exposed value is not an object'];
  if (!Object.isFrozen(api)) violations.push('the exposed object is not frozen');
  const names = Object.getOwnPropertyNames(api).sort();
  const expected = Object.keys(apiMethods).sort();
  if (names.join() !== expected.join()) {
    violations.push(`the exposed object has ${names.join(', ')}; it must have exactly ${expected.join(', ')}`);
  }
  if (Object.getOwnPropertySymbols(api).length > 0) violations.push('the exposed object has symbol keys');
  const forbidden = new Set<unknown>([run.ipcRenderer, run.contextBridge, globalThis]);
  for (const name of names) {
    const value = (api as Record<string, unknown>)[name];
    if (forbidden.has(value)) violations.push(`${name} is an Electron or global object`);
    else if (typeof value !== 'function') violations.push(`${name} is a ${typeof value}, not a function`);
    // A function carrying properties could smuggle an object across the bridge.
    else if (Object.keys(value).length > 0)
      violations.push(`${name} carries properties: ${Object.keys(value).join(', ')}`);
  }
  for (const [method, channel] of Object.entries(apiMethods)) {
    const fn = (api as Record<string, unknown>)[method];
    if (typeof fn !== 'function') continue;
    run.invokes.length = 0;
    const request = { probe: method };
    await (fn as (...args: unknown[]) => unknown)(request, 'extra', { more: true });
    const calls = JSON.stringify(run.invokes);
    if (calls !== JSON.stringify([[channel, request]])) {
      violations.push(`${method}() invoked ${calls}; expected exactly [["${channel}", ${JSON.stringify(request)}]]`);
    }
  }
  if ((code.match(/exposeInMainWorld\s*\(/g) ?? []).length !== 1) {
    violations.push('the bundle does not contain exactly one exposeInMainWorld call');
  }
  if (/ipcRenderer\s*\.\s*(on|once|send|sendSync|sendTo|postMessage)\b/.test(code)) {
    violations.push('the bundle uses ipcRenderer beyond invoke()');
  }
  return violations;
}

/** The built main bundle keeps one ipcMain.handle and one shell.openExternal. */
export function checkBuiltMain(code: string): string[] {
  const violations: string[] = [];
  const handles = (code.match(/\bipcMain\s*\.\s*handle\s*\(/g) ?? []).length;
  if (handles !== 1) violations.push(`main/index.js calls ipcMain.handle in ${handles} places; one`);
  if (/\bipcMain\s*\.\s*(on|once|handleOnce|addListener|prependListener)\s*\(/.test(code)) {
    violations.push('main/index.js listens on ipcMain other than through handle()');
  }
  const opens = (code.match(/\bshell\s*\.\s*openExternal\s*\(/g) ?? []).length;
  if (opens !== 1) violations.push(`main/index.js calls shell.openExternal in ${opens} places; one`);
  return violations;
}
