// Everything the fake remembers between requests, in one place so POST /__fake/reset
// can forget all of it at once.

import { type FakeSeed, findAccount, type SeededAccount, seededAccounts } from './accounts';
import { FaultQueue } from './faults';
import { SignInFailures } from './lockout';
import { PinStore, type Pin } from './pins';
import { TokenStore, type TokenRecord } from './tokens';
import type { FakeRequest } from './types';

export class FakeState {
  readonly accounts: readonly SeededAccount[];
  readonly tokens = new TokenStore();
  readonly pins: PinStore;
  readonly failures = new SignInFailures();
  readonly faults = new FaultQueue();
  /** Every /api/v2 request, oldest first. */
  readonly requests: FakeRequest[] = [];

  /** `seed` picks the values the contract leaves open (see accounts.ts). */
  constructor(readonly seed: FakeSeed = 1) {
    this.accounts = seededAccounts(seed);
    this.pins = new PinStore(seed);
  }

  /** The seeded account with this email or username, case-insensitively. */
  findAccount(login: string): SeededAccount | undefined {
    return findAccount(this.accounts, login);
  }

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
