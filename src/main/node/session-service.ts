import type { PlexClient } from '../../core/plex-client';
import type { IpcRequest } from '../../shared/ipc-contract';
import type { CopyTokenResult, IpcResult, SessionView, SignInOutcome } from '../../shared/ipc-views';
import type { ClipboardGuard } from './clipboard-guard';
import { fail, failFromPlex, ok } from './ipc-result';
import type { Redactor } from './log-redactor';
import { notice } from './notices';
import type { SessionState } from './session-state';

// The session channels (password sign-in, launch check, sign-out, revoke, copy) over the
// session state (session-state.ts), which decides what each may do. Results carry views
// the renderer may see, never the token; the password and code of a sign-in under way
// are registered with the log redactor, so no log line can carry them.

export interface SessionServiceDeps {
  state: SessionState;
  client: PlexClient;
  /** The app's one clipboard guard: whatever was copied last is cleared on sign-out and revoke. */
  clipboard: ClipboardGuard;
  /** The log's redactor: told which secrets a sign-in holds right now. */
  secrets?: Pick<Redactor, 'remember' | 'forget'>;
}

export interface SessionService {
  get(): Promise<IpcResult<SessionView>>;
  validate(): Promise<IpcResult<SessionView>>;
  signIn(request: IpcRequest<'session:sign-in'>): Promise<IpcResult<SignInOutcome>>;
  signOut(): Promise<IpcResult<SessionView>>;
  revoke(): Promise<IpcResult<SessionView>>;
  copyToken(): Promise<IpcResult<CopyTokenResult>>;
  /** Cancels requests in flight. */
  dispose(): void;
}

const NOT_SIGNED_IN = 'You are not signed in, so there is no token; sign in first.';
const CANCELLED = 'The sign-in was cancelled.';

export function createSessionService(deps: SessionServiceDeps): SessionService {
  const { state, client } = deps;
  const secrets = deps.secrets ?? { remember: () => {}, forget: () => {} };
  const { clipboard } = deps;
  let validating: Promise<IpcResult<SessionView>> | null = null;
  const lifetime = new AbortController();
  // A killed app never ran its clear timer: a saved token still on the clipboard goes now.
  const restored = state.session();
  if (restored) void clipboard.clearLeftover(restored.token);

  async function runValidate(): Promise<IpcResult<SessionView>> {
    const session = state.session();
    if (!session) return ok(state.view());
    const result = await client.getAccount(session.token, { signal: lifetime.signal });
    // Signed out, or in as someone else, while plex.tv was answering: update() ignores a stale answer.
    if (result.ok) {
      state.update(session.token, { account: result.value.account, validation: 'valid', validationMessage: null });
      return ok(state.view());
    }
    const { kind, message } = result.error;
    if (kind === 'token-invalid' || kind === 'token-expired') {
      state.drop(session.token, notice('signed-out-elsewhere'));
      return ok(state.view());
    }
    // Offline, timed out, 5xx, 429, a captive portal: none of it says the token is dead.
    if (kind !== 'cancelled') state.update(session.token, { validation: 'unreachable', validationMessage: message });
    return ok(state.view());
  }

  return {
    async get() {
      return ok(state.view());
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
      // toward plex.tv's lock-out): the state refuses it before any request is made.
      const begun = state.begin('password');
      if (!begun.ok) return begun.refusal;
      const { attempt } = begun;
      const inFlight = [request.password, request.verificationCode].filter((s): s is string => s !== undefined);
      for (const secret of inFlight) secrets.remember(secret);
      try {
        const result = await client.signIn(request, { signal: attempt.signal });
        if (!state.isCurrent(attempt)) return fail('cancelled', CANCELLED);
        if (result.ok) {
          const session = state.adopt(attempt, result.value, request.rememberMe);
          return session ? ok({ status: 'signed-in', session }) : fail('cancelled', CANCELLED);
        }
        const { kind } = result.error;
        if (kind === 'verification-required') {
          state.end(attempt, 'awaiting-code');
          return ok({ status: 'verification-required' });
        }
        // A wrong code keeps the code step; anything else starts over from the password.
        state.end(attempt, kind === 'invalid-verification-code' ? 'awaiting-code' : 'signed-out');
        return failFromPlex(result.error);
      } finally {
        state.end(attempt, 'signed-out'); // no-op unless an exception left it current
        for (const secret of inFlight) secrets.forget(secret);
      }
    },

    async signOut() {
      const result = state.signOut(notice('signed-out'));
      if (result.ok) await clipboard.withdraw();
      return result;
    },

    async revoke() {
      const begun = state.beginRevoke();
      if (!begun.ok) return begun.refusal;
      const { ticket } = begun;
      const result = await client.signOut(ticket.token, { signal: ticket.signal });
      // A token plex.tv already calls dead is as revoked as it gets: forget it all the same.
      const alreadyDead =
        !result.ok && (result.error.kind === 'token-invalid' || result.error.kind === 'token-expired');
      const revoked = result.ok || alreadyDead;
      state.endRevoke(ticket, revoked);
      if (!revoked) return failFromPlex(result.error);
      await clipboard.withdraw();
      return ok(state.view(notice('revoked')));
    },

    async copyToken() {
      const session = state.session();
      if (!session) return fail('not-signed-in', NOT_SIGNED_IN);
      return ok({ clearAfterSeconds: await clipboard.copy(session.token) });
    },

    dispose() {
      lifetime.abort();
    },
  };
}
