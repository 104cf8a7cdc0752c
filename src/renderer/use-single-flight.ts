import { useCallback, useRef, useState } from 'react';

/**
 * One call at a time, and which one is running (for `aria-busy` and busy labels). A start
 * while a call runs is dropped: a double click can land before React re-renders the
 * button as busy, so the guard is a ref, not the rendered state.
 */
export function useSingleFlight<K extends string>(): {
  running: K | null;
  /** Resolves to the call's result, or null when another call was running and this one was dropped. */
  run: <T>(key: K, call: () => Promise<T>) => Promise<T | null>;
} {
  const inFlight = useRef(false);
  const [running, setRunning] = useState<K | null>(null);
  const run = useCallback(async <T>(key: K, call: () => Promise<T>): Promise<T | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setRunning(key);
    try {
      return await call();
    } finally {
      inFlight.current = false;
      setRunning(null);
    }
  }, []);
  return { running, run };
}
