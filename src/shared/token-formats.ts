// The shapes a token is pasted in (the token alone, an env line, a curl header, JSON, a
// Kometa `plex:` block), for the CLI's --format and the app's Copy menu alike. Pure, so
// both sides print byte-for-byte the same thing.

export const TOKEN_FORMATS = ['token', 'env', 'curl', 'json', 'kometa'] as const;
export type TokenFormat = (typeof TOKEN_FORMATS)[number];

export interface TokenFormatInput {
  token: string;
  /** A server address (PLEX_URL, Kometa's `url`), when the token is for a server. */
  url?: string;
}

export function isTokenFormat(value: string): value is TokenFormat {
  return (TOKEN_FORMATS as readonly string[]).includes(value);
}

/** The text to paste, ending in a line break. */
export function formatToken(format: TokenFormat, input: TokenFormatInput): string {
  switch (format) {
    case 'token':
      return `${input.token}\n`;
    case 'env':
      return `${input.url === undefined ? '' : `PLEX_URL=${envValue(input.url)}\n`}PLEX_TOKEN=${envValue(input.token)}\n`;
    case 'curl':
      return `X-Plex-Token: ${input.token}\n`;
    case 'json':
      return `${JSON.stringify(input.url === undefined ? { token: input.token } : { url: input.url, token: input.token }, null, 2)}\n`;
    case 'kometa':
      // JSON strings are YAML double-quoted scalars: quoting this way is exact for any value.
      return [
        'plex:',
        input.url === undefined
          ? "  # url: your server's address (plex-signin servers lists them)"
          : `  url: ${JSON.stringify(input.url)}`,
        `  token: ${JSON.stringify(input.token)}`,
        '',
      ].join('\n');
  }
}

/**
 * A value for a shell or .env line: bare when it is plainly safe (every classic token and
 * most URLs are), else single-quoted with embedded quotes closed and reopened.
 */
export function envValue(value: string): string {
  return /^[A-Za-z0-9_\-.:/@%+=,]*$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
