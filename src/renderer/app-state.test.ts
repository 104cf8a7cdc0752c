import { describe, expect, it } from 'vitest';
import type { IpcError, IpcErrorKind, PinView, SessionView, SignedInView } from '../shared/ipc-views';
import { appReducer, initialState, SIGNED_OUT_FALLBACK, type AppAction, type AppState } from './app-state';

const session: SignedInView = {
  signedIn: true,
  account: {
    id: 1,
    uuid: 'u-1',
    username: 'alice',
    title: 'Alice',
    friendlyName: '',
    email: 'alice@example.com',
    thumb: null,
    joinedAt: '2020-01-01T00:00:00Z',
    hasPassword: true,
    twoFactorEnabled: false,
    hasPlexPass: false,
    rememberExpiresAt: null,
  },
  tokenPreview: '••••wxyz',
  storage: 'keychain',
  validation: 'checking',
  validationMessage: null,
  notice: null,
};
const signedOut: SessionView = { signedIn: false, notice: null };
const browserPin: PinView = {
  mode: 'browser',
  code: '',
  url: 'https://app.plex.tv/auth#?code=x',
  approvalUrl: 'https://app.plex.tv/auth#?code=x',
  expiresAt: '2030-01-01T00:00:00Z',
  qr: null,
  browserOpened: true,
};
const linkPin: PinView = { ...browserPin, mode: 'link', code: 'AB3D', url: 'https://plex.tv/link' };

function error(kind: IpcErrorKind): IpcError {
  return { kind, message: `${kind} sentence` };
}

function failure(kind: IpcErrorKind) {
  return { ok: false as const, error: error(kind) };
}

function run(state: AppState, ...actions: AppAction[]): AppState {
  return actions.reduce(appReducer, state);
}

const signedOutStart = initialState({ ok: true, value: signedOut });
const typed = run(signedOutStart, {
  type: 'credentials-changed',
  change: { login: 'alice', password: 'secret-pass', rememberMe: false },
});

/** On the code screen, the password typed. */
const verifying = run(
  typed,
  { type: 'sign-in-sent' },
  { type: 'sign-in-answered', result: failure('verification-required') },
);

/** Waiting for browser approval: attempt 1. */
const waiting = run(
  typed,
  { type: 'pin-requested', mode: 'browser' },
  { type: 'pin-started', attempt: 1, result: { ok: true, value: browserPin } },
);

describe('initialState', () => {
  it('shows the saved account at once, as the very object main gave (the launch check compares it)', () => {
    const state = initialState({ ok: true, value: session });
    expect(state.view).toEqual({ screen: 'account', session });
    expect(state.view.screen === 'account' && state.view.session).toBe(session);
    expect(state.notice).toBeNull();
  });

  it('signed out: the form, focus on the first field, and the notice main sent', () => {
    const state = initialState({
      ok: true,
      value: { signedIn: false, notice: { kind: 'store-unreadable', message: 'Settings were reset.' } },
    });
    expect(state.view).toEqual({
      screen: 'sign-in',
      busy: false,
      error: null,
      browserStarting: false,
      browserError: null,
      focus: 'login',
    });
    expect(state.notice).toBe('Settings were reset.');
    expect(state.credentials).toEqual({ login: '', password: '', rememberMe: true });
  });

  it('main could not say: the form, with its sentence as the notice', () => {
    const state = initialState(failure('internal'));
    expect(state.view.screen).toBe('sign-in');
    expect(state.notice).toBe('internal sentence');
  });
});

