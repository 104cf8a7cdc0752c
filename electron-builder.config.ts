import type { Configuration } from 'electron-builder';
import { type BuildFlavour, FLAVOUR_IDENTITY, resolveBuildFlavour } from './build/flavour';
import afterPackFuses from './scripts/after-pack-fuses';

// electron-builder's configuration (`electron-builder --config electron-builder.config.ts`,
// loaded through electron-builder's own TypeScript loader). The release is the default;
// PLEX_SIGNIN_BUILD_FLAVOUR=e2e gives the e2e build (see build/flavour.ts). Offline checks
// of everything here: test/packaging.

/** What goes into app.asar, relative to the project. Production node_modules are added by electron-builder. */
export const APP_FILES: readonly string[] = [
  // main, preload and renderer as electron-vite builds them. Not out/cli: the CLI ships
  // through npm, and inside the asar it could not run (the RunAsNode fuse is off).
  'out/main/**',
  'out/preload/**',
  'out/renderer/**',
  'package.json',
  '!**/*.map',
];

/** Hardened-runtime entitlements, for the app and every helper (see the file for why each). */
export const MAC_ENTITLEMENTS = 'build/entitlements.mac.plist';

export function createBuilderConfig(flavour: BuildFlavour): Configuration {
  const id = FLAVOUR_IDENTITY[flavour];
  const release = flavour === 'release';
  // The e2e build is an unpacked folder, never an installer: nothing in it can be shipped.
  const only = <const T extends string>(targets: T[]): (T | 'dir')[] => (release ? targets : ['dir']);

  return {
    appId: id.appId,
    productName: id.productName,
    directories: { buildResources: 'build', output: id.outputDir },
    files: [...APP_FILES],
    extraMetadata: {
      // Electron names the window's app_id / WM_CLASS after desktopName, and the data
      // folder and keychain entry after productName: the e2e app gets its own of each.
      desktopName: `${id.executableName}.desktop`,
      ...(release ? {} : { name: 'plex-signin-e2e', productName: id.productName }),
    },
    // The fuses need it (OnlyLoadAppFromAsar, EnableEmbeddedAsarIntegrityValidation).
    asar: true,
    afterPack: afterPackFuses,
    // No auto-update and nothing uploaded: artifacts stay in the output folder.
    publish: null,

    mac: {
      target: only(['dmg', 'zip']),
      category: 'public.app-category.utilities',
      icon: 'build/icon.icns',
      hardenedRuntime: true,
      entitlements: MAC_ENTITLEMENTS,
      // Without this electron-builder signs the helpers with its own, broader template.
      entitlementsInherit: MAC_ENTITLEMENTS,
      gatekeeperAssess: false,
      darkModeSupport: true,
      // The e2e build is never signed (null: do not even look for an identity) or notarized.
      ...(release ? {} : { identity: null, notarize: false }),
    },

    win: {
      target: only(['nsis']),
      icon: 'build/icon.ico',
    },
    // electron-builder's default NSIS installer: one click, per user, no administrator rights.

    linux: {
      // deb first: its install script puts the AppArmor profile in place that Ubuntu 24.04+
      // needs for Electron's sandbox. Keep electron-builder's own deb scripts (no custom
      // afterInstall/afterRemove/appArmorProfile) or that profile is lost.
      target: only(['deb', 'AppImage']),
      executableName: id.executableName,
      icon: 'build/icons',
      category: 'Utility',
      synopsis: 'Get your Plex token and keep it safe',
      // Also the .desktop entry's Comment.
      description: 'Sign in to Plex, two-factor included, and keep your Plex token safe',
      desktop: { entry: { Keywords: 'Plex;token;X-Plex-Token;sign in;two-factor;' } },
      syncDesktopName: true,
    },
    deb: { packageCategory: 'utils' },
  };
}

export default createBuilderConfig(resolveBuildFlavour(process.env));
