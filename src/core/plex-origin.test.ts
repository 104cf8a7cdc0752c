import { describe, expect, it } from 'vitest';
import { plexOrigin } from './plex-origin';

describe('plexOrigin', () => {
  it.each([
    ['https://plex.tv/api/v2', 'https://plex.tv'],
    ['https://plex.tv/api/v2/', 'https://plex.tv'],
    ['http://127.0.0.1:32999/api/v2', 'http://127.0.0.1:32999'],
    ['https://proxy.example.com/plex/api/v2', 'https://proxy.example.com/plex'],
    ['https://plex.tv', 'https://plex.tv'],
    ['https://plex.example.com/other', 'https://plex.example.com'],
  ])('%s → %s', (apiUrl, origin) => {
    expect(plexOrigin(apiUrl)).toBe(origin);
  });
});
