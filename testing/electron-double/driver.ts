import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

// The test's side of the Electron double: starts a built main bundle in a child Node
// process with require('electron') resolved to electron.cjs, and talks to the double over
// the child's IPC channel (one JSON message per command, answered by id).

export const REGISTER = path.join(__dirname, 'register.cjs');

export interface DoubleLaunch {
  /** The built app's folder (the electron-vite outDir holding main/, preload/, renderer/). */
  outDir: string;
  /** The folder whose package.json names the app (as `electron .` reads it). */
  appPath: string;
  /** Plays XDG_CONFIG_HOME: the user-data folder is <configHome>/<productName>[-dev]. */
  configHome: string;
  /** Plays the OS keyring across launches. */
  keyringDir: string;
  /** gnome_libsecret (default), kwallet, kwallet5, kwallet6, basic_text, or locked:<backend>. */
  keystore?: string;
  offline?: boolean;
  packaged?: boolean;
  /** Extra command-line switches, e.g. --no-sandbox. */
  args?: string[];
  env?: Record<string, string>;
}

export interface DoubleApp {
  readonly child: ChildProcess;
  /** Output and errors of the child, for failure messages (never holds a secret: the app redacts). */
  output(): string;
  send<T = Record<string, unknown>>(command: Record<string, unknown>): Promise<T>;
  /** Resolves when the double reports that event (e.g. 'window-shown'). */
  waitFor(event: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code once the child is gone. */
  exited(): Promise<number | null>;
  kill(): Promise<void>;
}

export function launchWithDouble(options: DoubleLaunch): DoubleApp {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The parent's Electron and test settings must not leak into the app under test.
    if (value !== undefined && !key.startsWith('ELECTRON_') && key !== 'NODE_OPTIONS') env[key] = value;
  }
  Object.assign(env, {
    XDG_CONFIG_HOME: options.configHome,
    ELECTRON_DOUBLE_APP_PATH: options.appPath,
    ELECTRON_DOUBLE_KEYRING_DIR: options.keyringDir,
    ELECTRON_DOUBLE_KEYSTORE: options.keystore ?? 'gnome_libsecret',
    // The bundle's externals (axios, zod, qrcode) come from the project's node_modules.
    NODE_PATH: path.join(options.appPath, 'node_modules'),
    ...(options.offline ? { ELECTRON_DOUBLE_NETWORK: 'offline' } : {}),
    ...(options.packaged ? { ELECTRON_DOUBLE_PACKAGED: '1' } : {}),
    ...options.env,
  });
  const child = fork(path.join(options.outDir, 'main/index.js'), options.args ?? [], {
    execArgv: ['--require', REGISTER],
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  const seen: Record<string, unknown>[] = [];
  const waiters: { event: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  child.on('message', (raw) => {
    const message = raw as Record<string, unknown>;
    if (typeof message['id'] === 'number') {
      pending.get(message['id'])?.(message['result']);
      pending.delete(message['id']);
      return;
    }
    seen.push(message);
    for (const waiter of waiters.filter((w) => w.event === message['event'])) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return {
    child,
    output: () => output,
    send<T>(command: Record<string, unknown>): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        if (!child.connected) {
          reject(new Error(`the app is not running (it printed: ${output.slice(-2000)})`));
          return;
        }
        pending.set(id, (result) => resolve(result as T));
        child.send({ ...command, id });
        void exit.then(() => {
          if (pending.delete(id)) reject(new Error(`the app exited before answering ${String(command['type'])}`));
        });
      });
    },
    waitFor(event, timeoutMs = 10_000) {
      const already = seen.find((m) => m['event'] === event);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no '${event}' from the app in ${timeoutMs} ms; it printed: ${output.slice(-2000)}`)),
          timeoutMs,
        );
        waiters.push({
          event,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    exited: () => exit,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exit;
    },
  };
}
