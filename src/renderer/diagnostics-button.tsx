import { useState } from 'react';
import type { IpcError } from '../shared/ipc-views';
import { api } from './api';
import { useSingleFlight } from './use-single-flight';

interface DiagnosticsButtonProps {
  /** 'link': a quiet text button (the sign-in footer); 'small': a small outlined button. */
  variant: 'link' | 'small';
}

const COPIED = 'Diagnostics copied (no token or password included).';

/**
 * "Copy diagnostics": main puts versions, platform, storage backend and the last errors on
 * the clipboard for a bug report; never a token, a password or a code.
 */
export function DiagnosticsButton({ variant }: DiagnosticsButtonProps) {
  const { running, run } = useSingleFlight<'copy'>();
  const [copies, setCopies] = useState(0);
  const [error, setError] = useState<IpcError | null>(null);

  async function copy(): Promise<void> {
    setError(null);
    const result = await run('copy', () => api.copyDiagnostics());
    if (!result) return; // a copy is already running
    if (result.ok) {
      setCopies((n) => n + 1);
    } else {
      setCopies(0);
      setError(result.error);
    }
  }

  return (
    <div className="diagnostics">
      <button
        type="button"
        className={variant === 'link' ? 'button-link' : 'button secondary small'}
        aria-busy={running === 'copy'}
        onClick={() => void copy()}
      >
        Copy diagnostics
      </button>
      <p className="diagnostics-status" role="status">
        {copies > 0 && <span key={copies}>{COPIED}</span>}
      </p>
      {error && (
        <p className="inline-error" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
