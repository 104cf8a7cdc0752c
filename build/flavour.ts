// The two things `electron-builder` can make from this repository. The release is the
// default and the only one with installers; the e2e flavour exists because Playwright's
// Electron driver starts the app with --inspect, which the release's fuses forbid. It is
// a different app as far as the OS can tell (its own app id, name, executable, data
// folder and keychain entry), built as an unpacked folder only, never signed, into its
// own output folder: it cannot be mistaken for, or shipped as, the release.
// No imports: the builder config, the afterPack hook and the tests all load this.

export const BUILD_FLAVOURS = ['release', 'e2e'] as const;
export type BuildFlavour = (typeof BUILD_FLAVOURS)[number];

/** The environment variable that picks the flavour; unset or empty means release. */
export const BUILD_FLAVOUR_ENV = 'PLEX_SIGNIN_BUILD_FLAVOUR';

export interface FlavourIdentity {
  /** CFBundleIdentifier, the Windows AppUserModelID, the Linux package's identity. */
  readonly appId: string;
  readonly productName: string;
  /** The Linux executable, its /usr/bin link, icon name and AppArmor profile name. */
  readonly executableName: string;
  /** Where electron-builder writes, relative to the project. */
  readonly outputDir: string;
}

export const FLAVOUR_IDENTITY: { readonly [F in BuildFlavour]: FlavourIdentity } = {
  release: {
    appId: 'dev.plexsignin.app',
    productName: 'Plex Sign-In',
    // Not "plex-signin": that is the CLI's name (package.json "bin").
    executableName: 'plex-signin-desktop',
    outputDir: 'dist/release',
  },
  e2e: {
    appId: 'dev.plexsignin.app.e2e',
    productName: 'Plex Sign-In E2E',
    executableName: 'plex-signin-desktop-e2e',
    outputDir: 'dist/e2e',
  },
};

export function isBuildFlavour(value: string): value is BuildFlavour {
  return (BUILD_FLAVOURS as readonly string[]).includes(value);
}

/** The flavour the environment asks for. An unknown name is an error, never a release. */
export function resolveBuildFlavour(env: Readonly<Record<string, string | undefined>>): BuildFlavour {
  const raw = env[BUILD_FLAVOUR_ENV]?.trim() ?? '';
  if (raw === '') return 'release';
  if (isBuildFlavour(raw)) return raw;
  throw new Error(`${BUILD_FLAVOUR_ENV}=${raw} is not a build flavour; use one of: ${BUILD_FLAVOURS.join(', ')}.`);
}

/** Which flavour a package with this app id is; throws for an app id that is neither. */
export function flavourOfAppId(appId: string): BuildFlavour {
  for (const flavour of BUILD_FLAVOURS) if (FLAVOUR_IDENTITY[flavour].appId === appId) return flavour;
  throw new Error(`"${appId}" is not the app id of any build flavour of Plex Sign-In.`);
}
