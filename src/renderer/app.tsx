import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo, IpcError, IpcResult, PinMode, PinView, SessionView, SignedInView } from '../shared/ipc-views';
import { AccountScreen } from './account-screen';
import { api } from './api';
import { NoticeBanner } from './notice-banner';
import { PinExpiredScreen } from './pin-expired-screen';
import { PinWaitingScreen } from './pin-waiting-screen';
import { SignInScreen, type Credentials } from './sign-in-screen';
import { TestServerBanner } from './test-server-banner';
import { VerificationScreen } from './verification-screen';

type View =
  | { screen: 'sign-in' }
  | { screen: 'verification' }
  /** A browser or link-code sign-in waiting for approval; `attempt` keys the screen. */
  | { screen: 'pin'; pin: PinView; attempt: number }
  | { screen: 'pin-expired'; mode: PinMode }
  | { screen: 'account'; session: SignedInView };

const SIGNED_OUT_FALLBACK = 'You were signed out; sign in again.';

interface AppProps {
  /** null when main could not say: then no banner, and "Remember me" stays available. */
  appInfo: AppInfo | null;
  /** The session main holds at launch (read from disk, no network). */
  initialSession: IpcResult<SessionView>;
}

function initialView(session: IpcResult<SessionView>): View {
  return session.ok && session.value.signedIn ? { screen: 'account', session: session.value } : { screen: 'sign-in' };
}

function initialNotice(session: IpcResult<SessionView>): string | null {
  return session.ok ? (session.value.notice?.message ?? null) : session.error.message;
}

