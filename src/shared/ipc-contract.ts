import type { PlexAccount } from './account';
import type { PlexErrorKind } from './plex-error';

// The one contract between the renderer and the main process: every channel with its
// request and result. The preload, the main-side router and the web-mode e2e bridge are
// all derived from API_METHODS below, so a renamed field breaks the build, not the app.
// The renderer never receives the token: only what it shows (the account, a masked
// preview). Types only: the zod schemas that check requests live in src/main.

/** Where the token is kept on this computer. */
export type TokenStorage = 'keychain' | 'session-only';

/** Something the user should be told once (why they are signed out, what was lost). */
export interface Notice {
  kind:
    | 'signed-out-elsewhere' // a stored token got 401 on launch
    | 'store-unreadable' // the settings file was corrupt and was reset
    | 'token-undecryptable' // the stored token could not be decrypted
    | 'signed-out' // the user signed out on this computer
    | 'revoked'; // the user revoked the token on plex.tv
  message: string;
}

/** The background check of a stored token on launch (`GET /user`). */
export type ValidationState =
  | 'checking' // not yet answered
  | 'valid' // plex.tv confirmed the token
  | 'unreachable'; // offline, 5xx, 429 or a timeout: says nothing about the token, so it is kept

export type SessionView =
  | { signedIn: false; notice: Notice | null }
  | {
      signedIn: true;
      account: PlexAccount;
      /** The token masked but for its last 4 characters, e.g. "••••••••••••Wxyz". */
      tokenPreview: string;
      storage: TokenStorage;
      validation: ValidationState;
      /** With validation 'unreachable': the sentence saying why, for a quiet status line. */
      validationMessage: string | null;
      notice: Notice | null;
    };

export type SignedInView = Extract<SessionView, { signedIn: true }>;

export interface AppInfo {
  productName: string;
  version: string;
  /** The plex.tv API the app talks to. */
  apiUrl: string;
  /** False when PLEX_API_URL points elsewhere (the fake, a proxy): the UI shows a banner. */
  usingPlexTv: boolean;
  /** False when the OS offers no real encryption (e.g. Linux `basic_text`). */
  rememberAvailable: boolean;
  /** Why "Remember me" is unavailable, as a sentence for the sign-in screen. */
  rememberUnavailableReason: string | null;
}

export interface SignInRequest {
  login: string;
  password: string;
  rememberMe: boolean;
  /** The 6-digit code or a backup code, once plex.tv asked for one. */
  verificationCode?: string;
}

export type SignInOutcome = { status: 'signed-in'; session: SignedInView } | { status: 'verification-required' };

export interface CopyTokenResult {
  /** The clipboard is cleared after this many seconds if it still holds the token. */
  clearAfterSeconds: number;
}

/** How a PIN sign-in is approved: in this computer's browser, or with a code at plex.tv/link. */
export type PinMode = 'browser' | 'link';

export interface PinStartRequest {
  mode: PinMode;
  rememberMe: boolean;
}

/** A PIN sign-in waiting for the user's approval. */
export interface PinView {
  mode: PinMode;
  /** The 4-character code to type at plex.tv/link (link mode); empty in browser mode. */
  code: string;
  /** Where to approve: plex.tv/link, or the app.plex.tv approval address. */
  url: string;
  /** When plex.tv forgets the request, as ISO 8601. */
  expiresAt: string;
  /** A QR code of `url` (link mode): an SVG path over a size×size grid of modules. */
  qr: { size: number; path: string } | null;
  /** Browser mode: whether the system browser was asked to open `url`. */
  browserOpened: boolean;
}

export interface OpenExternalRequest {
  url: string;
}

/** Errors a call can return: plex.tv's, or the app's own. */
export type IpcErrorKind =
  | PlexErrorKind
  | 'invalid-request' // the payload failed validation
  | 'forbidden' // the sender is not the app's own top frame
  | 'not-signed-in' // a token action with no token
  | 'busy' // a sign-in is already under way
  | 'internal';

export interface IpcError {
  kind: IpcErrorKind;
  /** One plain sentence: what happened and what to do. Never holds a secret. */
  message: string;
  retryAfterSeconds?: number;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export interface IpcContract {
  'app:get-info': { request: void; result: AppInfo };
  'session:get': { request: void; result: SessionView };
  'session:validate': { request: void; result: SessionView };
  'session:sign-in': { request: SignInRequest; result: SignInOutcome };
  'session:sign-out': { request: void; result: SessionView };
  'session:revoke': { request: void; result: SessionView };
  'token:copy': { request: void; result: CopyTokenResult };
  'app:open-external': { request: OpenExternalRequest; result: void };
  'pin:start': { request: PinStartRequest; result: PinView };
  /** Resolves when the PIN is approved (signed in), expires, or is cancelled. */
  'pin:wait': { request: void; result: Extract<SignInOutcome, { status: 'signed-in' }> };
  'pin:cancel': { request: void; result: void };
  /** Copies versions, platform, storage backend and the last errors (never a secret) for a bug report. */
  'app:copy-diagnostics': { request: void; result: void };
}

export type IpcChannel = keyof IpcContract;

/** The methods of `window.plexSignIn` and the channel each one calls. */
export const API_METHODS = {
  getAppInfo: 'app:get-info',
  getSession: 'session:get',
  validateSession: 'session:validate',
  signIn: 'session:sign-in',
  signOut: 'session:sign-out',
  revokeToken: 'session:revoke',
  copyToken: 'token:copy',
  openLink: 'app:open-external',
  startPinSignIn: 'pin:start',
  waitForPinSignIn: 'pin:wait',
  cancelPinSignIn: 'pin:cancel',
  copyDiagnostics: 'app:copy-diagnostics',
} as const satisfies Record<string, IpcChannel>;

export const IPC_CHANNELS = Object.values(API_METHODS) as IpcChannel[];

type Method<C extends IpcChannel> = IpcContract[C]['request'] extends void
  ? () => Promise<IpcResult<IpcContract[C]['result']>>
  : (request: IpcContract[C]['request']) => Promise<IpcResult<IpcContract[C]['result']>>;

/** What the preload exposes as `window.plexSignIn`: nothing more. */
export type PlexSignInApi = { readonly [M in keyof typeof API_METHODS]: Method<(typeof API_METHODS)[M]> };

/** The global name of the API in the renderer. */
export const API_GLOBAL = 'plexSignIn';
