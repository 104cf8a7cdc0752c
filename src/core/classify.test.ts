import { describe, expect, it } from 'vitest';
import { classifyStatus, isNetworkFailure, plexErrorCode } from './classify';

const ctx = { host: 'plex.tv', timeoutSeconds: 30 };
const body = (code: number) => ({ errors: [{ code, message: 'anything at all', status: 401 }] });

describe('classifyStatus', () => {
  it.each([
    [1001, 'invalid-credentials'],
    [1029, 'verification-required'],
    [1028, 'invalid-verification-code'],
    [1031, 'locked-out'],
    [9999, 'invalid-credentials'],
  ])('maps a sign-in 401 with code %i to %s', (code, kind) => {
    const info = classifyStatus('signin', 401, body(code), undefined, ctx);
    expect(info).toMatchObject({ kind, status: 401, code });
  });

  it('decides on the code, never on the message text', () => {
    const reworded = { errors: [{ code: 1029, message: 'User could not be authenticated', status: 401 }] };
    expect(classifyStatus('signin', 401, reworded, undefined, ctx).kind).toBe('verification-required');
  });

  it('treats any 401 on a token call as a dead token, and 498 as expired', () => {
    expect(classifyStatus('token', 401, body(1001), undefined, ctx).kind).toBe('token-invalid');
    expect(classifyStatus('token', 401, undefined, undefined, ctx).kind).toBe('token-invalid');
    expect(classifyStatus('token', 498, undefined, undefined, ctx).kind).toBe('token-expired');
  });

  it('reports rate limits and outages with the wait plex.tv asked for', () => {
    const limited = classifyStatus('signin', 429, undefined, 120, ctx);
    expect(limited).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 120 });
    expect(limited.message).toContain('2 minutes');
    expect(classifyStatus('token', 503, undefined, 5, ctx)).toMatchObject({
      kind: 'unavailable',
      retryAfterSeconds: 5,
    });
    expect(classifyStatus('token', 500, undefined, undefined, ctx).kind).toBe('unavailable');
  });

  it('calls any other status unexpected', () => {
    for (const status of [302, 400, 403, 404, 418]) {
      expect(classifyStatus('signin', status, undefined, undefined, ctx).kind).toBe('unexpected-response');
    }
  });

  it('names a server other than plex.tv in its messages', () => {
    const info = classifyStatus('token', 502, undefined, undefined, { host: '127.0.0.1:9', timeoutSeconds: 30 });
    expect(info.message).toContain('127.0.0.1:9');
  });

  it('writes every message as one sentence that ends with a full stop', () => {
    for (const [status, code] of [
      [401, 1001],
      [401, 1029],
      [401, 1028],
      [401, 1031],
      [429, 0],
      [503, 0],
      [400, 0],
    ] as const) {
      const { message } = classifyStatus('signin', status, body(code), undefined, ctx);
      expect(message).toMatch(/^[A-Zp].*[^.]\.$/);
      expect(message.split('. ')).toHaveLength(1);
    }
  });
});

describe('plexErrorCode', () => {
  it('reads the first numeric code and nothing else', () => {
    expect(plexErrorCode(body(1029))).toBe(1029);
    expect(plexErrorCode({ errors: [] })).toBeUndefined();
    expect(plexErrorCode({ errors: [{ code: '1029' }] })).toBeUndefined();
    expect(plexErrorCode('<errors/>')).toBeUndefined();
  });
});

describe('isNetworkFailure', () => {
  it('recognises Node and fetch transport failures, also as causes', () => {
    expect(isNetworkFailure(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isNetworkFailure(Object.assign(new Error('x'), { code: 'ENOTFOUND' }))).toBe(true);
    expect(isNetworkFailure(new TypeError('fetch failed'))).toBe(true);
    expect(
      isNetworkFailure(new Error('outer', { cause: Object.assign(new Error('inner'), { code: 'ECONNRESET' }) })),
    ).toBe(true);
    expect(isNetworkFailure(new Error('something else'))).toBe(false);
  });

  it("recognises Electron's net.fetch errors (plain Errors named after Chromium's), also as axios's cause", () => {
    for (const name of [
      'INTERNET_DISCONNECTED',
      'NAME_NOT_RESOLVED',
      'CONNECTION_REFUSED',
      'CONNECTION_RESET',
      'CONNECTION_TIMED_OUT',
      'ADDRESS_UNREACHABLE',
      'NETWORK_CHANGED',
      'PROXY_CONNECTION_FAILED',
    ]) {
      expect(isNetworkFailure(new Error(`net::ERR_${name}`)), name).toBe(true);
      expect(isNetworkFailure(new Error('wrapped', { cause: new Error(`net::ERR_${name}`) })), name).toBe(true);
    }
    // A certificate problem is something in the way, not a missing network.
    expect(isNetworkFailure(new Error('net::ERR_CERT_AUTHORITY_INVALID'))).toBe(false);
    expect(isNetworkFailure(new Error('see net::ERR_CONNECTION_REFUSED'))).toBe(false);
  });
});
