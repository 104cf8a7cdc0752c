import { describe, expect, it } from 'vitest';
import { errorPlacement } from './error-placement';
import { initials } from './initials';
import { isSixDigitCode, normalizeCode } from './verification-code';

describe('errorPlacement', () => {
  it('puts a rejected password under the password field and a rejected code under the code field', () => {
    expect(errorPlacement('invalid-credentials')).toBe('password');
    expect(errorPlacement('invalid-verification-code')).toBe('code');
  });

  it('puts everything else above the button, for the whole form', () => {
    for (const kind of [
      'locked-out',
      'rate-limited',
      'network',
      'unavailable',
      'timeout',
      'unexpected-response',
      'busy',
      'internal',
      'invalid-request',
    ] as const) {
      expect(errorPlacement(kind)).toBe('form');
    }
  });
});

describe('initials', () => {
  it('takes the first letter of up to two words', () => {
    expect(initials('Alice Example')).toBe('AE');
    expect(initials('bob')).toBe('B');
    expect(initials('jean-luc picard the third')).toBe('JL');
    expect(initials('  ')).toBe('?');
  });
});

describe('verification codes', () => {
  it('sends a pasted "123 456" as 123456 and sends it by itself', () => {
    expect(normalizeCode(' 123 456 ')).toBe('123456');
    expect(isSixDigitCode(normalizeCode('123 456'))).toBe(true);
  });

  it('leaves backup codes and partial codes for the Verify button', () => {
    expect(isSixDigitCode('4f7k9m2q8x3c5v1b')).toBe(false);
    expect(isSixDigitCode('12345')).toBe(false);
    expect(isSixDigitCode('1234567')).toBe(false);
  });
});
