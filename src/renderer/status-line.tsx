import { useCallback, useState } from 'react';

// One polite live line per panel ("Copied…", "Checking…", "Couldn't reach plex.tv…"). Its
// height is always reserved, so nothing below it moves when it fills or empties.

export interface StatusMessage {
  text: string;
  /** Shown with the error icon: something failed. */
  error: boolean;
  /** Bumped by every new message, so the same text said twice is announced twice. */
  count: number;
}

export function useStatus(): {
  status: StatusMessage | null;
  say: (text: string, error?: boolean) => void;
  clear: () => void;
} {
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const say = useCallback((text: string, error = false) => {
    setStatus((previous) => ({ text, error, count: (previous?.count ?? 0) + 1 }));
  }, []);
  const clear = useCallback(() => setStatus(null), []);
  return { status, say, clear };
}

export function StatusLine({ status }: { status: StatusMessage | null }) {
  return (
    <p className="status-line" role="status">
      {status && (
        <span key={status.count} className={status.error ? 'status-error' : undefined}>
          {status.error && (
            <span className="error-icon" aria-hidden="true">
              !
            </span>
          )}
          {status.text}
        </span>
      )}
    </p>
  );
}
