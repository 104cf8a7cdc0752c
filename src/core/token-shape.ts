import * as z from 'zod/mini';

// What a token from plex.tv must look like before it is stored, printed or sent back
// (docs/plex-api.md §5). Tokens are opaque: classic ones are short, JWTs about 500
// characters, and recorded real ones were 13 and 19, so only what every HTTP header and
// terminal can carry safely is required. A value outside this (CR/LF, an escape sequence,
// megabytes of text) is a broken or hostile answer, never a token.

/** Longest token accepted: several times a JWT, far below what would hurt. */
export const MAX_TOKEN_LENGTH = 4096;

/** Printable ASCII without spaces (0x21–0x7E), 1 to MAX_TOKEN_LENGTH characters. */
const TOKEN_PATTERN = new RegExp(`^[\\x21-\\x7e]{1,${MAX_TOKEN_LENGTH}}$`);

export function isWellFormedToken(value: string): boolean {
  return value.length <= MAX_TOKEN_LENGTH && TOKEN_PATTERN.test(value);
}

/** The zod check for a token field. */
export const tokenSchema = () => z.string().check(z.refine(isWellFormedToken));
