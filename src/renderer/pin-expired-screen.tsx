import { useId } from 'react';
import type { PinMode } from '../shared/ipc-views';
import { useFocusOnMount } from './use-focus-on-mount';

interface PinExpiredScreenProps {
  mode: PinMode;
  /** A new request (same mode) is being made. */
  busy: boolean;
  onStartAgain: () => void;
  onBack: () => void;
}

/** The browser or link-code request was not approved in time: plex.tv forgot it. */
export function PinExpiredScreen({ mode, busy, onStartAgain, onBack }: PinExpiredScreenProps) {
  const ids = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  return (
    <section className="screen pin-screen" aria-labelledby={`${ids}title`}>
      <h1 id={`${ids}title`} ref={headingRef} tabIndex={-1}>
        This sign-in request expired
      </h1>
      <p className="lead">
        {mode === 'link'
          ? 'The code was not entered at plex.tv/link in time, so plex.tv no longer accepts it.'
          : 'It was not approved in your browser in time, so plex.tv no longer accepts it.'}{' '}
        Nothing was saved. Start again for a new one.
      </p>
      <div className="button-row">
        <button type="button" className="button primary" disabled={busy} aria-busy={busy} onClick={onStartAgain}>
          {busy ? 'Starting…' : 'Start again'}
        </button>
        <button type="button" className="button secondary" onClick={onBack}>
          Back to sign-in
        </button>
      </div>
    </section>
  );
}
