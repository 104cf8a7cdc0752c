// Authorized Devices as plex.tv keeps them (plex-api.md §5b, §6): every (account, client
// identifier) that ever got a token is a device, until it is removed. A device outlives
// its token (a sign-out kills only the token); removing the device kills both.

import type { SeededAccount } from './accounts';
import type { DeviceInfo, TokenRecord } from './tokens';

export interface DeviceRecord {
  /** plex.tv's numeric device id, as `DELETE /devices/{id}.xml` takes it. */
  id: number;
  account: SeededAccount;
  clientIdentifier: string;
  /** The X-Plex-* headers of its first sign-in. */
  info: DeviceInfo;
  /** What devices.xml shows beyond those headers (seeded devices fill it in). */
  productVersion: string;
  platformVersion: string;
  provides: string;
  /** Epoch seconds. */
  createdAt: number;
  lastSeenAt: number;
  /** One of the devices alice starts with (§6), not one a client made. */
  seeded: boolean;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const keyOf = (accountId: number, clientIdentifier: string): string => `${accountId}\n${clientIdentifier}`;

export class DeviceRegistry {
  private readonly byKey = new Map<string, DeviceRecord>();
  /** Never reset, so an id from before a reset can't name a newer device. */
  private nextId = 700_001;

  /** A token was minted: its device appears (first sign-in) or is seen again. */
  register(record: TokenRecord): DeviceRecord {
    const key = keyOf(record.account.id, record.clientIdentifier);
    const existing = this.byKey.get(key);
    if (existing) {
      existing.lastSeenAt = nowSeconds();
      return existing;
    }
    const device: DeviceRecord = {
      id: this.nextId++,
      account: record.account,
      clientIdentifier: record.clientIdentifier,
      info: { ...record.device },
      productVersion: '',
      platformVersion: '',
      provides: '',
      createdAt: nowSeconds(),
      lastSeenAt: nowSeconds(),
      seeded: false,
    };
    this.byKey.set(key, device);
    return device;
  }

  find(accountId: number, clientIdentifier: string): DeviceRecord | undefined {
    return this.byKey.get(keyOf(accountId, clientIdentifier));
  }

  /** A request carried this device's token. */
  touch(record: TokenRecord): void {
    const device = this.find(record.account.id, record.clientIdentifier);
    if (device) device.lastSeenAt = nowSeconds();
  }

  /** The account's devices, oldest first. */
  list(accountId: number): DeviceRecord[] {
    return [...this.byKey.values()].filter((d) => d.account.id === accountId);
  }

  /** Forgets the device with this id if it belongs to the account; returns it. */
  remove(accountId: number, id: number): DeviceRecord | undefined {
    const device = [...this.byKey.values()].find((d) => d.id === id && d.account.id === accountId);
    if (device) this.byKey.delete(keyOf(device.account.id, device.clientIdentifier));
    return device;
  }

  clear(): void {
    this.byKey.clear();
  }
}
