import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { FLAVOUR_IDENTITY } from '../build/flavour';

// `npx tsx scripts/e2e-app-path.ts`: prints the executable of the `npm run package:e2e`
// build on this machine, for E2E_APP_PATH (the electron project of playwright.config.ts
// then launches it instead of out/ under the Electron binary). electron-builder writes the
// unpacked app into a folder per platform and architecture under dist/e2e (linux-unpacked,
// win-unpacked, mac-arm64, …): each is searched for the executable of this platform,
// named after build/flavour.ts; the newest wins. Exits 1, saying why, when there is none.

/** The executable inside one unpacked-app folder electron-builder made for `platform`. */
export function executableIn(folder: string, platform: NodeJS.Platform): string {
  const id = FLAVOUR_IDENTITY.e2e;
  switch (platform) {
    case 'darwin':
      return path.join(folder, `${id.productName}.app`, 'Contents', 'MacOS', id.productName);
    case 'win32':
      return path.join(folder, `${id.productName}.exe`);
    default:
      return path.join(folder, id.executableName);
  }
}

/** The newest e2e executable under `root`'s dist/e2e for `platform`, or null. */
export function findE2eExecutable(root: string, platform: NodeJS.Platform = process.platform): string | null {
  const outputDir = path.join(root, FLAVOUR_IDENTITY.e2e.outputDir);
  if (!existsSync(outputDir)) return null;
  const found = readdirSync(outputDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => executableIn(path.join(outputDir, entry.name), platform))
    .filter((file) => existsSync(file) && statSync(file).isFile())
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return found[0] ?? null;
}

// Run by tsx (CommonJS here: the package has no "type"), not when a test imports it.
const invokedDirectly = typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module;
if (invokedDirectly) {
  const root = path.resolve(__dirname, '..');
  const executable = findE2eExecutable(root);
  if (!executable) {
    console.error(
      `No package:e2e build under ${path.join(root, FLAVOUR_IDENTITY.e2e.outputDir)}: run \`npm run package:e2e\` first.`,
    );
    process.exit(1);
  }
  console.log(executable);
}
