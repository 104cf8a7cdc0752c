import type {
  IpcError,
  IpcResult,
  PinMode,
  PinView,
  SessionView,
  SignedInView,
  SignInOutcome,
} from '../shared/ipc-views';

// Everything the window shows, owned by one reducer: which screen, and on each screen its
// own busy flag and error, so a flag cannot outlive the screen it belongs to. Pure: no
// React, no IPC; app.tsx sends the requests and dispatches their answers here.

export interface Credentials {
  login: string;
  password: string;
  rememberMe: boolean;
}

/** Where focus starts on the sign-in form: the first field, or (back from a browser sign-in) its button. */
export type SignInFocus = 'login' | 'browser';

export interface SignInView {
  screen: 'sign-in';
  /** The password sign-in is waiting for main. */
  busy: boolean;
  /** Why the password sign-in failed, placed by its kind. */
  error: IpcError | null;
  /** A browser sign-in is being started. */
  browserStarting: boolean;
  /** Why the last browser or link-code sign-in failed (not expired, not cancelled). */
  browserError: IpcError | null;
  focus: SignInFocus;
}

export interface VerificationView {
  screen: 'verification';
  busy: boolean;
  error: IpcError | null;
}

/** A browser or link-code sign-in waiting for approval. */
export interface PinWaitingView {
  screen: 'pin';
  pin: PinView;
  /** The attempt that made this PIN: keys the screen, so a new code is a new screen. */
  attempt: number;
  /** "Use a code instead" is asking main for a code. */
  switching: boolean;
}

export interface PinExpiredView {
  screen: 'pin-expired';
  mode: PinMode;
  /** "Start again" is asking main for a new PIN. */
  busy: boolean;
}

export interface AccountView {
  screen: 'account';
  session: SignedInView;
}

export type View = SignInView | VerificationView | PinWaitingView | PinExpiredView | AccountView;

export interface AppState {
  view: View;
  /** Held here, not in the page: the password field is uncontrolled (see sign-in-screen.tsx). */
  credentials: Credentials;
  /** Told once, above every screen, until dismissed. */
  notice: string | null;
  /**
   * The notice is about a token this app no longer holds (a plain sign-out): it offers
   * plex.tv's Authorized Devices page, where the user can still revoke it.
   */
  noticeLink: boolean;
  /**
   * The current browser or link-code attempt. Bumped by every start, cancel and the page
   * going away, so any answer carrying an older number is stale and ignored.
   */
  pinAttempt: number;
}

export type AppAction =
  | { type: 'credentials-changed'; change: Partial<Credentials> }
  /** The user is correcting the field the error was about. */
  | { type: 'error-cleared' }
  | { type: 'notice-dismissed' }
  /** The password form (or the code) was submitted. Refused while another request runs. */
  | { type: 'sign-in-sent' }
  | { type: 'sign-in-answered'; result: IpcResult<SignInOutcome> }
  /** A browser or link-code sign-in is asked for. Refused while another request runs. */
  | { type: 'pin-requested'; mode: PinMode }
  | { type: 'pin-started'; attempt: number; result: IpcResult<PinView> }
  | { type: 'pin-ended'; attempt: number; result: IpcResult<{ session: SignedInView }> }
  | { type: 'pin-cancelled' }
  /** The page is going away: no answer of the current attempt is acted on. */
  | { type: 'page-left' }
  /** "Back" from the code screen, "Back to sign-in" from an expired request. */
  | { type: 'back-to-sign-in' }
  /** The account screen got a new session from main (signed out, revoked, re-read). */
  | { type: 'session-changed'; session: SessionView }
  /** "Check again" after plex.tv could not be reached: the check runs anew. Refused unless offline. */
  | { type: 'check-again' }
  /** The launch-time check of `shown` with plex.tv answered. */
  | { type: 'session-checked'; shown: SignedInView; result: IpcResult<SessionView> };

export const SIGNED_OUT_FALLBACK = 'You were signed out; sign in again.';

function signInView(focus: SignInFocus, changes: Partial<Omit<SignInView, 'screen' | 'focus'>> = {}): SignInView {
  return { screen: 'sign-in', busy: false, error: null, browserStarting: false, browserError: null, focus, ...changes };
}

const VERIFICATION: VerificationView = { screen: 'verification', busy: false, error: null };

export function initialState(session: IpcResult<SessionView>): AppState {
  return {
    view: session.ok && session.value.signedIn ? { screen: 'account', session: session.value } : signInView('login'),
    credentials: { login: '', password: '', rememberMe: true },
    notice: session.ok ? (session.value.notice?.message ?? null) : session.error.message,
    noticeLink: session.ok && session.value.notice?.kind === 'signed-out',
    pinAttempt: 0,
  };
}

/** One request at a time: a sign-in, or the start of a browser or link-code sign-in. */
function requestInFlight(view: View): boolean {
  switch (view.screen) {
    case 'sign-in':
      return view.busy || view.browserStarting;
    case 'verification':
    case 'pin-expired':
      return view.busy;
    case 'pin':
      return view.switching;
    case 'account':
      return false;
  }
}

/** The start of a PIN answered: whichever screen shows it busy is busy no longer. */
function startAnswered(view: View): View {
  switch (view.screen) {
    case 'sign-in':
      return view.browserStarting ? { ...view, browserStarting: false } : view;
    case 'pin':
      return view.switching ? { ...view, switching: false } : view;
    case 'pin-expired':
      return view.busy ? { ...view, busy: false } : view;
    default:
      return view;
  }
}

