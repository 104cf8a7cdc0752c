// Everything the fake remembers between requests, in one place so POST /__fake/reset
// can forget all of it at once.

import type { SeededAccount } from './accounts';
import { DeviceRegistry } from './device-registry';
import { FaultQueue } from './faults';
import { SignInFailures } from './lockout';
import { PinStore, type Pin } from './pins';
import { ServerResources } from './resources';
import { seedDevices } from './seeded-devices';
import { TokenStore, type TokenRecord } from './tokens';
import type { FakeRequest } from './types';

export class FakeState {
  readonly devices = new DeviceRegistry();
  readonly tokens = new TokenStore((record) => this.devices.register(record));
  readonly resources = new ServerResources();
  readonly pins = new PinStore();
  readonly failures = new SignInFailures();
  readonly faults = new FaultQueue();
  /** Every /api/v2 and devices.xml request, oldest first. */
  readonly requests: FakeRequest[] = [];

  constructor() {
    seedDevices(this.tokens, this.devices);
  }

  /** The browser (or plex.tv/link) step: the pin's device gets a token for `account`. */
  approvePin(pin: Pin, account: SeededAccount): TokenRecord {
    const record = this.tokens.mint(account, pin.clientIdentifier, pin.device, true);
    pin.authToken = record.token;
    return record;
  }

  reset(): void {
    this.tokens.clear();
    this.devices.clear();
    this.resources.reset();
    seedDevices(this.tokens, this.devices);
    this.pins.clear();
    this.failures.clear();
    this.faults.clear();
    this.requests.length = 0;
  }
}
