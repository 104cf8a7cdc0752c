import { lazy, Suspense, useEffect, useRef } from 'react';
import type { AppInfo, IpcResult, PinMode, SessionView } from '../shared/ipc-views';
import { AccountScreen } from './account-screen';
import { api } from './api';
import { appReducer, initialState } from './app-state';
import { NoticeBanner } from './notice-banner';
import { PinExpiredScreen } from './pin-expired-screen';
import { PinWaitingScreen } from './pin-waiting-screen';
import { SignInScreen } from './sign-in-screen';
import { TestServerBanner } from './test-server-banner';
import { useStore } from './use-store';
import { VerificationScreen } from './verification-screen';

// The tool-token, server and device panels are half the page's code and no part of the
// sign-in screen: loaded on demand, so a signed-out start does not parse them (bench:renderer).
const AccountPanels = lazy(() => import('./account-panels').then((m) => ({ default: m.AccountPanels })));

interface AppProps {
  /** null when main could not say: then no banner, and "Remember me" stays available. */
  appInfo: AppInfo | null;
  /** The session main holds at launch (read from disk, no network). */
  initialSession: IpcResult<SessionView>;
}

// The screens and their flags live in app-state.ts; this component sends the requests
// and hands each answer to the reducer, which decides what it changes.
export function App({ appInfo, initialSession }: AppProps) {
  const [state, dispatch, current] = useStore(appReducer, () => initialState(initialSession));
  const mainRef = useRef<HTMLElement>(null);

  const rememberAvailable = appInfo?.rememberAvailable ?? true;

  /** Asks plex.tv about the token shown now (at launch, and "Check again" when it was offline). */
  function checkSession(): void {
    const { view } = current();
    if (view.screen !== 'account') return;
    const shown = view.session;
    void api.validateSession().then((result) => dispatch({ type: 'session-checked', shown, result }));
  }

  // The saved account is on screen already; ask plex.tv about the token in the background.
  useEffect(() => {
    if (initialSession.ok && initialSession.value.signedIn) checkSession();
  }, [initialSession]);

  // Closing the window disposes main's side, which stops polling; this covers the page
  // going away on its own (a reload): no answer of this page's attempt is acted on.
  useEffect(
    () => () => {
      const polling = current().view.screen === 'pin';
      dispatch({ type: 'page-left' });
      if (polling) void api.cancelPinSignIn();
    },
    [current, dispatch],
  );

  async function signIn(verificationCode?: string): Promise<void> {
    if (!dispatch({ type: 'sign-in-sent' })) return; // another request is running
    const { credentials } = current();
    const result = await api.signIn({
      login: credentials.login.trim(),
      password: credentials.password,
      rememberMe: rememberAvailable && credentials.rememberMe,
      ...(verificationCode === undefined ? {} : { verificationCode }),
    });
    dispatch({ type: 'sign-in-answered', result });
  }

  /** Starts a browser or link-code sign-in and acts on how it ends. One start at a time. */
  async function startPin(mode: PinMode): Promise<void> {
    const replacing = current().view.screen === 'pin';
    if (!dispatch({ type: 'pin-requested', mode })) return; // another request is running
    const attempt = current().pinAttempt;
    const rememberMe = rememberAvailable && current().credentials.rememberMe;
    // "Use a code instead": the request still waiting goes first.
    if (replacing) await api.cancelPinSignIn();
    const started = await api.startPinSignIn({ mode, rememberMe });
    dispatch({ type: 'pin-started', attempt, result: started });
    if (attempt !== current().pinAttempt) {
      // Cancelled while main was creating it: stop the polling that just began.
      if (started.ok) void api.cancelPinSignIn();
      return;
    }
    if (!started.ok) return;
    const outcome = await api.waitForPinSignIn();
    // Cancelled or replaced meanwhile: the reducer ignores it, the user chose.
    dispatch({ type: 'pin-ended', attempt, result: outcome });
  }

  function cancelPin(): void {
    dispatch({ type: 'pin-cancelled' });
    void api.cancelPinSignIn();
  }

  function renderScreen() {
    const { view, credentials } = state;
    switch (view.screen) {
      case 'sign-in':
        return (
          <SignInScreen
            appInfo={appInfo}
            credentials={credentials}
            onCredentialsChange={(change) => dispatch({ type: 'credentials-changed', change })}
            rememberAvailable={rememberAvailable}
            rememberUnavailableReason={appInfo?.rememberUnavailableReason ?? null}
            busy={view.busy}
            error={view.error}
            onClearError={() => dispatch({ type: 'error-cleared' })}
            onSubmit={() => void signIn()}
            browserStarting={view.browserStarting}
            browserError={view.browserError}
            onBrowserSignIn={() => void startPin('browser')}
            onLinkSignIn={() => void startPin('link')}
            initialFocus={view.focus}
          />
        );
      case 'pin':
        return (
          <PinWaitingScreen
            key={view.attempt}
            pin={view.pin}
            switching={view.switching}
            onCancel={cancelPin}
            onUseCode={() => void startPin('link')}
          />
        );
      case 'pin-expired':
        return (
          <PinExpiredScreen
            mode={view.mode}
            busy={view.busy}
            onStartAgain={() => void startPin(view.mode)}
            onBack={() => dispatch({ type: 'back-to-sign-in' })}
          />
        );
      case 'verification':
        return (
          <VerificationScreen
            login={credentials.login}
            busy={view.busy}
            error={view.error}
            onClearError={() => dispatch({ type: 'error-cleared' })}
            onSubmit={(code) => void signIn(code)}
            onBack={() => dispatch({ type: 'back-to-sign-in' })}
          />
        );
      case 'account':
        return (
          <>
            <AccountScreen
              appInfo={appInfo}
              session={view.session}
              onSession={(session) => dispatch({ type: 'session-changed', session })}
              onCheckAgain={() => {
                if (dispatch({ type: 'check-again' })) checkSession();
              }}
            />
            <Suspense fallback={null}>
              <AccountPanels />
            </Suspense>
          </>
        );
    }
  }

  return (
    <div className="app">
      {appInfo && !appInfo.usingPlexTv && <TestServerBanner apiUrl={appInfo.apiUrl} />}
      <main ref={mainRef} className="main" tabIndex={-1}>
        <NoticeBanner
          message={state.notice}
          showDevicesLink={state.noticeLink}
          onDismiss={() => {
            dispatch({ type: 'notice-dismissed' });
            mainRef.current?.focus();
          }}
        />
        {renderScreen()}
      </main>
    </div>
  );
}
