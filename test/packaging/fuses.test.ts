import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as electronFuses from '@electron/fuses';
import { Arch } from 'electron-builder';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLAVOUR_IDENTITY } from '../../build/flavour';
import { E2E_FUSES, fusesFor, RELEASE_FUSES } from '../../build/fuses';
import afterPackFuses, {
  electronBinaryPath,
  type FuseHookContext,
  needsAdHocResign,
  toFuseConfig,
} from '../../scripts/after-pack-fuses';
import { DEFAULT_WIRE, fakeElectronBinary, readFuseWire } from './fake-electron';

// The fuses (build/fuses.ts) and the afterPack hook that applies them
// (scripts/after-pack-fuses.ts), run on a stand-in Electron binary.

const { FuseV1Options, FuseVersion } = electronFuses;
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Wire positions (FuseV1Options) → '0'/'1' for the settings, DEFAULT_WIRE elsewhere. */
function expectedWire(settings: Record<string, boolean | undefined>): string {
  const wire = DEFAULT_WIRE.split('');
  for (const [name, on] of Object.entries(settings)) {
    wire[FuseV1Options[name as keyof typeof FuseV1Options]] = on ? '1' : '0';
  }
  return wire.join('');
}

function linuxContext(appId: string, wire?: string): { context: FuseHookContext; binary: string } {
  const appOutDir = mkdtempSync(path.join(os.tmpdir(), 'plex-signin-fuses-'));
  made.push(appOutDir);
  const binary = path.join(appOutDir, 'plex-signin-desktop');
  writeFileSync(binary, fakeElectronBinary(wire));
  return {
    binary,
    context: {
      appOutDir,
      electronPlatformName: 'linux',
      arch: Arch.x64,
      packager: { appInfo: { id: appId, productFilename: 'Plex Sign-In' }, executableName: 'plex-signin-desktop' },
    },
  };
}

describe('build/fuses.ts', () => {
  it('sets exactly these seven fuses for the release', () => {
    expect(RELEASE_FUSES).toStrictEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
    expect(fusesFor('release')).toBe(RELEASE_FUSES);
  });

  it('differs for the e2e flavour in the inspect fuse only', () => {
    expect(fusesFor('e2e')).toBe(E2E_FUSES);
    const differing = Object.keys({ ...RELEASE_FUSES, ...E2E_FUSES }).filter(
      (name) => RELEASE_FUSES[name as keyof typeof RELEASE_FUSES] !== E2E_FUSES[name as keyof typeof E2E_FUSES],
    );
    expect(differing).toEqual(['EnableNodeCliInspectArguments']);
    expect(E2E_FUSES.EnableNodeCliInspectArguments).toBe(true);
  });

  it('names only fuses @electron/fuses knows, so the wire positions are right', () => {
    for (const name of Object.keys(E2E_FUSES)) expect(FuseV1Options).toHaveProperty(name);
  });
});

describe('scripts/after-pack-fuses.ts', () => {
  beforeEach(() => {
    // The hook reports what it set, as electron-builder's log lines do; not needed here.
    vi.spyOn(console, 'log').mockImplementation(() => {});
  });

  it('turns the settings into the @electron/fuses config, nothing more', () => {
    expect(toFuseConfig(RELEASE_FUSES, electronFuses, false)).toStrictEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('finds the Electron binary on each platform, as electron-builder lays it out', () => {
    const packager = { appInfo: { id: 'x', productFilename: 'Plex Sign-In' }, executableName: 'plex-signin-desktop' };
    const at = (electronPlatformName: string) =>
      electronBinaryPath({ appOutDir: '/out', electronPlatformName, arch: Arch.x64, packager });
    expect(at('linux')).toBe(path.join('/out', 'plex-signin-desktop'));
    expect(at('win32')).toBe(path.join('/out', 'Plex Sign-In.exe'));
    expect(at('darwin')).toBe(path.join('/out', 'Plex Sign-In.app'));
    expect(() => at('plan9')).toThrow(/No fuses/);
  });

  it('re-signs ad hoc on Apple silicon only', () => {
    expect(needsAdHocResign({ electronPlatformName: 'darwin', arch: Arch.arm64 })).toBe(true);
    expect(needsAdHocResign({ electronPlatformName: 'darwin', arch: Arch.universal })).toBe(true);
    expect(needsAdHocResign({ electronPlatformName: 'darwin', arch: Arch.x64 })).toBe(false);
    expect(needsAdHocResign({ electronPlatformName: 'linux', arch: Arch.arm64 })).toBe(false);
  });

  it('flips the release fuses in the release app', async () => {
    const { context, binary } = linuxContext(FLAVOUR_IDENTITY.release.appId);
    await afterPackFuses(context);
    const wire = readFuseWire(readFileSync(binary));
    expect(wire).toBe(expectedWire(RELEASE_FUSES));
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe('0');
    // The page comes from app://, so file:// keeps no extra privileges.
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe('0');
  });

  it('flips the e2e fuses, inspect on, in the e2e app only', async () => {
    const { context, binary } = linuxContext(FLAVOUR_IDENTITY.e2e.appId);
    await afterPackFuses(context);
    const wire = readFuseWire(readFileSync(binary));
    expect(wire).toBe(expectedWire(E2E_FUSES));
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe('1');
  });

  it('refuses an app that is neither flavour, and a binary whose wire lacks the fuses', async () => {
    await expect(afterPackFuses(linuxContext('com.example.other').context)).rejects.toThrow(/not the app id/);
    // An Electron too old for some of the fuses: fail the build rather than ship without them.
    const short = linuxContext(FLAVOUR_IDENTITY.release.appId, '1011');
    await expect(afterPackFuses(short.context)).rejects.toThrow(/not long enough|not set/);
  });
});
