import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration, LinuxConfiguration, MacConfiguration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { BUILD_FLAVOUR_ENV, FLAVOUR_IDENTITY, resolveBuildFlavour } from '../../build/flavour';
import builderConfig, { APP_FILES, createBuilderConfig, MAC_ENTITLEMENTS } from '../../electron-builder.config';
import e2eBuilderConfig from '../../electron-builder.e2e.config';
import afterPackFuses from '../../scripts/after-pack-fuses';

// electron-builder's configuration, checked offline: what each platform builds, what goes
// into the app, the macOS signing settings, the Linux desktop entry and deb, and the hook
// that sets the fuses. (test/packaging/pack-linux.test.ts packs it for real.)

const ROOT = path.resolve(__dirname, '../..');
const release = createBuilderConfig('release');
const e2e = createBuilderConfig('e2e');
const mac = (config: Configuration): MacConfiguration => config.mac ?? {};
const linux = (config: Configuration): LinuxConfiguration => config.linux ?? {};

describe('electron-builder.config.ts', () => {
  it('is the release unless PLEX_SIGNIN_BUILD_FLAVOUR says e2e; any other value is refused', () => {
    expect(builderConfig).toEqual(release);
    expect(resolveBuildFlavour({})).toBe('release');
    expect(resolveBuildFlavour({ [BUILD_FLAVOUR_ENV]: ' ' })).toBe('release');
    expect(resolveBuildFlavour({ [BUILD_FLAVOUR_ENV]: 'e2e' })).toBe('e2e');
    expect(() => resolveBuildFlavour({ [BUILD_FLAVOUR_ENV]: 'E2E-ish' })).toThrow(/not a build flavour/);
  });

  it('has a second config file for the e2e build, for npm scripts', () => {
    expect(e2eBuilderConfig).toEqual(e2e);
  });

  it.each([
    ['electron-builder.config.ts', 'dev.plexsignin.app'],
    ['electron-builder.e2e.config.ts', 'dev.plexsignin.app.e2e'],
  ])('loads through electron-builder’s own config loader (%s)', async (file, appId) => {
    // What `electron-builder --config <file>` does: TypeScript through its loader (jiti).
    const loaded = await getConfig(ROOT, path.join(ROOT, file), null);
    expect(loaded.appId).toBe(appId);
    expect(typeof loaded.afterPack).toBe('function');
    // The loader normalises `files` to file sets.
    const files = ([loaded.files ?? []].flat() as (string | { filter?: string | string[] })[]).flatMap((set) =>
      typeof set === 'string' ? [set] : [set.filter ?? []].flat(),
    );
    expect(files).toEqual(APP_FILES);
  });

  it.each([
    ['release', release],
    ['e2e', e2e],
  ])('passes electron-builder’s own schema (%s)', async (_name, config) => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} } as never)).resolves.toBeUndefined();
  });

  it('names the release dev.plexsignin.app / Plex Sign-In', () => {
    expect(release.appId).toBe('dev.plexsignin.app');
    expect(release.productName).toBe('Plex Sign-In');
    expect(release.productName).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).productName);
    expect(release.extraMetadata).toEqual({ desktopName: 'plex-signin-desktop.desktop' });
    // The CLI is `plex-signin` (package.json bin); the desktop app's Linux command must differ.
    expect(linux(release).executableName).toBe('plex-signin-desktop');
    expect(release.directories).toEqual({ buildResources: 'build', output: 'dist/release' });
    expect(release.publish).toBeNull();
  });

  it('builds deb + AppImage on Linux, dmg + zip on macOS, nsis on Windows', () => {
    expect(linux(release).target).toEqual(['deb', 'AppImage']);
    expect(mac(release).target).toEqual(['dmg', 'zip']);
    expect(release.win?.target).toEqual(['nsis']);
  });

  it('makes the e2e build a different, unpacked, unsigned app that cannot pass for the release', () => {
    const id = FLAVOUR_IDENTITY.e2e;
    expect(e2e.appId).toBe('dev.plexsignin.app.e2e');
    expect(e2e.productName).toBe('Plex Sign-In E2E');
    for (const key of ['appId', 'productName', 'executableName', 'outputDir'] as const) {
      expect(id[key]).not.toBe(FLAVOUR_IDENTITY.release[key]);
    }
    // Its own name inside the app too: its own data folder and keychain entry.
    expect(e2e.extraMetadata).toEqual({
      desktopName: 'plex-signin-desktop-e2e.desktop',
      name: 'plex-signin-e2e',
      productName: 'Plex Sign-In E2E',
    });
    expect(linux(e2e).executableName).toBe('plex-signin-desktop-e2e');
    expect(e2e.directories?.output).toBe('dist/e2e');
    expect([linux(e2e).target, mac(e2e).target, e2e.win?.target]).toEqual([['dir'], ['dir'], ['dir']]);
    expect(mac(e2e).identity).toBeNull();
    expect(mac(e2e).notarize).toBe(false);
    expect(mac(release).identity).toBeUndefined();
  });

  it('packs into an asar, with the fuses set by the afterPack hook and by nothing else', () => {
    for (const config of [release, e2e]) {
      expect(config.asar).toBe(true);
      expect(config.afterPack).toBe(afterPackFuses);
      // electron-builder's built-in fuse option would flip them a second time, differently.
      expect(config.electronFuses).toBeUndefined();
      expect(config.afterSign ?? null).toBeNull();
    }
  });
});

