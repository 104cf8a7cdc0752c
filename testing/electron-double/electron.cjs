'use strict';
// A recording double of Electron 45's main-process API, loaded in place of `electron` by
// register.cjs. It behaves the way Electron does where the app depends on it (which
// Electron doc or source each behaviour follows is listed in README.md next to this file),
// records what the app asked for, and is driven by the smoke test over the child
// process's IPC channel (process.send / 'message'): see driver.ts for the commands.
// Configured by the environment the driver sets (ELECTRON_DOUBLE_*).

const { EventEmitter } = require('node:events');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const env = process.env;

// ---------------------------------------------------------------------------------------
// Recording

const record = {
  calls: [], // every API call that matters, in order: { api, detail }
  netRequests: [],
  openedExternal: [],
  dialogs: [],
  privilegedSchemes: [],
  errors: [],
};

function note(api, detail) {
  record.calls.push(detail === undefined ? { api } : { api, detail });
}

function send(message) {
  if (typeof process.send === 'function' && process.connected) process.send(message);
}

// ---------------------------------------------------------------------------------------
// Command line: Chromium parses process.argv into switches (--name or --name=value);
// Electron's app.commandLine reads and edits that same list.

function parseSwitches(argv) {
  const switches = new Map();
  for (const arg of argv) {
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (match) switches.set(match[1].toLowerCase(), match[2] ?? '');
  }
  return switches;
}

const switches = parseSwitches(process.argv.slice(2));

const commandLine = {
  hasSwitch: (name) => switches.has(String(name).toLowerCase()),
  getSwitchValue: (name) => switches.get(String(name).toLowerCase()) ?? '',
  appendSwitch: (name, value) => {
    note('app.commandLine.appendSwitch', { name, value: value ?? '' });
    switches.set(String(name).toLowerCase(), value === undefined ? '' : String(value));
  },
  appendArgument: (value) => note('app.commandLine.appendArgument', { value }),
  removeSwitch: (name) => {
    note('app.commandLine.removeSwitch', { name });
    switches.delete(String(name).toLowerCase());
  },
};

// ---------------------------------------------------------------------------------------
// app

let isReady = false;
let readyResolve;
const readyPromise = new Promise((resolve) => (readyResolve = resolve));
let exiting = false;

function readAppPackage() {
  const appPath = env.ELECTRON_DOUBLE_APP_PATH;
  if (!appPath) return { appPath: path.dirname(process.argv[1] ?? process.cwd()), name: 'Electron', version: '45.5.0' };
  const pkg = JSON.parse(fs.readFileSync(path.join(appPath, 'package.json'), 'utf8'));
  return { appPath, name: pkg.productName || pkg.name || 'Electron', version: pkg.version || '45.5.0' };
}
const appPackage = readAppPackage();

const appDataDir = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
const paths = new Map([
  ['home', os.homedir()],
  ['appData', appDataDir],
  ['temp', os.tmpdir()],
  ['exe', process.execPath],
  ['desktop', path.join(os.homedir(), 'Desktop')],
  ['downloads', path.join(os.homedir(), 'Downloads')],
]);
let userDataOverride = null;

function userDataDir() {
  if (userDataOverride) return userDataOverride;
  // --user-data-dir wins over the default, as in Electron's main delegate.
  if (switches.has('user-data-dir')) return switches.get('user-data-dir');
  return path.join(appDataDir, appPackage.name);
}

let lockFile = null;

