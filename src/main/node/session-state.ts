import type { SignedIn } from '../../core/plex-client';
import type { PlexAccount } from '../../shared/account';
import type {
  IpcResult,
  Notice,
  SessionView,
  SignedInView,
  TokenStorage,
  ValidationState,
} from '../../shared/ipc-views';
import { maskToken } from '../../shared/mask-token';
import { fail, ok } from './ipc-result';
import type { Redactor } from './log-redactor';
import type { TokenVault } from './token-vault';

// The one owner of the session in main: which phase it is in, the signed-in session (the
// only place the token lives in memory), the sign-in under way and the notice still to
// show. Every channel that changes the session goes through here, so two flows can never
// both believe they own it:
//
//   signed-out ──sign-in──▶ signing-in ──1029──▶ awaiting-code ──sign-in──▶ signing-in
//   signed-out | awaiting-code ──pin:start──▶ awaiting-pin (a newer pin:start replaces it)
//   signing-in | awaiting-pin ──success──▶ signed-in;  ──failure, cancel──▶ signed-out
//   any sign-in under way ──sign-out──▶ signed-out (cancelled, nothing stored)
//   signed-in ──sign-out, revoke, dead token──▶ signed-out
//   any ──dispose──▶ shutting-down (everything cancelled; every later action refused)
//
// What does not fit the phase is refused with `busy` or `not-signed-in`, before any
// request is made. A sign-in that ends after it stopped being the current one (signed
// out, replaced, shut down) is dropped: nothing half-done is ever stored.

export type SessionPhase =
  | 'signed-out'
  | 'signing-in' // a password sign-in request is in flight
  | 'awaiting-code' // plex.tv asked for the 2FA code; nothing in flight
  | 'awaiting-pin' // a browser or link-code sign-in is being created or waits for approval
  | 'signed-in'
  | 'shutting-down';

export interface SignedInSession {
  readonly token: string;
  readonly account: PlexAccount;
  readonly storage: TokenStorage;
  readonly validation: ValidationState;
  readonly validationMessage: string | null;
}

/** A sign-in under way. Its signal aborts as soon as it stops being the current one. */
export interface SignInAttempt {
  readonly kind: 'password' | 'pin';
  readonly signal: AbortSignal;
}

/** A revoke under way; its signal aborts on shutdown. */
export interface RevokeTicket {
  readonly token: string;
  readonly signal: AbortSignal;
}

type Refused = { ok: false; refusal: IpcResult<never> };

export interface SessionState {
  phase(): SessionPhase;
  /** The signed-in session, or null in every other phase. */
  session(): SignedInSession | null;
  /** The view of the current state. `explicit` replaces the pending notice; undefined hands it out (once). */
  view(explicit?: Notice | null): SessionView;
  /** Starts a sign-in if the phase allows it; a PIN sign-in replaces one still waiting. */
  begin(kind: SignInAttempt['kind']): { ok: true; attempt: SignInAttempt } | Refused;
  isCurrent(attempt: SignInAttempt): boolean;
  /** The attempt ended without a session: back to signed out, or to the code step. No-op if no longer current. */
  end(attempt: SignInAttempt, next: 'signed-out' | 'awaiting-code'): void;
  /** The attempt succeeded: it becomes the session (saved if asked and possible); null if no longer current. */
  adopt(attempt: SignInAttempt, signedIn: SignedIn, rememberMe: boolean): SignedInView | null;
  /** Cancels a sign-in under way, or forgets the session (then shows `notice`). Refused while a revoke runs. */
  signOut(notice: Notice): IpcResult<SessionView>;
  beginRevoke(): { ok: true; ticket: RevokeTicket } | Refused;
  endRevoke(ticket: RevokeTicket, revoked: boolean): void;
  /** Updates the session if it still holds `token` (a newer sign-in or a sign-out is left alone). */
  update(
    token: string,
    change: Partial<Pick<SignedInSession, 'account' | 'validation' | 'validationMessage'>>,
  ): boolean;
  /** Drops the session if it still holds `token` (plex.tv called it dead). */
  drop(token: string, notice: Notice | null): void;
  shutdown(): void;
}

export interface SessionStateDeps {
  vault: TokenVault;
  log?: (line: string) => void;
  /** The log's redactor: told which token the session holds right now. */
  secrets?: Pick<Redactor, 'remember' | 'forget'>;
}

type State =
  | { phase: 'signed-out' | 'awaiting-code' | 'shutting-down' }
  | { phase: 'signing-in' | 'awaiting-pin'; attempt: Attempt }
  | { phase: 'signed-in'; session: SignedInSession; revoking: Revoke | null };

interface Attempt extends SignInAttempt {
  readonly controller: AbortController;
}

interface Revoke extends RevokeTicket {
  readonly controller: AbortController;
}

const BUSY_SIGNING_IN = 'A sign-in is already under way; wait for it to finish, or cancel it.';
const BUSY_SIGNED_IN = 'You are already signed in; sign out first to sign in again.';
const BUSY_REVOKING = 'The token is being revoked; wait for that to finish.';
const CLOSING = 'Plex Sign-In is closing; open it again to continue.';
const NOT_SIGNED_IN = 'You are not signed in, so there is no token; sign in first.';
const FORGET_FAILED = 'The saved token could not be removed from this computer’s settings file; try signing out again.';