describe('password sign-in', () => {
  it('sending marks the form busy and clears the browser error; starting a browser sign-in clears the form error', () => {
    const browserFailed = run(
      typed,
      { type: 'pin-requested', mode: 'browser' },
      { type: 'pin-started', attempt: 1, result: failure('unavailable') },
    );
    expect(browserFailed.view).toMatchObject({ browserError: { kind: 'unavailable' } });
    expect(run(browserFailed, { type: 'sign-in-sent' }).view).toMatchObject({
      screen: 'sign-in',
      busy: true,
      error: null,
      browserError: null,
    });

    const formFailed = run(typed, { type: 'sign-in-sent' }, { type: 'sign-in-answered', result: failure('network') });
    expect(formFailed.view).toMatchObject({ error: { kind: 'network' } });
    expect(run(formFailed, { type: 'pin-requested', mode: 'browser' }).view).toMatchObject({
      browserStarting: true,
      error: null,
    });
  });

  it('a second submit, or a browser sign-in, while one runs is refused: the state is unchanged', () => {
    const sent = run(typed, { type: 'sign-in-sent' });
    expect(appReducer(sent, { type: 'sign-in-sent' })).toBe(sent);
    expect(appReducer(sent, { type: 'pin-requested', mode: 'browser' })).toBe(sent);
  });

  it('a failure lands its error on the sign-in screen, no longer busy', () => {
    const state = run(
      typed,
      { type: 'sign-in-sent' },
      { type: 'sign-in-answered', result: failure('invalid-credentials') },
    );
    expect(state.view).toMatchObject({ screen: 'sign-in', busy: false, error: { kind: 'invalid-credentials' } });
    expect(state.credentials.password).toBe('secret-pass');
  });

  it('verification required, as an outcome or as an error, moves to the code screen', () => {
    const asOutcome = run(
      typed,
      { type: 'sign-in-sent' },
      { type: 'sign-in-answered', result: { ok: true, value: { status: 'verification-required' } } },
    );
    expect(asOutcome.view).toEqual({ screen: 'verification', busy: false, error: null });
    expect(verifying.view).toEqual({ screen: 'verification', busy: false, error: null });
    expect(verifying.credentials).toEqual(typed.credentials);
  });

  it('a wrong code stays on the code screen with its error', () => {
    const state = run(
      verifying,
      { type: 'sign-in-sent' },
      { type: 'sign-in-answered', result: failure('invalid-verification-code') },
    );
    expect(state.view).toEqual({ screen: 'verification', busy: false, error: error('invalid-verification-code') });
  });

  it('a wrong password found while verifying goes back to the form, under the password field', () => {
    const state = run(
      verifying,
      { type: 'sign-in-sent' },
      { type: 'sign-in-answered', result: failure('invalid-credentials') },
    );
    expect(state.view).toMatchObject({ screen: 'sign-in', busy: false, error: { kind: 'invalid-credentials' } });
  });

  it('success shows the account, forgets the password (not the login) and drops an old notice', () => {
    const noticed = { ...typed, notice: SIGNED_OUT_FALLBACK };
    const state = run(
      noticed,
      { type: 'sign-in-sent' },
      { type: 'sign-in-answered', result: { ok: true, value: { status: 'signed-in', session } } },
    );
    expect(state.view).toEqual({ screen: 'account', session });
    expect(state.credentials).toEqual({ login: 'alice', password: '', rememberMe: false });
    expect(state.notice).toBeNull();
  });

  it('an answer with nothing waiting for it is ignored', () => {
    expect(appReducer(typed, { type: 'sign-in-answered', result: failure('network') })).toBe(typed);
  });

  it('Back from the code screen: a fresh form, focus on the first field; not while verifying', () => {
    const wrongCode = run(
      verifying,
      { type: 'sign-in-sent' },
      { type: 'sign-in-answered', result: failure('invalid-verification-code') },
    );
    expect(run(wrongCode, { type: 'back-to-sign-in' }).view).toEqual(signedOutStart.view);
    const sent = run(verifying, { type: 'sign-in-sent' });
    expect(appReducer(sent, { type: 'back-to-sign-in' })).toBe(sent);
  });

  it('correcting a field clears the error of the screen shown', () => {
    const failed = run(
      typed,
      { type: 'sign-in-sent' },
      { type: 'sign-in-answered', result: failure('invalid-credentials') },
    );
    expect(run(failed, { type: 'error-cleared' }).view).toMatchObject({ screen: 'sign-in', error: null });
    expect(appReducer(typed, { type: 'error-cleared' })).toBe(typed);
  });
});

