import { describe, expect, it } from 'vitest';
import { isPlexTv, resolveApiUrl, serviceHost } from './api-url';

describe('resolveApiUrl', () => {
  it('prefers the explicit URL, then PLEX_API_URL, then plex.tv', () => {
    expect(resolveApiUrl('http://127.0.0.1:1/api/v2/', { PLEX_API_URL: 'https://x/api/v2' })).toBe(
      'http://127.0.0.1:1/api/v2',
    );
    expect(resolveApiUrl(undefined, { PLEX_API_URL: 'https://x/api/v2' })).toBe('https://x/api/v2');
    expect(resolveApiUrl(undefined, {})).toBe('https://plex.tv/api/v2');
  });

  it('refuses what is not a plain http(s) URL, with a sentence saying so', () => {
    expect(() => resolveApiUrl('plex.tv', {})).toThrow(/not a valid URL/);
    expect(() => resolveApiUrl('ftp://plex.tv/api', {})).toThrow(/https:\/\//);
    expect(() => resolveApiUrl('https://u:p@plex.tv/api', {})).toThrow(/credentials/);
    // Never quoted back: the address could hold a secret.
    expect(() => resolveApiUrl('https://plex.tv/api?X-Plex-Token=secret-value', {})).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-value') as unknown }),
    );
  });

  it.each([
    'http://127.0.0.1:32400/api/v2',
    'http://127.8.9.10/api/v2',
    'http://[::1]:8080/api/v2',
    'http://localhost:3000/api/v2',
    'http://LOCALHOST/api/v2',
    'http://2130706433/api/v2', // 127.0.0.1 written as one number: the URL parser normalises it
  ])('allows plain http:// for a server on this computer: %s', (url) => {
    expect(resolveApiUrl(url, {})).toMatch(/^http:\/\//);
  });

  it.each([
    'http://plex.tv/api/v2',
    'http://192.168.1.20:32400/api/v2',
    'http://10.0.0.1/api/v2',
    'http://[::ffff:7f00:1]/api/v2', // loopback only in disguise: not one of the three we allow
    'http://127.0.0.1.nip.io/api/v2',
    'http://localhost.example.com/api/v2',
    'http://0.0.0.0/api/v2',
    'http://[::]/api/v2',
  ])('refuses plain http:// anywhere else, in one sentence saying why: %s', (url) => {
    let message = '';
    try {
      resolveApiUrl(url, {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/https:\/\//);
    expect(message).toMatch(/unencrypted|encrypted/);
    expect(message).toMatch(/^[A-Z].*\.$/); // one sentence:
    expect(message).not.toMatch(/\.\s/); // no full stop inside it
    expect(() => resolveApiUrl(undefined, { PLEX_API_URL: url })).toThrow(TypeError);
  });
});

describe('isPlexTv', () => {
  it('is true only for the https://plex.tv origin, whatever the path', () => {
    expect(isPlexTv('https://plex.tv/api/v2')).toBe(true);
    expect(isPlexTv('https://PLEX.tv/api/v2/')).toBe(true);
    expect(isPlexTv('http://plex.tv/api/v2')).toBe(false);
    expect(isPlexTv('https://plex.tv:8443/api/v2')).toBe(false);
    expect(isPlexTv('https://plex.tv.example.com/api/v2')).toBe(false);
    expect(isPlexTv('http://127.0.0.1:8080/api/v2')).toBe(false);
  });
});

describe('serviceHost', () => {
  it('names the service host, and says more than "plex.tv" for any other origin', () => {
    expect(serviceHost('https://plex.tv/api/v2')).toBe('plex.tv');
    expect(serviceHost('http://127.0.0.1:8080/api/v2')).toBe('127.0.0.1:8080');
    expect(serviceHost('http://plex.tv/api/v2')).toBe('http://plex.tv');
  });
});
