import { describe, expect, it } from 'vitest';
import type { PlexDevice } from './devices-xml';
import { pickStaleDevices } from './stale-devices';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW - days * 24 * 60 * 60 * 1000).toISOString();

function device(id: string, lastSeenDays: number | null, extra: Partial<PlexDevice> = {}): PlexDevice {
  return {
    id,
    name: `device ${id}`,
    product: 'Product',
    productVersion: '',
    platform: 'Linux',
    platformVersion: '',
    device: '',
    clientIdentifier: `client-${id}`,
    createdAt: daysAgo(500),
    lastSeenAt: lastSeenDays === null ? null : daysAgo(lastSeenDays),
    provides: [],
    hasToken: true,
    ...extra,
  };
}

describe('pickStaleDevices', () => {
  it('picks devices not seen for 90 days by default, most stale first', () => {
    const picked = pickStaleDevices([device('1', 1), device('2', 91), device('3', 400), device('4', 89)], { now: NOW });
    expect(picked.map((p) => [p.device.id, p.reason])).toEqual([
      ['3', 'not-seen'],
      ['2', 'not-seen'],
    ]);
  });

  it('takes another number of days', () => {
    expect(
      pickStaleDevices([device('1', 10), device('2', 40)], { now: NOW, days: 30 }).map((p) => p.device.id),
    ).toEqual(['2']);
  });

  it('judges a device never seen by its creation date', () => {
    expect(pickStaleDevices([device('1', null)], { now: NOW }).map((p) => p.device.id)).toEqual(['1']);
  });

  it('in a flood of same-named devices keeps only the most recently seen', () => {
    const flood = ['1', '2', '3', '4'].map((id, i) => device(id, i + 1, { name: 'PlexAPI', product: 'PlexAPI' }));
    const picked = pickStaleDevices([...flood, device('9', 1, { name: 'Chrome' })], { now: NOW });
    expect(picked.map((p) => [p.device.id, p.reason]).sort()).toEqual([
      ['2', 'duplicate'],
      ['3', 'duplicate'],
      ['4', 'duplicate'],
    ]);
  });

  it('two devices of one name are not a flood', () => {
    const pair = [device('1', 1, { name: 'iPhone' }), device('2', 2, { name: 'iPhone' })];
    expect(pickStaleDevices(pair, { now: NOW })).toEqual([]);
  });

  it('never picks a protected client identifier', () => {
    const picked = pickStaleDevices([device('1', 400), device('2', 400)], { now: NOW, protect: new Set(['client-1']) });
    expect(picked.map((p) => p.device.id)).toEqual(['2']);
  });
});
