import type { Page } from '@playwright/test';
import { API_GLOBAL, API_METHODS } from '../../src/shared/ipc-contract';
import type { IpcRecord } from './app-under-test';

// The preload's job in web mode: `window.plexSignIn` with exactly the methods of
// API_METHODS, each calling its channel, here through a Playwright binding into the test
// process instead of ipcRenderer. The method→channel table is built here from the
// contract and handed to the init script, so the page gets nothing else.

export const INVOKE_BINDING = '__plexSignInInvoke';

export type Invoke = (channel: string, payload: unknown, sender: { trusted: boolean }) => Promise<unknown>;

/** Installs the bridge on `page` (before its first navigation); calls and results go to `log`. */
export async function installWebBridge(page: Page, invoke: Invoke, log: IpcRecord[]): Promise<void> {
  await page.exposeBinding(INVOKE_BINDING, async ({ frame }, channel: unknown, payload: unknown) => {
    // Like main's check of event.senderFrame: only the app's own top frame is trusted.
    const result = await invoke(String(channel), payload, { trusted: frame === page.mainFrame() });
    log.push({ channel: String(channel), payload, result });
    return result;
  });

  const table: Record<string, string> = { ...API_METHODS };
  await page.addInitScript(
    ({ methods, globalName, binding }) => {
      type Call = (channel: string, payload: unknown) => Promise<unknown>;
      const bindings = window as unknown as Record<string, Call>;
      const api: Record<string, (request?: unknown) => Promise<unknown>> = {};
      for (const [method, channel] of Object.entries(methods)) {
        // Looked up per call: Playwright defines the binding in its own init script.
        api[method] = (request?: unknown) => bindings[binding]!(channel, request);
      }
      Object.defineProperty(window, globalName, {
        value: Object.freeze(api),
        writable: false,
        configurable: false,
        enumerable: true,
      });
    },
    { methods: table, globalName: API_GLOBAL, binding: INVOKE_BINDING },
  );
}