class App extends EventEmitter {
  constructor() {
    super();
    this.commandLine = commandLine;
    this.isPackaged = env.ELECTRON_DOUBLE_PACKAGED === '1';
    this.name = appPackage.name;
  }
  whenReady() {
    return readyPromise;
  }
  isReady() {
    return isReady;
  }
  getName() {
    return this.name;
  }
  getVersion() {
    return appPackage.version;
  }
  getAppPath() {
    return appPackage.appPath;
  }
  getLocale() {
    return 'en-US';
  }
  getPath(name) {
    if (name === 'userData') return userDataDir();
    if (name === 'sessionData') return paths.get('sessionData') ?? userDataDir();
    // Linux: logs live in userData/logs unless set (Electron's app.getPath docs).
    if (name === 'logs') return paths.get('logs') ?? path.join(userDataDir(), 'logs');
    if (!paths.has(name)) throw new Error(`Failed to get '${name}' path`);
    return paths.get(name);
  }
  setPath(name, value) {
    note('app.setPath', { name, value });
    if (!path.isAbsolute(value)) throw new Error(`Path must be absolute: ${value}`);
    if (name === 'userData') userDataOverride = value;
    else paths.set(name, value);
  }
  setName(name) {
    this.name = name;
  }
  enableSandbox() {
    note('app.enableSandbox');
    if (isReady) throw new Error('app.enableSandbox() can only be called before app is ready');
    // electron_api_app.cc App::EnableSandbox: drops --no-sandbox from the command line,
    // then appends --enable-sandbox.
    switches.delete('no-sandbox');
    switches.set('enable-sandbox', '');
  }
  requestSingleInstanceLock() {
    note('app.requestSingleInstanceLock', { userData: userDataDir() });
    // The lock lives in the user-data folder (ProcessSingleton): one per data folder.
    const dir = userDataDir();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'SingletonLock');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
        lockFile = file;
        return true;
      } catch {
        const holder = Number(fs.readFileSync(file, 'utf8'));
        if (holder && holder !== process.pid && isAlive(holder)) return false;
        fs.rmSync(file, { force: true }); // a stale lock of a process that is gone
      }
    }
    return false;
  }
  hasSingleInstanceLock() {
    return lockFile !== null;
  }
  releaseSingleInstanceLock() {
    releaseLock();
  }
  focus() {}
  quit() {
    note('app.quit');
    if (exiting) return;
    // Electron's quit sequence: before-quit, then windows close, will-quit, quit, exit.
    const beforeQuit = makeEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    for (const win of [...windows]) win.destroy();
    const willQuit = makeEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.emit('quit', makeEvent(), 0);
    exitProcess(0);
  }
  exit(code = 0) {
    note('app.exit', { code });
    // No events: Electron's app.exit quits at once.
    exitProcess(code);
  }
  relaunch() {
    note('app.relaunch');
  }
  setAppUserModelId(id) {
    note('app.setAppUserModelId', { id });
  }
  disableHardwareAcceleration() {
    if (isReady) throw new Error('app.disableHardwareAcceleration() can only be called before app is ready');
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function releaseLock() {
  if (!lockFile) return;
  fs.rmSync(lockFile, { force: true });
  lockFile = null;
}

function exitProcess(code) {
  if (exiting) return;
  exiting = true;
  releaseLock();
  send({ event: 'exit', code });
  // Let the exit message leave before the process ends.
  setTimeout(() => process.exit(code), 20);
}

const app = new App();

function makeEvent(extra = {}) {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event;
}

function requireReady(what) {
  if (!isReady) throw new Error(`${what} can only be used after the ready event of the app module`);
}

// ---------------------------------------------------------------------------------------
// ipcMain (lib/browser/ipc-main-impl.ts): an EventEmitter for on/once, plus a map of
// invoke handlers; a second handle() for a channel throws.

class IpcMain extends EventEmitter {
  constructor() {
    super();
    this._invokeHandlers = new Map();
  }
  handle(channel, fn) {
    if (this._invokeHandlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    if (typeof fn !== 'function') throw new Error(`Expected handler to be a function, but found type '${typeof fn}'`);
    note('ipcMain.handle', { channel });
    this._invokeHandlers.set(channel, fn);
  }
  handleOnce(channel, fn) {
    this.handle(channel, (...args) => {
      this.removeHandler(channel);
      return fn(...args);
    });
  }
  removeHandler(channel) {
    this._invokeHandlers.delete(channel);
  }
}
const ipcMain = new IpcMain();
for (const method of ['on', 'once', 'addListener', 'prependListener']) {
  const original = ipcMain[method].bind(ipcMain);
  ipcMain[method] = (channel, listener) => {
    note(`ipcMain.${method}`, { channel });
    return original(channel, listener);
  };
}

// ---------------------------------------------------------------------------------------
// Frames, webContents, sessions

let nextFrameId = 1;
class WebFrameMain {
  constructor(url, parent) {
    this.frameTreeNodeId = nextFrameId;
    this.routingId = nextFrameId;
    nextFrameId += 1;
    this.url = url;
    this.parent = parent;
    this.frames = [];
    this.origin = originOf(url);
  }
}

function originOf(url) {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
  } catch {
    return 'null';
  }
}

class WebRequest {
  constructor() {
    this.listeners = {};
  }
}
for (const name of [
  'onBeforeRequest',
  'onBeforeSendHeaders',
  'onSendHeaders',
  'onHeadersReceived',
  'onResponseStarted',
  'onBeforeRedirect',
  'onCompleted',
  'onErrorOccurred',
]) {
  // webRequest.onX([filter, ]listener): one listener per event; null removes it.
  WebRequest.prototype[name] = function setListener(filterOrListener, maybeListener) {
    const listener =
      typeof filterOrListener === 'function' || filterOrListener === null ? filterOrListener : maybeListener;
    const filter = typeof filterOrListener === 'function' || filterOrListener === null ? null : filterOrListener;
    note(`session.webRequest.${name}`, { filter });
    this.listeners[name] = listener ? { listener, filter } : undefined;
  };
}

class Session extends EventEmitter {
  constructor(partition) {
    super();
    this.partition = partition;
    this.webRequest = new WebRequest();
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
    this.protocol = protocol;
  }
  setPermissionRequestHandler(handler) {
    note('session.setPermissionRequestHandler', { set: handler !== null });
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler) {
    note('session.setPermissionCheckHandler', { set: handler !== null });
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler) {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler) {
    this.displayMediaRequestHandler = handler;
  }
  setSpellCheckerEnabled(enabled) {
    note('session.setSpellCheckerEnabled', { enabled });
  }
  fetch(input, init) {
    return netFetch(input, init, this);
  }
  clearCache() {
    return Promise.resolve();
  }
  clearStorageData() {
    return Promise.resolve();
  }
}

let defaultSession = null;
const session = {
  get defaultSession() {
    requireReady('session');
    defaultSession ??= new Session('');
    return defaultSession;
  },
  fromPartition(partition) {
    requireReady('session');
    return partition === '' ? session.defaultSession : new Session(partition);
  },
};

let nextContentsId = 1;
const allContents = [];

class WebContents extends EventEmitter {
  constructor(ownerWindow, webPreferences) {
    super();
    this.id = nextContentsId;
    nextContentsId += 1;
    this.ownerWindow = ownerWindow;
    this.webPreferences = webPreferences;
    this.session = session.defaultSession;
    this.mainFrame = new WebFrameMain('', null);
    this.windowOpenHandler = null;
    this.destroyed = false;
    this.loaded = [];
    allContents.push(this);
  }
  getURL() {
    return this.mainFrame.url;
  }
  setWindowOpenHandler(handler) {
    note('webContents.setWindowOpenHandler', { id: this.id });
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isLoading() {
    return false;
  }
  openDevTools() {
    note('webContents.openDevTools', { id: this.id });
  }
  send(channel) {
    note('webContents.send', { channel });
  }
  async loadURL(url) {
    note('webContents.loadURL', { id: this.id, url });
    const loaded = { url, status: 0, contentType: null, csp: null, error: null };
    this.loaded.push(loaded);
    try {
      const response = await loadResource(url, this.session);
      loaded.status = response.status;
      loaded.contentType = response.headers.get('content-type');
      const headers = await runHeadersReceived(this.session, url, 'mainFrame', response);
      loaded.csp = headerValue(headers, 'content-security-policy');
      if (!response.ok) throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`);
      loaded.body = (await response.text()).slice(0, 4096);
    } catch (error) {
      loaded.error = error instanceof Error ? error.message : String(error);
      this.emit('did-fail-load', makeEvent(), -6, loaded.error, url, true);
      throw error;
    }
    // A new document: a new main frame object, as after any cross-document navigation.
    this.mainFrame = new WebFrameMain(url, null);
    this.emit('dom-ready', makeEvent());
    this.emit('did-finish-load', makeEvent());
    if (this.ownerWindow) this.ownerWindow.emit('ready-to-show', makeEvent());
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed', makeEvent());
  }
}

function headerValue(headers, name) {
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(', ') : String(value);
  }
  return null;
}

/** What the page would get for a URL: a custom scheme's handler, or a file:// read. */
async function loadResource(url, ses) {
  const scheme = new URL(url).protocol.slice(0, -1);
  const handler = protocolHandlers.get(scheme);
  if (handler) return handler(new Request(url, { method: 'GET' }));
  if (scheme === 'file') {
    const file = decodeURIComponent(new URL(url).pathname);
    if (!fs.existsSync(file)) return new Response(null, { status: 404 });
    return new Response(fs.readFileSync(file), { status: 200, headers: { 'content-type': 'text/html' } });
  }
  if (scheme === 'http' || scheme === 'https') return netFetch(url, {}, ses);
  throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
}

/** Runs the session's onHeadersReceived listener the way Chromium does, and returns the headers that stand. */
async function runHeadersReceived(ses, url, resourceType, response) {
  const responseHeaders = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = [value];
  });
  const entry = ses.webRequest.listeners.onHeadersReceived;
  if (!entry) return responseHeaders;
  const details = {
    id: 1,
    url,
    method: 'GET',
    resourceType,
    timestamp: Date.now(),
    statusLine: `HTTP/1.1 ${response.status}`,
    statusCode: response.status,
    responseHeaders,
  };
  const answer = await new Promise((resolve) => entry.listener(details, resolve));
  if (answer && answer.cancel) throw new Error(`ERR_BLOCKED_BY_CLIENT (-20) loading '${url}'`);
  return answer && answer.responseHeaders ? answer.responseHeaders : responseHeaders;
}

// ---------------------------------------------------------------------------------------
// BrowserWindow

let nextWindowId = 1;
const windows = [];

function jsonSafe(value) {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'function' ? '[function]' : v)));
}

class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    if (!isReady) throw new Error('Cannot create BrowserWindow before app is ready');
    this.id = nextWindowId;
    nextWindowId += 1;
    this.options = jsonSafe(options);
    this.visible = options.show !== false;
    this.shownAt = this.visible ? Date.now() : null;
    this.minimized = false;
    this.destroyedFlag = false;
    this.title = options.title ?? appPackage.name;
    this.webContents = new WebContents(this, this.options.webPreferences ?? {});
    windows.push(this);
    note('new BrowserWindow', { id: this.id });
    // Electron emits web-contents-created while the window is being made.
    app.emit('web-contents-created', makeEvent(), this.webContents);
    app.emit('browser-window-created', makeEvent(), this);
  }
  static getAllWindows() {
    return windows.filter((w) => !w.destroyedFlag);
  }
  static fromWebContents(contents) {
    return windows.find((w) => w.webContents === contents) ?? null;
  }
  loadURL(url) {
    return this.webContents.loadURL(url);
  }
  loadFile(file) {
    return this.webContents.loadURL(require('node:url').pathToFileURL(file).href);
  }
  show() {
    note('BrowserWindow.show', { id: this.id });
    if (!this.visible) {
      this.visible = true;
      this.shownAt = Date.now();
      send({ event: 'window-shown', windowId: this.id, at: this.shownAt });
      this.emit('show', makeEvent());
    }
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  isVisible() {
    return this.visible;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  isDestroyed() {
    return this.destroyedFlag;
  }
  setTitle(title) {
    this.title = title;
  }
  getTitle() {
    return this.title;
  }
  setMenu() {}
  setMenuBarVisibility() {}
  close() {
    const event = makeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy() {
    if (this.destroyedFlag) return;
    this.destroyedFlag = true;
    this.webContents.destroy();
    this.emit('closed');
    if (!exiting && BrowserWindow.getAllWindows().length === 0) {
      // Without a listener Electron quits when the last window closes.
      if (app.listenerCount('window-all-closed') === 0) app.quit();
      else app.emit('window-all-closed', makeEvent());
    }
  }
}

// ---------------------------------------------------------------------------------------
// protocol

const protocolHandlers = new Map();
let schemesRegistered = false;
const protocol = {
  registerSchemesAsPrivileged(schemes) {
    note('protocol.registerSchemesAsPrivileged', { schemes });
    if (isReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    if (schemesRegistered) throw new Error('protocol.registerSchemesAsPrivileged can only be called once');
    schemesRegistered = true;
    record.privilegedSchemes.push(...jsonSafe(schemes));
  },
  handle(scheme, handler) {
    requireReady('protocol');
    note('protocol.handle', { scheme });
    if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    protocolHandlers.set(scheme, async (request) => {
      const response = await handler(request);
      if (!(response instanceof Response)) throw new Error('protocol.handle handler must return a Response');
      return response;
    });
  },
  unhandle(scheme) {
    protocolHandlers.delete(scheme);
  },
  isProtocolHandled(scheme) {
    return Promise.resolve(protocolHandlers.has(scheme));
  },
};

// ---------------------------------------------------------------------------------------
// net.fetch (lib/browser/api/net-fetch.ts): builds a Request from (input, init), turns a
// 'same-origin' credentials mode without an Origin into 'include', runs the request on the
// session, and rejects with a plain Error whose message is Chromium's net error name.

const NODE_TO_NET_ERROR = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'net::ERR_NAME_NOT_RESOLVED',
  ETIMEDOUT: 'net::ERR_CONNECTION_TIMED_OUT',
  EHOSTUNREACH: 'net::ERR_ADDRESS_UNREACHABLE',
  ENETUNREACH: 'net::ERR_ADDRESS_UNREACHABLE',
  UND_ERR_SOCKET: 'net::ERR_CONNECTION_CLOSED',
  UND_ERR_CONNECT_TIMEOUT: 'net::ERR_CONNECTION_TIMED_OUT',
};

function netErrorOf(error) {
  for (let e = error, depth = 0; e && depth < 5; depth += 1, e = e.cause) {
    if (typeof e.code === 'string' && NODE_TO_NET_ERROR[e.code]) return NODE_TO_NET_ERROR[e.code];
  }
  return 'net::ERR_FAILED';
}

// Every session shares one HTTP stack here; `_session` is kept for the call's shape.
async function netFetch(input, init, _session) {
  requireReady('net');
  const request = new Request(input, init);
  if (request.signal.aborted)
    throw request.signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
  const origin = request.headers.get('origin') ?? undefined;
  const credentials = request.credentials === 'same-origin' && !origin ? 'include' : request.credentials;
  const entry = {
    url: request.url,
    method: request.method,
    cache: request.cache,
    credentials,
    redirect: request.redirect,
    bypassCustomProtocolHandlers: Boolean(init && init.bypassCustomProtocolHandlers),
    sentCookies: false,
    outcome: null,
  };
  record.netRequests.push(entry);
  const host = new URL(request.url).hostname;
  if (env.ELECTRON_DOUBLE_NETWORK === 'offline') {
    entry.outcome = 'net::ERR_INTERNET_DISCONNECTED';
    throw new Error('net::ERR_INTERNET_DISCONNECTED');
  }
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    // This double never leaves the machine: anything else does not resolve.
    entry.outcome = 'net::ERR_NAME_NOT_RESOLVED';
    throw new Error('net::ERR_NAME_NOT_RESOLVED');
  }
  const headers = new Headers(request.headers);
  // The cookie jar: Chromium attaches the session's cookies when credentials are included.
  if (credentials === 'include' && cookieJar.size > 0) {
    headers.set('cookie', [...cookieJar].map(([k, v]) => `${k}=${v}`).join('; '));
    entry.sentCookies = true;
  }
  let response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers,
      body: request.body,
      duplex: 'half',
      redirect: request.redirect,
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal.aborted) throw request.signal.reason ?? error;
    entry.outcome = netErrorOf(error);
    // Electron's error carries the net error's name and nothing else: no cause, no code.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(entry.outcome);
  }
  entry.outcome = response.status;
  if (credentials === 'include') {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) cookieJar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  // Chromium's HTTP cache keeps cacheable answers unless the request said no-store.
  if (request.cache !== 'no-store' && request.method === 'GET' && response.status === 200) entry.cacheable = true;
  return response;
}
const cookieJar = new Map();

const net = {
  fetch: (input, init) => netFetch(input, init, session.defaultSession),
  isOnline: () => env.ELECTRON_DOUBLE_NETWORK !== 'offline',
  request() {
    throw new Error('net.request is not modelled by this double; the app uses net.fetch');
  },
};

// ---------------------------------------------------------------------------------------
// safeStorage, Linux (shell/browser/api/electron_api_safe_storage.cc, os_crypt): before
// ready it reports 'unknown' and unavailable. A keyring backend (gnome_libsecret, kwallet*)
// keeps one key per app in the keyring; ELECTRON_DOUBLE_KEYRING_DIR plays the keyring, so
// a second launch finds the same key. 'basic_text' (no keyring, or --password-store=basic)
// is reported as unavailable unless setUsePlainTextEncryption(true), then uses a fixed key.
// 'locked:<backend>' is a keyring that exists but cannot be reached this launch.

const KEYSTORE = env.ELECTRON_DOUBLE_KEYSTORE || 'gnome_libsecret';
let usePlainText = false;

function keystoreState() {
  if (!isReady) return { backend: 'unknown', reachable: false };
  if (switches.get('password-store') === 'basic') return { backend: 'basic_text', reachable: false };
  if (KEYSTORE.startsWith('locked:')) return { backend: KEYSTORE.slice('locked:'.length), reachable: false };
  if (KEYSTORE === 'basic_text') return { backend: 'basic_text', reachable: false };
  return { backend: KEYSTORE, reachable: true };
}

function keyringKey() {
  const dir = env.ELECTRON_DOUBLE_KEYRING_DIR;
  const id = `${appPackage.name} Safe Storage`;
  if (!dir) {
    keyringKey.memory ??= crypto.randomBytes(32);
    return keyringKey.memory;
  }
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${Buffer.from(id).toString('hex')}.key`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32), { mode: 0o600 });
  return fs.readFileSync(file);
}
// Chromium's v10 "peanuts" key: the same on every machine, so it protects nothing.
const BASIC_KEY = crypto.createHash('sha256').update('peanuts').digest();

function seal(prefix, key, plain) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from(prefix), iv, cipher.getAuthTag(), body]);
}

