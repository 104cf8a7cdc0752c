// plex.tv's brute-force guard (docs/plex-api.md §4, code 1031; §6.3): after five failed
// sign-ins from one address within 15 minutes, every later sign-in from it fails, right
// password or not.

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 5;

export class SignInFailures {
  /** Failure times (ms) per client address. */
  private readonly byAddress = new Map<string, number[]>();

  record(address: string): void {
    this.byAddress.set(address, [...this.recent(address), Date.now()]);
  }

  isLockedOut(address: string): boolean {
    return this.recent(address).length >= MAX_FAILURES;
  }

  clear(): void {
    this.byAddress.clear();
  }

  private recent(address: string): number[] {
    const since = Date.now() - WINDOW_MS;
    return (this.byAddress.get(address) ?? []).filter((time) => time > since);
  }
}
