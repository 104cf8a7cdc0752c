import type { FuseV1Options } from '@electron/fuses';
import type { BuildFlavour } from './flavour';

// Electron fuses: switches compiled into the Electron binary, flipped at packaging time by
// scripts/after-pack-fuses.ts. They close doors that the app never uses but an attacker
// with local access could: running the app as a plain Node (ELECTRON_RUN_AS_NODE), code
// injected through NODE_OPTIONS or a debugger attached with --inspect, and app code
// swapped next to or inside the archive. The tests (test/packaging) import this module,
// so what is tested is exactly what the hook applies.
//
// Fuses not listed keep Electron's default.

export type FuseName = keyof typeof FuseV1Options;
export type FuseSettings = Readonly<Partial<Record<FuseName, boolean>>>;

export const RELEASE_FUSES: FuseSettings = Object.freeze({
  /** ELECTRON_RUN_AS_NODE=1 would turn the app into a Node interpreter. */
  RunAsNode: false,
  /** NODE_OPTIONS (e.g. --require evil.js) would run code inside the main process. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect / --inspect-brk would open a debugger on the main process. */
  EnableNodeCliInspectArguments: false,
  /** Cookies on disk encrypted with the OS keystore key. */
  EnableCookieEncryption: true,
  /** macOS and Windows: app.asar must match the hash embedded at packaging time. */
  EnableEmbeddedAsarIntegrityValidation: true,
  /** The app is loaded from app.asar only, never from a resources/app folder beside it. */
  OnlyLoadAppFromAsar: true,
  /** file:// pages lose their extra privileges: the renderer is served from app:// (src/main/node/app-scheme.ts). */
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * The e2e flavour: Playwright's Electron driver launches the app with --inspect, so that
 * one fuse stays on. Everything else is the release's.
 */
export const E2E_FUSES: FuseSettings = Object.freeze({
  ...RELEASE_FUSES,
  EnableNodeCliInspectArguments: true,
});

export function fusesFor(flavour: BuildFlavour): FuseSettings {
  return flavour === 'e2e' ? E2E_FUSES : RELEASE_FUSES;
}
