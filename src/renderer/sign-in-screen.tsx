import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AppInfo, IpcError } from '../shared/ipc-views';
import { AboutButton, AppBrand } from './app-brand';
import type { Credentials, SignInFocus } from './app-state';
import { DiagnosticsButton } from './diagnostics-button';
import { errorPlacement } from './error-placement';
import { FieldError } from './field-error';
import { FormAlert } from './form-alert';
import { useFocusOnMount } from './use-focus-on-mount';

interface SignInScreenProps {
  /** For the app's name, the About view and the device name. */
  appInfo: AppInfo | null;
  credentials: Credentials;
  /** Merged into the current credentials (several fields may change before a re-render). */
  onCredentialsChange: (change: Partial<Credentials>) => void;
  /** False when the OS offers no real encryption: "Remember me" is off and disabled. */
  rememberAvailable: boolean;
  rememberUnavailableReason: string | null;
  busy: boolean;
  /** The last error from main for this form, placed by its kind. */
  error: IpcError | null;
  onClearError: () => void;
  onSubmit: () => void;
  /** A browser sign-in is being started: its button is busy. */
  browserStarting: boolean;
  /** Why the last browser or link-code sign-in failed (not expired, not cancelled). */
  browserError: IpcError | null;
  onBrowserSignIn: () => void;
  /** "Use a code on another device": a link-code sign-in (plex.tv/link or a QR code). */
  onLinkSignIn: () => void;
  /** Where focus starts: the first field, or (back from a browser sign-in) its button. */
  initialFocus: SignInFocus;
}

