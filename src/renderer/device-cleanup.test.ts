import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../shared/ipc-views';
import { clearNote } from './copy-formats';
import {
  deviceLabel,
  deviceMark,
  groupDevices,
  removable,
  removalConsequence,
  removalProgress,
  removalResult,
  staleReason,
} from './device-cleanup';

function device(id: string, changes: Partial<DeviceView> = {}): DeviceView {
  return {
    id,
    name: `Device ${id}`,
    product: 'Plex Web',
    platform: 'Chrome',
    createdAt: '2026-01-01T00:00:00Z',
    lastSeenAt: '2026-11-30T00:00:00Z',
    thisApp: false,
    toolToken: null,
    stale: null,
    ...changes,
  };
}

describe('groupDevices', () => {
  it('puts stale devices first in the order main gave, keeping the rest in order', () => {
    const devices = [
      device('1', { name: 'Chrome' }),
      device('2', { name: 'docker-kometa', stale: 'duplicate' }),
      device('3', { name: 'Old TV', stale: 'not-seen' }),
      device('5', { name: 'Plex Sign-In', thisApp: true }),
    ];
    const { stale, current } = groupDevices(devices);
    expect(stale.map((d) => d.id)).toEqual(['2', '3']);
    expect(current.map((d) => d.id)).toEqual(['1', '5']);
  });

  it('never counts this app among the stale ones, and it cannot be ticked', () => {
    const app = device('9', { thisApp: true, stale: 'not-seen' });
    expect(groupDevices([app])).toEqual({ stale: [], current: [app] });
    expect(removable(app)).toBe(false);
    expect(removable(device('1'))).toBe(true);
    expect(staleReason(app, 90, [app])).toBeNull();
  });
});

describe('device text', () => {
  it('marks this app and the tool tokens it made', () => {
    expect(deviceMark(device('1', { thisApp: true }))).toBe('This app');
    expect(deviceMark(device('1', { toolToken: 'Kometa' }))).toBe('Tool token: Kometa');
    expect(deviceMark(device('1'))).toBeNull();
  });

  it('names a nameless device by its product', () => {
    expect(deviceLabel(device('1', { name: '' }))).toBe('Plex Web');
    expect(deviceLabel(device('1', { name: '', product: '' }))).toBe('Unnamed device');
  });

  it('says why a device is stale', () => {
    const flood = [1, 2, 3].map((n) => device(String(n), { name: 'docker-kometa', stale: 'duplicate' }));
    expect(staleReason(flood[0]!, 90, flood)).toBe('One of 3 devices with this name');
    expect(staleReason(device('4', { stale: 'not-seen' }), 180, flood)).toBe('Not seen for more than 180 days');
    expect(staleReason(device('5'), 90, flood)).toBeNull();
  });

  it('says what stops working, naming the tool tokens among them', () => {
    expect(removalConsequence([device('1')])).toMatch(/^Its token stops working at once/);
    const text = removalConsequence([device('1'), device('2', { toolToken: 'Kometa' })]);
    expect(text).toMatch(/^Each device’s token stops working at once/);
    expect(text).toMatch(/Tool tokens made here among them: Kometa\.$/);
  });
});

describe('removal lines', () => {
  it('shows progress and a result', () => {
    expect(removalProgress(3, 37)).toBe('Removing 3 of 37…');
    expect(removalResult({ removed: 37, total: 37, stopped: false, error: null })).toBe('Removed 37 devices.');
    expect(removalResult({ removed: 1, total: 1, stopped: false, error: null })).toBe('Removed 1 device.');
  });

  it('says how far it got when stopped or refused', () => {
    expect(removalResult({ removed: 3, total: 37, stopped: true, error: null })).toBe(
      'Removed 3 of 37 devices; stopped as you asked.',
    );
    expect(
      removalResult({ removed: 1, total: 2, stopped: false, error: 'plex.tv is receiving too many requests.' }),
    ).toBe('Removed 1 of 2 devices, then stopped: plex.tv is receiving too many requests.');
    // Stop pressed during the last removal: everything went.
    expect(removalResult({ removed: 2, total: 2, stopped: true, error: null })).toBe('Removed 2 devices.');
  });
});

describe('clearNote', () => {
  it('says when the clipboard is cleared, and nothing when it is not', () => {
    expect(clearNote(60)).toBe(' The clipboard will be cleared in 60 seconds.');
    expect(clearNote(1)).toBe(' The clipboard will be cleared in 1 second.');
    expect(clearNote(0)).toBe('');
  });
});