export function App({ appInfo, initialSession }: AppProps) {
  const [view, setView] = useState<View>(() => initialView(initialSession));
  const [notice, setNotice] = useState<string | null>(() => initialNotice(initialSession));
  const [credentials, setCredentials] = useState<Credentials>({ login: '', password: '', rememberMe: true });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  // Guards against a second call while one runs (a double click lands before a re-render).
  const signingIn = useRef(false);
  // Bumped whenever the session shown changes, so a late background check cannot undo it.
  const sessionGeneration = useRef(0);
  const mainRef = useRef<HTMLElement>(null);
  // Browser and link-code sign-in: the mode being started (busy buttons), why the last one
  // failed, and a counter that makes every answer of an older attempt stale (cancelled,
  // replaced by "Use a code instead" or "Start again", or the window going away).
  const [pinStarting, setPinStarting] = useState<PinMode | null>(null);
  const [pinError, setPinError] = useState<IpcError | null>(null);
  const pinAttempt = useRef(0);
  const pinStartInFlight = useRef(false);
  /** Main is polling for an attempt of this page (started, not yet ended or cancelled). */
  const pinPolling = useRef(false);
  const [signInFocus, setSignInFocus] = useState<'login' | 'browser'>('login');

  const rememberAvailable = appInfo?.rememberAvailable ?? true;

  const showSession = useCallback((session: SessionView, fallbackNotice?: string) => {
    sessionGeneration.current += 1;
    setError(null);
    setPinError(null);
    setSignInFocus('login');
    if (session.notice) setNotice(session.notice.message);
    else if (fallbackNotice && !session.signedIn) setNotice(fallbackNotice);
    if (session.signedIn) {
      setCredentials((current) => ({ ...current, password: '' }));
      setView({ screen: 'account', session });
    } else {
      setView({ screen: 'sign-in' });
    }
  }, []);

  // The saved account is on screen already; ask plex.tv about the token in the background.
  useEffect(() => {
    if (!initialSession.ok || !initialSession.value.signedIn) return;
    const shown = initialSession.value;
    const generation = sessionGeneration.current;
    let active = true;
    void api.validateSession().then((checked) => {
      if (!active || generation !== sessionGeneration.current) return;
      if (checked.ok) {
        showSession(checked.value, SIGNED_OUT_FALLBACK);
      } else {
        setView({
          screen: 'account',
          session: { ...shown, validation: 'unreachable', validationMessage: checked.error.message },
        });
      }
    });
    return () => {
      active = false;
    };
  }, [initialSession, showSession]);

  // Closing the window disposes main's side, which stops polling; this covers the page
  // going away on its own (a reload): no answer of this page's attempt is acted on.
  useEffect(() => {
    const attempts = pinAttempt;
    const polling = pinPolling;
    return () => {
      attempts.current += 1;
      if (polling.current) void api.cancelPinSignIn();
      polling.current = false;
    };
  }, []);

  async function signIn(verificationCode?: string): Promise<void> {
    if (signingIn.current || pinStartInFlight.current) return;
    signingIn.current = true;
    setBusy(true);
    setError(null);
    setPinError(null);
    const result = await api.signIn({
      login: credentials.login.trim(),
      password: credentials.password,
      rememberMe: rememberAvailable && credentials.rememberMe,
      ...(verificationCode === undefined ? {} : { verificationCode }),
    });
    signingIn.current = false;
    setBusy(false);

    if (result.ok) {
      if (result.value.status === 'verification-required') {
        setView({ screen: 'verification' });
      } else {
        setNotice(null);
        showSession(result.value.session);
      }
      return;
    }
    if (result.error.kind === 'verification-required') {
      setView({ screen: 'verification' });
      return;
    }
    // A wrong password found while verifying belongs under the password field.
    if (verificationCode !== undefined && result.error.kind === 'invalid-credentials') {
      setView({ screen: 'sign-in' });
    }
    setError(result.error);
  }

  /** Starts a browser or link-code sign-in and acts on how it ends. One start at a time. */
  async function startPin(mode: PinMode): Promise<void> {
    if (pinStartInFlight.current || signingIn.current) return;
    pinStartInFlight.current = true;
    pinAttempt.current += 1;
    const attempt = pinAttempt.current;
    setPinStarting(mode);
    setPinError(null);
    setError(null);
    // "Use a code instead" / "Start again": the request still waiting goes first.
    if (view.screen === 'pin') await api.cancelPinSignIn();
    const started = await api.startPinSignIn({ mode, rememberMe: rememberAvailable && credentials.rememberMe });
    pinStartInFlight.current = false;
    setPinStarting(null);

    if (attempt !== pinAttempt.current) {
      // Cancelled while main was creating it: stop the polling that just began.
      if (started.ok) void api.cancelPinSignIn();
      return;
    }
    if (!started.ok) {
      setPinError(started.error);
      setSignInFocus('browser');
      setView({ screen: 'sign-in' });
      return;
    }
    setView({ screen: 'pin', pin: started.value, attempt });

    pinPolling.current = true;
    const outcome = await api.waitForPinSignIn();
    if (attempt !== pinAttempt.current) return; // cancelled or replaced meanwhile: the user chose
    pinPolling.current = false;
    if (outcome.ok) {
      setNotice(null);
      showSession(outcome.value.session);
      return;
    }
    if (outcome.error.kind === 'pin-expired') {
      setView({ screen: 'pin-expired', mode });
      return;
    }
    // 'cancelled' not asked for here (main dropped the request): back to the form, quietly.
    if (outcome.error.kind !== 'cancelled') setPinError(outcome.error);
    setSignInFocus('browser');
    setView({ screen: 'sign-in' });
  }

  function cancelPin(): void {
    pinAttempt.current += 1;
    pinPolling.current = false;
    setPinError(null);
    setSignInFocus('browser');
    setView({ screen: 'sign-in' });
    void api.cancelPinSignIn();
  }

  function renderScreen() {
    switch (view.screen) {
      case 'sign-in':
        return (
          <SignInScreen
            credentials={credentials}
            onCredentialsChange={(change) => setCredentials((current) => ({ ...current, ...change }))}
            rememberAvailable={rememberAvailable}
            rememberUnavailableReason={appInfo?.rememberUnavailableReason ?? null}
            busy={busy}
            error={error}
            onClearError={() => setError(null)}
            onSubmit={() => void signIn()}
            browserStarting={pinStarting !== null}
            browserError={pinError}
            onBrowserSignIn={() => void startPin('browser')}
            initialFocus={signInFocus}
          />
        );
      case 'pin':
        return (
          <PinWaitingScreen
            key={view.attempt}
            pin={view.pin}
            switching={pinStarting !== null}
            onCancel={cancelPin}
            onUseCode={() => void startPin('link')}
          />
        );
      case 'pin-expired':
        return (
          <PinExpiredScreen
            mode={view.mode}
            busy={pinStarting !== null}
            onStartAgain={() => void startPin(view.mode)}
            onBack={() => {
              setSignInFocus('browser');
              setView({ screen: 'sign-in' });
            }}
          />
        );
      case 'verification':
        return (
          <VerificationScreen
            login={credentials.login}
            busy={busy}
            error={error}
            onClearError={() => setError(null)}
            onSubmit={(code) => void signIn(code)}
            onBack={() => {
              setError(null);
              setView({ screen: 'sign-in' });
            }}
          />
        );
      case 'account':
        return <AccountScreen session={view.session} onSession={(next) => showSession(next, SIGNED_OUT_FALLBACK)} />;
    }
  }

  return (
    <div className="app">
      {appInfo && !appInfo.usingPlexTv && <TestServerBanner apiUrl={appInfo.apiUrl} />}
      <main ref={mainRef} className="main" tabIndex={-1}>
        <NoticeBanner
          message={notice}
          onDismiss={() => {
            setNotice(null);
            mainRef.current?.focus();
          }}
        />
        {renderScreen()}
      </main>
    </div>
  );
}