function open(key, data) {
  const iv = data.subarray(3, 15);
  const tag = data.subarray(15, 31);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data.subarray(31)), decipher.final()]).toString('utf8');
}

const safeStorage = {
  isEncryptionAvailable() {
    const state = keystoreState();
    return state.reachable || (isReady && usePlainText && state.backend === 'basic_text');
  },
  getSelectedStorageBackend() {
    return keystoreState().backend;
  },
  setUsePlainTextEncryption(value) {
    note('safeStorage.setUsePlainTextEncryption', { value });
    usePlainText = Boolean(value);
  },
  encryptString(plain) {
    if (typeof plain !== 'string') throw new TypeError('plainText must be a string');
    const state = keystoreState();
    if (state.reachable) return seal('v11', keyringKey(), plain);
    if (usePlainText && state.backend === 'basic_text') return seal('v10', BASIC_KEY, plain);
    throw new Error(
      'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
    );
  },
  decryptString(data) {
    if (!Buffer.isBuffer(data)) throw new TypeError('Expected the first argument of decryptString() to be a buffer');
    const state = keystoreState();
    const prefix = data.subarray(0, 3).toString('latin1');
    try {
      if (prefix === 'v11' && state.reachable) return open(keyringKey(), data);
      if (prefix === 'v10') return open(BASIC_KEY, data);
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    if (!state.reachable && prefix === 'v11') {
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.',
      );
    }
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  },
};