export function createSessionState(deps: SessionStateDeps): SessionState {
  const { vault } = deps;
  const log = deps.log ?? (() => {});
  const secrets = deps.secrets ?? { remember: () => {}, forget: () => {} };

  let state: State = { phase: 'signed-out' };
  let pendingNotice: Notice | null = vault.notice;
  if (vault.restored) {
    enter({
      phase: 'signed-in',
      session: {
        ...vault.restored,
        storage: vault.capability.rememberAvailable ? 'keychain' : 'session-only',
        validation: 'checking',
        validationMessage: null,
      },
      revoking: null,
    });
  }

  /** Every change of phase goes through here: the redactor always knows the live token, and a left attempt is aborted. */
  function enter(next: State): void {
    const before = state;
    state = next;
    const beforeToken = before.phase === 'signed-in' ? before.session.token : undefined;
    const nextToken = next.phase === 'signed-in' ? next.session.token : undefined;
    if (nextToken !== undefined && nextToken !== beforeToken) secrets.remember(nextToken);
    if (beforeToken !== undefined && beforeToken !== nextToken) secrets.forget(beforeToken);
    const leftAttempt = 'attempt' in before && !('attempt' in next && next.attempt === before.attempt);
    if (leftAttempt) before.attempt.controller.abort();
  }

  function refuse(kind: 'busy' | 'not-signed-in', message: string): Refused {
    return { ok: false, refusal: fail(kind, message) };
  }

  function current(attempt: SignInAttempt): boolean {
    return 'attempt' in state && state.attempt === attempt;
  }

  function view(explicit?: Notice | null): SessionView {
    const shown = explicit === undefined ? pendingNotice : explicit;
    pendingNotice = null;
    if (state.phase !== 'signed-in') return { signedIn: false, notice: shown };
    const { session } = state;
    return {
      signedIn: true,
      account: session.account,
      tokenPreview: maskToken(session.token),
      storage: session.storage,
      validation: session.validation,
      validationMessage: session.validationMessage,
      notice: shown,
    };
  }

  return {
    phase: () => state.phase,
    session: () => (state.phase === 'signed-in' ? state.session : null),
    view,

    begin(kind) {
      switch (state.phase) {
        case 'shutting-down':
          return refuse('busy', CLOSING);
        case 'signed-in':
          return refuse('busy', state.revoking ? BUSY_REVOKING : BUSY_SIGNED_IN);
        case 'signing-in':
          return refuse('busy', BUSY_SIGNING_IN);
        case 'awaiting-pin':
          // "Use a code instead", "Start again": a newer PIN request replaces the waiting one.
          if (kind === 'password') return refuse('busy', BUSY_SIGNING_IN);
          break;
        case 'signed-out':
        case 'awaiting-code':
          break;
      }
      const controller = new AbortController();
      const attempt: Attempt = { kind, signal: controller.signal, controller };
      enter({ phase: kind === 'password' ? 'signing-in' : 'awaiting-pin', attempt });
      return { ok: true, attempt };
    },

    isCurrent: current,

    end(attempt, next) {
      if (current(attempt)) enter({ phase: next });
    },

    adopt(attempt, { token, account }, rememberMe) {
      if (!current(attempt)) return null;
      const remembered = rememberMe && vault.save({ token, account });
      // Not remembered: no earlier session may stay on disk to come back at next launch.
      if (!remembered && !vault.forget()) log('An earlier saved token could not be removed.');
      enter({
        phase: 'signed-in',
        session: {
          token,
          account,
          storage: remembered ? 'keychain' : 'session-only',
          validation: 'valid',
          validationMessage: null,
        },
        revoking: null,
      });
      return view(null) as SignedInView;
    },

    signOut(notice) {
      switch (state.phase) {
        case 'shutting-down':
          return fail('busy', CLOSING);
        case 'signed-in':
          if (state.revoking) return fail('busy', BUSY_REVOKING);
          // Disk first: if the file cannot be written, the user must not believe the token is gone.
          if (!vault.forget()) return fail('internal', FORGET_FAILED);
          enter({ phase: 'signed-out' });
          return ok(view(notice));
        default:
          // A sign-in under way is cancelled: nothing it brings back will be stored.
          enter({ phase: 'signed-out' });
          return ok(view());
      }
    },

    beginRevoke() {
      if (state.phase === 'shutting-down') return refuse('busy', CLOSING);
      if (state.phase !== 'signed-in') return refuse('not-signed-in', NOT_SIGNED_IN);
      if (state.revoking) return refuse('busy', BUSY_REVOKING);
      const controller = new AbortController();
      const revoking: Revoke = { token: state.session.token, signal: controller.signal, controller };
      state = { ...state, revoking };
      return { ok: true, ticket: revoking };
    },

    endRevoke(ticket, revoked) {
      if (state.phase !== 'signed-in' || state.revoking !== ticket) return;
      if (!revoked) {
        state = { ...state, revoking: null };
        return;
      }
      if (!vault.forget()) log('A revoked token could not be removed from the settings file.');
      enter({ phase: 'signed-out' });
    },

    update(token, change) {
      if (state.phase !== 'signed-in' || state.session.token !== token) return false;
      state = { ...state, session: { ...state.session, ...change } };
      if (change.account && state.session.storage === 'keychain') vault.updateAccount(change.account);
      return true;
    },

    drop(token, notice) {
      if (state.phase !== 'signed-in' || state.session.token !== token) return;
      if (!vault.forget()) log('A dead token could not be removed from the settings file.');
      enter({ phase: 'signed-out' });
      pendingNotice = notice;
    },

    shutdown() {
      if (state.phase === 'signed-in') state.revoking?.controller.abort();
      enter({ phase: 'shutting-down' });
    },
  };
}
