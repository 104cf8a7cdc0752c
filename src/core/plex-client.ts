import axios, { type AxiosRequestConfig } from 'axios';
import type { PlexAccount } from '../shared/account';
import type { PlexResult } from '../shared/plex-error';
import { parseAccount } from './account-schema';
import { parsePin, type PlexPin } from './pin-schema';
import { serviceHost } from './api-url';
import { type CallKind, classifyStatus, errorInfo, isNetworkFailure, type MessageContext } from './classify';
import { type ClientInfo, plexHeaders } from './client-info';
import { plexOrigin } from './plex-origin';
import { parseRetryAfter } from './retry-after';
import { sleep } from './sleep';

// The plex.tv client shared by the CLI and the desktop app. Every method resolves to a
// PlexResult and never throws for anything plex.tv or the network does; no error it
// returns carries a request's body, headers or config, so secrets cannot leak through it.

export interface PlexClientOptions {
  /** Base URL of the API, e.g. https://plex.tv/api/v2 (see resolveApiUrl). */
  apiUrl: string;
  client: ClientInfo;
  /** Time limit for each HTTP request, in milliseconds. */
  timeoutMs?: number;
  /** Retries of 429 and 503 answers (other answers are never retried). */
  maxRetries?: number;
  /** Longest Retry-After we wait for; beyond it we give up and report the wait. */
  maxRetryWaitSeconds?: number;
  /** Wait before a retry when the answer gave no Retry-After. */
  defaultRetryWaitMs?: number;
  /** Axios transport overrides: the desktop app passes Electron's net.fetch here. */
  transport?: Pick<AxiosRequestConfig, 'adapter' | 'env'>;
  /** Receives one line per HTTP exchange (method, path, status, time); never secrets. */
  log?: (line: string) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface SignInRequest {
  login: string;
  password: string;
  /** A 6-digit code or a longer backup code, when plex.tv asked for one. */
  verificationCode?: string;
  /** Ask for a long-lived (14-day, renewable) token. */
  rememberMe: boolean;
}

export interface SignedIn {
  account: PlexAccount;
  token: string;
}

export interface PlexClient {
  readonly apiUrl: string;
  /** `POST /users/signin`: one request, whose answer already holds the account. */
  signIn(request: SignInRequest, options?: CallOptions): Promise<PlexResult<SignedIn>>;
  /** `GET /user`: the account a token belongs to; 401 means the token is dead. */
  getAccount(token: string, options?: CallOptions): Promise<PlexResult<SignedIn>>;
  /**
   * `GET /ping`: keeps a token alive (plex.tv pushes a remembered token's
   * `rememberExpiresAt` a full period ahead); 401 means the token is dead.
   */
  ping(token: string, options?: CallOptions): Promise<PlexResult<void>>;
  /** `DELETE /users/signout`: revokes the token on plex.tv. */
  signOut(token: string, options?: CallOptions): Promise<PlexResult<void>>;
  /** `POST /pins`: starts a browser (strong) or link-code (short) sign-in. */
  createPin(options: { strong: boolean }, call?: CallOptions): Promise<PlexResult<PlexPin>>;
  /**
   * `GET /pins/{id}`, once and without retries (the caller paces its polling); a 404
   * means the PIN expired.
   */
  checkPin(id: number, options?: CallOptions): Promise<PlexResult<PlexPin>>;
  /**
   * Any other plex.tv request, on the same path as the methods above: headers, retries of
   * 429/503 only, error classification, cancellation. Resolves to the 2xx answer.
   */
  exchange(request: PlexRequest, options?: CallOptions): Promise<PlexResult<PlexAnswer>>;
}

/** One request on the client's send path, for the account modules (tool-tokens.ts, devices.ts, servers.ts). */
export interface PlexRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Under the API URL, or under plex.tv's v1 origin with `base: 'v1'` (devices.xml, docs/plex-api.md §1). */
  path: string;
  base?: 'api' | 'v1';
  call: CallKind;
  token?: string;
  form?: Record<string, string>;
  /** Send as another device (a tool token's own identifier and names) instead of this client. */
  as?: ClientInfo;
  /** plex.tv's v1 endpoints answer XML only (docs/plex-api.md §5b). */
  accept?: 'json' | 'xml';
  /** Retries of 429/503 for this call; defaults to the client's maxRetries. */
  retries?: number;
}

/** A 2xx answer: the body parsed as JSON when it is JSON, and its text either way. */
export interface PlexAnswer {
  status: number;
  body: unknown;
  text: string;
}

interface Exchange extends PlexRequest {
  signal: AbortSignal | undefined;
}

type Answer = PlexAnswer;

const RETRYABLE = new Set([429, 503]);

/**
 * The most an answer may hold, error bodies included: an account is a few KB, a PIN less.
 * Past it the answer is refused as unexpected before it can fill memory (a 2.5 GB body, a
 * gzip bomb), on the wire and once decoded alike.
 */
export const MAX_ANSWER_BYTES = 1024 * 1024;

