import type { DeviceView } from '../shared/ipc-views';

// The Authorized Devices clean-up as text and groups: which devices come first, which can
// be ticked, and what the progress and result lines say. Pure: devices-panel.tsx renders it.

export interface DeviceGroups {
  /** Not seen for the chosen days, or one of a flood of same-named devices: shown first. */
  stale: DeviceView[];
  /** Everything else, this app's own device included (even if plex.tv calls it stale). */
  current: DeviceView[];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a device is called in the list: its name, else its product. */
export function deviceLabel(device: DeviceView): string {
  return device.name || device.product || 'Unnamed device';
}

/** Stale devices first, in main's order (most stale first); the rest as plex.tv lists them. */
export function groupDevices(devices: readonly DeviceView[]): DeviceGroups {
  return {
    stale: devices.filter((d) => d.stale !== null && !d.thisApp),
    current: devices.filter((d) => d.stale === null || d.thisApp),
  };
}

/** The devices the user may tick: all but this app's own. */
export function removable(device: DeviceView): boolean {
  return !device.thisApp;
}

/** "This app", "Tool token: Kometa", or nothing for a device the app did not make. */
export function deviceMark(device: DeviceView): string | null {
  if (device.thisApp) return 'This app';
  if (device.toolToken !== null) return `Tool token: ${device.toolToken}`;
  return null;
}

/** Why a device is listed as stale, in a few words. */
export function staleReason(device: DeviceView, staleAfterDays: number, all: readonly DeviceView[]): string | null {
  if (device.thisApp) return null;
  if (device.stale === 'not-seen') return `Not seen for more than ${staleAfterDays} days`;
  if (device.stale === 'duplicate') {
    const same = all.filter((d) => d.name === device.name).length;
    return `One of ${same} devices with this name`;
  }
  return null;
}

/** What the confirmation says stops working. */
export function removalConsequence(selected: readonly DeviceView[]): string {
  const tools = selected.map((d) => d.toolToken).filter((name): name is string => name !== null);
  const each =
    selected.length === 1
      ? 'Its token stops working at once: whatever uses it (a tool, a script, a player) is signed out and needs a new token.'
      : 'Each device’s token stops working at once: whatever uses one of them (a tool, a script, a player) is signed out and needs a new token.';
  if (tools.length === 0) return each;
  return `${each} Tool tokens made here among them: ${tools.join(', ')}.`;
}

/** The live progress line of a removal run: "Removing 3 of 37…". */
export function removalProgress(current: number, total: number): string {
  return `Removing ${current} of ${total}…`;
}

export interface RemovalRun {
  removed: number;
  total: number;
  /** The user pressed Stop. */
  stopped: boolean;
  /** Why the run ended early (a rate limit, plex.tv unreachable): its one sentence. */
  error: string | null;
}

/** The line shown when a run ends: "Removed 37 devices.", or how far it got and why it stopped. */
export function removalResult(run: RemovalRun): string {
  const { removed, total, stopped, error } = run;
  if (error !== null) return `Removed ${removed} of ${plural(total, 'device')}, then stopped: ${error}`;
  if (stopped && removed < total) return `Removed ${removed} of ${plural(total, 'device')}; stopped as you asked.`;
  return `Removed ${plural(removed, 'device')}.`;
}
