import { describe, expect, it } from 'vitest';
import { utf8HeaderValue } from './header-values';

describe('utf8HeaderValue', () => {
  it('leaves ASCII alone', () => {
    expect(utf8HeaderValue('Kometa (Plex Sign-In)')).toBe('Kometa (Plex Sign-In)');
  });

  it.each(['Büro', 'Kometa 🎬', '客厅', 'say "hi"'])('gives %s as its UTF-8 bytes', (value) => {
    const sent = utf8HeaderValue(value);
    expect([...sent].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
    expect(Buffer.from(sent, 'latin1').toString('utf8')).toBe(value);
  });
});
