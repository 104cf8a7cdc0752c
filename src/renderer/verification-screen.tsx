import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { IpcError } from '../shared/ipc-views';
import { PLEX_LINKS } from '../shared/external-links';
import { errorPlacement } from './error-placement';
import { ExternalLink } from './external-link';
import { FieldError } from './field-error';
import { FormAlert } from './form-alert';
import { useFocusOnMount } from './use-focus-on-mount';
import { isSixDigitCode, normalizeCode } from './verification-code';

interface VerificationScreenProps {
  login: string;
  busy: boolean;
  error: IpcError | null;
  onClearError: () => void;
  onSubmit: (code: string) => void;
  onBack: () => void;
}

export function VerificationScreen({ login, busy, error, onClearError, onSubmit, onBack }: VerificationScreenProps) {
  const ids = useId();
  const codeId = `${ids}code`;
  const codeErrorId = `${ids}code-error`;
  const hintId = `${ids}hint`;
  const codeRef = useFocusOnMount<HTMLInputElement>();
  const verifyRef = useRef<HTMLButtonElement>(null);
  const [missing, setMissing] = useState(false);
  // The 6-digit code last submitted by itself: it goes once, not again on every render.
  const autoSubmitted = useRef<string | null>(null);

  const serverCodeError = error && errorPlacement(error.kind) === 'code' ? error.message : null;
  const formError = error && errorPlacement(error.kind) !== 'code' ? error : null;
  const codeError = missing ? 'Enter the verification code.' : serverCodeError;

  useEffect(() => {
    if (!error) return;
    if (errorPlacement(error.kind) === 'code') {
      codeRef.current?.focus();
      codeRef.current?.select();
    } else if (document.activeElement === document.body || document.activeElement === null) {
      verifyRef.current?.focus();
    }
  }, [error]);

  function handleChange(value: string): void {
    setMissing(false);
    if (serverCodeError) onClearError();
    const candidate = normalizeCode(value);
    if (!isSixDigitCode(candidate)) {
      autoSubmitted.current = null;
    } else if (!busy && autoSubmitted.current !== candidate) {
      autoSubmitted.current = candidate;
      onSubmit(candidate);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (busy) return;
    const candidate = normalizeCode(codeRef.current?.value ?? '');
    if (candidate === '') {
      setMissing(true);
      onClearError();
      codeRef.current?.focus();
      return;
    }
    onSubmit(candidate);
  }

  return (
    <form className="screen" noValidate onSubmit={handleSubmit} aria-labelledby={`${ids}title`}>
      <h1 id={`${ids}title`}>Enter your verification code</h1>
      <p className="lead" id={hintId}>
        Open your authenticator app and enter the 6‑digit code for Plex, or use one of your backup codes.
      </p>
      {login.trim() && (
        <p className="hint">
          Signing in as <strong className="login-name">{login.trim()}</strong>
        </p>
      )}

      {/* Uncontrolled, like the password: a backup code never lands in a `value` attribute. */}
      <div className="field">
        <label htmlFor={codeId}>Verification code</label>
        <input
          ref={codeRef}
          id={codeId}
          name="code"
          type="text"
          inputMode="text"
          autoComplete="one-time-code"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          readOnly={busy}
          className="code-input"
          aria-invalid={codeError ? true : undefined}
          aria-describedby={codeError ? `${codeErrorId} ${hintId}` : hintId}
          onChange={(event) => handleChange(event.target.value)}
        />
        <FieldError id={codeErrorId} message={codeError} />
      </div>

      <FormAlert error={formError} />

      <div className="button-row">
        <button ref={verifyRef} type="submit" className="button primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Verifying…' : 'Verify'}
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={onBack}>
          Back
        </button>
      </div>

      <p className="help-link">
        <ExternalLink href={PLEX_LINKS.twoFactorHelp}>Help with two-step verification</ExternalLink>
      </p>
    </form>
  );
}
