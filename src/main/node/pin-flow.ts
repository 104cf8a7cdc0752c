import { browserAuthUrl, LINK_URL, type PlexPin } from '../../core/pin-schema';
import { waitForPin } from '../../core/pin-sign-in';
import type { PlexClient } from '../../core/plex-client';
import type { IpcRequest } from '../../shared/ipc-contract';
import type { IpcResult, PinMode, PinView, SignedInOutcome } from '../../shared/ipc-views';
import { fail, failFromPlex, ok } from './ipc-result';
import type { ClipboardPort, FocusWindow, OpenInBrowser } from './ports';
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
  /** Copies the approval address (not a secret, but copying happens in main all the same). */
  clipboard: ClipboardPort;
  /** Called when a PIN is approved: the user is in the browser, the app comes back to the front. */
  focusWindow?: FocusWindow | undefined;
}

export interface PinFlow {
  start(request: IpcRequest<'pin:start'>): Promise<IpcResult<PinView>>;
  wait(): Promise<IpcResult<SignedInOutcome>>;
  cancel(): Promise<IpcResult<void>>;
  /** Copies the address that approves the sign-in under way. */
  copyUrl(): Promise<IpcResult<void>>;
}

type Outcome = IpcResult<SignedInOutcome>;

interface Waiting {
  attempt: SignInAttempt;
  outcome: Promise<Outcome>;
  /** The address that approves it, once plex.tv made the PIN. */
  approvalUrl: string | null;
}

const NONE_UNDER_WAY = 'No browser or code sign-in is under way; start one first.';
const CANCELLED = 'The sign-in was cancelled.';
const FAILED = 'Something went wrong while waiting for plex.tv; start the sign-in again.';
const COPY_FAILED = 'The address could not be copied to the clipboard; select it and copy it yourself.';

export function createPinFlow(deps: PinFlowDeps): PinFlow {
  const { state } = deps;
  /** The latest attempt of this flow; whether it still runs is the state's to say. */
  let waiting: Waiting | null = null;

  /** The approval came from the browser (or a phone): bring the window back; never fails the sign-in. */
  function focusWindow(): void {
    try {
      deps.focusWindow?.();
    } catch {
      // A window that cannot be raised is still signed in.
    }
  }

  async function poll(pin: PlexPin, rememberMe: boolean, attempt: SignInAttempt): Promise<Outcome> {
    try {
      const result = await waitForPin(deps.client, pin, { signal: attempt.signal });
      if (!state.isCurrent(attempt)) return fail('cancelled', CANCELLED);
      if (!result.ok) {
        state.end(attempt, 'signed-out');
        return failFromPlex(result.error);
      }
      const session = state.adopt(attempt, result.value, rememberMe);
      if (!session) return fail('cancelled', CANCELLED);
      focusWindow();
      return ok({ status: 'signed-in', session });
    } catch {
      state.end(attempt, 'signed-out');
      return fail('internal', FAILED);
    }
  }

  async function view(mode: PinMode, pin: PlexPin, approvalUrl: string): Promise<PinView> {
    if (mode === 'link') {
      return {
        mode,
        code: pin.code,
        url: LINK_URL,
        expiresAt: pin.expiresAt,
        // The approval address itself: a phone that scans it approves without typing the code.
        qr: qrCodePath(approvalUrl),
        browserOpened: false,
        approvalUrl,
      };
    }
    const url = approvalUrl;
    let browserOpened = true;
    try {
      await deps.openInBrowser(url);
    } catch {
      browserOpened = false; // the window shows the address to open by hand
    }
    return { mode, code: '', url, expiresAt: pin.expiresAt, qr: null, browserOpened, approvalUrl };
  }

  return {
    async start({ mode, rememberMe }) {
      const begun = state.begin('pin');
      if (!begun.ok) return begun.refusal;
      const { attempt } = begun;
      // Registered before plex.tv answers, so a wait that comes while the PIN is being
      // created gets this attempt's outcome, whatever ends it.
      let settle!: (outcome: Outcome | Promise<Outcome>) => void;
      const registered: Waiting = {
        attempt,
        outcome: new Promise<Outcome>((resolve) => (settle = resolve)),
        approvalUrl: null,
      };
      waiting = registered;
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
      registered.approvalUrl = browserAuthUrl(deps.clientIdentifier, created.value.code, deps.product);
      return ok(await view(mode, created.value, registered.approvalUrl));
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

    async copyUrl() {
      const current = waiting;
      if (!current || !current.approvalUrl || !state.isCurrent(current.attempt))
        return fail('cancelled', NONE_UNDER_WAY);
      try {
        await deps.clipboard.writeText(current.approvalUrl);
      } catch {
        return fail('internal', COPY_FAILED);
      }
      return ok(undefined);
    },
  };
}
