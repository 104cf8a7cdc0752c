import { describe, expect, it } from 'vitest';
import { envValue, formatToken } from './token-formats';

const TOKEN = 'tok_EN-placeholder01';

describe('formatToken', () => {
  it('token: the token alone on a line', () => {
    expect(formatToken('token', { token: TOKEN })).toBe(`${TOKEN}\n`);
  });

  it('env: PLEX_TOKEN, with PLEX_URL first when there is a server', () => {
    expect(formatToken('env', { token: TOKEN })).toBe(`PLEX_TOKEN=${TOKEN}\n`);
    expect(formatToken('env', { token: TOKEN, url: 'https://1-2-3-4.abc.plex.direct:32400' })).toBe(
      `PLEX_URL=https://1-2-3-4.abc.plex.direct:32400\nPLEX_TOKEN=${TOKEN}\n`,
    );
  });

  it('curl: a header line', () => {
    expect(formatToken('curl', { token: TOKEN })).toBe(`X-Plex-Token: ${TOKEN}\n`);
  });

  it('json: parses back to the same values', () => {
    expect(JSON.parse(formatToken('json', { token: 'a"b\\c' }))).toEqual({ token: 'a"b\\c' });
    expect(JSON.parse(formatToken('json', { token: TOKEN, url: 'http://x:1' }))).toEqual({
      token: TOKEN,
      url: 'http://x:1',
    });
  });

  it('kometa: a plex: block whose values are quoted YAML scalars', () => {
    expect(formatToken('kometa', { token: TOKEN, url: 'http://192.168.1.20:32400' })).toBe(
      `plex:\n  url: "http://192.168.1.20:32400"\n  token: "${TOKEN}"\n`,
    );
    const odd = formatToken('kometa', { token: 'a"b#c: d' });
    expect(odd).toContain('  token: "a\\"b#c: d"\n');
    expect(odd).toContain('# url:');
  });
});

describe('envValue', () => {
  it('quotes only what a shell would misread', () => {
    expect(envValue(TOKEN)).toBe(TOKEN);
    expect(envValue('a$b')).toBe(`'a$b'`);
    expect(envValue(`it's`)).toBe(`'it'\\''s'`);
  });
});
