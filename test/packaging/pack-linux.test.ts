import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options } from '@electron/fuses';
import FpmTarget from 'app-builder-lib/out/targets/FpmTarget';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper';
import { type AfterPackContext, archFromString, build, type LinuxPackager, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELEASE_FUSES } from '../../build/fuses';
import { createBuilderConfig } from '../../electron-builder.config';
import { buildAppInto } from '../security/built-app';
import { DEFAULT_WIRE, readFuseWire, writeFakeElectronDist } from './fake-electron';

// The release config packed for real by electron-builder, offline: Linux, the unpacked
// `dir` target, with a stand-in Electron (no Electron binary can be downloaded here). It
// proves what the asar holds, that the afterPack hook flips the fuses in the packaged
// binary, and what electron-builder will write for the deb: the .desktop entry, the
// icon set and the AppArmor profile. Installers (deb, AppImage, dmg, nsis) need tools
// electron-builder downloads, so they are built only on a machine with internet.

const ROOT = path.resolve(__dirname, '../..');
const release = createBuilderConfig('release');
const ENTRY_FILES = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'];

interface Packed {
  appOutDir: string;
  executable: string;
  desktopEntry: string;
  icons: { file: string; size: number }[];
  afterInstall: string;
  appArmorProfile: string;
}

let work = '';
let packed: Packed;
const builderTmpDir = process.env['APP_BUILDER_TMP_DIR'];

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'plex-signin-pack-'));
  // electron-builder's own temporary files go under `work` too, instead of a t-* folder in
  // the system's that only its exit hook would remove.
  process.env['APP_BUILDER_TMP_DIR'] = work;
  // `npm run package` builds out/ first; here, if nobody has, build it the same way.
  if (!ENTRY_FILES.every((file) => existsSync(path.join(ROOT, file)))) buildAppInto(path.join(ROOT, 'out'));

  const hook = release.afterPack as (context: AfterPackContext) => Promise<void>;
  let captured: Packed | null = null;
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir', archFromString(process.arch)),
    publish: 'never',
    config: {
      ...release,
      electronDist: writeFakeElectronDist(path.join(work, 'electron')),
      electronVersion: '45.5.0',
      // The app's dependencies are plain JavaScript: nothing to rebuild, nothing to fetch.
      npmRebuild: false,
      directories: { ...release.directories, output: path.join(work, 'dist') },
      afterPack: async (context) => {
        await hook(context);
        // electron-builder's own code for what the deb target writes (its temp files live
        // only while the build runs, hence here).
        const packager = context.packager as LinuxPackager;
        const helper = new LinuxTargetHelper(packager);
        const deb = new FpmTarget('deb', packager, helper, context.outDir);
        const scripts = await (deb as unknown as { scriptFiles: Promise<Record<string, string>> }).scriptFiles;
        captured = {
          appOutDir: context.appOutDir,
          executable: packager.executableName,
          desktopEntry: await helper.computeDesktopEntry(
            (deb as unknown as { options: Parameters<LinuxTargetHelper['computeDesktopEntry']>[0] }).options,
          ),
          icons: (await helper.icons).map(({ file, size }) => ({ file, size })),
          afterInstall: readFileSync(scripts['afterInstall']!, 'utf8'),
          appArmorProfile: readFileSync(scripts['appArmor']!, 'utf8'),
        };
      },
    },
  });
  if (!captured) throw new Error('the afterPack hook did not run');
  packed = captured;
}, 240_000);

