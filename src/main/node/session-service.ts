import type { PlexClient, SignedIn } from '../../core/plex-client';
import type { PlexAccount } from '../../shared/account';
import type {
  CopyTokenResult,
  IpcResult,
  Notice,
  SessionView,
  SignInOutcome,
  SignInRequest,
  SignedInView,
  TokenStorage,
  ValidationState,
} from '../../shared/ipc-contract';
import { maskToken } from '../../shared/mask-token';
import { createClipboardGuard } from './clipboard-guard';
import { fail, failFromPlex, ok } from './ipc-result';
import type { Redactor } from './log-redactor';
import { notice } from './notices';
import type { ClipboardPort } from './ports';
import type { TokenVault } from './token-vault';

// The signed-in state of the app: the only place the token lives in memory. It answers
// the session channels with views the renderer may see (account, masked token), never the
// token itself, and never puts the token or the password into a result or a log line.
// Belt and braces: the token of the session, and the password and code of a sign-in while
// it is under way, are registered with the log redactor, so no log line can carry them.

export interface SessionServiceDeps {
  vault: TokenVault;
  client: PlexClient;
  clipboard: ClipboardPort;
  clipboardClearMs: number;
  log?: (line: string) => void;
  /** The log's redactor: told which secrets the app holds right now. */
  secrets?: Pick<Redactor, 'remember' | 'forget'>;
}

/** For the diagnostics report: the state, with nothing about the account or the token. */
export interface SessionStatus {
  signedIn: boolean;
  storage: TokenStorage | null;
  validation: ValidationState | null;
  signingIn: boolean;
}

export interface SessionService {
  /** `session:get`: what to show now, without any network; a pending notice is returned once. */
  get(): Promise<IpcResult<SessionView>>;
  /** `session:validate`: asks plex.tv whether the token still works (`GET /user`). */
  validate(): Promise<IpcResult<SessionView>>;
  signIn(request: SignInRequest): Promise<IpcResult<SignInOutcome>>;
  /** Forgets the token on this computer; the token keeps working elsewhere. */
  signOut(): Promise<IpcResult<SessionView>>;
  /** Revokes the token on plex.tv, then forgets it. */
  revoke(): Promise<IpcResult<SessionView>>;
  copyToken(): Promise<IpcResult<CopyTokenResult>>;
  /** Makes a successful sign-in (password or PIN) the session, saved if asked and possible. */
  adopt(signedIn: SignedIn, rememberMe: boolean): SignedInView;
  /** The state as diagnostics report it; hands out no notice and makes no request. */
  status(): SessionStatus;
  /** Cancels requests in flight and the pending clipboard clear. */
  dispose(): void;
}

interface Current {
  token: string;
  account: PlexAccount;
  storage: TokenStorage;
  validation: ValidationState;
  validationMessage: string | null;
}

const NOT_SIGNED_IN = 'You are not signed in, so there is no token; sign in first.';
const BUSY = 'A sign-in is already under way; wait for it to finish.';
const FORGET_FAILED = 'The saved token could not be removed from this computer’s settings file; try signing out again.';

