import { useCallback, useRef, useState } from 'react';

/**
 * Like useReducer, with the latest state also readable at once. A handler that awaits
 * main checks it after each answer (is this PIN attempt still the current one?), and a
 * second click that lands before React re-renders sees the first one's busy flag, so the
 * reducer stays the one owner of that state, with no ref mirroring it.
 * `dispatch` says whether the action changed anything: false means the reducer refused it.
 */
export function useStore<S, A>(
  reducer: (state: S, action: A) => S,
  init: () => S,
): [state: S, dispatch: (action: A) => boolean, current: () => S] {
  const [state, setState] = useState(init);
  // Holds what the last dispatch made; `state` catches up on the next render.
  const latest = useRef(state);
  const dispatch = useCallback(
    (action: A) => {
      const next = reducer(latest.current, action);
      if (Object.is(next, latest.current)) return false;
      latest.current = next;
      setState(next);
      return true;
    },
    [reducer],
  );
  const current = useCallback(() => latest.current, []);
  return [state, dispatch, current];
}
