// Everything the fake remembers between requests, in one place so POST /__fake/reset
// can forget all of it at once.

import type { SeededAccount } from './accounts';
import { FaultQueue } from './faults';
import { SignInFailures } from './lockout';
import { PinStore, type Pin } from './pins';
import { TokenStore, type TokenRecord } from './tokens';
import type { FakeRequest } from './types';

export class FakeState {
  readonly tokens = new TokenStore();
  readonly pins = new PinStore();
  readonly failures = new SignInFailures();
  readonly faults = new FaultQueue();
  /** Every /api/v2 request, oldest first. */
  readonly requests: FakeRequest[] = [];

  /** The browser (or plex.tv/link) step: the pin's device gets a token for `account`. */
  approvePin(pin: Pin, account: SeededAccount): TokenRecord {
    const record = this.tokens.mint(account, pin.clientIdentifier, pin.device, true);
    pin.authToken = record.token;
    return record;
  }

  reset(): void {
    this.tokens.clear();
    this.pins.clear();
    this.failures.clear();
    this.faults.clear();
    this.requests.length = 0;
  }
}
