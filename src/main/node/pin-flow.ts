import type { SignedIn } from '../../core/plex-client';
import { browserAuthUrl, LINK_URL, type PlexPin } from '../../core/pin-schema';
import type { PlexClient } from '../../core/plex-client';
import { waitForPin } from '../../core/pin-sign-in';
import type { IpcResult, PinMode, PinStartRequest, PinView, SignedInView } from '../../shared/ipc-contract';
import { fail, failFromPlex, ok } from './ipc-result';
import type { OpenInBrowser } from './ports';
import { qrCodePath } from './qr-code';

// Browser and link-code sign-in (Plex's PIN flow) in the app: no password passes through
// us. `start` asks plex.tv for a PIN and begins polling at once; `wait` hands the
// renderer the outcome; `cancel` (or closing the window: dispose) stops the polling.
// Only an approved PIN becomes a session: nothing half-done is ever stored.

export interface PinFlowDeps {
  client: PlexClient;
  clientIdentifier: string;
  product: string;
  openInBrowser: OpenInBrowser;
  /** Turns an approved sign-in into the app's session, as a password sign-in does. */
  adopt(signedIn: SignedIn, rememberMe: boolean): SignedInView;
}

export interface PinFlow {
  start(request: PinStartRequest): Promise<IpcResult<PinView>>;
  wait(): Promise<IpcResult<{ status: 'signed-in'; session: SignedInView }>>;
  cancel(): Promise<IpcResult<void>>;
  dispose(): void;
}

type Approved = { status: 'signed-in'; session: SignedInView };
type Outcome = IpcResult<Approved>;

interface Attempt {
  controller: AbortController;
  outcome: Promise<Outcome>;
}

const NONE_UNDER_WAY = 'No browser or code sign-in is under way; start one first.';
const CANCELLED = 'The sign-in was cancelled.';
const FAILED = 'Something went wrong while waiting for plex.tv; start the sign-in again.';

export function createPinFlow(deps: PinFlowDeps): PinFlow {
  let attempt: Attempt | null = null;

  function stop(): void {
    attempt?.controller.abort();
    attempt = null;
  }

  function poll(pin: PlexPin, rememberMe: boolean, controller: AbortController): Attempt['outcome'] {
    return waitForPin(deps.client, pin, { signal: controller.signal })
      .then((result) => {
        if (controller.signal.aborted) return fail<Approved>('cancelled', CANCELLED);
        if (!result.ok) return failFromPlex<Approved>(result.error);
        return ok({ status: 'signed-in' as const, session: deps.adopt(result.value, rememberMe) });
      })
      .catch(() => fail<Approved>('internal', FAILED));
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
      stop(); // a new request replaces one still waiting
      const controller = new AbortController();
      // Registered before plex.tv answers, so a cancel, a close or a newer start that comes
      // while the PIN is being created stops this attempt too.
      let settle!: (outcome: Outcome | Promise<Outcome>) => void;
      const current: Attempt = { controller, outcome: new Promise<Outcome>((resolve) => (settle = resolve)) };
      attempt = current;
      const created = await deps.client.createPin({ strong: mode === 'browser' }, { signal: controller.signal });
      if (controller.signal.aborted) {
        settle(fail('cancelled', CANCELLED));
        return fail('cancelled', CANCELLED);
      }
      if (!created.ok) {
        if (attempt === current) attempt = null;
        settle(failFromPlex(created.error));
        return failFromPlex(created.error);
      }
      settle(poll(created.value, rememberMe, controller));
      return ok(await view(mode, created.value));
    },

    async wait() {
      const current = attempt;
      if (!current) return fail('cancelled', NONE_UNDER_WAY);
      const outcome = await current.outcome;
      if (attempt === current) attempt = null;
      return outcome;
    },

    async cancel() {
      stop();
      return ok(undefined);
    },

    dispose: stop,
  };
}
