// Tokens as plex.tv keeps them: one live token per (account, client identifier), so a
// new sign-in or approved pin for the same pair kills the previous token
// (docs/plex-api.md §5, §6.3).

import { randomBytes } from 'node:crypto';
import type { SeededAccount } from './accounts';
import type { FakeDevice } from './types';

/** What the X-Plex-* headers said about the device; shown in GET /__fake/devices. */
export interface DeviceInfo {
  product: string | null;
  device: string | null;
  deviceName: string | null;
  platform: string | null;
}

export interface TokenRecord {
  token: string;
  account: SeededAccount;
  clientIdentifier: string;
  device: DeviceInfo;
  rememberMe: boolean;
  /** Epoch seconds; GET /ping pushes it forward. */
  rememberExpiresAt: number;
}

const DAY_SECONDS = 24 * 60 * 60;

/** 14 days for rememberMe (docs/plex-api.md §5); plex.tv does not document the other case: 2 days is a guess. */
function expiryFromNow(rememberMe: boolean): number {
  return Math.floor(Date.now() / 1000) + (rememberMe ? 14 : 2) * DAY_SECONDS;
}

/** A classic token: 20 characters of [A-Za-z0-9_-] (15 random bytes in base64url). */
function newToken(): string {
  return randomBytes(15).toString('base64url');
}

export class TokenStore {
  /** Live tokens in the order they were minted. */
  private readonly live = new Map<string, TokenRecord>();

  /** `onMint` sees every new token, so its device can be registered (§6 Devices). */
  constructor(private readonly onMint: (record: TokenRecord) => void = () => {}) {}

  mint(account: SeededAccount, clientIdentifier: string, device: DeviceInfo, rememberMe: boolean): TokenRecord {
    for (const record of this.live.values()) {
      if (record.account.id === account.id && record.clientIdentifier === clientIdentifier) {
        this.live.delete(record.token);
      }
    }
    let token = newToken();
    while (this.live.has(token)) token = newToken();
    const record: TokenRecord = {
      token,
      account,
      clientIdentifier,
      device,
      rememberMe,
      rememberExpiresAt: expiryFromNow(rememberMe),
    };
    this.live.set(token, record);
    this.onMint(record);
    return record;
  }

  /** The live token of (account, client identifier), if it has one. */
  tokenFor(accountId: number, clientIdentifier: string): TokenRecord | undefined {
    for (const record of this.live.values()) {
      if (record.account.id === accountId && record.clientIdentifier === clientIdentifier) return record;
    }
    return undefined;
  }

  find(token: string | undefined): TokenRecord | undefined {
    return token === undefined ? undefined : this.live.get(token);
  }

  /** Kills a token; unknown tokens are ignored (revoking is idempotent). */
  revoke(token: string): void {
    this.live.delete(token);
  }

  /** GET /ping: the token lives on for another full period. */
  ping(record: TokenRecord): void {
    record.rememberExpiresAt = expiryFromNow(record.rememberMe);
  }

  devices(): FakeDevice[] {
    return [...this.live.values()].map((record) => ({
      login: record.account.username,
      clientIdentifier: record.clientIdentifier,
      ...record.device,
      token: record.token,
    }));
  }

  clear(): void {
    this.live.clear();
  }
}
