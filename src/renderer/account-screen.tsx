import { useEffect, useId, useRef, useState } from 'react';
import type { IpcError, SessionView, SignedInView } from '../shared/ipc-views';
import { PLEX_LINKS } from '../shared/external-links';
import { api } from './api';
import { Avatar } from './avatar';
import { DiagnosticsButton } from './diagnostics-button';
import { ExternalLink } from './external-link';
import { RevokeDialog } from './revoke-dialog';
import { FormAlert } from './form-alert';
import { useFocusOnMount } from './use-focus-on-mount';
import { useSingleFlight } from './use-single-flight';

interface AccountScreenProps {
  session: SignedInView;
  /** A call returned a new session (signed out, revoked): the app switches screens. */
  onSession: (next: SessionView) => void;
}

/** Made on first use: building a formatter loads locale data, which the sign-in form never needs. */
let dateFormat: Intl.DateTimeFormat | null = null;

function formatDate(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
  return dateFormat.format(date);
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
      return '';
  }
}

type Action = 'copy' | 'sign-out' | 'revoke';

export function AccountScreen({ session, onSession }: AccountScreenProps) {
  const ids = useId();
  const { account } = session;
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const revokeButtonRef = useRef<HTMLButtonElement>(null);
  // One action at a time; a double click runs it once.
  const { running: busy, run } = useSingleFlight<Action>();
  const [copied, setCopied] = useState<{ text: string; count: number } | null>(null);
  const [actionError, setActionError] = useState<IpcError | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [revokeError, setRevokeError] = useState<IpcError | null>(null);

  // Back to the button that opened the dialog, once the dialog has left the page (while it
  // is open, everything behind it is inert and cannot take focus).
  const restoreFocus = useRef(false);
  useEffect(() => {
    if (dialogOpen || !restoreFocus.current) return;
    restoreFocus.current = false;
    revokeButtonRef.current?.focus();
  }, [dialogOpen]);

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
    const text =
      wait > 0 ? `Token copied. The clipboard will be cleared in ${seconds(wait)}.` : 'Token copied to the clipboard.';
    setCopied((previous) => ({ text, count: (previous?.count ?? 0) + 1 }));
  }

  /** Main no longer holds a token: show what it has now. */
  async function resync(): Promise<boolean> {
    const current = await api.getSession();
    if (current.ok) onSession(current.value);
    return current.ok;
  }

  async function signOut(): Promise<void> {
    setActionError(null);
    const result = await run('sign-out', () => api.signOut());
    if (!result) return;
    if (result.ok) onSession(result.value);
    else setActionError(result.error);
  }

  async function revoke(): Promise<void> {
    setRevokeError(null);
    const result = await run('revoke', () => api.revokeToken());
    if (!result) return;
    if (result.ok) onSession(result.value);
    else setRevokeError(result.error);
  }

  function closeDialog(): void {
    if (!dialogOpen) return;
    restoreFocus.current = true;
    setDialogOpen(false);
    setRevokeError(null);
  }

  const name = account.title || account.username;
  const joined = formatDate(account.joinedAt);
  const status = validationText(session);

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

      <p className={session.validation === 'unreachable' ? 'validation unreachable' : 'validation'} role="status">
        {status}
      </p>

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
        <p className="copy-status" role="status">
          {copied && <span key={copied.count}>{copied.text}</span>}
        </p>
        <p>
          <span className="storage-label">Token stored:</span>{' '}
          {session.storage === 'keychain' ? 'Encrypted in your system keychain' : 'This session only (not saved)'}
        </p>
      </section>

      <FormAlert error={actionError} />

      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          aria-busy={busy === 'sign-out'}
          onClick={() => void signOut()}
        >
          {busy === 'sign-out' ? 'Signing out…' : 'Sign out'}
        </button>
        <button
          ref={revokeButtonRef}
          type="button"
          className="button secondary danger-text"
          aria-haspopup="dialog"
          onClick={() => {
            setActionError(null);
            setDialogOpen(true);
          }}
        >
          Revoke token…
        </button>
      </div>
      <p className="hint">
        Sign out forgets the token on this computer only; revoking it also stops it working everywhere else.
      </p>
      <div className="help-row">
        <p className="help-link">
          <ExternalLink href={PLEX_LINKS.authorizedDevices}>Manage Authorized Devices on plex.tv</ExternalLink>
        </p>
        <DiagnosticsButton variant="small" />
      </div>

      {dialogOpen && (
        <RevokeDialog
          busy={busy === 'revoke'}
          error={revokeError}
          onConfirm={() => void revoke()}
          onCancel={closeDialog}
        />
      )}
    </div>
  );
}
