import { describe, expect, it } from 'vitest';
import { terminalJson, terminalText } from './terminal-text';

// Everything the CLI prints that plex.tv (or whatever answers in its place) chose goes
// through these two helpers: nothing a server sends may steer the terminal.

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

describe('terminalText', () => {
  it.each([
    ['a screen clear', '\u001b[2J\u001b[Halice', '\\x1B[2J\\x1B[Halice'],
    ['a window title (OSC 0)', '\u001b]0;pwned\u0007bob', '\\x1B]0;pwned\\x07bob'],
    ['an OSC 52 clipboard write', '\u001b]52;c;aGVsbG8=\u001b\\', '\\x1B]52;c;aGVsbG8=\\x1B\\'],
    ['a newline forging an output line', 'a@example.com\nPlex Pass:    yes', 'a@example.com\\x0APlex Pass:    yes'],
    ['a carriage return', 'x\rY', 'x\\x0DY'],
    ['a C1 CSI', 'a\u009b31mb', 'a\\x9B31mb'],
    ['DEL', 'a\u007fb', 'a\\x7Fb'],
    ['NUL and BEL', '\u0000\u0007', '\\x00\\x07'],
    ['a right-to-left override', 'abc\u202etxt.exe', 'abc\\u202Etxt.exe'],
    [
      'bidi embeddings and isolates',
      '\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069',
      '\\u202A\\u202B\\u202C\\u202D\\u2066\\u2067\\u2068\\u2069',
    ],
  ])('escapes %s', (_name, input, expected) => {
    const out = terminalText(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(UNSAFE);
  });

  it('leaves ordinary text alone, other scripts and emoji included', () => {
    for (const text of ['alice', 'Alice Example', 'Zoë Ångström', '客厅', 'مرحبا', '🎬 Movie night', 'a\u00a0b']) {
      expect(terminalText(text)).toBe(text);
    }
  });
});

describe('terminalJson', () => {
  it('is valid JSON holding exactly the original values, with nothing raw that steers a terminal', () => {
    const value = {
      username: 'ali\u001b[2Jce',
      title: 'a\u009b31m\u202eb\u2066',
      email: 'x\r\ny\u007f',
      plain: 'Zoë 客厅',
      nested: { list: ['\u0007'] },
    };
    const out = terminalJson(value);
    // Line breaks are JSON.stringify's own layout; the values' are escaped inside strings.
    for (const line of out.split('\n')) expect(line).not.toMatch(UNSAFE);
    expect(out.split('\n')).toHaveLength(
      JSON.stringify({ ...value, nested: { list: [''] } }, null, 2).split('\n').length,
    );
    expect(JSON.parse(out)).toEqual(value);
    expect(out).toContain('Zoë 客厅');
    expect(out.endsWith('\n')).toBe(false);
  });
});
