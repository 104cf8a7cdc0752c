import { describe, expect, it } from 'vitest';
import { accountJson, seededAccounts, seedFromEnv } from './accounts';

// The fake's two seeds: the same accounts by every value the contract fixes
// (plex-api.md §6), different by every value it leaves open, so a suite that passes
// against both depends on none of those.

const [one, two] = [seededAccounts(1), seededAccounts(2)];
const FIXED = ['username', 'email', 'password', 'verificationCodes', 'plexPass'] as const;
const OPEN = ['id', 'uuid', 'joinedAt', 'thumb', 'country'] as const;

describe('seeded accounts', () => {
  it('agree on what the contract fixes', () => {
    for (const [i, account] of one.entries()) {
      for (const field of FIXED) expect(two[i]?.[field], `${account.username}.${field}`).toEqual(account[field]);
    }
  });

  it('differ in what it leaves open, join year included', () => {
    for (const [i, account] of one.entries()) {
      for (const field of OPEN) expect(two[i]?.[field], `${account.username}.${field}`).not.toEqual(account[field]);
      const year = (a: { joinedAt: number }) => new Date(a.joinedAt * 1000).getUTCFullYear();
      expect(year(two[i]!)).not.toBe(year(account));
    }
  });

  it('hold no code or password inside an open value, which the leak tests would take for a leak', () => {
    for (const account of [...one, ...two]) {
      const open = JSON.stringify(OPEN.map((field) => account[field]).concat(account.friendlyName));
      for (const secret of [...one.flatMap((a) => a.verificationCodes), ...one.map((a) => a.password ?? '')]) {
        if (secret) expect(open).not.toContain(secret);
      }
    }
  });

  it('have an empty friendlyName somewhere in each seed, as real accounts may', () => {
    for (const accounts of [one, two]) expect(accounts.some((a) => a.friendlyName === '')).toBe(true);
  });

  it('write their fields in another order under seed 2', () => {
    const first = (seed: 1 | 2) =>
      Object.keys(accountJson(seededAccounts(seed)[0]!, 'FAKE-TOKEN-aaaaaaaaaaaa', 0, seed))[0];
    expect(first(1)).not.toBe(first(2));
  });

  it('are picked by FAKE_PLEX_SEED', () => {
    expect(seedFromEnv({})).toBe(1);
    expect(seedFromEnv({ FAKE_PLEX_SEED: '2' })).toBe(2);
    expect(() => seedFromEnv({ FAKE_PLEX_SEED: '3' })).toThrow(/1 or 2/);
  });
});
