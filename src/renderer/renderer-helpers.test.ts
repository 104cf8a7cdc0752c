import { describe, expect, it } from 'vitest';
import { errorPlacement } from './error-placement';
import { initials } from './initials';
import { durationAttribute, formatTimeLeft, msUntilNextTick, secondsLeft, timeLeftAnnouncement } from './time-left';
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

describe('the countdown of a browser or link-code sign-in', () => {
  it('shows whole seconds left, rounded up, as mm:ss, never below zero', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 1)).toBe(10);
    expect(secondsLeft(10_000, 1000)).toBe(9);
    expect(secondsLeft(10_000, 20_000)).toBe(0);
    expect(secondsLeft(Number.NaN, 0)).toBe(0);
    expect(formatTimeLeft(1800)).toBe('30:00');
    expect(formatTimeLeft(899)).toBe('14:59');
    expect(formatTimeLeft(5)).toBe('00:05');
    expect(formatTimeLeft(-3)).toBe('00:00');
    expect(durationAttribute(845)).toBe('PT14M5S');
  });

  it('ticks when the shown second changes', () => {
    expect(msUntilNextTick(10_000, 9_250)).toBe(755);
    expect(msUntilNextTick(10_000, 9_000)).toBe(1005);
  });

  it('gives the screen reader a sentence that changes at most once a minute', () => {
    // Every second of a 30-minute wait: the sentence changes only when the minute does.
    let last: string | null = null;
    let lastChangeAt = Number.POSITIVE_INFINITY;
    const changes: string[] = [];
    for (let s = 1800; s >= 0; s -= 1) {
      const sentence = timeLeftAnnouncement(s);
      if (sentence === null || sentence === last) continue;
      if (last !== null) expect(lastChangeAt - s, `${last} → ${sentence}`).toBeGreaterThanOrEqual(60);
      last = sentence;
      lastChangeAt = s;
      changes.push(sentence);
    }
    expect(changes).toEqual([
      '30 minutes left.',
      '25 minutes left.',
      '20 minutes left.',
      '15 minutes left.',
      '10 minutes left.',
      '5 minutes left.',
      '4 minutes left.',
      '3 minutes left.',
      '2 minutes left.',
      'Less than a minute left.',
      'Time is up: this sign-in request has expired.',
    ]);
  });
});
