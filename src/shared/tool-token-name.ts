// The name a person gives a tool token ("Kometa", "Büro-Skript 🎬"). It becomes the
// device's X-Plex-Product and part of its device name on plex.tv (docs/plex-api.md §5a),
// so it must be something a header and a list can carry; anything else printable is kept
// exactly as typed.

/** Longest name, in characters (code points). */
export const MAX_TOOL_NAME_LENGTH = 64;

/** C0, DEL, C1, line and paragraph separators, bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export type ToolNameCheck = { ok: true; name: string } | { ok: false; message: string };

/** The trimmed name, or one sentence saying what is wrong with it. */
export function checkToolTokenName(raw: string): ToolNameCheck {
  const name = raw.trim();
  if (name === '') return { ok: false, message: 'Give the token a name, such as the tool it is for (e.g. Kometa).' };
  if ([...name].length > MAX_TOOL_NAME_LENGTH) {
    return {
      ok: false,
      message: `A token name can be at most ${MAX_TOOL_NAME_LENGTH} characters; choose a shorter one.`,
    };
  }
  if (FORBIDDEN.test(name)) {
    return {
      ok: false,
      message: 'A token name cannot contain control characters; use letters, digits, spaces or symbols.',
    };
  }
  return { ok: true, name };
}

/** Two names are the same when they differ only in case or Unicode normal form. */
export function sameToolTokenName(a: string, b: string): boolean {
  const fold = (s: string) => s.trim().normalize('NFC').toLocaleLowerCase('und');
  return fold(a) === fold(b);
}
