import type { PlexDevice } from './devices-xml';

// Which Authorized Devices look abandoned (docs/plex-api.md §5b): not seen for a while,
// or one of a flood of same-named entries left by tools that made a new client
// identifier per run. Pure, so the CLI and the app pick exactly the same ones.

export type StaleReason = 'not-seen' | 'duplicate';

export interface StaleDevice {
  device: PlexDevice;
  reason: StaleReason;
}

export interface StaleOptions {
  /** Not seen for this many days (default 90). */
  days?: number;
  /** Client identifiers never picked: this app or CLI itself, its tool tokens. */
  protect?: ReadonlySet<string>;
  /** This many devices or more with one name, product and platform is a flood (default 3). */
  floodSize?: number;
  now?: number;
}

export const DEFAULT_STALE_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The stale devices, most stale first. In a flood the most recently seen entry is kept:
 * it is probably the copy still in use. A device with no last-seen time is judged by when
 * it was created.
 */
export function pickStaleDevices(devices: readonly PlexDevice[], options: StaleOptions = {}): StaleDevice[] {
  const now = options.now ?? Date.now();
  const cutoff = now - (options.days ?? DEFAULT_STALE_DAYS) * DAY_MS;
  const floodSize = options.floodSize ?? 3;
  const protect = options.protect ?? new Set<string>();
  const seen = (d: PlexDevice) => Date.parse(d.lastSeenAt ?? d.createdAt ?? '') || 0;

  const picked = new Map<string, StaleDevice>();
  for (const device of devices) {
    if (!protect.has(device.clientIdentifier) && seen(device) < cutoff) {
      picked.set(device.id, { device, reason: 'not-seen' });
    }
  }
  const groups = new Map<string, PlexDevice[]>();
  for (const device of devices) {
    const key = [device.name, device.product, device.platform].map((s) => s.toLowerCase()).join('\n');
    groups.set(key, [...(groups.get(key) ?? []), device]);
  }
  for (const group of groups.values()) {
    if (group.length < floodSize) continue;
    const [, ...older] = [...group].sort((a, b) => seen(b) - seen(a));
    for (const device of older) {
      if (!protect.has(device.clientIdentifier) && !picked.has(device.id)) {
        picked.set(device.id, { device, reason: 'duplicate' });
      }
    }
  }
  return [...picked.values()].sort((a, b) => seen(a.device) - seen(b.device));
}
