import os from 'node:os';
import { resolveApiUrl, serviceHost } from '../../core/api-url';
import { describeThisComputer } from '../../core/client-info';
import { createPlexClient, type PlexClientOptions } from '../../core/plex-client';
import { IPC, type IpcChannel } from '../../shared/ipc-contract';
import type { IpcResult } from '../../shared/ipc-views';
import { PRODUCT_NAME, PRODUCT_VERSION } from '../../shared/product';
import { buildAppInfo } from './app-info';
import { buildDiagnosticsReport, createErrorHistory } from './diagnostics';
import { openExternalLink } from './external-link-opener';
import { fail, ok } from './ipc-result';
import { createIpcRouter, type IpcSender } from './ipc-router';
import { createLogger, createSilentLogger, type Logger } from './logger';
import { createPinFlow } from './pin-flow';
import type { ClipboardPort, DocumentStore, Encryptor } from './ports';
import { createClipboardGuard } from './clipboard-guard';
import { createDevicesService } from './devices-service';
import { createServersService } from './servers-service';
import { createSessionService } from './session-service';
import { createSessionState } from './session-state';
import { openTokenVault } from './token-vault';
import { createToolTokensService } from './tool-tokens-service';

// The app's main side as plain functions over injected services: the single entry point
// for both Electron's main process (with safeStorage, a JSON settings file, the clipboard and
// net.fetch) and the web-mode e2e bridge (with the doubles in testing/main-doubles.ts). Nothing here
// imports Electron.

export interface AppCoreDeps {
  /** The plex.tv API base URL, as resolveApiUrl gives it. */
  apiUrl: string;
  store: DocumentStore;
  encryptor: Encryptor;
  clipboard: ClipboardPort;
  openInBrowser(url: string): Promise<void>;
  /** X-Plex-Product, the name plex.tv's Authorized Devices shows; default PRODUCT_NAME. */
  product?: string;
  /** Electron passes `{ adapter: 'fetch', env: { fetch: net.fetch } }`. */
  transport?: PlexClientOptions['transport'];
  /** How long a copied token stays on the clipboard; default 60 s. */
  clipboardClearMs?: number;
  /** Time limit for each request to plex.tv; default 30 s. */
  timeoutMs?: number;
  /**
   * The app's logger (index.ts: the rotating file). Every line the app logs goes through
   * it, and the session registers its secrets with its redactor.
   */
  logger?: Logger;
  /** Without `logger`: receives every line (all levels, redacted) instead. */
  log?: (line: string) => void;
  /** For the diagnostics report: Electron passes process.versions (electron, chrome, node); default process.versions. */
  versions?: Readonly<Record<string, string | undefined>>;
}

export interface AppCore {
  /** Every IPC call, through the router: never throws. */
  invoke(channel: string, payload: unknown, sender: IpcSender): Promise<IpcResult<unknown>>;
  /** Cancels requests in flight and timers; call when the window closes or the app quits. */
  dispose(): void;
}

export const DEFAULT_CLIPBOARD_CLEAR_MS = 60_000;

const COPY_DIAGNOSTICS_FAILED = 'The diagnostics could not be copied to the clipboard; try again.';