afterAll(() => {
  if (builderTmpDir === undefined) delete process.env['APP_BUILDER_TMP_DIR'];
  else process.env['APP_BUILDER_TMP_DIR'] = builderTmpDir;
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packed for Linux (dir)', () => {
  const asar = (): string => path.join(packed.appOutDir, 'resources', 'app.asar');

  it('holds the app in resources/app.asar, with no unpacked app folder beside it', () => {
    expect(existsSync(asar())).toBe(true);
    expect(existsSync(path.join(packed.appOutDir, 'resources', 'app'))).toBe(false);
    expect(packed.executable).toBe('plex-signin-desktop');
    expect(existsSync(path.join(packed.appOutDir, 'plex-signin-desktop'))).toBe(true);
  });

  it('packs only package.json and the built main, preload and renderer, without maps or the CLI', () => {
    const files = listPackage(asar(), { isPack: false })
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => !file.startsWith('/node_modules'));
    const stray = files.filter(
      (file) =>
        file !== '/package.json' &&
        !['/out', '/out/main', '/out/preload', '/out/renderer'].includes(file) &&
        !/^\/out\/(main|preload|renderer)\//.test(file),
    );
    expect(stray).toEqual([]);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const file of ENTRY_FILES) expect(files).toContain(`/${file}`);
  });

  it('brings the runtime dependencies main loads (axios, zod) and no development package', () => {
    const modules = new Set(
      listPackage(asar(), { isPack: false })
        .map((file) => file.split(path.sep).join('/'))
        .map((file) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1])
        .filter((name): name is string => Boolean(name)),
    );
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    for (const name of Object.keys(pkg.dependencies)) expect(modules, name).toContain(name);
    for (const name of Object.keys(pkg.devDependencies)) expect(modules.has(name), name).toBe(false);
  });

  it('ships a package.json that starts main and names the window after the desktop entry', () => {
    const meta = JSON.parse(extractFile(asar(), 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(meta['main']).toBe('out/main/index.js');
    expect(meta['productName']).toBe('Plex Sign-In');
    expect(meta['desktopName']).toBe('plex-signin-desktop.desktop');
  });

  it('has the release fuses flipped in the packaged Electron binary', () => {
    const wire = readFuseWire(readFileSync(path.join(packed.appOutDir, packed.executable))).split('');
    const expected = DEFAULT_WIRE.split('');
    for (const [name, on] of Object.entries(RELEASE_FUSES)) {
      expected[FuseV1Options[name as keyof typeof FuseV1Options]] = on ? '1' : '0';
    }
    expect(wire.join('')).toBe(expected.join(''));
    expect(wire[FuseV1Options.RunAsNode]).toBe('0');
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe('0');
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe('1');
  });
});

describe('what the deb installs', () => {
  const entry = (): Map<string, string> =>
    new Map(
      packed.desktopEntry
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as [string, string]),
    );

  it('a .desktop entry in the Utility category, with a comment, starting the installed app', () => {
    expect(packed.desktopEntry.startsWith('[Desktop Entry]\n')).toBe(true);
    const fields = entry();
    expect(fields.get('Categories')).toBe('Utility;');
    expect(fields.get('Comment')).toBe(release.linux?.description);
    expect(fields.get('Name')).toBe('Plex Sign-In');
    expect(fields.get('Type')).toBe('Application');
    expect(fields.get('Exec')).toBe('"/opt/Plex Sign-In/plex-signin-desktop" %U');
    expect(fields.get('Icon')).toBe('plex-signin-desktop');
    expect(fields.get('StartupWMClass')).toBe('plex-signin-desktop');
    expect(fields.get('Keywords')).toMatch(/;$/);
  });

  it('icons from build/icons at every size, up to 512', () => {
    const sizes = packed.icons.map((icon) => icon.size).sort((a, b) => a - b);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
    for (const icon of packed.icons) expect(icon.file).toContain(`${path.sep}build${path.sep}icons${path.sep}`);
  });

  it('an AppArmor profile for the installed executable, put in place by the install script', () => {
    expect(packed.appArmorProfile).toContain('profile "plex-signin-desktop" "/opt/Plex Sign-In/plex-signin-desktop"');
    expect(packed.appArmorProfile).toMatch(/^\s*userns,\s*$/m);
    expect(packed.afterInstall).toContain("APPARMOR_PROFILE_SOURCE='/opt/Plex Sign-In/resources/apparmor-profile'");
    expect(packed.afterInstall).toContain("APPARMOR_PROFILE_TARGET='/etc/apparmor.d/plex-signin-desktop'");
    expect(packed.afterInstall).toContain('apparmor_parser --replace');
  });
});