// ---------------------------------------------------------------------------------------
// clipboard, shell, dialog, nativeTheme

let clipboardText = '';
const clipboard = {
  readText: () => clipboardText,
  writeText: (text) => {
    note('clipboard.writeText');
    clipboardText = String(text);
  },
  clear: () => {
    note('clipboard.clear');
    clipboardText = '';
  },
  availableFormats: () => (clipboardText ? ['text/plain'] : []),
};

const shell = {
  openExternal(url) {
    record.openedExternal.push(String(url));
    return Promise.resolve();
  },
  openPath() {
    return Promise.resolve('');
  },
  showItemInFolder() {},
};

const dialog = {
  showErrorBox(title, content) {
    record.dialogs.push({ type: 'error', title: String(title), content: String(content) });
  },
  showMessageBox(options) {
    record.dialogs.push({ type: 'message', ...jsonSafe(options) });
    return Promise.resolve({ response: 0, checkboxChecked: false });
  },
  showMessageBoxSync(options) {
    record.dialogs.push({ type: 'message', ...jsonSafe(options) });
    return 0;
  },
};

const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: env.ELECTRON_DOUBLE_DARK === '1',
  themeSource: 'system',
  shouldUseHighContrastColors: false,
});

const Menu = {
  setApplicationMenu(menu) {
    note('Menu.setApplicationMenu', { set: menu !== null });
  },
  buildFromTemplate: (template) => ({ template }),
};

