import { describe, expect, it } from 'vitest';
import { userCacheDir, userConfigDir } from './config-dir';

describe('userConfigDir', () => {
  it('follows XDG on Linux and ignores a relative XDG_CONFIG_HOME', () => {
    expect(userConfigDir('app', { XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/u')).toBe('/x/cfg/app');
    expect(userConfigDir('app', {}, 'linux', '/home/u')).toBe('/home/u/.config/app');
    expect(userConfigDir('app', { XDG_CONFIG_HOME: 'rel' }, 'linux', '/home/u')).toBe('/home/u/.config/app');
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(userConfigDir('app', {}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/app');
    expect(userConfigDir('app', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\app',
    );
    expect(userConfigDir('app', {}, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Roaming\\app');
  });
});

describe('userCacheDir', () => {
  it('follows XDG on Linux and the platform convention elsewhere', () => {
    expect(userCacheDir('app', { XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u')).toBe('/x/cache/app');
    expect(userCacheDir('app', {}, 'linux', '/home/u')).toBe('/home/u/.cache/app');
    expect(userCacheDir('app', {}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/app');
    expect(userCacheDir('app', { LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\Users\\u')).toBe('C:\\L\\app\\Cache');
  });
});
