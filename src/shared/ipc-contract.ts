import * as z from 'zod/mini';
import { TOKEN_FORMATS } from './token-formats';
import { MAX_TOOL_NAME_LENGTH } from './tool-token-name';
import {
  type AppInfo,
  type CopyTokenResult,
  type DeviceView,
  type ServerView,
  type ToolTokensView,
  type ToolTokenView,
  type IpcResult,
  PIN_MODES,
  type PinView,
  type SessionView,
  type SignedInOutcome,
  type SignInOutcome,
} from './ipc-views';

// The one table of IPC channels between the renderer and the main process. Each channel
// is declared here once: its name, the preload method that calls it, the schema its
// request must pass and the type of its result. Everything else is derived from this
// table: the request and result types (z.infer), `window.plexSignIn` (src/preload), the
// main-side router (src/main/node/ipc-router.ts, which refuses anything the schema does
// not accept), the web-mode e2e bridge, the renderer's wrapper and the fuzz tests. Adding
// a channel is one entry here plus its handler in src/main/node/app-core.ts; a channel
// without a handler fails typecheck.

/** Bounds on what the untrusted renderer may send: a megabyte "password" is refused before it is copied anywhere. */
export const LIMITS = {
  login: 320, // the longest valid email address
  password: 1024,
  verificationCode: 64, // 6 digits, or a backup code (longer)
  url: 2048,
  /** A tool token's name is checked in full by checkToolTokenName; this only bounds what is read. */
  toolName: MAX_TOOL_NAME_LENGTH * 4,
  /** A client identifier or a device id. */
  id: 128,
} as const;

/** Where a copied server goes: its address, its token, or both in a tool's format. */
export const SERVER_COPY_FORMATS = ['url', 'token', 'env', 'json', 'kometa'] as const;
/** The "not seen for" choices of the Authorized Devices clean-up, in days. */
export const STALE_DAYS = ['30', '90', '180', '365'] as const;

const bounded = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** A channel that takes no request: undefined, or null from some bridges. */
const none = z.union([z.undefined(), z.null()]);

declare const RESULT: unique symbol;
/** Carries a channel's result type in the table; there is nothing to check at run time (main is trusted). */
export interface Returns<T> {
  readonly [RESULT]?: T;
}
const returns = <T>(): Returns<T> => ({});

interface ChannelSpec {
  /** The method of `window.plexSignIn` that calls this channel. */
  readonly method: string;
  /** Strict objects only: an extra key, `__proto__` or `constructor` included, is refused. */
  readonly request: z.ZodMiniType;
  readonly result: Returns<unknown>;
}