// ---------------------------------------------------------------------------------------
// The test's side: commands over the child's IPC channel.

function mainWindow() {
  return BrowserWindow.getAllWindows()[0] ?? null;
}

function report() {
  return {
    ready: isReady,
    exiting,
    name: app.getName(),
    isPackaged: app.isPackaged,
    userData: userDataDir(),
    switches: Object.fromEntries(switches),
    calls: record.calls,
    privilegedSchemes: record.privilegedSchemes,
    protocolHandlers: [...protocolHandlers.keys()],
    ipc: {
      handlers: [...ipcMain._invokeHandlers.keys()],
      listeners: ipcMain.eventNames().map((name) => ({ channel: String(name), count: ipcMain.listenerCount(name) })),
    },
    session: defaultSession
      ? {
          permissionRequestHandler: defaultSession.permissionRequestHandler !== null,
          permissionCheckHandler: defaultSession.permissionCheckHandler !== null,
          webRequest: Object.keys(defaultSession.webRequest.listeners).filter(
            (k) => defaultSession.webRequest.listeners[k],
          ),
        }
      : null,
    windows: windows.map((w) => ({
      id: w.id,
      options: w.options,
      visible: w.visible,
      destroyed: w.destroyedFlag,
      url: w.webContents.getURL(),
      loaded: w.webContents.loaded,
      windowOpenHandler: w.webContents.windowOpenHandler !== null,
      listeners: Object.fromEntries(
        ['will-navigate', 'will-redirect', 'will-attach-webview', 'will-frame-navigate'].map((n) => [
          n,
          w.webContents.listenerCount(n),
        ]),
      ),
    })),
    netRequests: record.netRequests,
    openedExternal: record.openedExternal,
    dialogs: record.dialogs,
    clipboard: clipboardText,
    errors: record.errors,
  };
}

