import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBuiltCsp, checkBuiltMain, checkBuiltPreload } from './built-app';
import { checkIpcRegistration, checkIpcRendererConfined, checkOpenExternal, checkPreloadSource } from './source-scan';

// The security checks must fail when the property breaks. Each case below is a small,
// deliberately broken app source (or built file) and the check that must catch it;
// the first case of each group is a correct one that must pass.

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A throw-away project with these files under src/. */
function project(files: Record<string, string>): { root: string; src: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plex-signin-scan-'));
  made.push(root);
  for (const [file, text] of Object.entries(files)) {
    const absolute = path.join(root, 'src', file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
  return { root, src: path.join(root, 'src') };
}

const REGISTRATION = `
import { ipcMain } from 'electron';
import { IPC_CHANNELS } from '../shared/ipc-contract';
export function register(core: { invoke(c: string, p: unknown, s: unknown): unknown }, trusted: () => boolean) {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => core.invoke(channel, payload, { trusted: trusted() }));
  }
}
`;

describe('checkIpcRegistration', () => {
  const ipc = (files: Record<string, string>): string[] => {
    const { root, src } = project(files);
    return checkIpcRegistration(src, root).violations;
  };

  it('passes one handle over IPC_CHANNELS into the router', () => {
    expect(ipc({ 'main/index.ts': REGISTRATION })).toEqual([]);
  });

  it('catches ipcMain.on in a second module', () => {
    const found = ipc({
      'main/index.ts': REGISTRATION,
      'main/extra.ts': `import { ipcMain } from 'electron';\nipcMain.on('raw', () => {});\n`,
    });
    expect(found.join('\n')).toMatch(/main\/extra\.ts:2: ipcMain is used as ipcMain\.on\(\)/);
    expect(found.join('\n')).toMatch(/ipcMain is used in 2 modules/);
  });

  it('catches an aliased or namespaced ipcMain, and require()', () => {
    const found = ipc({
      'main/index.ts': REGISTRATION.replace(
        '}\n',
        "}\nimport { ipcMain as bus } from 'electron';\nimport * as electron from 'electron';\nbus.handleOnce('a', () => 1);\nelectron.ipcMain.on('b', () => 1);\nrequire('electron').ipcMain.handle('c', () => 1);\n",
      ),
    });
    expect(found.join('\n')).toMatch(/as ipcMain\.handleOnce\(\)/);
    expect(found.join('\n')).toMatch(/as ipcMain\.on\(\)/);
    expect(found.join('\n')).toMatch(/ipcMain\.handle\(\) is called in 2 places/);
  });

  it('catches a handle outside the channel loop, a loop over other channels, and a handler that skips the router', () => {
    const outside = ipc({
      'main/index.ts': `import { ipcMain } from 'electron';\nipcMain.handle('token:read', () => 'secret');\n`,
    });
    expect(outside.join('\n')).toMatch(/not inside `for \(const channel of IPC_CHANNELS\)`/);

    const otherList = ipc({
      'main/index.ts': REGISTRATION.replace('of IPC_CHANNELS', "of ['app:get-info', 'token:read']"),
    });
    expect(otherList.join('\n')).toMatch(/not inside `for \(const channel of IPC_CHANNELS\)`/);

    const direct = ipc({
      'main/index.ts': REGISTRATION.replace('core.invoke(channel, payload, { trusted: trusted() })', 'payload'),
    });
    expect(direct.join('\n')).toMatch(/does not pass the channel and payload to the router/);
  });

  it('catches raw IPC on a WebContents', () => {
    const found = ipc({
      'main/index.ts': REGISTRATION,
      'main/window.ts': `export function wire(win: any) {\n  win.webContents.ipc.handle('x', () => 1);\n  win.webContents.on('ipc-message', () => 1);\n}\n`,
    });
    expect(found.join('\n')).toMatch(/WebContents\.ipc\.handle\(\) bypasses/);
    expect(found.join('\n')).toMatch(/'ipc-message' event bypasses/);
  });
});

describe('checkIpcRendererConfined', () => {
  it('passes ipcRenderer in the preload and catches it anywhere else', () => {
    const { root, src } = project({
      'preload/index.ts': "import { ipcRenderer } from 'electron';\nipcRenderer.invoke('x');\n",
      'renderer/api.ts': "import { ipcRenderer } from 'electron';\nexport const raw = ipcRenderer;\n",
    });
    expect(checkIpcRendererConfined(src, path.join(src, 'preload'), root)).toEqual([
      'src/renderer/api.ts:2: ipcRenderer outside src/preload',
    ]);
  });
});

const OPENER = `
import { shell } from 'electron';
import { isAllowedExternalUrl } from '../shared/external-links';
export async function openInBrowser(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) throw new Error('Only plex.tv https links are opened.');
  await shell.openExternal(url);
}
`;

describe('checkOpenExternal', () => {
  const open = (files: Record<string, string>): string[] => {
    const { root, src } = project(files);
    return checkOpenExternal(src, root).violations;
  };

  it('passes one call behind the allowlist', () => {
    expect(open({ 'main/open.ts': OPENER })).toEqual([]);
  });

  it('catches a call without the guard, or with the guard after it', () => {
    expect(open({ 'main/open.ts': OPENER.replace(/ {2}if \(!isAllowed.*\n/, '') }).join('\n')).toMatch(
      /is not preceded by `if \(!isAllowedExternalUrl\(url\)\)/,
    );
    const after = OPENER.replace(
      /( {2}if \(!isAllowed.*\n)( {2}await shell.*\n)/,
      (_all, guard: string, call: string) => call + guard,
    );
    expect(open({ 'main/open.ts': after }).join('\n')).toMatch(/is not preceded by/);
  });

  it('catches a guard that does not stop, or checks another variable, or a reassigned URL', () => {
    const logs = OPENER.replace("throw new Error('Only plex.tv https links are opened.')", "console.log('refused')");
    expect(open({ 'main/open.ts': logs }).join('\n')).toMatch(/is not preceded by/);
    const other = OPENER.replace('isAllowedExternalUrl(url)', 'isAllowedExternalUrl(safe)').replace(
      'Promise<void> {',
      "Promise<void> {\n  const safe = 'https://plex.tv/';",
    );
    expect(open({ 'main/open.ts': other }).join('\n')).toMatch(/is not preceded by/);
    const reassigned = OPENER.replace('  await shell', "  url = url + '#';\n  await shell").replace(
      'url: string',
      'url: string',
    );
    expect(open({ 'main/open.ts': reassigned }).join('\n')).toMatch(/is not preceded by/);
  });

  it('catches a second call site and a shell smuggled out as a value', () => {
    const second = `import { shell } from 'electron';\nexport const go = (u: string) => shell.openExternal(u);\n`;
    const found = open({ 'main/open.ts': OPENER, 'main/other.ts': second }).join('\n');
    expect(found).toMatch(/called in 2 places/);
    const destructured = `import { shell } from 'electron';\nconst { openExternal } = shell;\nexport const go = (u: string) => openExternal(u);\n`;
    expect(open({ 'main/open.ts': OPENER, 'main/other.ts': destructured }).join('\n')).toMatch(
      /main\/other\.ts:2: shell is used as a value/,
    );
  });

  it('catches a guard from somewhere other than src/shared/external-links', () => {
    const homemade = OPENER.replace("from '../shared/external-links'", "from './my-allowlist'");
    expect(open({ 'main/open.ts': homemade }).join('\n')).toMatch(/not the one from src\/shared\/external-links/);
  });
});

const PRELOAD = `
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, API_METHODS } from '../shared/ipc-contract';
const api = Object.freeze(
  Object.fromEntries(Object.entries(API_METHODS).map(([m, c]) => [m, (r?: unknown) => ipcRenderer.invoke(c, r)])),
);
contextBridge.exposeInMainWorld(API_GLOBAL, api);
`;

describe('checkPreloadSource', () => {
  const preload = (text: string, extra: Record<string, string> = {}): string[] => {
    const { root, src } = project({ 'preload/index.ts': text, 'shared/ipc-contract.ts': 'export {};', ...extra });
    return checkPreloadSource(path.join(src, 'preload'), path.join(src, 'shared'), root);
  };

  it('passes the one API built from API_METHODS', () => {
    expect(preload(PRELOAD)).toEqual([]);
  });

  it('catches ipcRenderer exposed as such, or inside the API', () => {
    const raw = preload(`${PRELOAD}contextBridge.exposeInMainWorld('ipc', ipcRenderer);\n`).join('\n');
    expect(raw).toMatch(/ipcRenderer is used as a value/);
    expect(raw).toMatch(/calls exposeInMainWorld 2 times/);
    expect(raw).toMatch(/name is not API_GLOBAL/);
    const inside = preload(PRELOAD.replace('(API_GLOBAL, api)', '(API_GLOBAL, { ...api, raw: ipcRenderer })'));
    expect(inside.join('\n')).toMatch(/ipcRenderer is used as a value/);
  });

  it('catches require, process and Node imports', () => {
    const found = preload(
      `import { readFileSync } from 'node:fs';\n${PRELOAD}contextBridge.exposeInMainWorld(API_GLOBAL, { api, require, v: process.versions, readFileSync });\n`,
    ).join('\n');
    expect(found).toMatch(/imports 'node:fs'/);
    expect(found).toMatch(/uses require/);
    expect(found).toMatch(/uses process/);
  });

  it('catches listeners and sends, other bridge calls, and an API not built from the contract', () => {
    expect(preload(`${PRELOAD}ipcRenderer.on('token', () => 1);\n`).join('\n')).toMatch(/as ipcRenderer\.on\(\)/);
    expect(preload(`${PRELOAD}contextBridge.executeInMainWorld({ func: () => 1 });\n`).join('\n')).toMatch(
      /executeInMainWorld\(\) hands the page/,
    );
    const handmade = PRELOAD.replace(
      /const api = [\s\S]*?\);\n(?=contextBridge)/,
      "const api = { readToken: () => ipcRenderer.invoke('token:read') };\n",
    );
    expect(preload(handmade).join('\n')).toMatch(/not built from API_METHODS/);
    expect(
      preload(
        PRELOAD.replace(
          "import { contextBridge, ipcRenderer } from 'electron'",
          "import { contextBridge, ipcRenderer, shell } from 'electron'",
        ),
      ).join('\n'),
    ).toMatch(/imports shell from electron/);
  });
});

const HTML = (csp: string, body = '<script type="module" crossorigin src="./assets/index-abc.js"></script>') =>
  `<!doctype html><html><head><meta charset="UTF-8" />\n<meta http-equiv="Content-Security-Policy" content="${csp}" />\n${body}</head><body><div id="root"></div></body></html>`;
const STRICT = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'none'; base-uri 'none'";

describe('checkBuiltCsp', () => {
  it('passes the strict policy', () => {
    expect(checkBuiltCsp(HTML(STRICT))).toEqual([]);
  });

  it('catches unsafe script sources and a weak default', () => {
    expect(checkBuiltCsp(HTML(STRICT.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")))).toContain(
      "script-src allows 'unsafe-inline'",
    );
    expect(checkBuiltCsp(HTML(STRICT.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"))).join()).toMatch(
      /unsafe-eval/,
    );
    expect(checkBuiltCsp(HTML(STRICT.replace("default-src 'none'", "default-src 'self'"))).join()).toMatch(
      /default-src is 'self'/,
    );
    expect(checkBuiltCsp(HTML(STRICT.replace("script-src 'self'", 'script-src https://cdn.example'))).join()).toMatch(
      /script-src is https:\/\/cdn\.example/,
    );
  });

  it('catches a missing policy, an inline script and a script ahead of the policy', () => {
    expect(checkBuiltCsp('<html><head></head></html>')).toEqual(['index.html has 0 CSP meta tags; exactly one']);
    expect(checkBuiltCsp(HTML(STRICT, '<script>window.x = 1</script>'))).toContain('index.html has an inline <script>');
    const early = HTML(STRICT).replace('<meta charset="UTF-8" />', '<script src="./a.js"></script>');
    expect(checkBuiltCsp(early)).toContain('a <script> comes before the CSP meta tag');
  });
});

const METHODS = { getSession: 'session:get', signIn: 'session:sign-in' } as const;
const BUILT_PRELOAD = `"use strict";
const electron = require("electron");
const METHODS = ${JSON.stringify(METHODS)};
const api = Object.freeze(Object.fromEntries(Object.entries(METHODS).map(([m, c]) => [m, (r) => electron.ipcRenderer.invoke(c, r)])));
electron.contextBridge.exposeInMainWorld("plexSignIn", api);
`;

describe('checkBuiltPreload', () => {
  it('passes a bundle that exposes exactly the API', async () => {
    expect(await checkBuiltPreload(BUILT_PRELOAD, 'plexSignIn', METHODS)).toEqual([]);
  });

  it('catches extras, raw IPC, forwarded arguments and a Node require', async () => {
    const leaky = BUILT_PRELOAD.replace('[m, (r) =>', '[m, (...a) =>').replace('invoke(c, r)', 'invoke(c, ...a)');
    expect((await checkBuiltPreload(leaky, 'plexSignIn', METHODS)).join('\n')).toMatch(/getSession\(\) invoked/);
    const raw = BUILT_PRELOAD.replace(
      'Object.entries(METHODS).map(',
      'Object.entries(METHODS).concat([["ipc", null]]).map(',
    ).replace('[m, (r) =>', '[m, m === "ipc" ? electron.ipcRenderer : (r) =>');
    expect((await checkBuiltPreload(raw, 'plexSignIn', METHODS)).join('\n')).toMatch(
      /ipc is an Electron or global object/,
    );
    const unfrozen = BUILT_PRELOAD.replace('Object.freeze(', '(');
    expect(await checkBuiltPreload(unfrozen, 'plexSignIn', METHODS)).toContain('the exposed object is not frozen');
    const node = `const fs = require("fs");\n${BUILT_PRELOAD}`;
    expect((await checkBuiltPreload(node, 'plexSignIn', METHODS)).join()).toMatch(/may only require electron/);
  });
});

describe('checkBuiltMain', () => {
  const main = 'for (const c of CH) electron.ipcMain.handle(c, h);\nawait electron.shell.openExternal(url);\n';
  it('passes one of each', () => {
    expect(checkBuiltMain(main)).toEqual([]);
  });
  it('catches a second listener or a second openExternal', () => {
    expect(checkBuiltMain(`${main}electron.ipcMain.on("x", f);`).join()).toMatch(/other than through handle/);
    expect(checkBuiltMain(`${main}electron.shell.openExternal(u2);`).join()).toMatch(/openExternal in 2 places/);
  });
});
