import { resolveApiUrl } from '../core/api-url';
import { describeThisComputer } from '../core/client-info';
import { createPlexClient, type PlexClientOptions } from '../core/plex-client';
import type { IpcResult } from '../shared/ipc-contract';
import { PRODUCT_NAME, PRODUCT_VERSION } from '../shared/product';
import { buildAppInfo } from './app-info';
import { openExternalLink } from './external-link-opener';
import { ok } from './ipc-result';
import { createIpcRouter, type IpcSender } from './ipc-router';
import { createPinFlow } from './pin-flow';
import type { ClipboardPort, DocumentStore, Encryptor } from './ports';
import { createSessionService } from './session-service';
import { openTokenVault } from './token-vault';

// The app's main side as plain functions over injected services: the single entry point
// for both Electron's main process (with safeStorage, electron-store, the clipboard and
// net.fetch) and the web-mode e2e bridge (with the doubles in test/support). Nothing here
// imports Electron.

export interface AppCoreDeps {
  /** The plex.tv API base URL, as resolveApiUrl gives it. */
  apiUrl: string;
  store: DocumentStore;
  encryptor: Encryptor;
  clipboard: ClipboardPort;
  openExternal(url: string): Promise<void>;
  /** X-Plex-Product, the name plex.tv's Authorized Devices shows; default PRODUCT_NAME. */
  product?: string;
  /** Electron passes `{ adapter: 'fetch', env: { fetch: net.fetch } }`. */
  transport?: PlexClientOptions['transport'];
  /** How long a copied token stays on the clipboard; default 60 s. */
  clipboardClearMs?: number;
  /** Time limit for each request to plex.tv; default 30 s. */
  timeoutMs?: number;
  /** One line per HTTP exchange and per storage problem; never a secret. */
  log?: (line: string) => void;
}

export interface AppCore {
  /** Every IPC call, through the router: never throws. */
  invoke(channel: string, payload: unknown, sender: IpcSender): Promise<IpcResult<unknown>>;
  /** Cancels requests in flight and timers; call when the window closes or the app quits. */
  dispose(): void;
}

export const DEFAULT_CLIPBOARD_CLEAR_MS = 60_000;

export function createAppCore(deps: AppCoreDeps): AppCore {
  const log = deps.log ?? (() => {});
  const apiUrl = resolveApiUrl(deps.apiUrl);
  const product = deps.product ?? PRODUCT_NAME;
  // Loaded once, synchronously: `session:get` then answers from memory with no network.
  const vault = openTokenVault({ store: deps.store, encryptor: deps.encryptor, log });
  const client = createPlexClient({
    apiUrl,
    client: describeThisComputer(product, PRODUCT_VERSION, vault.clientIdentifier),
    log,
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
    ...(deps.transport === undefined ? {} : { transport: deps.transport }),
  });
  const session = createSessionService({
    vault,
    client,
    clipboard: deps.clipboard,
    clipboardClearMs: deps.clipboardClearMs ?? DEFAULT_CLIPBOARD_CLEAR_MS,
    log,
  });
  const appInfo = buildAppInfo(product, apiUrl, vault.capability);
  const pin = createPinFlow({
    client,
    clientIdentifier: vault.clientIdentifier,
    product,
    openExternal: deps.openExternal,
    adopt: session.adopt,
  });

  const router = createIpcRouter(
    {
      'app:get-info': async () => ok(appInfo),
      'session:get': () => session.get(),
      'session:validate': () => session.validate(),
      'session:sign-in': (request) => session.signIn(request),
      'session:sign-out': () => session.signOut(),
      'session:revoke': () => session.revoke(),
      'token:copy': () => session.copyToken(),
      'app:open-external': (request) => openExternalLink(request.url, deps.openExternal),
      'pin:start': (request) => pin.start(request),
      'pin:wait': () => pin.wait(),
      'pin:cancel': () => pin.cancel(),
    },
    log,
  );

  let disposed = false;
  return {
    invoke: router.invoke,
    dispose() {
      if (disposed) return;
      disposed = true;
      pin.dispose();
      session.dispose();
    },
  };
}
