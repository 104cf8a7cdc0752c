import { useId, useState, type FormEvent } from 'react';
import { checkToolTokenName, sameToolTokenName } from '../shared/tool-token-name';
import { FieldError } from './field-error';
import { useFocusOnMount } from './use-focus-on-mount';

/** The tools people make tokens for; a click fills the name in. */
export const TOOL_SUGGESTIONS = [
  'Tautulli',
  'Kometa',
  'Home Assistant',
  'Overseerr',
  'Jellyseerr',
  'Sonarr',
  'Radarr',
  'My script',
] as const;

interface NewToolTokenFormProps {
  /** Names already taken: not suggested again (main refuses a duplicate anyway). */
  existing: readonly string[];
  busy: boolean;
  /** Main's one sentence about the last try (a duplicate, too long…), shown by the field. */
  error: string | null;
  onCreate: (name: string) => void;
  onCancel: () => void;
  onEdit: () => void;
}

/** "New token…": a name, with suggestions. Focus starts in the field. */
export function NewToolTokenForm({ existing, busy, error, onCreate, onCancel, onEdit }: NewToolTokenFormProps) {
  const ids = useId();
  const nameId = `${ids}name`;
  const hintId = `${ids}hint`;
  const errorId = `${ids}error`;
  const nameRef = useFocusOnMount<HTMLInputElement>();
  const [name, setName] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const shownError = localError ?? error;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (busy) return;
    const checked = checkToolTokenName(name);
    if (!checked.ok) {
      setLocalError(checked.message);
      nameRef.current?.focus();
      return;
    }
    onCreate(checked.name);
  }

  function edit(next: string): void {
    setName(next);
    setLocalError(null);
    onEdit();
  }

  const suggestions = TOOL_SUGGESTIONS.filter((s) => !existing.some((e) => sameToolTokenName(e, s)));

  return (
    <form className="new-token" noValidate onSubmit={submit} aria-label="New tool token">
      <div className="field">
        <label htmlFor={nameId}>Name of the tool</label>
        <input
          ref={nameRef}
          id={nameId}
          type="text"
          autoComplete="off"
          spellCheck={false}
          readOnly={busy}
          value={name}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? `${errorId} ${hintId}` : hintId}
          onChange={(event) => edit(event.target.value)}
        />
        <FieldError id={errorId} message={shownError} />
        <p id={hintId} className="hint">
          plex.tv lists the token under this name in your Authorized Devices.
        </p>
      </div>
      {suggestions.length > 0 && (
        <div className="suggestions" role="group" aria-label="Suggested names">
          {suggestions.map((s) => (
            <button key={s} type="button" className="chip" onClick={() => edit(s)} aria-pressed={name === s}>
              {s}
            </button>
          ))}
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" aria-busy={busy}>
          {busy ? 'Making the token…' : 'Make token'}
        </button>
        <button
          type="button"
          className="button secondary"
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) onCancel();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
