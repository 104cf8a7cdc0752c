import { type Ref, useId, useState } from 'react';
import type { CopyTokenResult, IpcResult } from '../shared/ipc-views';
import { clearNote, type FormatChoice } from './copy-formats';
import { useSingleFlight } from './use-single-flight';

interface CopyMenuProps<F extends string> {
  /** What is copied, for the accessible names and the "copied" line: "Kometa", "Alice's NAS". */
  subject: string;
  formats: readonly FormatChoice<F>[];
  /** Main makes the text and puts it on the clipboard; the page never sees it. */
  copy: (format: F) => Promise<IpcResult<CopyTokenResult>>;
  /** "Kometa's token copied as an env line. The clipboard will be cleared in 60 seconds.", or an error. */
  onResult: (text: string, error: boolean) => void;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** A format choice and a Copy button: one small control for every "copy this somewhere" row. */
export function CopyMenu<F extends string>({ subject, formats, copy, onResult, buttonRef }: CopyMenuProps<F>) {
  const id = useId();
  const [format, setFormat] = useState<F>(formats[0]!.value);
  const { running, run } = useSingleFlight<'copy'>();

  async function onCopy(): Promise<void> {
    const result = await run('copy', () => copy(format));
    if (!result) return;
    if (!result.ok) return onResult(result.error.message, true);
    const what = formats.find((f) => f.value === format)?.what ?? format;
    onResult(`${subject}: copied ${what}.${clearNote(result.value.clearAfterSeconds)}`, false);
  }

  return (
    <div className="copy-menu">
      <label className="visually-hidden" htmlFor={id}>
        Copy {subject} as
      </label>
      <select id={id} value={format} onChange={(event) => setFormat(event.target.value as F)}>
        {formats.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </select>
      <button
        ref={buttonRef}
        type="button"
        className="button secondary small"
        aria-label={`Copy ${subject}`}
        aria-busy={running === 'copy'}
        onClick={() => void onCopy()}
      >
        Copy
      </button>
    </div>
  );
}