/** Shows `session`: the account, or a fresh form. `notice` is kept unless the session brings one. */
function showSession(state: AppState, session: SessionView, notice: string | null): AppState {
  const shown = session.notice?.message ?? notice;
  const noticeLink = session.notice ? session.notice.kind === 'signed-out' : shown === state.notice && state.noticeLink;
  if (!session.signedIn) return { ...state, view: signInView('login'), notice: shown, noticeLink };
  // Signed in: the password has done its job.
  return {
    ...state,
    view: { screen: 'account', session },
    notice: shown,
    noticeLink,
    credentials: { ...state.credentials, password: '' },
  };
}

/** A session from main while signed in: being signed out without a reason still gets one. */
function showChangedSession(state: AppState, session: SessionView): AppState {
  return showSession(state, session, session.signedIn ? state.notice : SIGNED_OUT_FALLBACK);
}

export function appReducer(state: AppState, action: AppAction): AppState {
  const { view } = state;
  switch (action.type) {
    case 'credentials-changed':
      return { ...state, credentials: { ...state.credentials, ...action.change } };

    case 'error-cleared':
      if ((view.screen !== 'sign-in' && view.screen !== 'verification') || view.error === null) return state;
      return { ...state, view: { ...view, error: null } };

    case 'notice-dismissed':
      return state.notice === null ? state : { ...state, notice: null, noticeLink: false };

    case 'sign-in-sent':
      if (requestInFlight(view)) return state;
      if (view.screen === 'sign-in')
        return { ...state, view: { ...view, busy: true, error: null, browserError: null } };
      if (view.screen === 'verification') return { ...state, view: { ...view, busy: true, error: null } };
      return state;

    case 'sign-in-answered': {
      if ((view.screen !== 'sign-in' && view.screen !== 'verification') || !view.busy) return state;
      const { result } = action;
      // A fresh sign-in: a notice about an earlier session no longer applies.
      if (result.ok && result.value.status === 'signed-in') return showSession(state, result.value.session, null);
      if (result.ok || result.error.kind === 'verification-required') return { ...state, view: VERIFICATION };
      // A wrong password found while verifying belongs under the password field.
      if (view.screen === 'verification' && result.error.kind === 'invalid-credentials') {
        return { ...state, view: signInView('login', { error: result.error }) };
      }
      return { ...state, view: { ...view, busy: false, error: result.error } };
    }

    case 'pin-requested': {
      if (requestInFlight(view)) return state;
      let next: View;
      if (view.screen === 'sign-in') next = { ...view, browserStarting: true, error: null, browserError: null };
      else if (view.screen === 'pin') next = { ...view, switching: true };
      else if (view.screen === 'pin-expired') next = { ...view, busy: true };
      else return state;
      return { ...state, view: next, pinAttempt: state.pinAttempt + 1 };
    }

    case 'pin-started': {
      const answered = startAnswered(view);
      if (action.attempt !== state.pinAttempt) return answered === view ? state : { ...state, view: answered };
      const { result } = action;
      if (!result.ok) return { ...state, view: signInView('browser', { browserError: result.error }) };
      return { ...state, view: { screen: 'pin', pin: result.value, attempt: action.attempt, switching: false } };
    }

    case 'pin-ended': {
      if (action.attempt !== state.pinAttempt || view.screen !== 'pin') return state;
      const { result } = action;
      if (result.ok) return showSession(state, result.value.session, null);
      if (result.error.kind === 'pin-expired') {
        return { ...state, view: { screen: 'pin-expired', mode: view.pin.mode, busy: false } };
      }
      // 'cancelled' not asked for here (main dropped the request): back to the form, quietly.
      const browserError = result.error.kind === 'cancelled' ? null : result.error;
      return { ...state, view: signInView('browser', { browserError }) };
    }

    case 'pin-cancelled':
      if (view.screen !== 'pin') return state;
      // A "Use a code instead" still being answered keeps the browser button busy until it is.
      return {
        ...state,
        view: signInView('browser', { browserStarting: view.switching }),
        pinAttempt: state.pinAttempt + 1,
      };

    case 'page-left':
      return { ...state, pinAttempt: state.pinAttempt + 1 };

    case 'back-to-sign-in':
      if (view.screen === 'verification' && !view.busy) return { ...state, view: signInView('login') };
      // A "Start again" still being answered keeps the browser button busy until it is.
      if (view.screen === 'pin-expired')
        return { ...state, view: signInView('browser', { browserStarting: view.busy }) };
      return state;

    case 'session-changed':
      return view.screen === 'account' ? showChangedSession(state, action.session) : state;

    case 'check-again':
      if (view.screen !== 'account' || view.session.validation !== 'unreachable') return state;
      return {
        ...state,
        view: { screen: 'account', session: { ...view.session, validation: 'checking', validationMessage: null } },
      };

    case 'session-checked': {
      // Anything shown since (signed out, signed in again) is newer than this check.
      if (view.screen !== 'account' || view.session !== action.shown) return state;
      const { result } = action;
      if (result.ok) return showChangedSession(state, result.value);
      // Offline, a timeout, an outage: says nothing about the token, so it is kept.
      return {
        ...state,
        view: {
          screen: 'account',
          session: { ...view.session, validation: 'unreachable', validationMessage: result.error.message },
        },
      };
    }
  }
}
