import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo, IpcError, IpcResult, SessionView, SignedInView } from '../shared/ipc-contract';
import { AccountScreen } from './account-screen';
import { api } from './api';
import { NoticeBanner } from './notice-banner';
import { SignInScreen, type Credentials } from './sign-in-screen';
import { TestServerBanner } from './test-server-banner';
import { VerificationScreen } from './verification-screen';

type View = { screen: 'sign-in' } | { screen: 'verification' } | { screen: 'account'; session: SignedInView };

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

  const rememberAvailable = appInfo?.rememberAvailable ?? true;

  const showSession = useCallback((session: SessionView, fallbackNotice?: string) => {
    sessionGeneration.current += 1;
    setError(null);
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

  async function signIn(verificationCode?: string): Promise<void> {
    if (signingIn.current) return;
    signingIn.current = true;
    setBusy(true);
    setError(null);
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
