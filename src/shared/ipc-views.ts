import type { PlexAccount } from './account';
import type { PlexErrorKind } from './plex-error';

// What the main process answers over IPC: the views the renderer may see. The renderer
// never receives the token, only what it shows (the account, a masked preview). The
// channels themselves, with their request schemas, are in ipc-contract.ts.

/** Where the token is kept on this computer. */
export type TokenStorage = 'keychain' | 'session-only';

/** Something the user should be told once (why they are signed out, what was lost). */
export interface Notice {
  kind:
    | 'signed-out-elsewhere' // a stored token got 401 on launch
    | 'store-unreadable' // the settings file was corrupt and was reset
    | 'token-undecryptable' // the stored token could not be decrypted
    | 'keychain-unavailable' // the OS keystore was locked or missing at launch: the saved token is kept for later
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

export type SignedInOutcome = { status: 'signed-in'; session: SignedInView };

export type SignInOutcome = SignedInOutcome | { status: 'verification-required' };

export interface CopyTokenResult {
  /** The clipboard is cleared after this many seconds if it still holds the token. */
  clearAfterSeconds: number;
}

/** How a PIN sign-in is approved: in this computer's browser, or with a code at plex.tv/link. */
export const PIN_MODES = ['browser', 'link'] as const;
export type PinMode = (typeof PIN_MODES)[number];

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

/** A tool token's standing: checked alive, revoked on plex.tv (a 401), or not yet checked / plex.tv unreachable. */
export type ToolTokenStatus = 'alive' | 'revoked' | 'unchecked';

/** A separate token the app made for one tool (Kometa, Tautulli, …): never the token itself. */
export interface ToolTokenView {
  /** The tool's own client identifier on plex.tv: its device in Authorized Devices. */
  id: string;
  name: string;
  createdAt: string;
  lastCheckedAt: string | null;
  status: ToolTokenStatus;
}

export interface ToolTokensView {
  tokens: ToolTokenView[];
  /** Where they are kept: encrypted on disk, or (no keychain) until the app quits. */
  storage: TokenStorage;
}

/** A Plex Media Server the account owns or that is shared with it. */
export interface ServerView {
  /** The server's client identifier. */
  id: string;
  name: string;
  owned: boolean;
  /** Who shares it, for a server that is not the account's own. */
  owner: string | null;
  /** The address tools should use, by plex.tv's advice (local https first, relay last); null when none fits. */
  url: string | null;
  /** What kind of address `url` is, e.g. 'local https', 'relay'. */
  connection: string | null;
  /** After a reachability check: whether that address answered as this server; null before any check. */
  answered: boolean | null;
}

/** One entry of the account's Authorized Devices on plex.tv. */
export interface DeviceView {
  id: string;
  name: string;
  product: string;
  platform: string;
  createdAt: string | null;
  lastSeenAt: string | null;
  /** This app's own device: it cannot be removed from here. */
  thisApp: boolean;
  /** The tool token's name, when the device is one the app made. */
  toolToken: string | null;
  /** Why it counts as stale: not seen for the chosen number of days, or one of a flood of same-named devices. */
  stale: 'not-seen' | 'duplicate' | null;
}

/** Errors a call can return: plex.tv's, or the app's own. */
export type IpcErrorKind =
  | PlexErrorKind
  | 'invalid-request' // the payload failed validation
  | 'forbidden' // the sender is not the app's own top frame
  | 'not-signed-in' // a token action with no token
  | 'busy' // the session is doing something else (a sign-in under way, closing)
  | 'invalid-name' // a tool token's name: empty, too long, control characters, or taken
  | 'internal';

export interface IpcError {
  kind: IpcErrorKind;
  /** One plain sentence: what happened and what to do. Never holds a secret. */
  message: string;
  retryAfterSeconds?: number;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
