/** What the UI may show of a token: a fixed run of dots and its last 4 characters. */
export function maskToken(token: string): string {
  return `${'•'.repeat(12)}${token.length > 8 ? token.slice(-4) : ''}`;
}