function frameFor(win, kind) {
  const top = win.webContents.mainFrame;
  switch (kind) {
    case 'main':
      return top;
    case 'subframe': {
      const child = new WebFrameMain(top.url, top);
      top.frames.push(child);
      return child;
    }
    case 'stale':
      return new WebFrameMain(top.url, null); // a frame object of an earlier document
    case 'null':
      return null;
    default:
      throw new Error(`unknown frame kind ${kind}`);
  }
}

async function invoke({ channel, payload, frame = 'main', windowId }) {
  const handler = ipcMain._invokeHandlers.get(channel);
  if (!handler) return { error: `No handler registered for '${channel}'` };
  let sender;
  let senderFrame;
  if (frame === 'foreign') {
    // A webContents that is not the app's window (e.g. one a page managed to create).
    sender = new WebContents(null, {});
    senderFrame = sender.mainFrame;
  } else {
    const win = windowId ? windows.find((w) => w.id === windowId) : mainWindow();
    if (!win) return { error: 'no window' };
    sender = win.webContents;
    senderFrame = frameFor(win, frame);
  }
  const event = {
    type: 'frame',
    sender,
    senderFrame,
    frameId: senderFrame ? senderFrame.routingId : -1,
    processId: 1,
    preventDefault() {},
  };
  try {
    // Results cross Electron's IPC by structured clone.
    return { value: structuredClone(await handler(event, structuredClone(payload))) };
  } catch (error) {
    // Electron rejects the renderer's invoke with the message only.
    return { error: `Error invoking remote method '${channel}': ${error}` };
  }
}