describe('browser and link-code sign-in', () => {
  it('a start bumps the attempt and shows the browser button busy; its answer shows the PIN keyed by it', () => {
    const starting = run(typed, { type: 'pin-requested', mode: 'browser' });
    expect(starting.pinAttempt).toBe(1);
    expect(starting.view).toMatchObject({ screen: 'sign-in', browserStarting: true });
    expect(appReducer(starting, { type: 'sign-in-sent' })).toBe(starting);
    expect(waiting.view).toEqual({ screen: 'pin', pin: browserPin, attempt: 1, switching: false });
  });

  it('a start that fails goes back to the form, the error by the browser button, focus there', () => {
    const state = run(
      waiting,
      { type: 'pin-requested', mode: 'link' },
      { type: 'pin-started', attempt: 2, result: failure('network') },
    );
    expect(state.view).toMatchObject({
      screen: 'sign-in',
      browserError: { kind: 'network' },
      browserStarting: false,
      focus: 'browser',
    });
  });

  it('"Use a code instead" switches to a new screen for the new attempt', () => {
    const switching = run(waiting, { type: 'pin-requested', mode: 'link' });
    expect(switching.view).toMatchObject({ screen: 'pin', attempt: 1, switching: true });
    const state = run(switching, { type: 'pin-started', attempt: 2, result: { ok: true, value: linkPin } });
    expect(state.view).toEqual({ screen: 'pin', pin: linkPin, attempt: 2, switching: false });
  });

  it('the end of a stale attempt is ignored (replaced by "Use a code instead")', () => {
    const switched = run(
      waiting,
      { type: 'pin-requested', mode: 'link' },
      { type: 'pin-started', attempt: 2, result: { ok: true, value: linkPin } },
    );
    expect(appReducer(switched, { type: 'pin-ended', attempt: 1, result: failure('cancelled') })).toBe(switched);
    expect(appReducer(switched, { type: 'pin-ended', attempt: 1, result: { ok: true, value: { session } } })).toBe(
      switched,
    );
  });

  it('Cancel goes back to the form, focus on the browser button, and makes the attempt stale', () => {
    const cancelled = run(waiting, { type: 'pin-cancelled' });
    expect(cancelled.view).toEqual({ ...signedOutStart.view, focus: 'browser' });
    expect(appReducer(cancelled, { type: 'pin-ended', attempt: 1, result: { ok: true, value: { session } } })).toBe(
      cancelled,
    );
  });

  it('Cancel while a code is being fetched: the browser button stays busy until that start answers, then nothing else', () => {
    const cancelled = run(waiting, { type: 'pin-requested', mode: 'link' }, { type: 'pin-cancelled' });
    expect(cancelled.view).toMatchObject({ screen: 'sign-in', browserStarting: true });
    expect(appReducer(cancelled, { type: 'pin-requested', mode: 'browser' })).toBe(cancelled);

    const answered = run(cancelled, { type: 'pin-started', attempt: 2, result: { ok: true, value: linkPin } });
    expect(answered.view).toEqual({ ...signedOutStart.view, focus: 'browser' });
  });

  it('the page going away makes the current attempt stale', () => {
    const left = run(waiting, { type: 'page-left' });
    expect(appReducer(left, { type: 'pin-ended', attempt: 1, result: failure('pin-expired') })).toBe(left);
  });

  it('approved: the account, the password forgotten', () => {
    const state = run(waiting, { type: 'pin-ended', attempt: 1, result: { ok: true, value: { session } } });
    expect(state.view).toEqual({ screen: 'account', session });
    expect(state.credentials.password).toBe('');
  });

  it('expired: says so in the mode that was shown; Start again is busy, then a new PIN', () => {
    const linkWaiting = run(
      waiting,
      { type: 'pin-requested', mode: 'link' },
      { type: 'pin-started', attempt: 2, result: { ok: true, value: linkPin } },
    );
    const expired = run(linkWaiting, { type: 'pin-ended', attempt: 2, result: failure('pin-expired') });
    expect(expired.view).toEqual({ screen: 'pin-expired', mode: 'link', busy: false });

    const again = run(expired, { type: 'pin-requested', mode: 'link' });
    expect(again.view).toEqual({ screen: 'pin-expired', mode: 'link', busy: true });
    const shown = run(again, { type: 'pin-started', attempt: 3, result: { ok: true, value: linkPin } });
    expect(shown.view).toEqual({ screen: 'pin', pin: linkPin, attempt: 3, switching: false });
  });

  it('Back to sign-in from an expired request: the form, focus on the browser button', () => {
    const expired = run(waiting, { type: 'pin-ended', attempt: 1, result: failure('pin-expired') });
    expect(run(expired, { type: 'back-to-sign-in' }).view).toEqual({ ...signedOutStart.view, focus: 'browser' });
  });

  it('cancelled by main: back to the form quietly; any other failure is shown by the browser button', () => {
    const quiet = run(waiting, { type: 'pin-ended', attempt: 1, result: failure('cancelled') });
    expect(quiet.view).toMatchObject({ screen: 'sign-in', browserError: null, focus: 'browser' });
    const failed = run(waiting, { type: 'pin-ended', attempt: 1, result: failure('unavailable') });
    expect(failed.view).toMatchObject({ screen: 'sign-in', browserError: { kind: 'unavailable' }, focus: 'browser' });
  });
});

