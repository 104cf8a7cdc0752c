// The Authorized Devices alice starts with (plex-api.md §6): two in daily use and two
// stale ones left behind by a script, each with a live token minted at start-up (and at
// every reset), so clean-up tests can see which tokens die.

import { findAccount } from './accounts';
import type { DeviceRegistry } from './device-registry';
import type { DeviceInfo, TokenStore } from './tokens';

interface Seed {
  clientIdentifier: string;
  info: DeviceInfo;
  productVersion: string;
  platformVersion: string;
  provides: string;
  createdDaysAgo: number;
  /** Hours for the ones seen today, so "today" holds whatever the time of day. */
  lastSeenAgoSeconds: number;
}

const DAY = 24 * 60 * 60;

const SEEDS: readonly Seed[] = [
  {
    clientIdentifier: 'seeded-plex-web-chrome-0001',
    info: { product: 'Plex Web', device: 'Windows', deviceName: 'Chrome', platform: 'Chrome' },
    productVersion: '4.145.1',
    platformVersion: '131.0',
    provides: 'client,player,pubsub-player',
    createdDaysAgo: 200,
    lastSeenAgoSeconds: 60 * 60,
  },
  {
    clientIdentifier: 'seeded-tautulli-0002',
    info: { product: 'Tautulli', device: 'Linux', deviceName: 'Tautulli', platform: 'Linux' },
    productVersion: '2.15.0',
    platformVersion: '6.1.0',
    provides: '',
    createdDaysAgo: 300,
    lastSeenAgoSeconds: 2 * 60 * 60,
  },
  {
    clientIdentifier: 'seeded-plexapi-stale-0003',
    info: { product: 'PlexAPI', device: 'Linux', deviceName: 'docker-kometa', platform: 'Linux' },
    productVersion: '4.15.4',
    platformVersion: '5.15.0',
    provides: 'controller',
    createdDaysAgo: 420,
    lastSeenAgoSeconds: 400 * DAY,
  },
  {
    clientIdentifier: 'seeded-plexapi-stale-0004',
    info: { product: 'PlexAPI', device: 'Linux', deviceName: 'docker-kometa', platform: 'Linux' },
    productVersion: '4.15.4',
    platformVersion: '5.15.0',
    provides: 'controller',
    createdDaysAgo: 410,
    lastSeenAgoSeconds: 400 * DAY,
  },
];

export function seedDevices(tokens: TokenStore, devices: DeviceRegistry): void {
  const alice = findAccount('alice');
  if (!alice) throw new Error('fake plex.tv: alice is missing from the seeded accounts');
  const now = Math.floor(Date.now() / 1000);
  for (const seed of SEEDS) {
    const record = tokens.mint(alice, seed.clientIdentifier, { ...seed.info }, true);
    const device = devices.register(record);
    Object.assign(device, {
      productVersion: seed.productVersion,
      platformVersion: seed.platformVersion,
      provides: seed.provides,
      createdAt: now - seed.createdDaysAgo * DAY,
      lastSeenAt: now - seed.lastSeenAgoSeconds,
      seeded: true,
    });
  }
}
