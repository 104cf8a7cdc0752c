// Text a server chose (account fields, the link code, addresses built from its answers)
// goes through here before the CLI prints it. Terminals act on control characters: a
// field could clear the screen, retitle the window, write the clipboard (OSC 52), forge
// an output line with a newline, or reorder what is shown with bidi overrides. Such
// characters are printed as visible escapes instead; everything else is left as is.

/** C0, DEL, C1, and the bidi embeddings, overrides and isolates (U+202A–E, U+2066–9). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same minus C0, which JSON.stringify already writes as \uXXXX inside strings. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, digits: number) => c.charCodeAt(0).toString(16).toUpperCase().padStart(digits, '0');

/** `text` safe to print: control and bidi characters become `\xHH` / `\uHHHH`. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/**
 * `value` as indented JSON, safe to print: the characters JSON leaves raw are written as
 * \uHHHH escapes, so a script reading it gets exactly the original values.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (c) => `\\u${hex(c, 4)}`);
}
