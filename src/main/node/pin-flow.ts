import { browserAuthUrl, LINK_URL, type PlexPin } from '../../core/pin-schema';
import { waitForPin } from '../../core/pin-sign-in';
import type { PlexClient } from '../../core/plex-client';
import type { IpcRequest } from '../../shared/ipc-contract';
import type { IpcResult, PinMode, PinView, SignedInOutcome } from '../../shared/ipc-views';
import { fail, failFromPlex, ok } from './ipc-result';
import type { OpenInBrowser } from './ports';
import { qrCodePath } from './qr-code';
import type { SessionState, SignInAttempt } from './session-state';

// Browser and link-code sign-in (Plex's PIN flow) in the app: no password passes through
// us. `start` asks the session state for the sign-in (refused while another one or a
// session is under way), asks plex.tv for a PIN and begins polling at once; `wait` hands
// the renderer the outcome; `cancel`, a sign-out, a newer start or closing the window
// stop the polling (the state aborts the attempt's signal). Only an approved PIN of the
// current attempt becomes a session.

export interface PinFlowDeps {
  state: SessionState;
  client: PlexClient;
  clientIdentifier: string;
  product: string;
  openInBrowser: OpenInBrowser;
}

export interface PinFlow {
  start(request: IpcRequest<'pin:start'>): Promise<IpcResult<PinView>>;
  wait(): Promise<IpcResult<SignedInOutcome>>;
  cancel(): Promise<IpcResult<void>>;
}

type Outcome = IpcResult<SignedInOutcome>;

interface Waiting {
  attempt: SignInAttempt;
  outcome: Promise<Outcome>;
}

const NONE_UNDER_WAY = 'No browser or code sign-in is under way; start one first.';
const CANCELLED = 'The sign-in was cancelled.';
const FAILED = 'Something went wrong while waiting for plex.tv; start the sign-in again.';

export function createPinFlow(deps: PinFlowDeps): PinFlow {
  const { state } = deps;
  /** The latest attempt of this flow; whether it still runs is the state's to say. */
  let waiting: Waiting | null = null;

  async function poll(pin: PlexPin, rememberMe: boolean, attempt: SignInAttempt): Promise<Outcome> {
    try {
      const result = await waitForPin(deps.client, pin, { signal: attempt.signal });
      if (!state.isCurrent(attempt)) return fail('cancelled', CANCELLED);
      if (!result.ok) {
        state.end(attempt, 'signed-out');
        return failFromPlex(result.error);
      }
      const session = state.adopt(attempt, result.value, rememberMe);
      return session ? ok({ status: 'signed-in', session }) : fail('cancelled', CANCELLED);
    } catch {
      state.end(attempt, 'signed-out');
      return fail('internal', FAILED);
    }
  }

  async function view(mode: PinMode, pin: PlexPin): Promise<PinView> {
    if (mode === 'link') {
      return {
        mode,
        code: pin.code,
        url: LINK_URL,
        expiresAt: pin.expiresAt,
        qr: qrCodePath(LINK_URL),
        browserOpened: false,
      };
    }
    const url = browserAuthUrl(deps.clientIdentifier, pin.code, deps.product);
    let browserOpened = true;
    try {
      await deps.openInBrowser(url);
    } catch {
      browserOpened = false; // the window shows the address to open by hand
    }
    return { mode, code: '', url, expiresAt: pin.expiresAt, qr: null, browserOpened };
  }

  return {
    async start({ mode, rememberMe }) {
      const begun = state.begin('pin');
      if (!begun.ok) return begun.refusal;
      const { attempt } = begun;
      // Registered before plex.tv answers, so a wait that comes while the PIN is being
      // created gets this attempt's outcome, whatever ends it.
      let settle!: (outcome: Outcome | Promise<Outcome>) => void;
      waiting = { attempt, outcome: new Promise<Outcome>((resolve) => (settle = resolve)) };
      const created = await deps.client.createPin({ strong: mode === 'browser' }, { signal: attempt.signal });
      if (!state.isCurrent(attempt)) {
        settle(fail('cancelled', CANCELLED));
        return fail('cancelled', CANCELLED);
      }
      if (!created.ok) {
        state.end(attempt, 'signed-out');
        waiting = null; // nothing to wait for: the renderer shows this failure, from start's answer
        settle(failFromPlex(created.error));
        return failFromPlex(created.error);
      }
      settle(poll(created.value, rememberMe, attempt));
      return ok(await view(mode, created.value));
    },

    async wait() {
      const current = waiting;
      if (!current) return fail('cancelled', NONE_UNDER_WAY);
      const outcome = await current.outcome;
      if (waiting === current) waiting = null;
      return outcome;
    },

    async cancel() {
      const current = waiting;
      if (current) state.end(current.attempt, 'signed-out');
      return ok(undefined);
    },
  };
}