describe('the session on the account screen', () => {
  const launched = initialState({ ok: true, value: session });

  it('the launch check confirming the token shows what main has now', () => {
    const valid: SignedInView = { ...session, validation: 'valid' };
    const state = run(launched, { type: 'session-checked', shown: session, result: { ok: true, value: valid } });
    expect(state.view).toEqual({ screen: 'account', session: valid });
  });

  it('plex.tv unreachable at launch: the account stays, with the quiet sentence', () => {
    const state = run(launched, { type: 'session-checked', shown: session, result: failure('network') });
    expect(state.view).toEqual({
      screen: 'account',
      session: { ...session, validation: 'unreachable', validationMessage: 'network sentence' },
    });
  });

  it('signed out elsewhere: the form, with main’s notice, or a fallback when it sent none', () => {
    const withNotice = run(launched, {
      type: 'session-checked',
      shown: session,
      result: { ok: true, value: { signedIn: false, notice: { kind: 'signed-out-elsewhere', message: 'Elsewhere.' } } },
    });
    expect(withNotice.view).toEqual(signedOutStart.view);
    expect(withNotice.notice).toBe('Elsewhere.');
    const without = run(launched, { type: 'session-checked', shown: session, result: { ok: true, value: signedOut } });
    expect(without.notice).toBe(SIGNED_OUT_FALLBACK);
  });

  it('a launch check answering after the user signed out (or in again) cannot undo it', () => {
    const out = run(launched, { type: 'session-changed', session: signedOut });
    expect(appReducer(out, { type: 'session-checked', shown: session, result: failure('network') })).toBe(out);
    const again = run(
      out,
      { type: 'sign-in-sent' },
      { type: 'sign-in-answered', result: { ok: true, value: { status: 'signed-in', session: { ...session } } } },
    );
    expect(appReducer(again, { type: 'session-checked', shown: session, result: { ok: true, value: signedOut } })).toBe(
      again,
    );
  });

  it('signing out keeps the login for next time and gives the sign-out notice', () => {
    const signedIn = run(
      typed,
      { type: 'sign-in-sent' },
      { type: 'sign-in-answered', result: { ok: true, value: { status: 'signed-in', session } } },
    );
    const state = run(signedIn, {
      type: 'session-changed',
      session: { signedIn: false, notice: { kind: 'signed-out', message: 'Signed out.' } },
    });
    expect(state.view).toEqual(signedOutStart.view);
    expect(state.notice).toBe('Signed out.');
    expect(state.credentials).toEqual({ login: 'alice', password: '', rememberMe: false });
    expect(run(state, { type: 'notice-dismissed' }).notice).toBeNull();
  });

  it('a session from the account screen once it is gone is ignored', () => {
    expect(appReducer(typed, { type: 'session-changed', session: signedOut })).toBe(typed);
  });
});

describe('issue 13: offline check again, and a sign-out notice that offers plex.tv', () => {
  const launched = initialState({ ok: true, value: session });

  it('"Check again" after an offline launch check shows it checking anew, and its answer lands', () => {
    const offline = run(launched, { type: 'session-checked', shown: session, result: failure('network') });
    const checking = run(offline, { type: 'check-again' });
    expect(checking.view).toMatchObject({
      screen: 'account',
      session: { validation: 'checking', validationMessage: null },
    });
    if (checking.view.screen !== 'account') throw new Error('expected the account');
    const valid: SignedInView = { ...session, validation: 'valid' };
    const checked = run(checking, {
      type: 'session-checked',
      shown: checking.view.session,
      result: { ok: true, value: valid },
    });
    expect(checked.view).toEqual({ screen: 'account', session: valid });
  });

  it('"Check again" is refused unless the last check was offline', () => {
    expect(appReducer(launched, { type: 'check-again' })).toBe(launched);
  });

  it('only a plain sign-out’s notice offers Authorized Devices, until dismissed', () => {
    const out = run(launched, {
      type: 'session-changed',
      session: { signedIn: false, notice: { kind: 'signed-out', message: 'Signed out.' } },
    });
    expect(out.noticeLink).toBe(true);
    expect(run(out, { type: 'notice-dismissed' }).noticeLink).toBe(false);
    const revoked = run(launched, {
      type: 'session-changed',
      session: { signedIn: false, notice: { kind: 'revoked', message: 'Revoked.' } },
    });
    expect(revoked.noticeLink).toBe(false);
  });
});
