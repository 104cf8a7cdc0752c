import type { ClipboardPort } from './ports';

// Copies a secret to the clipboard and clears it again after a while, but only if the
// clipboard still holds that secret: whatever the user copied since is left alone.

export interface ClipboardGuard {
  /** Copies `secret`; resolves with the seconds until the clipboard is cleared. */
  copy(secret: string): Promise<number>;
  /**
   * Clears the copied secret now if the clipboard still holds it (sign-out, revoke: the
   * token must not outlive the session there); anything the user copied since is left alone.
   */
  withdraw(): Promise<void>;
  /** As withdraw, but only when the copied text matches (a revoked tool token's, in any format). */
  withdrawIf(matches: (copied: string) => boolean): Promise<void>;
  /** Clears `secret` if the clipboard holds it: a copy left by an app that was killed before its timer ran. */
  clearLeftover(secret: string): Promise<void>;
  /** The app is closing: as withdraw, without waiting for the clipboard. */
  dispose(): void;
}

export function createClipboardGuard(clipboard: ClipboardPort, clearAfterMs: number): ClipboardGuard {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: string | null = null;

  function cancel(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  }

  async function clearIfStill(secret: string): Promise<void> {
    try {
      if ((await clipboard.readText()) === secret) await clipboard.clear();
    } catch {
      // A clipboard that cannot be read cannot be checked: what it holds may be the user's
      // own, so it is left alone, and a timer must never crash the app.
    }
  }

  async function withdraw(): Promise<void> {
    const secret = pending;
    cancel();
    if (secret !== null) await clearIfStill(secret);
  }

  return {
    async copy(secret) {
      await clipboard.writeText(secret);
      // A second copy restarts the countdown: the latest copy gets the full time.
      cancel();
      pending = secret;
      timer = setTimeout(() => {
        cancel();
        void clearIfStill(secret);
      }, clearAfterMs);
      timer.unref?.();
      return Math.ceil(clearAfterMs / 1000);
    },
    withdraw,
    async withdrawIf(matches) {
      if (pending !== null && matches(pending)) await withdraw();
    },
    clearLeftover: clearIfStill,
    dispose() {
      const secret = pending;
      cancel();
      if (secret !== null) void clearIfStill(secret);
    },
  };
}
