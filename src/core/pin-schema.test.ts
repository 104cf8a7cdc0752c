import { describe, expect, it } from 'vitest';
import { browserAuthUrl, parsePin } from './pin-schema';

describe('parsePin', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads the id, code, expiry and token, ignoring the rest', () => {
    const pin = parsePin(
      {
        id: 7,
        code: 'ABCD',
        expiresAt: '2026-01-01T00:15:00Z',
        expiresIn: 900,
        authToken: null,
        qr: 'x',
        trusted: false,
      },
      now,
    );
    expect(pin).toEqual({ id: 7, code: 'ABCD', expiresAt: '2026-01-01T00:15:00.000Z', authToken: null });
    expect(parsePin({ id: 7, code: 'ABCD', expiresIn: 900, authToken: 'tok-test' }, now)).toEqual({
      id: 7,
      code: 'ABCD',
      expiresAt: '2026-01-01T00:15:00.000Z',
      authToken: 'tok-test',
    });
  });

  it('trusts the relative lifetime over a clock that disagrees, and refuses impossible dates', () => {
    const skewed = parsePin({ id: 1, code: 'ABCD', expiresAt: '2020-01-01T00:00:00Z', expiresIn: 900 }, now);
    expect(skewed?.expiresAt).toBe('2026-01-01T00:15:00.000Z');
    expect(parsePin({ id: 1, code: 'ABCD', expiresIn: 1e16 }, now)).toBeNull();
  });

  it('counts to expiresAt when there is no expiresIn', () => {
    expect(parsePin({ id: 1, code: 'ABCD', expiresAt: '2026-01-01T00:30:00Z' }, now)?.expiresAt).toBe(
      '2026-01-01T00:30:00.000Z',
    );
  });

  it('refuses a body without an id, a code or any expiry', () => {
    expect(parsePin({ code: 'ABCD', expiresIn: 900 }, now)).toBeNull();
    expect(parsePin({ id: 1, expiresIn: 900 }, now)).toBeNull();
    expect(parsePin({ id: 1, code: 'ABCD' }, now)).toBeNull();
    expect(parsePin('<html/>', now)).toBeNull();
  });
});

describe('browserAuthUrl', () => {
  it('puts the client identifier, code and product in the fragment, encoded', () => {
    expect(browserAuthUrl('id-1', 'abc', 'Plex Sign-In')).toBe(
      'https://app.plex.tv/auth#?clientID=id-1&code=abc&context%5Bdevice%5D%5Bproduct%5D=Plex%20Sign-In',
    );
  });
});