export function createAppCore(deps: AppCoreDeps): AppCore {
  const logger = deps.logger ?? sinkLogger(deps.log);
  const apiUrl = resolveApiUrl(deps.apiUrl);
  const product = deps.product ?? PRODUCT_NAME;
  // Loaded once, synchronously: `session:get` then answers from memory with no network.
  const vault = openTokenVault({ store: deps.store, encryptor: deps.encryptor, log: logger.warn });
  const client = createPlexClient({
    apiUrl,
    client: describeThisComputer(product, PRODUCT_VERSION, vault.clientIdentifier),
    log: logger.info,
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
    ...(deps.transport === undefined ? {} : { transport: deps.transport }),
  });
  // The one owner of the session: every channel below that changes it goes through it.
  const state = createSessionState({ vault, log: logger.warn, secrets: logger.redactor });
  // One clipboard, one guard: whatever secret was copied last is the one cleared.
  const clipboard = createClipboardGuard(deps.clipboard, deps.clipboardClearMs ?? DEFAULT_CLIPBOARD_CLEAR_MS);
  const session = createSessionService({ state, client, clipboard, secrets: logger.redactor });
  const tools = createToolTokensService({ state, client, vault, clipboard, secrets: logger.redactor });
  const servers = createServersService({
    state,
    client,
    clipboard,
    clientIdentifier: vault.clientIdentifier,
    secrets: logger.redactor,
    ...(deps.transport === undefined ? {} : { transport: deps.transport }),
  });
  const devices = createDevicesService({
    state,
    client,
    clientIdentifier: vault.clientIdentifier,
    toolNames: () => tools.names(),
    onToolRemoved: (id) => tools.forgetRemoved(id),
  });
  const appInfo = buildAppInfo(product, apiUrl, vault.capability);
  const pin = createPinFlow({
    state,
    client,
    clientIdentifier: vault.clientIdentifier,
    product,
    openInBrowser: deps.openInBrowser,
  });
  const errors = createErrorHistory();
  logger.info(
    `${product} ${PRODUCT_VERSION} started: API host ${serviceHost(apiUrl)}, storage backend ${storageBackend() ?? 'unknown'}, ` +
      `Remember me ${appInfo.rememberAvailable ? 'available' : 'unavailable'}.`,
  );

  function storageBackend(): string | null {
    try {
      return String(deps.encryptor.backend());
    } catch {
      return null;
    }
  }

  async function copyDiagnostics(): Promise<IpcResult<void>> {
    const report = buildDiagnosticsReport({
      productName: appInfo.productName,
      version: appInfo.version,
      versions: deps.versions ?? process.versions,
      os: { platform: os.platform(), release: os.release(), arch: os.arch() },
      storageBackend: storageBackend(),
      rememberAvailable: appInfo.rememberAvailable,
      apiHost: serviceHost(apiUrl),
      usingPlexTv: appInfo.usingPlexTv,
      session: {
        phase: state.phase(),
        storage: state.session()?.storage ?? null,
        validation: state.session()?.validation ?? null,
      },
      errors: errors.list(),
      now: new Date(),
      redact: logger.redactor.redact,
    });
    try {
      await deps.clipboard.writeText(report);
    } catch (error) {
      logger.warn(`The diagnostics could not be copied to the clipboard: ${errorName(error)}.`);
      return fail('internal', COPY_DIAGNOSTICS_FAILED);
    }
    logger.info('Diagnostics were copied to the clipboard.');
    return ok(undefined);
  }

  const router = createIpcRouter(
    {
      'app:get-info': async () => ok(appInfo),
      'session:get': () => session.get(),
      'session:validate': () => session.validate(),
      'session:sign-in': (request) => session.signIn(request),
      'session:sign-out': () => session.signOut(),
      'session:revoke': () => session.revoke(),
      'token:copy': () => session.copyToken(),
      'app:open-external': (request) => openExternalLink(request.url, deps.openInBrowser),
      'pin:start': (request) => pin.start(request),
      'pin:wait': () => pin.wait(),
      'pin:cancel': () => pin.cancel(),
      'tools:list': () => tools.list(),
      'tools:check': () => tools.check(),
      'tools:create': (request) => tools.create(request),
      'tools:copy': (request) => tools.copy(request),
      'tools:revoke': (request) => tools.revoke(request),
      'servers:list': () => servers.list(),
      'servers:probe': () => servers.probe(),
      'servers:copy': (request) => servers.copy(request),
      'devices:list': (request) => devices.list(request),
      'devices:remove': (request) => devices.remove(request),
      'app:copy-diagnostics': () => copyDiagnostics(),
    },
    logger.error,
  );

  /** Every call through the router; its errors are logged and kept for the diagnostics. */
  async function invoke(channel: string, payload: unknown, sender: IpcSender): Promise<IpcResult<unknown>> {
    const started = Date.now();
    const result = await router.invoke(channel, payload, sender);
    try {
      // Only a contract channel is named: anything else came from the caller, maybe hostile.
      const known = typeof channel === 'string' && Object.hasOwn(IPC, channel) ? (channel as IpcChannel) : null;
      const name = known ?? 'an unknown channel';
      if (result.ok) {
        logger.debug(`IPC ${name} -> ok in ${Date.now() - started} ms`);
      } else {
        // The messages are fixed sentences with no secret; redacted all the same (here and in
        // the report), so that a slip in one can never reach a bug report.
        errors.record(known, { ...result.error, message: logger.redactor.redact(result.error.message) });
        const refused = result.error.kind === 'forbidden' || result.error.kind === 'invalid-request';
        (refused ? logger.warn : logger.info)(`IPC ${name} -> ${result.error.kind} in ${Date.now() - started} ms`);
      }
    } catch {
      // Bookkeeping must never cost the caller its answer.
    }
    return result;
  }

  let disposed = false;
  return {
    invoke,
    dispose() {
      if (disposed) return;
      disposed = true;
      state.shutdown();
      session.dispose();
      tools.dispose();
      servers.dispose();
      devices.dispose();
      clipboard.dispose();
    },
  };
}

/** A logger over a plain line sink (tests, the e2e bridge): every level, redacted. */
function sinkLogger(sink: ((line: string) => void) | undefined): Logger {
  if (!sink) return createSilentLogger();
  return createLogger({ write: (line) => sink(line.replace(/\n$/, '')), level: 'debug' });
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
