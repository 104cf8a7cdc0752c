// Decisions taken before Electron is ready, over plain values so they run in unit tests.

/**
 * Switches that let another process drive the app: Chromium's remote debugging (no fuse
 * covers it) and Node's inspector (a fuse turns that off in the release; refused here too).
 * The e2e build keeps them: Playwright's Electron driver needs them.
 */
const DEBUG_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-brk-node',
  'inspect-publish-uid',
] as const;

/** The e2e flavour's product name (build/flavour.ts, FLAVOUR_IDENTITY.e2e.productName). */
export const E2E_PRODUCT_NAME = 'Plex Sign-In E2E';

export interface LaunchFacts {
  isPackaged: boolean;
  /** app.getName(): the packaged package.json's productName. */
  appName: string;
  /** process.argv and process.execArgv together. */
  argv: readonly string[];
  /** app.commandLine.hasSwitch, which also sees switches Chromium was given another way. */
  hasSwitch(name: string): boolean;
}

/** The debugging switch a packaged release was started with, or null when it may start. */
export function forbiddenDebugSwitch(facts: LaunchFacts): string | null {
  if (!facts.isPackaged || facts.appName === E2E_PRODUCT_NAME) return null;
  for (const name of DEBUG_SWITCHES) {
    const given = facts.argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
    if (given || facts.hasSwitch(name)) return `--${name}`;
  }
  return null;
}

/** Development runs keep their own data folder (and so their own single-instance lock). */
export function devUserDataPath(releasePath: string): string {
  return `${releasePath}-dev`;
}

/**
 * The e2e suite's switch for a short clipboard clear (`--e2e-clipboard-clear-ms=1500`), so
 * a test can watch the clear instead of waiting 60 s. Honoured where the debugging
 * switches are (the e2e build and development runs, which Playwright drives anyway),
 * never by a packaged release.
 */
export const E2E_CLIPBOARD_CLEAR_SWITCH = 'e2e-clipboard-clear-ms';
const E2E_CLIPBOARD_CLEAR_RANGE = { min: 100, max: 60_000 } as const;

export interface ClipboardClearFacts {
  isPackaged: boolean;
  appName: string;
  /** app.commandLine.getSwitchValue(E2E_CLIPBOARD_CLEAR_SWITCH): '' when absent. */
  switchValue: string;
}

/** The clipboard clear delay the e2e switch asks for, or undefined for the app's own. */
export function clipboardClearOverride(facts: ClipboardClearFacts): number | undefined {
  if (facts.isPackaged && facts.appName !== E2E_PRODUCT_NAME) return undefined;
  if (!/^\d{1,6}$/.test(facts.switchValue)) return undefined;
  const ms = Number(facts.switchValue);
  return ms >= E2E_CLIPBOARD_CLEAR_RANGE.min && ms <= E2E_CLIPBOARD_CLEAR_RANGE.max ? ms : undefined;
}
