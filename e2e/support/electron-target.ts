import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { findElectronBinary } from './electron-binary';

// What the electron project launches:
// - E2E_APP_PATH set: the `npm run package:e2e` build ("Plex Sign-In E2E", build/flavour.ts),
//   the executable inside the unpacked app (`npx tsx scripts/e2e-app-path.ts` prints it
//   for this machine), or on macOS its .app bundle. The packaged app loads its own
//   app.asar, so no entry script is passed.
// - otherwise: the built out/ (`npx electron-vite build`) under the Electron binary of
//   node_modules/electron, when there is one.
// Anything else is "unavailable", with the reason the skipped test reports.

export const E2E_APP_PATH_ENV = 'E2E_APP_PATH';
export const MAIN_ENTRY = path.resolve(__dirname, '../../out/main/index.js');

export interface ElectronLaunchTarget {
  executablePath: string;
  /** The script Electron runs (the built out/main/index.js); null for the packaged app. */
  mainEntry: string | null;
  /** For the report: what runs. */
  description: string;
}

export type ElectronTarget = ({ available: true } & ElectronLaunchTarget) | { available: false; reason: string };

export function findElectronTarget(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): ElectronTarget {
  const appPath = env[E2E_APP_PATH_ENV]?.trim();
  if (appPath) {
    const executable = packagedExecutable(path.resolve(appPath), platform);
    if (!existsSync(executable) || !statSync(executable).isFile()) {
      return {
        available: false,
        reason: `${E2E_APP_PATH_ENV}=${appPath} names no executable (${executable} does not exist); build it with \`npm run package:e2e\` and point ${E2E_APP_PATH_ENV} at the output of \`npx tsx scripts/e2e-app-path.ts\``,
      };
    }
    return {
      available: true,
      executablePath: executable,
      mainEntry: null,
      description: `the package:e2e build at ${executable}`,
    };
  }
  const binary = findElectronBinary(env);
  if (!binary.available) {
    return { available: false, reason: `${binary.reason} (or set ${E2E_APP_PATH_ENV} to a package:e2e build)` };
  }
  return {
    available: true,
    executablePath: binary.path,
    mainEntry: MAIN_ENTRY,
    description: `out/main/index.js under ${binary.path}`,
  };
}

/** A macOS .app bundle stands for the executable inside it (electron-builder names it after the bundle). */
export function packagedExecutable(appPath: string, platform: NodeJS.Platform): string {
  if (platform === 'darwin' && appPath.endsWith('.app')) {
    return path.join(appPath, 'Contents', 'MacOS', path.basename(appPath, '.app'));
  }
  return appPath;
}
