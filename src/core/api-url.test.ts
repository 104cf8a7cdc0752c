import { describe, expect, it } from 'vitest';
import { resolveApiUrl, serviceHost } from './api-url';

describe('resolveApiUrl', () => {
  it('prefers the explicit URL, then PLEX_API_URL, then plex.tv', () => {
    expect(resolveApiUrl('http://127.0.0.1:1/api/v2/', { PLEX_API_URL: 'http://x/api/v2' })).toBe(
      'http://127.0.0.1:1/api/v2',
    );
    expect(resolveApiUrl(undefined, { PLEX_API_URL: 'http://x/api/v2' })).toBe('http://x/api/v2');
    expect(resolveApiUrl(undefined, {})).toBe('https://plex.tv/api/v2');
  });

  it('refuses what is not a plain http(s) URL, with a sentence saying so', () => {
    expect(() => resolveApiUrl('plex.tv', {})).toThrow(/not a valid URL/);
    expect(() => resolveApiUrl('ftp://plex.tv/api', {})).toThrow(/http:\/\/ or https:\/\//);
    expect(() => resolveApiUrl('https://u:p@plex.tv/api', {})).toThrow(/credentials/);
    // Never quoted back: the address could hold a secret.
    expect(() => resolveApiUrl('https://plex.tv/api?X-Plex-Token=secret-value', {})).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-value') as unknown }),
    );
  });

  it('names the service host', () => {
    expect(serviceHost('https://plex.tv/api/v2')).toBe('plex.tv');
    expect(serviceHost('http://127.0.0.1:8080/api/v2')).toBe('127.0.0.1:8080');
  });
});
