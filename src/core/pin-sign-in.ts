import type { PlexErrorInfo, PlexErrorKind, PlexResult } from '../shared/plex-error';
import { plexErrorMessage } from '../shared/plex-error';
import type { PlexPin } from './pin-schema';
import type { PlexClient, SignedIn } from './plex-client';
import { sleep } from './sleep';

// Waiting for the user to approve a PIN in their browser or at plex.tv/link: poll
// `GET /pins/{id}` about once a second until a token arrives, the PIN expires, the
// caller's deadline passes or the caller cancels; then fetch the account with the new
// token, as a password sign-in does.

export interface WaitForPinOptions {
  signal?: AbortSignal;
  /** Stop waiting at this time (epoch ms) even if the PIN lives longer (the CLI's --timeout). */
  deadline?: number;
  /** Time between polls while plex.tv answers normally; never below one second. */
  pollIntervalMs?: number;
  /** Longest gap between polls while plex.tv or the network is failing. */
  maxBackoffMs?: number;
  now?: () => number;
}

/** Failures that say nothing about the PIN: slow down and keep polling. */
const TRANSIENT = new Set<PlexErrorKind>(['network', 'timeout', 'unavailable', 'unexpected-response']);

export async function waitForPin(
  client: PlexClient,
  pin: PlexPin,
  options: WaitForPinOptions = {},
): Promise<PlexResult<SignedIn>> {
  const now = options.now ?? Date.now;
  const baseInterval = Math.max(1000, options.pollIntervalMs ?? 1000);
  const maxBackoff = Math.max(baseInterval, options.maxBackoffMs ?? 10_000);
  const deadline = Math.min(Date.parse(pin.expiresAt), options.deadline ?? Number.POSITIVE_INFINITY);
  let interval = baseInterval;
  let lastTransient: PlexErrorInfo | null = null;

  const expired = (): PlexResult<SignedIn> => ({
    ok: false,
    // Waiting ran out while plex.tv could not be reached: that is the real story.
    error: lastTransient ?? { kind: 'pin-expired', message: plexErrorMessage('pin-expired') },
  });

  for (;;) {
    if (options.signal?.aborted) return cancelled();
    const remaining = deadline - now();
    if (remaining <= 0) return expired();

    // A poll in flight is cut off at the deadline too.
    const pollSignal = anySignal([options.signal, AbortSignal.timeout(remaining)]);
    const result = await client.checkPin(pin.id, { signal: pollSignal });
    let wait: number;
    if (result.ok) {
      if (result.value.authToken) return client.getAccount(result.value.authToken, { signal: options.signal });
      interval = baseInterval;
      lastTransient = null;
      wait = interval;
    } else if (result.error.kind === 'cancelled') {
      if (options.signal?.aborted) return cancelled();
      return expired(); // our deadline cut the poll off
    } else if (result.error.kind === 'rate-limited') {
      wait = Math.max(baseInterval, (result.error.retryAfterSeconds ?? 5) * 1000);
    } else if (TRANSIENT.has(result.error.kind)) {
      lastTransient = result.error;
      interval = Math.min(interval * 2, maxBackoff);
      wait = interval;
    } else {
      return result; // pin-expired, or something plex.tv will not change its mind about
    }
    if (!(await sleep(Math.min(wait, Math.max(0, deadline - now())), options.signal))) return cancelled();
  }
}

function cancelled(): PlexResult<SignedIn> {
  return { ok: false, error: { kind: 'cancelled', message: plexErrorMessage('cancelled') } };
}

function anySignal(signals: (AbortSignal | undefined)[]): AbortSignal {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length === 1 ? present[0]! : AbortSignal.any(present);
}
