import { useEffect, useId, useRef, useState } from 'react';
import type { AppInfo, IpcError, SessionView, SignedInView } from '../shared/ipc-views';
import { PLEX_LINKS } from '../shared/external-links';
import { api } from './api';
import { AboutButton } from './app-brand';
import { Avatar } from './avatar';
import { DiagnosticsButton } from './diagnostics-button';
import { ExternalLink } from './external-link';
import { type SignOutChoice, SignOutDialog } from './sign-out-dialog';
import { FormAlert } from './form-alert';
import { useFocusOnMount } from './use-focus-on-mount';
import { useSingleFlight } from './use-single-flight';

interface AccountScreenProps {
  /** For the device name plex.tv shows and the About view. */
  appInfo: AppInfo | null;
  session: SignedInView;
  /** A call returned a new session (signed out, revoked): the app switches screens. */
  onSession: (next: SessionView) => void;
  /** "Check again" after the launch check could not reach plex.tv. */
  onCheckAgain: () => void;
}

/** Made on first use: building a formatter loads locale data, which the sign-in form never needs. */
let dateFormat: Intl.DateTimeFormat | null = null;

function formatDate(iso: string | null): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
  return dateFormat.format(date);
}

/**
 * The date once the account is on screen: a window's first formatter loads ICU data (10–30
 * ms in a fresh one), which would otherwise hold back the card and its first click.
 */
function useFormattedDate(iso: string | null): string | null {
  const [text, setText] = useState(() => (dateFormat ? formatDate(iso) : null));
  useEffect(() => setText(formatDate(iso)), [iso]);
  return text;
}

function seconds(n: number): string {
  return `${n} second${n === 1 ? '' : 's'}`;
}

function validationText(session: SignedInView): string {
  switch (session.validation) {
    case 'checking':
      return 'Checking with plex.tv…';
    case 'unreachable':
      return session.validationMessage ?? 'Couldn’t reach plex.tv — showing saved details.';
    case 'valid':
      return 'plex.tv confirmed this token.';
  }
}

type Action = 'copy' | SignOutChoice;

