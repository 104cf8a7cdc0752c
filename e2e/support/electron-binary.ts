import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Is there an Electron binary to drive? Answers the way `require('electron')` resolves
// the path (node_modules/electron/index.js), without its side effect: when the binary is
// missing, that require tries to download it from GitHub, which these machines cannot reach.

export type ElectronBinary = { available: true; path: string } | { available: false; reason: string };

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(__filename).resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';

  const overrideDir = env['ELECTRON_OVERRIDE_DIST_PATH']?.trim();
  if (overrideDir) {
    const binary = path.join(overrideDir, relative || 'electron');
    return existsSync(binary)
      ? { available: true, path: binary }
      : { available: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${binary} does not exist` };
  }
  if (!relative) {
    return {
      available: false,
      reason: `${path.join(packageDir, 'path.txt')} is missing, so require('electron') would fail ("Electron failed to install correctly"); set ELECTRON_OVERRIDE_DIST_PATH or install the binary with network access`,
    };
  }
  const binary = path.join(packageDir, 'dist', relative);
  return existsSync(binary)
    ? { available: true, path: binary }
    : { available: false, reason: `${binary} does not exist` };
}
