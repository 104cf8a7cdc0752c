// A local stand-in for plex.tv (docs/plex-api.md §6) on plain node:http, used by every test
// and by `npm run fake-plex` for trying the app without an account.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PREFIX, handleApi } from './api-routes';
import { CONTROL_PREFIX, handleControl } from './control-routes';
import { handleDevices, isDevicePath } from './device-routes';
import { ERRORS } from './errors';
import { negotiate, sendError, sendRaw } from './render';
import { BodyTooLargeError, headerRecord, readBody, splitTarget, type RequestTarget } from './request';
import { FakeState } from './state';
import type { FakeRequest } from './types';

export interface FakePlex {
  /** e.g. `http://127.0.0.1:41234`; control endpoints live at `${origin}/__fake/…`. */
  origin: string;
  /** `${origin}/api/v2`, the stand-in for `https://plex.tv/api/v2`. */
  apiUrl: string;
  /** Stops listening and drops open (keep-alive) connections. */
  close(): Promise<void>;
}

export interface FakePlexOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
}

export async function startFakePlex(opts: FakePlexOptions = {}): Promise<FakePlex> {
  const host = opts.host ?? '127.0.0.1';
  const state = new FakeState();
  const delays = new Delays();
  const server = createServer((req, res) => {
    handleRequest(req, res, state, delays).catch((error: unknown) => answerFailure(req, res, error));
  });
  await listen(server, opts.port ?? 0, host);

  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    origin,
    apiUrl: origin + API_PREFIX,
    close() {
      closing ??= new Promise<void>((resolve) => {
        delays.cancelAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  state: FakeState,
  delays: Delays,
): Promise<void> {
  const target = splitTarget(req.url ?? '/');
  const method = (req.method ?? 'GET').toUpperCase();

  if (target.path.startsWith(CONTROL_PREFIX)) {
    return handleControl(req, res, state, target.path, await readBody(req));
  }

  const isApi = target.path === API_PREFIX || target.path.startsWith(`${API_PREFIX}/`);
  const isDevices = isDevicePath(target.path);
  // Logged before anything else can answer (missing client identifier, faults), so
  // tests can count every attempt a client made, retries included.
  if (isApi || isDevices) state.requests.push(logEntry(req, method, target));
  const body = await readBody(req);

  const fault = state.faults.take(method, target.path);
  if (fault) {
    if (fault.delayMs > 0) await delays.wait(fault.delayMs);
    if (res.destroyed) return;
    if (fault.reset) {
      req.socket.destroy();
      return;
    }
    if (fault.status !== undefined) {
      return sendRaw(res, fault.status, fault.body, fault.contentType, fault.headers);
    }
    // A fault without a status only delays the real answer.
  }

  if (isApi) handleApi(req, res, state, target, body);
  else if (isDevices) handleDevices(req, res, state, target);
  else sendError(res, negotiate(req), ERRORS.notFound);
}

/** The request as GET /__fake/requests lists it: never the body, never a password. */
function logEntry(req: IncomingMessage, method: string, target: RequestTarget): FakeRequest {
  const query: Record<string, string> = {};
  for (const [name, value] of target.query) {
    if (name.toLowerCase() !== 'password') query[name] = value;
  }
  return { method, path: target.path, query, headers: headerRecord(req) };
}

/** Whatever went wrong, answer if the client is still there; never crash the server. */
function answerFailure(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (res.destroyed || res.headersSent) return;
  if (error instanceof BodyTooLargeError) {
    res.setHeader('Connection', 'close');
    return sendError(res, negotiate(req), ERRORS.bodyTooLarge);
  }
  sendError(res, negotiate(req), ERRORS.internal);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Fault delays that `close()` can cut short, so closing never waits on a timer. */
class Delays {
  private readonly pending = new Set<() => void>();

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.pending.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.pending.add(finish);
    });
  }

  cancelAll(): void {
    for (const finish of [...this.pending]) finish();
  }
}
