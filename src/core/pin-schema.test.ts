import { describe, expect, it } from 'vitest';
import pinApproved from './fixtures/pin-approved.json';
import pinCreated from './fixtures/pin-created.json';
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

  it('refuses a PIN whose token is not printable ASCII without spaces, or is too long', () => {
    const pin = { id: 1, code: 'ABCD', expiresIn: 900 };
    expect(parsePin({ ...pin, authToken: 'eyJ.a-b_c~d' }, now)?.authToken).toBe('eyJ.a-b_c~d');
    expect(parsePin({ ...pin, authToken: '' }, now)?.authToken).toBeNull(); // not approved yet
    for (const authToken of ['abc\r\nX-Injected: 1', 'a b', '\u001b[2J', 'tökén', 'T'.repeat(4097)]) {
      expect(parsePin({ ...pin, authToken }, now)).toBeNull();
    }
  });

  it('refuses a body without an id, a code or any expiry', () => {
    expect(parsePin({ code: 'ABCD', expiresIn: 900 }, now)).toBeNull();
    expect(parsePin({ id: 1, expiresIn: 900 }, now)).toBeNull();
    expect(parsePin({ id: 1, code: 'ABCD' }, now)).toBeNull();
    expect(parsePin('<html/>', now)).toBeNull();
  });
});

describe('parsePin on answers shaped like recorded plex.tv ones (src/core/fixtures)', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads a new strong PIN with its location and newRegistration: null', () => {
    expect(pinCreated.location).toBeTypeOf('object');
    expect(parsePin(pinCreated, now)).toEqual({
      id: 7_390_000_123,
      code: 'abcdefghijklmnopqrstuvwxy',
      expiresAt: '2026-01-01T00:30:00.000Z',
      authToken: null,
    });
  });

  it('reads an approved short PIN, its lifetime counted down', () => {
    expect(parsePin(pinApproved, now)).toEqual({
      id: 7_390_000_124,
      code: 'AB3D',
      expiresAt: '2026-01-01T00:10:12.000Z',
      authToken: 'FAKE-TOKEN-c',
    });
  });
});

describe('browserAuthUrl', () => {
  it('puts the client identifier, code and product in the fragment, encoded', () => {
    expect(browserAuthUrl('id-1', 'abc', 'Plex Sign-In')).toBe(
      'https://app.plex.tv/auth#?clientID=id-1&code=abc&context%5Bdevice%5D%5Bproduct%5D=Plex%20Sign-In',
    );
  });
});