export function createPlexClient(options: PlexClientOptions): PlexClient {
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 2;
  const maxRetryWaitSeconds = options.maxRetryWaitSeconds ?? 10;
  const defaultRetryWaitMs = options.defaultRetryWaitMs ?? 1_000;
  const ctx: MessageContext = { host: serviceHost(apiUrl), timeoutSeconds: Math.round(timeoutMs / 1000) };
  const v1Origin = plexOrigin(apiUrl);
  // Node's http (no transport given: the CLI) would count only decompressed bytes, so
  // there we ask for answers as they are and decode nothing: the cap then holds for the
  // bytes on the wire, and no bomb can go off. A fetch transport (the app's net.fetch)
  // decodes by itself and sets Accept-Encoding itself; axios counts what it decoded and
  // refuses a declared Content-Length over the cap before reading.
  const nodeHttp = options.transport?.adapter === undefined;
  const encoding = nodeHttp ? { 'Accept-Encoding': 'identity' } : {};
  const headers = { ...plexHeaders(options.client), ...encoding };
  const http = axios.create({
    baseURL: apiUrl,
    // We read statuses and bodies ourselves: axios must neither throw on a status nor
    // guess at JSON (a proxy's HTML page must be reported, not half-parsed).
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxRedirects: 0,
    maxContentLength: MAX_ANSWER_BYTES,
    ...(nodeHttp ? { decompress: false } : {}),
    ...options.transport,
  });

  async function once(x: Exchange): Promise<PlexResult<Answer & { retryAfterSeconds?: number }>> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = x.signal ? AbortSignal.any([x.signal, timeout]) : timeout;
    const started = Date.now();
    try {
      const res = await http.request<string>({
        method: x.method,
        url: x.base === 'v1' ? `${v1Origin}${x.path}` : x.path,
        headers: {
          ...(x.as ? { ...plexHeaders(x.as), ...encoding } : headers),
          ...(x.accept === 'xml' ? { Accept: 'application/xml' } : {}),
          ...(x.token === undefined ? {} : { 'X-Plex-Token': x.token }),
          ...(x.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
        },
        data: x.form ? new URLSearchParams(x.form).toString() : undefined,
        signal,
      });
      options.log?.(`${x.method} ${x.path} -> ${res.status} in ${Date.now() - started} ms`);
      const retryAfterSeconds = parseRetryAfter(res.headers['retry-after']);
      const text = typeof res.data === 'string' ? res.data : '';
      const answer = { status: res.status, body: parseJson(text), text };
      return { ok: true, value: retryAfterSeconds === undefined ? answer : { ...answer, retryAfterSeconds } };
    } catch (error) {
      // The error is dropped here on purpose: axios errors carry the request config,
      // and with it the password or token.
      const kind = x.signal?.aborted
        ? 'cancelled'
        : timeout.aborted
          ? 'timeout'
          : isNetworkFailure(error)
            ? 'network'
            : 'unexpected-response';
      const tooLarge = kind === 'unexpected-response' && /maxContentLength/.test((error as Error)?.message ?? '');
      options.log?.(
        `${x.method} ${x.path} -> ${kind}${tooLarge ? ` (answer over ${MAX_ANSWER_BYTES} bytes)` : ''} after ${Date.now() - started} ms`,
      );
      return { ok: false, error: errorInfo(kind, ctx) };
    }
  }

  /** Sends an exchange, retrying 429 and 503 as the retry rules allow. */
  async function send(x: Exchange): Promise<PlexResult<Answer>> {
    for (let attempt = 0; ; attempt += 1) {
      const result = await once(x);
      if (!result.ok) return result;
      const { status, body, retryAfterSeconds } = result.value;
      if (status >= 200 && status < 300) return { ok: true, value: { status, body, text: result.value.text } };

      const waitMs = retryAfterSeconds === undefined ? defaultRetryWaitMs : retryAfterSeconds * 1000;
      const mayRetry =
        RETRYABLE.has(status) && attempt < (x.retries ?? maxRetries) && waitMs <= maxRetryWaitSeconds * 1000;
      if (!mayRetry) return { ok: false, error: classifyStatus(x.call, status, body, retryAfterSeconds, ctx) };
      if (!(await sleep(waitMs, x.signal))) return { ok: false, error: errorInfo('cancelled', ctx) };
    }
  }

  /** Sends an exchange and parses its success body; a body that does not parse is unexpected. */
  async function sendAndParse<T>(x: Exchange, parse: (body: unknown) => T | null): Promise<PlexResult<T>> {
    const result = await send(x);
    if (!result.ok) return result;
    const parsed = parse(result.value.body);
    if (!parsed) return { ok: false, error: errorInfo('unexpected-response', ctx, { status: result.value.status }) };
    return { ok: true, value: parsed };
  }

  const account = (x: Exchange) => sendAndParse<SignedIn>(x, parseAccount);
  const pin = (x: Exchange) => sendAndParse<PlexPin>(x, (body) => parsePin(body));

  return {
    apiUrl,
    signIn(request, opts = {}) {
      const form: Record<string, string> = {
        login: request.login,
        password: request.password,
        rememberMe: String(request.rememberMe),
      };
      if (request.verificationCode) form.verificationCode = request.verificationCode;
      const call = request.verificationCode ? 'signin-with-code' : 'signin';
      return account({ method: 'POST', path: '/users/signin', call, form, signal: opts.signal });
    },
    getAccount(token, opts = {}) {
      return account({ method: 'GET', path: '/user', call: 'token', token, signal: opts.signal });
    },
    async ping(token, opts = {}) {
      const result = await send({ method: 'GET', path: '/ping', call: 'token', token, signal: opts.signal });
      return result.ok ? { ok: true, value: undefined } : result;
    },
    async signOut(token, opts = {}) {
      const result = await send({
        method: 'DELETE',
        path: '/users/signout',
        call: 'token',
        token,
        signal: opts.signal,
      });
      return result.ok ? { ok: true, value: undefined } : result;
    },
    createPin({ strong }, opts = {}) {
      const path = strong ? '/pins?strong=true' : '/pins';
      return pin({ method: 'POST', path, call: 'pin', signal: opts.signal });
    },
    checkPin(id, opts = {}) {
      return pin({ method: 'GET', path: `/pins/${id}`, call: 'pin', signal: opts.signal, retries: 0 });
    },
    exchange(request, opts = {}) {
      return send({ ...request, signal: opts.signal });
    },
  };
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
