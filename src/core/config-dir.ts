import os from 'node:os';
import path from 'node:path';

/**
 * The per-user configuration folder for `appName`: $XDG_CONFIG_HOME (or ~/.config) on
 * Linux, ~/Library/Application Support on macOS, %APPDATA% on Windows.
 */
export function userConfigDir(
  appName: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), appName);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', appName);
  }
  // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config');
  return path.posix.join(base, appName);
}

/**
 * The per-user cache folder for `appName` (safe to delete at any time): $XDG_CACHE_HOME
 * (or ~/.cache) on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA%\<app>\Cache on Windows.
 */
export function userCacheDir(
  appName: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), appName, 'Cache');
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Caches', appName);
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.cache');
  return path.posix.join(base, appName);
}