export function SignInScreen({
  appInfo,
  credentials,
  onCredentialsChange,
  rememberAvailable,
  rememberUnavailableReason,
  busy,
  error,
  onClearError,
  onSubmit,
  browserStarting,
  browserError,
  onBrowserSignIn,
  onLinkSignIn,
  initialFocus,
}: SignInScreenProps) {
  const ids = useId();
  const loginId = `${ids}login`;
  const loginErrorId = `${ids}login-error`;
  const passwordId = `${ids}password`;
  const passwordErrorId = `${ids}password-error`;
  const rememberId = `${ids}remember`;
  const rememberNoteId = `${ids}remember-note`;

  const loginRef = useFocusOnMount<HTMLInputElement>(initialFocus === 'login');
  const browserRef = useFocusOnMount<HTMLButtonElement>(initialFocus === 'browser');
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const [showPassword, setShowPassword] = useState(false);
  const [loginMissing, setLoginMissing] = useState(false);
  const [passwordMissing, setPasswordMissing] = useState(false);

  const serverPasswordError = error && errorPlacement(error.kind) === 'password' ? error.message : null;
  const formError = error && errorPlacement(error.kind) !== 'password' ? error : null;
  const loginError = loginMissing ? 'Enter your email or username.' : null;
  const passwordError = passwordMissing ? 'Enter your password.' : serverPasswordError;

  // The password field is uncontrolled: React mirrors a controlled value into the `value`
  // attribute, which would put the password into the page's markup. It is filled once, when
  // the form comes back from the code screen, through the property, which has no attribute.
  useEffect(() => {
    if (passwordRef.current) passwordRef.current.value = credentials.password;
    // Only on mount: afterwards the field itself holds the value.
  }, []);

  // After an answer from main, put focus where the user acts next.
  useEffect(() => {
    if (!error) return;
    if (errorPlacement(error.kind) === 'password') {
      passwordRef.current?.focus();
      passwordRef.current?.select();
    } else if (document.activeElement === document.body || document.activeElement === null) {
      submitRef.current?.focus();
    }
  }, [error]);

  useEffect(() => {
    if (browserError && (document.activeElement === document.body || document.activeElement === null)) {
      browserRef.current?.focus();
    }
  }, [browserError]);

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (busy) return;
    const noLogin = credentials.login.trim() === '';
    const noPassword = credentials.password === '';
    setLoginMissing(noLogin);
    setPasswordMissing(noPassword);
    if (noLogin || noPassword) {
      onClearError();
      (noLogin ? loginRef : passwordRef).current?.focus();
      return;
    }
    onSubmit();
  }

  const rememberNote =
    !rememberAvailable && rememberUnavailableReason
      ? `${rememberUnavailableReason} plex.tv gives a short-lived token.`
      : 'For both ways in. Ticked: a token renewable for 14 days, kept encrypted in the keychain. Unticked: a short-lived one, forgotten when you quit.';

  const anyBusy = busy || browserStarting;

  return (
    <>
      <div className="screen sign-in">
        <AppBrand appInfo={appInfo} />
        <h1 id={`${ids}title`}>Sign in to your Plex account</h1>

        <section className="browser-sign-in" aria-labelledby={`${ids}browser-title`}>
          <h2 id={`${ids}browser-title`} className="visually-hidden">
            In your browser
          </h2>
          <FormAlert error={browserError} />
          <button
            ref={browserRef}
            type="button"
            className="button plex prominent"
            disabled={browserStarting}
            aria-busy={browserStarting}
            aria-describedby={`${ids}browser-text`}
            onClick={() => {
              if (!anyBusy) onBrowserSignIn();
            }}
          >
            {browserStarting ? 'Opening your browser…' : 'Sign in with Plex in your browser'}
          </button>
          <p className="hint">
            <span id={`${ids}browser-text`}>
              For every account, Google, Apple and Facebook sign-ups too; your password stays with plex.tv.
            </span>{' '}
            <span className="alt-way">
              On another device?{' '}
              <button
                type="button"
                className="button-link inline"
                onClick={() => {
                  if (!anyBusy) onLinkSignIn();
                }}
              >
                Use a code instead
              </button>
            </span>
          </p>
        </section>

        <form className="sign-in-form" noValidate onSubmit={handleSubmit} aria-labelledby={`${ids}password-title`}>
          <h2 id={`${ids}password-title`} className="or-divider">
            or with your password
          </h2>

          <div className="field">
            <label htmlFor={loginId}>Email or username</label>
            <input
              ref={loginRef}
              id={loginId}
              name="login"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              readOnly={busy}
              value={credentials.login}
              aria-invalid={loginError ? true : undefined}
              aria-describedby={loginError ? loginErrorId : undefined}
              onChange={(event) => {
                setLoginMissing(false);
                onCredentialsChange({ login: event.target.value });
              }}
            />
            <FieldError id={loginErrorId} message={loginError} />
          </div>

          <div className="field">
            <label htmlFor={passwordId}>Password</label>
            <div className="password-row">
              <input
                ref={passwordRef}
                id={passwordId}
                name="password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                readOnly={busy}
                aria-invalid={passwordError ? true : undefined}
                aria-describedby={passwordError ? passwordErrorId : undefined}
                onChange={(event) => {
                  setPasswordMissing(false);
                  if (serverPasswordError) onClearError();
                  onCredentialsChange({ password: event.target.value });
                }}
              />
              <button
                type="button"
                className="button secondary reveal"
                aria-pressed={showPassword}
                aria-controls={passwordId}
                onClick={() => setShowPassword((shown) => !shown)}
              >
                {showPassword ? 'Hide' : 'Show'}
                <span className="visually-hidden"> password</span>
              </button>
            </div>
            <FieldError id={passwordErrorId} message={passwordError} />
          </div>

          <div className="checkbox-field">
            <input
              id={rememberId}
              name="remember"
              type="checkbox"
              checked={rememberAvailable && credentials.rememberMe}
              disabled={!rememberAvailable}
              aria-describedby={rememberNoteId}
              onChange={(event) => {
                if (!busy) onCredentialsChange({ rememberMe: event.target.checked });
              }}
            />
            <label htmlFor={rememberId}>Remember me</label>
            <p id={rememberNoteId} className="hint">
              {rememberNote}
            </p>
          </div>

          <FormAlert error={formError} />

          <button ref={submitRef} type="submit" className="button primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
      <footer className="screen-footer">
        <AboutButton appInfo={appInfo} variant="link" />
        <DiagnosticsButton variant="link" />
      </footer>
    </>
  );
}