describe('files', () => {
  // electron-builder's own matcher, as it filters the app folder (production node_modules
  // are collected separately and are checked by the pack test).
  const filter = new FileMatcher(ROOT, '/app', (pattern) => pattern, [...APP_FILES]).createFilter();
  const stat = { isDirectory: () => false } as never;
  const packed = (file: string): boolean => filter(path.join(ROOT, file), stat);

  it('lists only the built main, preload and renderer, and package.json, without source maps', () => {
    expect(release.files).toEqual(APP_FILES);
    expect(e2e.files).toEqual(APP_FILES);
  });

  it.each([
    'out/main/index.js',
    'out/preload/index.js',
    'out/renderer/index.html',
    'out/renderer/favicon.svg',
    'out/renderer/assets/index-D4xUIz2O.js',
    'out/renderer/assets/index-DSOsMjYq.css',
    'package.json',
  ])('packs %s', (file) => {
    expect(packed(file)).toBe(true);
  });

  it.each([
    'out/main/index.js.map',
    'out/preload/index.js.map',
    'out/renderer/assets/index-D4xUIz2O.js.map',
    'out/cli/plex-signin.cjs',
    'src/main/electron/index.ts',
    'src/preload/index.ts',
    'src/renderer/index.html',
    'src/shared/ipc-contract.ts',
    'src/core/plex-client.ts',
    'src/main/node/app-core.test.ts',
    'test/integration/cli.test.ts',
    'test/packaging/builder-config.test.ts',
    'e2e/specs/sign-in.spec.ts',
    'testing/fake-plex/start.ts',
    'docs/screenshot-sign-in.png',
    'README.md',
    'build/icon.png',
    'build/entitlements.mac.plist',
    'scripts/make-icons.mjs',
    'bench/cli-signin.bench.mts',
    'electron-builder.config.ts',
    'electron.vite.config.ts',
    'tsconfig.json',
    'package-lock.json',
    '.env',
    '.ci/run',
    'dist/release/latest.yml',
    'coverage/index.html',
    'test-results/vitest.json',
  ])('leaves out %s', (file) => {
    expect(packed(file)).toBe(false);
  });
});

describe('macOS', () => {
  it('signs with the hardened runtime and the repository’s entitlements, for the app and its helpers', () => {
    expect(mac(release).hardenedRuntime).toBe(true);
    expect(mac(release).entitlements).toBe(MAC_ENTITLEMENTS);
    expect(mac(release).entitlementsInherit).toBe(MAC_ENTITLEMENTS);
    expect(existsSync(path.join(ROOT, MAC_ENTITLEMENTS))).toBe(true);
  });

  it('grants only allow-jit: no unsigned executable memory, no library-validation bypass, no devices', () => {
    const plist = readFileSync(path.join(ROOT, MAC_ENTITLEMENTS), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const entries = [...plist.matchAll(/<key>\s*([^<]+?)\s*<\/key>\s*<(true|false)\s*\/>/g)].map(([, key, value]) => [
      key,
      value,
    ]);
    expect(entries).toEqual([['com.apple.security.cs.allow-jit', 'true']]);
    // Nothing else hides in the dict (a string, an array).
    expect(plist.match(/<key>/g)).toHaveLength(1);
  });
});

describe('Linux', () => {
  it('gives the desktop entry a Utility category and a comment, leaving Exec to electron-builder', () => {
    expect(linux(release).category).toBe('Utility');
    // electron-builder writes the description as the entry's Comment.
    expect(linux(release).description).toMatch(/^\S.{10,80}$/);
    const entry = linux(release).desktop?.entry ?? {};
    for (const key of ['Exec', 'Categories', 'Comment', 'Name', 'Icon']) expect(entry[key]).toBeUndefined();
  });

  it('keeps electron-builder’s deb scripts, which install the AppArmor profile Ubuntu 24.04+ needs', () => {
    for (const config of [release, e2e]) {
      for (const options of [config.linux, config.deb] as Record<string, unknown>[]) {
        for (const key of ['afterInstall', 'afterRemove', 'appArmorProfile']) expect(options?.[key]).toBeUndefined();
        const fpm = (options?.['fpm'] as string[] | undefined) ?? [];
        expect(fpm.filter((arg) => /after-(install|remove)/.test(arg))).toEqual([]);
      }
    }
  });

  it('has what electron-builder requires of a deb: a homepage and a maintainer e-mail', () => {
    // FpmTarget refuses to build without them ("Please specify project homepage",
    // "Please specify author 'email'"). They come from package.json or the config.
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      homepage?: string;
      author?: string | { email?: string };
    };
    const homepage = (release.extraMetadata as { homepage?: string }).homepage ?? pkg.homepage;
    const authorEmail = typeof pkg.author === 'string' ? /<[^>]+@[^>]+>/.test(pkg.author) : Boolean(pkg.author?.email);
    expect(homepage ?? '', 'package.json needs "homepage"').toMatch(/^https:\/\//);
    expect(Boolean(linux(release).maintainer) || authorEmail, 'package.json needs "author" with an "email"').toBe(true);
  });
});

describe('icons in the config', () => {
  it('point at the committed files', () => {
    expect(mac(release).icon).toBe('build/icon.icns');
    expect(release.win?.icon).toBe('build/icon.ico');
    expect(linux(release).icon).toBe('build/icons');
    for (const file of ['build/icon.icns', 'build/icon.ico', 'build/icon.png']) {
      expect(statSync(path.join(ROOT, file)).size, file).toBeGreaterThan(1000);
    }
    expect(statSync(path.join(ROOT, 'build/icons')).isDirectory()).toBe(true);
  });
});
