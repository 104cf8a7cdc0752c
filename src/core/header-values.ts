// plex.tv reads X-Plex-* header values as UTF-8 (docs/plex-api.md §5c), but Node's http
// writes a header string one byte per character and refuses any character above U+00FF.
// So each non-ASCII value is handed over as its UTF-8 bytes, one character per byte: a
// tool named "Büro 🎬" then reaches plex.tv as those exact bytes.

/** One header value as Node must be given it to send its UTF-8 bytes. */
export function utf8HeaderValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII is sent as is
  return /^[\u0000-\u007f]*$/.test(value) ? value : Buffer.from(value, 'utf8').toString('latin1');
}

export function utf8HeaderValues(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, utf8HeaderValue(value)]));
}
