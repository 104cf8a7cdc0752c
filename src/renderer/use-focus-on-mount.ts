import { useEffect, useRef } from 'react';

/**
 * A ref whose element takes focus when the component appears, if `enabled` is then true:
 * each screen puts keyboard and screen-reader users on its heading or first field. Later
 * renders never move focus. Call it after any effect that must run first (a dialog must be
 * open before anything inside it can take focus): effects run in the order they are declared.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
    // Only on mount: `enabled` as it was when the screen appeared.
  }, []);
  return ref;
}
