import { describe, expect, it } from 'vitest';
import { checkToolTokenName, sameToolTokenName } from './tool-token-name';

describe('checkToolTokenName', () => {
  it.each(['Kometa', 'Büro-Skript', 'Home Assistant 🏠', 'say "hi"', "O'Brien's NAS", '客厅'])('accepts %s', (name) => {
    expect(checkToolTokenName(`  ${name} `)).toEqual({ ok: true, name });
  });

  it('accepts exactly 64 characters, emoji counted once', () => {
    expect(checkToolTokenName('🎬'.repeat(64)).ok).toBe(true);
    expect(checkToolTokenName('🎬'.repeat(65)).ok).toBe(false);
  });

  it.each(['', '   ', 'a\nb', 'tab\there', 'esc\u001b[31m', 'bidi\u202eevil', 'del\u007f'])('refuses %j', (name) => {
    const check = checkToolTokenName(name);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/^[A-Z].*\.$/);
  });
});

describe('sameToolTokenName', () => {
  it('ignores case, surrounding space and normal form', () => {
    expect(sameToolTokenName('Kometa', ' kometa ')).toBe(true);
    expect(sameToolTokenName('B\u00fcro', 'Bu\u0308ro')).toBe(true);
    expect(sameToolTokenName('Kometa', 'Tautulli')).toBe(false);
  });
});
