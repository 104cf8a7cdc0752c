import { existsSync } from 'node:fs';
import path from 'node:path';
import { IPC_CHANNELS } from '../../src/shared/ipc-contract';
import type { DoubleApp } from '../../testing/electron-double/driver';

// What the smoke test demands of the Electron shell, as lists of violations (empty when
// all is well), so that the same checks run on the real build and on builds with one
// security handler switched off (which must produce a violation).

export interface ShellReport {
  switches: Record<string, string>;
  userData: string;
  privilegedSchemes: { scheme: string; privileges?: Record<string, boolean> }[];
  protocolHandlers: string[];
  ipc: { handlers: string[]; listeners: { channel: string; count: number }[] };
  session: { permissionRequestHandler: boolean; permissionCheckHandler: boolean; webRequest: string[] } | null;
  windows: {
    options: { webPreferences?: Record<string, unknown> };
    url: string;
    visible: boolean;
    destroyed: boolean;
    loaded: { url: string; status: number; csp: string | null; error: string | null }[];
    windowOpenHandler: boolean;
  }[];
  netRequests: {
    url: string;
    method: string;
    cache: string;
    credentials: string;
    outcome: string | number | null;
    sentCookies: boolean;
  }[];
  openedExternal: string[];
  dialogs: { type: string; title: string; content: string }[];
  clipboard: string;
  calls: { api: string; detail?: Record<string, unknown> }[];
  errors: string[];
}

export const APP_ENTRY = 'app://plex-signin/index.html';

const EXPECTED_PREFERENCES: Record<string, unknown> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
};

/** What the report says about the window, IPC, session and scheme wiring. */
export function checkWiring(report: ShellReport, outDir: string): string[] {
  const violations: string[] = [];
  const live = report.windows.filter((w) => !w.destroyed);
  if (live.length !== 1) return [`${live.length} windows are open; one`];
  const win = live[0]!;
  const prefs = win.options.webPreferences ?? {};
  for (const [name, value] of Object.entries(EXPECTED_PREFERENCES)) {
    if (prefs[name] !== value) violations.push(`webPreferences.${name} is ${String(prefs[name])}; ${String(value)}`);
  }
  const preload = path.join(outDir, 'preload/index.js');
  if (prefs['preload'] !== preload) violations.push(`the preload is ${String(prefs['preload'])}; ${preload}`);
  if (!existsSync(preload)) violations.push('the preload file does not exist');
  if (!win.visible) violations.push('the window was never shown');
  if (win.url !== APP_ENTRY) violations.push(`the window shows ${win.url}; ${APP_ENTRY}`);
  const load = win.loaded.at(-1);
  if (!load || load.status !== 200 || load.error) violations.push(`the page did not load: ${JSON.stringify(load)}`);
  if (!load?.csp?.includes("script-src 'self'")) violations.push('the page came without its CSP header');

  const handlers = [...report.ipc.handlers].sort();
  if (handlers.join() !== [...IPC_CHANNELS].sort().join()) {
    violations.push(`ipcMain handles ${handlers.join(', ')}; exactly the contract's channels`);
  }
  for (const { channel, count } of report.ipc.listeners) {
    violations.push(`ipcMain has ${count} listener(s) on '${channel}', outside the router`);
  }
  if (!report.session?.permissionRequestHandler) violations.push('no permission request handler');
  if (!report.session?.permissionCheckHandler) violations.push('no permission check handler');
  if (!report.session?.webRequest.includes('onHeadersReceived')) violations.push('no onHeadersReceived listener');
  if (!win.windowOpenHandler) violations.push('no window open handler');

  const scheme = report.privilegedSchemes.find((s) => s.scheme === 'app');
  if (!scheme?.privileges?.['standard'] || !scheme.privileges['secure']) {
    violations.push('the app scheme is not registered as standard and secure');
  }
  if (scheme?.privileges?.['bypassCSP']) violations.push('the app scheme bypasses the CSP');
  if (!report.protocolHandlers.includes('app')) violations.push('nothing handles the app scheme');
  return violations;
}

interface Invoked {
  value?: { ok: boolean; error?: { kind: string } };
  error?: string;
}

/** Drives the running app's handlers as a hostile page would; violations when any lets it through. */
export async function probeSecurity(app: DoubleApp): Promise<string[]> {
  const violations: string[] = [];
  for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://plex-signin/other.html']) {
    const nav = await app.send<{ prevented: boolean }>({ type: 'navigate', url });
    if (!nav.prevented) violations.push(`navigation to ${url} was allowed`);
  }
  const evil = await app.send<{ action: string; openedExternal: string[] }>({
    type: 'window-open',
    url: 'https://evil.example/',
  });
  if (evil.action !== 'deny') violations.push(`window.open of evil.example: ${evil.action}`);
  if (evil.openedExternal.length > 0) violations.push('window.open sent a foreign link to the browser');
  const plex = await app.send<{ action: string; openedExternal: string[] }>({
    type: 'window-open',
    url: 'https://plex.tv/link',
  });
  if (plex.action !== 'deny') violations.push(`window.open of plex.tv opened a window: ${plex.action}`);
  if (plex.openedExternal.join() !== 'https://plex.tv/link')
    violations.push('a plex.tv link did not go to the browser');
  const webview = await app.send<{ prevented: boolean }>({ type: 'attach-webview', url: 'https://evil.example/' });
  if (!webview.prevented) violations.push('a <webview> could be attached');

  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
    const answer = await app.send<{ granted: boolean; checked: boolean }>({ type: 'permission', permission });
    if (answer.granted) violations.push(`permission ${permission} was granted`);
    if (answer.checked) violations.push(`permission check ${permission} said yes`);
  }

  const trusted = await app.send<Invoked>({ type: 'invoke', channel: 'app:get-info', frame: 'main' });
  if (!trusted.value?.ok) violations.push(`the app's own page was refused: ${JSON.stringify(trusted)}`);
  for (const frame of ['subframe', 'stale', 'null', 'foreign']) {
    const answer = await app.send<Invoked>({ type: 'invoke', channel: 'app:get-info', frame });
    if (answer.value?.ok !== false || answer.value.error?.kind !== 'forbidden') {
      violations.push(`a call from a ${frame} sender was not refused: ${JSON.stringify(answer)}`);
    }
  }

  const headers = await app.send<{ headers: Record<string, string[]> }>({
    type: 'headers',
    url: APP_ENTRY,
    headers: { 'Content-Security-Policy': "script-src 'unsafe-inline'" },
  });
  const csp = Object.entries(headers.headers).filter(([name]) => name.toLowerCase() === 'content-security-policy');
  if (csp.length !== 1 || !csp[0]![1].join().includes("default-src 'none'")) {
    violations.push(`the app page's CSP header is ${JSON.stringify(csp)}`);
  }

  for (const url of [
    'app://plex-signin/..%2Fmain%2Findex.js',
    'app://plex-signin/%2e%2e/preload/index.js',
    'app://plex-signin/assets/..%2F..%2Fmain%2Findex.js',
    'app://plex-signin/%2Fetc%2Fpasswd',
    'app://plex-signin/..\\main\\index.js',
    'app://plex-signin/index.html%00.js',
    'app://other-host/index.html',
  ]) {
    const answer = await app.send<{ status: number; text: string }>({ type: 'protocol-request', url });
    if (answer.status !== 404) violations.push(`${url} answered ${answer.status}`);
  }
  const post = await app.send<{ status: number }>({ type: 'protocol-request', url: APP_ENTRY, method: 'POST' });
  if (post.status < 400) violations.push(`a POST to the app scheme answered ${post.status}`);
  return violations;
}