export const IPC = {
  'app:get-info': { method: 'getAppInfo', request: none, result: returns<AppInfo>() },
  /** What to show now, from memory, without any network; a pending notice is handed out once. */
  'session:get': { method: 'getSession', request: none, result: returns<SessionView>() },
  /** Asks plex.tv whether the saved token still works (`GET /user`). */
  'session:validate': { method: 'validateSession', request: none, result: returns<SessionView>() },
  'session:sign-in': {
    method: 'signIn',
    request: z.strictObject({
      login: bounded(LIMITS.login),
      password: bounded(LIMITS.password),
      rememberMe: z.boolean(),
      /** The 6-digit code or a backup code, once plex.tv asked for one. */
      verificationCode: z.optional(bounded(LIMITS.verificationCode)),
    }),
    result: returns<SignInOutcome>(),
  },
  /** Forgets the token on this computer; it keeps working elsewhere. Cancels a sign-in under way. */
  'session:sign-out': { method: 'signOut', request: none, result: returns<SessionView>() },
  /** Revokes the token on plex.tv, then forgets it. */
  'session:revoke': { method: 'revokeToken', request: none, result: returns<SessionView>() },
  'token:copy': { method: 'copyToken', request: none, result: returns<CopyTokenResult>() },
  /** Opens an https plex.tv link in the user's browser; anything else is refused. */
  'app:open-external': {
    method: 'openLink',
    request: z.strictObject({ url: bounded(LIMITS.url) }),
    result: returns<void>(),
  },
  'pin:start': {
    method: 'startPinSignIn',
    request: z.strictObject({ mode: z.enum(PIN_MODES), rememberMe: z.boolean() }),
    result: returns<PinView>(),
  },
  /** Resolves when the PIN is approved (signed in), expires, or is cancelled. */
  'pin:wait': { method: 'waitForPinSignIn', request: none, result: returns<SignedInOutcome>() },
  'pin:cancel': { method: 'cancelPinSignIn', request: none, result: returns<void>() },
  /** The tool tokens this app made for the signed-in account (kept when the app signs out). */
  'tools:list': { method: 'listToolTokens', request: none, result: returns<ToolTokensView>() },
  /** Asks plex.tv about each tool token (`GET /user` with it): only a 401 marks one revoked. */
  'tools:check': { method: 'checkToolTokens', request: none, result: returns<ToolTokensView>() },
  /** Makes a new device and token for a tool, without the password (docs/plex-api.md §5a). */
  'tools:create': {
    method: 'createToolToken',
    request: z.strictObject({ name: bounded(LIMITS.toolName) }),
    result: returns<{ created: ToolTokenView; list: ToolTokensView }>(),
  },
  'tools:copy': {
    method: 'copyToolToken',
    request: z.strictObject({ id: bounded(LIMITS.id), format: z.enum(TOKEN_FORMATS) }),
    result: returns<CopyTokenResult>(),
  },
  /** Removes the tool's device on plex.tv (its token dies with it), then forgets it here. */
  'tools:revoke': {
    method: 'revokeToolToken',
    request: z.strictObject({ id: bounded(LIMITS.id) }),
    result: returns<ToolTokensView>(),
  },
  'servers:list': { method: 'listServers', request: none, result: returns<ServerView[]>() },
  /** Asks each server's addresses for its identity (no token sent) and picks the best that answers. */
  'servers:probe': { method: 'probeServers', request: none, result: returns<ServerView[]>() },
  'servers:copy': {
    method: 'copyServer',
    request: z.strictObject({ id: bounded(LIMITS.id), format: z.enum(SERVER_COPY_FORMATS) }),
    result: returns<CopyTokenResult>(),
  },
  'devices:list': {
    method: 'listDevices',
    request: z.strictObject({ staleAfterDays: z.enum(STALE_DAYS) }),
    result: returns<DeviceView[]>(),
  },
  /** Removes one Authorized Device (its token dies with it); the renderer goes one at a time and shows progress. */
  'devices:remove': {
    method: 'removeDevice',
    request: z.strictObject({ id: bounded(LIMITS.id) }),
    result: returns<{ outcome: 'removed' | 'already-gone' }>(),
  },
  /** Copies versions, platform, storage backend and the last errors (never a secret) for a bug report. */
  'app:copy-diagnostics': { method: 'copyDiagnostics', request: none, result: returns<void>() },
} as const satisfies Record<string, ChannelSpec>;

type Table = typeof IPC;
export type IpcChannel = keyof Table;

/** The request a handler receives, as the schema leaves it; `void` for channels that take none. */
export type IpcRequest<C extends IpcChannel> = [z.infer<Table[C]['request']>] extends [null | undefined]
  ? void
  : z.infer<Table[C]['request']>;

export type IpcResultOf<C extends IpcChannel> = Table[C]['result'] extends Returns<infer T> ? T : never;

export type IpcMethodName = Table[IpcChannel]['method'];

type ChannelOf<M extends IpcMethodName> = { [C in IpcChannel]: Table[C]['method'] extends M ? C : never }[IpcChannel];

type Method<C extends IpcChannel> =
  IpcRequest<C> extends void
    ? () => Promise<IpcResult<IpcResultOf<C>>>
    : (request: IpcRequest<C>) => Promise<IpcResult<IpcResultOf<C>>>;

/** What the preload exposes as `window.plexSignIn`: one method per channel, nothing more. */
export type PlexSignInApi = { readonly [M in IpcMethodName]: Method<ChannelOf<M>> };

export const IPC_CHANNELS = Object.keys(IPC) as IpcChannel[];

/** Each method with the channel it calls, for the preload and the bridges that build `window.plexSignIn`. */
export const API_METHODS = Object.fromEntries(IPC_CHANNELS.map((channel) => [IPC[channel].method, channel])) as {
  readonly [M in IpcMethodName]: ChannelOf<M>;
};

/** The global name of the API in the renderer. */
export const API_GLOBAL = 'plexSignIn';
