import { type ReactNode, useId, useState } from 'react';
import type { PinView } from '../shared/ipc-views';
import { api } from './api';
import { Countdown } from './countdown';
import { ExternalLink } from './external-link';
import { QrCode } from './qr-code';
import { useFocusOnMount } from './use-focus-on-mount';

interface PinWaitingScreenProps {
  pin: PinView;
  /** "Use a code instead" is asking main for a code. */
  switching: boolean;
  onCancel: () => void;
  /** Browser mode only: drop the browser request and show a code for plex.tv/link instead. */
  onUseCode: () => void;
}

/** "https://plex.tv/link" → "plex.tv/link": what people type. */
function shortAddress(url: string): string {
  return url.replace(/^https:\/\//, '');
}

/** "AB3D" → "A B 3 D": a screen reader spells it rather than reading a word. */
function spelled(code: string): string {
  return [...code].join(' ');
}

/**
 * Waiting for the user to approve a PIN sign-in: in this computer's browser, or with a
 * code typed (or a QR code scanned) at plex.tv/link. Main polls plex.tv; this screen only
 * shows where to go and how long is left.
 */
export function PinWaitingScreen({ pin, switching, onCancel, onUseCode }: PinWaitingScreenProps) {
  const ids = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  const cancel = (
    <button type="button" className="button secondary" onClick={onCancel}>
      Cancel
    </button>
  );

  if (pin.mode === 'link') {
    const address = shortAddress(pin.url);
    return (
      <section className="screen pin-screen" aria-labelledby={`${ids}title`}>
        <h1 id={`${ids}title`} ref={headingRef} tabIndex={-1}>
          Sign in with a code
        </h1>
        <p className="lead">
          On a phone, tablet or computer, go to <strong className="address-inline">{address}</strong>, sign in to Plex
          there and enter this code:
        </p>
        <p className="link-code">
          <span className="visually-hidden">Your code: {spelled(pin.code)}</span>
          <span className="link-code-chars" aria-hidden="true">
            {pin.code}
          </span>
        </p>
        {pin.qr && (
          <figure className="qr">
            <QrCode qr={pin.qr} label="approving this sign-in on a phone" />
            <figcaption className="hint">
              Or scan this with your phone’s camera and approve there: no code to type.
            </figcaption>
          </figure>
        )}
        <p className="waiting">Waiting for you to enter the code…</p>
        <Countdown expiresAt={pin.expiresAt} />
        <div className="button-row">{cancel}</div>
      </section>
    );
  }

  return <BrowserWaiting pin={pin} switching={switching} onUseCode={onUseCode} cancel={cancel} />;
}

interface BrowserWaitingProps {
  pin: PinView;
  switching: boolean;
  onUseCode: () => void;
  cancel: ReactNode;
}

/** Browser mode: the approval address as a link, with Copy and Open again for when the browser did not open. */
function BrowserWaiting({ pin, switching, onUseCode, cancel }: BrowserWaitingProps) {
  const ids = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [status, setStatus] = useState<{ text: string; count: number } | null>(null);

  async function act(call: () => ReturnType<typeof api.copyPinUrl>, done: string): Promise<void> {
    const result = await call();
    setStatus((previous) => ({ text: result.ok ? done : result.error.message, count: (previous?.count ?? 0) + 1 }));
  }

  return (
    <section className="screen pin-screen" aria-labelledby={`${ids}title`}>
      <h1 id={`${ids}title`} ref={headingRef} tabIndex={-1}>
        Approve the sign-in in your browser
      </h1>
      <p className="waiting">Waiting for you to approve in your browser…</p>
      <p className="lead">
        Sign in to plex.tv there (with Google, Apple, Facebook or your email) and allow Plex Sign-In. This window
        carries on by itself.
      </p>
      <div className={pin.browserOpened ? 'fallback' : 'fallback not-opened'}>
        <p>
          {pin.browserOpened
            ? 'If your browser didn’t open, go to:'
            : 'Your browser could not be opened. Go to this address in your browser:'}
        </p>
        <p className="address">
          <ExternalLink href={pin.url}>
            <code>{pin.url}</code>
          </ExternalLink>
        </p>
        <div className="address-actions">
          <button
            type="button"
            className="button secondary small"
            onClick={() => void act(() => api.copyPinUrl(), 'Address copied.')}
          >
            Copy address
          </button>
          <button
            type="button"
            className="button secondary small"
            onClick={() => void act(() => api.openLink({ url: pin.url }), 'Opened in your browser again.')}
          >
            Open again
          </button>
          <p className="address-status" role="status">
            {status && <span key={status.count}>{status.text}</span>}
          </p>
        </div>
      </div>
      <Countdown expiresAt={pin.expiresAt} />
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          disabled={switching}
          aria-busy={switching}
          onClick={onUseCode}
        >
          {switching ? 'Getting a code…' : 'Use a code instead'}
        </button>
        {cancel}
      </div>
    </section>
  );
}
