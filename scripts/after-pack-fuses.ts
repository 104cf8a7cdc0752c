import path from 'node:path';
import type * as ElectronFuses from '@electron/fuses';
import type { FuseConfig } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { flavourOfAppId } from '../build/flavour';
import { type FuseName, fusesFor, type FuseSettings } from '../build/fuses';

// electron-builder's afterPack hook (wired in electron-builder.config.ts): flips the
// Electron fuses of build/fuses.ts in the packaged Electron binary. afterPack runs after
// the app is copied and before code signing, so the signature covers the flipped binary.
// The flavour is read from the package being built (its app id), not from the
// environment, so the e2e fuses can only ever land in the e2e app.

/** The part of electron-builder's AfterPackContext this hook reads. */
export interface FuseHookContext {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly arch: Arch;
  readonly packager: {
    readonly appInfo: { readonly id: string; readonly productFilename: string };
    /** Linux only: the executable's name (linux.executableName). */
    readonly executableName?: string;
  };
}

type FusesModule = typeof ElectronFuses;

/** The Electron binary electron-builder produced, where @electron/fuses expects it. */
export function electronBinaryPath(context: FuseHookContext): string {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      // @electron/fuses finds the Electron Framework inside the bundle.
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      if (!packager.executableName) throw new Error('The Linux packager has no executableName.');
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`No fuses for platform "${electronPlatformName}".`);
  }
}

/** The @electron/fuses configuration for these settings: only the fuses named are set. */
export function toFuseConfig(
  settings: FuseSettings,
  fuses: Pick<FusesModule, 'FuseV1Options' | 'FuseVersion'>,
  resetAdHocDarwinSignature: boolean,
): FuseConfig {
  const config: Record<string, unknown> = { version: fuses.FuseVersion.V1, resetAdHocDarwinSignature };
  for (const [name, enabled] of Object.entries(settings) as [FuseName, boolean][]) {
    config[fuses.FuseV1Options[name]] = enabled;
  }
  return config as FuseConfig;
}

/**
 * Flipping fuses invalidates the ad-hoc signature every arm64 macOS binary must carry;
 * without a signing identity electron-builder would then leave an app that macOS kills.
 */
export function needsAdHocResign(context: Pick<FuseHookContext, 'electronPlatformName' | 'arch'>): boolean {
  return (
    (context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas') &&
    (context.arch === Arch.arm64 || context.arch === Arch.universal)
  );
}

export async function applyFuses(context: FuseHookContext, fuses?: FusesModule): Promise<void> {
  const flavour = flavourOfAppId(context.packager.appInfo.id);
  const settings = fusesFor(flavour);
  const binary = electronBinaryPath(context);
  // ESM-only package: loaded on demand, so the config stays loadable as CommonJS too.
  const lib = fuses ?? (await import('@electron/fuses'));
  await lib.flipFuses(binary, toFuseConfig(settings, lib, needsAdHocResign(context)));

  // Read the wire back: a fuse that did not take (a renamed binary, a wire too short for
  // this Electron) fails the build instead of shipping an app without its protection.
  const wire = await lib.getCurrentFuseWire(binary);
  const wrong = (Object.entries(settings) as [FuseName, boolean][]).filter(([name, enabled]) => {
    const state = (wire as unknown as Record<number, number>)[lib.FuseV1Options[name]];
    return state !== (enabled ? lib.FuseState.ENABLE : lib.FuseState.DISABLE);
  });
  if (wrong.length > 0) {
    throw new Error(`Electron fuses not set in ${binary}: ${wrong.map(([name]) => name).join(', ')}.`);
  }
  const summary = (Object.entries(settings) as [FuseName, boolean][])
    .map(([name, enabled]) => `${name}=${enabled ? 'on' : 'off'}`)
    .join(' ');
  console.log(`  • electron fuses (${flavour}) ${summary}  file=${binary}`);
}

/** The hook itself: electron-builder passes its AfterPackContext. */
export default async function afterPackFuses(context: FuseHookContext): Promise<void> {
  await applyFuses(context);
}