async function handleCommand(command) {
  const win = mainWindow();
  switch (command.type) {
    case 'report':
      return report();
    case 'invoke':
      return invoke(command);
    case 'navigate': {
      if (!win) return { error: 'no window' };
      const frame = win.webContents.mainFrame;
      const event = makeEvent({ url: command.url, isSameDocument: false, isMainFrame: true, frame, initiator: frame });
      win.webContents.emit('will-navigate', event, command.url);
      if (!event.defaultPrevented) await win.webContents.loadURL(command.url).catch(() => {});
      return { prevented: event.defaultPrevented, url: win.webContents.getURL() };
    }
    case 'window-open': {
      if (!win) return { error: 'no window' };
      const handler = win.webContents.windowOpenHandler;
      const before = record.openedExternal.length;
      // Without a handler Chromium opens the window: that is what 'allow' means here.
      const result = handler
        ? handler({
            url: command.url,
            frameName: '',
            features: '',
            disposition: 'foreground-tab',
            referrer: { url: win.webContents.getURL(), policy: 'strict-origin-when-cross-origin' },
          })
        : { action: 'allow' };
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { action: result?.action ?? null, openedExternal: record.openedExternal.slice(before) };
    }
    case 'attach-webview': {
      if (!win) return { error: 'no window' };
      const event = makeEvent();
      win.webContents.emit('will-attach-webview', event, {}, { src: command.url });
      return { prevented: event.defaultPrevented };
    }
    case 'permission': {
      const ses = session.defaultSession;
      const contents = win ? win.webContents : null;
      const details = { requestingUrl: contents ? contents.getURL() : '', isMainFrame: true };
      // Without a handler Chromium grants what the user would be prompted for: "granted".
      const granted = ses.permissionRequestHandler
        ? await new Promise((resolve) => ses.permissionRequestHandler(contents, command.permission, resolve, details))
        : true;
      const checked = ses.permissionCheckHandler
        ? ses.permissionCheckHandler(contents, command.permission, details.requestingUrl, details)
        : true;
      return { granted: Boolean(granted), checked: Boolean(checked) };
    }
    case 'headers': {
      const ses = session.defaultSession;
      const response = new Response('', { status: 200, headers: command.headers ?? {} });
      const headers = await runHeadersReceived(ses, command.url, command.resourceType ?? 'mainFrame', response);
      return { headers };
    }
    case 'protocol-request': {
      const scheme = new URL(command.url).protocol.slice(0, -1);
      const handler = protocolHandlers.get(scheme);
      if (!handler) return { error: `no handler for ${scheme}` };
      // Chromium hands the handler the URL as it canonicalised it (a standard scheme's
      // dot segments resolved); WHATWG URL parsing does the same for special schemes only,
      // so the raw text is passed and the handler sees what an attacker could send.
      const response = await handler(new Request(command.url, { method: command.method ?? 'GET' }));
      const body = Buffer.from(await response.arrayBuffer());
      return {
        status: response.status,
        contentType: response.headers.get('content-type'),
        csp: response.headers.get('content-security-policy'),
        length: body.length,
        text: body.toString('utf8').slice(0, 2048),
      };
    }
    case 'clipboard-write':
      clipboardText = String(command.text);
      return {};
    case 'close-window':
      if (win) win.close();
      return {};
    case 'second-instance':
      app.emit('second-instance', makeEvent(), command.argv ?? [], process.cwd(), {});
      return {};
    case 'quit':
      app.quit();
      return {};
    default:
      return { error: `unknown command ${command.type}` };
  }
}

