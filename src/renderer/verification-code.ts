/** Codes are sent without spaces: authenticator apps show "123 456", people paste that. */
export function normalizeCode(code: string): string {
  return code.replace(/\s+/g, '');
}

/** A current authenticator code (as opposed to a longer backup code): sent by itself. */
export function isSixDigitCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}