export function createSessionService(deps: SessionServiceDeps): SessionService {
  const { vault, client } = deps;
  const log = deps.log ?? (() => {});
  const secrets = deps.secrets ?? { remember: () => {}, forget: () => {} };
  const lifetime = new AbortController();
  const signal = lifetime.signal;
  const clipboard = createClipboardGuard(deps.clipboard, deps.clipboardClearMs);

  let current: Current | null = null;
  if (vault.restored) {
    setCurrent({
      ...vault.restored,
      storage: vault.capability.rememberAvailable ? 'keychain' : 'session-only',
      validation: 'checking',
      validationMessage: null,
    });
  }
  let pendingNotice: Notice | null = vault.notice;
  let signingIn = false;
  let validating: Promise<IpcResult<SessionView>> | null = null;

  /** Every change of session goes through here, so the redactor always knows the live token. */
  function setCurrent(next: Current | null): void {
    const before = current?.token;
    current = next;
    if (next && next.token !== before) secrets.remember(next.token);
    if (before !== undefined && before !== next?.token) secrets.forget(before);
  }

  /** The view of the current state. `explicit` replaces the pending notice; undefined hands it out. */
  function view(explicit?: Notice | null): SessionView {
    const shown = explicit === undefined ? pendingNotice : explicit;
    pendingNotice = null;
    if (!current) return { signedIn: false, notice: shown };
    return {
      signedIn: true,
      account: current.account,
      tokenPreview: maskToken(current.token),
      storage: current.storage,
      validation: current.validation,
      validationMessage: current.validationMessage,
      notice: shown,
    };
  }

  /** Drops the session if it still holds `token` (a newer sign-in is left alone). */
  function dropSession(token: string): void {
    if (current?.token !== token) return;
    if (!vault.forget()) log('A dead token could not be removed from the settings file.');
    setCurrent(null);
  }

  async function runValidate(): Promise<IpcResult<SessionView>> {
    const session = current;
    if (!session) return ok(view());
    const result = await client.getAccount(session.token, { signal });
    // Signed out, or in as someone else, while plex.tv was answering: that answer is stale.
    if (current?.token !== session.token) return ok(view());
    if (result.ok) {
      setCurrent({ ...current, account: result.value.account, validation: 'valid', validationMessage: null });
      if (current.storage === 'keychain') vault.updateAccount(result.value.account);
      return ok(view());
    }
    const { kind, message } = result.error;
    if (kind === 'token-invalid' || kind === 'token-expired') {
      dropSession(session.token);
      return ok(view(notice('signed-out-elsewhere')));
    }
    // Offline, timed out, 5xx, 429, a captive portal: none of it says the token is dead.
    if (kind !== 'cancelled') setCurrent({ ...current, validation: 'unreachable', validationMessage: message });
    return ok(view());
  }

  function adopt({ token, account }: SignedIn, rememberMe: boolean): SignedInView {
    const remembered = rememberMe && vault.save({ token, account });
    // Not remembered: no earlier session may stay on disk to come back at next launch.
    if (!remembered && !vault.forget()) log('An earlier saved token could not be removed.');
    setCurrent({
      token,
      account,
      storage: remembered ? 'keychain' : 'session-only',
      validation: 'valid',
      validationMessage: null,
    });
    return view(null) as SignedInView;
  }

  return {
    adopt,

    status() {
      return {
        signedIn: current !== null,
        storage: current?.storage ?? null,
        validation: current?.validation ?? null,
        signingIn,
      };
    },

    async get() {
      return ok(view());
    },

    validate() {
      // One check at a time: a second caller shares the answer instead of asking again.
      validating ??= runValidate().finally(() => {
        validating = null;
      });
      return validating;
    },

    async signIn(request) {
      // A second click must not become a second password attempt (each failure counts
      // toward plex.tv's lock-out), so it is refused before any request is made.
      if (signingIn) return fail('busy', BUSY);
      signingIn = true;
      // Scrubbed from every log line while the request is under way (and a little after:
      // until the answer is handled).
      const inFlight = [request.password, request.verificationCode].filter((s): s is string => s !== undefined);
      for (const secret of inFlight) secrets.remember(secret);
      try {
        const result = await client.signIn(
          {
            login: request.login,
            password: request.password,
            rememberMe: request.rememberMe,
            ...(request.verificationCode === undefined ? {} : { verificationCode: request.verificationCode }),
          },
          { signal },
        );
        if (!result.ok) {
          if (result.error.kind === 'verification-required') return ok({ status: 'verification-required' });
          return failFromPlex(result.error);
        }
        return ok({ status: 'signed-in', session: adopt(result.value, request.rememberMe) });
      } finally {
        signingIn = false;
        for (const secret of inFlight) secrets.forget(secret);
      }
    },

    async signOut() {
      if (!current) return ok(view());
      // Disk first: if the file cannot be written, the user must not believe the token is gone.
      if (!vault.forget()) return fail('internal', FORGET_FAILED);
      setCurrent(null);
      return ok(view(notice('signed-out')));
    },

    async revoke() {
      const session = current;
      if (!session) return fail('not-signed-in', NOT_SIGNED_IN);
      const result = await client.signOut(session.token, { signal });
      // A token plex.tv already calls dead is as revoked as it gets: forget it all the same.
      const alreadyDead =
        !result.ok && (result.error.kind === 'token-invalid' || result.error.kind === 'token-expired');
      if (!result.ok && !alreadyDead) return failFromPlex(result.error);
      dropSession(session.token);
      return ok(view(notice('revoked')));
    },

    async copyToken() {
      if (!current) return fail('not-signed-in', NOT_SIGNED_IN);
      return ok({ clearAfterSeconds: await clipboard.copy(current.token) });
    },

    dispose() {
      lifetime.abort();
      clipboard.dispose();
      setCurrent(null);
    },
  };
}