process.on('message', (message) => {
  if (!message || typeof message !== 'object' || typeof message.id !== 'number') return;
  Promise.resolve()
    .then(() => handleCommand(message))
    .then(
      (result) => send({ id: message.id, result }),
      (error) => send({ id: message.id, result: { error: error instanceof Error ? error.message : String(error) } }),
    );
});
process.on('disconnect', () => exitProcess(0));
process.on('exit', releaseLock);
process.on('uncaughtException', (error) => {
  record.errors.push(String(error && error.stack ? error.stack : error));
  send({ event: 'uncaught', message: String(error && error.message ? error.message : error) });
});
process.on('unhandledRejection', (error) => {
  record.errors.push(String(error && error.stack ? error.stack : error));
  send({ event: 'unhandled-rejection', message: String(error && error.message ? error.message : error) });
});

// Ready comes after the main script's first synchronous run, as in Electron, where the
// script runs before the browser process finishes launching.
setImmediate(() => {
  if (exiting) return;
  app.emit('will-finish-launching');
  isReady = true;
  readyResolve();
  app.emit('ready', makeEvent(), {});
  send({ event: 'ready' });
});

module.exports = {
  app,
  BrowserWindow,
  ipcMain,
  session,
  protocol,
  net,
  safeStorage,
  clipboard,
  shell,
  dialog,
  nativeTheme,
  Menu,
  webContents: {
    getAllWebContents: () => allContents.filter((c) => !c.destroyed),
    fromId: (id) => allContents.find((c) => c.id === id) ?? null,
  },
};