export function AccountScreen({ appInfo, session, onSession, onCheckAgain }: AccountScreenProps) {
  const ids = useId();
  const { account } = session;
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const signOutButtonRef = useRef<HTMLButtonElement>(null);
  // One action at a time; a double click runs it once.
  const { running: busy, run } = useSingleFlight<Action>();
  const [copied, setCopied] = useState<{ text: string; count: number; seconds: number } | null>(null);
  const [actionError, setActionError] = useState<IpcError | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [dialogError, setDialogError] = useState<IpcError | null>(null);

  // Back to the button that opened the dialog, once the dialog has left the page (while it
  // is open, everything behind it is inert and cannot take focus).
  const restoreFocus = useRef(false);
  useEffect(() => {
    if (dialogOpen || !restoreFocus.current) return;
    restoreFocus.current = false;
    signOutButtonRef.current?.focus();
  }, [dialogOpen]);

  // "Cleared in N seconds" ends with the clipboard: main clears it then (if it still holds the token).
  useEffect(() => {
    if (!copied || copied.seconds <= 0) return;
    const timer = setTimeout(() => setCopied(null), copied.seconds * 1000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copyToken(): Promise<void> {
    setActionError(null);
    const result = await run('copy', () => api.copyToken());
    if (!result) return;
    if (!result.ok) {
      setCopied(null);
      if (result.error.kind === 'not-signed-in' && (await resync())) return;
      setActionError(result.error);
      return;
    }
    const wait = result.value.clearAfterSeconds;
    const text = wait > 0 ? `Copied: the clipboard clears in ${seconds(wait)}.` : 'Token copied to the clipboard.';
    setCopied((previous) => ({ text, count: (previous?.count ?? 0) + 1, seconds: wait }));
  }

  /** Main no longer holds a token: show what it has now. */
  async function resync(): Promise<boolean> {
    const current = await api.getSession();
    if (current.ok) onSession(current.value);
    return current.ok;
  }

  async function signOut(choice: SignOutChoice): Promise<void> {
    setDialogError(null);
    const result = await run(choice, () => (choice === 'revoke' ? api.revokeToken() : api.signOut()));
    if (!result) return;
    if (result.ok) onSession(result.value);
    else setDialogError(result.error);
  }

  function closeDialog(): void {
    if (!dialogOpen) return;
    restoreFocus.current = true;
    setDialogOpen(false);
    setDialogError(null);
  }

  const name = account.friendlyName || account.title || account.username;
  const joined = useFormattedDate(account.joinedAt);
  const expires = useFormattedDate(account.rememberExpiresAt);
  const status = validationText(session);
  const offline = session.validation === 'unreachable';

  return (
    <div className="screen account">
      <div className="account-header">
        <Avatar src={account.thumb} name={name} />
        <div className="account-names">
          <h1 ref={headingRef} tabIndex={-1}>
            {name}
          </h1>
          {account.username !== name && <p className="muted">{account.username}</p>}
          <p className="muted email">{account.email}</p>
        </div>
      </div>

      {/* Always one line high at least: the check ending moves nothing. */}
      <div className={offline ? 'validation-line unreachable' : 'validation-line'}>
        <p className="validation" role="status">
          {status}
        </p>
        {offline && (
          <button type="button" className="button secondary small" onClick={onCheckAgain}>
            Check again
          </button>
        )}
      </div>

      <ul className="details">
        <li>
          <span className={account.hasPlexPass ? 'badge pass' : 'badge'}>
            {account.hasPlexPass ? 'Plex Pass' : 'No Plex Pass'}
          </span>
        </li>
        <li>Two-step verification: {account.twoFactorEnabled ? 'On' : 'Off'}</li>
        {joined && <li>Member since {joined}</li>}
      </ul>

      <section className="token-section" aria-labelledby={`${ids}token-title`}>
        <h2 id={`${ids}token-title`}>This app’s own token</h2>
        <p className="hint">
          Signing in again replaces it, so a tool using it would stop working: give tools a token of their own below.
        </p>
        <div className="token-row">
          <div className="token-preview" role="group" aria-label="Token (masked)">
            <code>{session.tokenPreview}</code>
          </div>
          <button
            type="button"
            className="button secondary"
            aria-busy={busy === 'copy'}
            onClick={() => void copyToken()}
          >
            Copy token
          </button>
        </div>
        {/* Its space is kept whether or not it says anything: a copy moves nothing. */}
        <p className="copy-status" role="status">
          {copied && <span key={copied.count}>{copied.text}</span>}
        </p>
        <dl className="token-facts">
          <div>
            <dt>Stored</dt>
            <dd>
              {session.storage === 'keychain' ? 'Encrypted in your system keychain' : 'This session only (not saved)'}
            </dd>
          </div>
          <div>
            <dt>Expires</dt>
            <dd>
              {expires === null
                ? 'plex.tv did not say'
                : session.storage === 'keychain'
                  ? `${expires}, unless used: this app renews it daily while it runs`
                  : expires}
            </dd>
          </div>
          {appInfo && (
            <div>
              <dt>On plex.tv as</dt>
              <dd className="device-name">
                {appInfo.productName} on “{appInfo.deviceName}”
              </dd>
            </div>
          )}
        </dl>
      </section>

      <FormAlert error={actionError} />

      <div className="button-row">
        <button
          ref={signOutButtonRef}
          type="button"
          className="button secondary"
          aria-haspopup="dialog"
          onClick={() => {
            setActionError(null);
            setDialogOpen(true);
          }}
        >
          Sign out…
        </button>
      </div>
      <div className="help-row">
        <p className="help-link">
          <ExternalLink href={PLEX_LINKS.authorizedDevices}>Manage Authorized Devices on plex.tv</ExternalLink>
        </p>
        <div className="help-actions">
          <AboutButton appInfo={appInfo} variant="small" />
          <DiagnosticsButton variant="small" />
        </div>
      </div>

      {dialogOpen && (
        <SignOutDialog
          busy={busy === 'sign-out' || busy === 'revoke' ? busy : null}
          error={dialogError}
          onChoose={(choice) => void signOut(choice)}
          onCancel={closeDialog}
        />
      )}
    </div>
  );
}
