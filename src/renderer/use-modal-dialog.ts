import { useEffect, useRef } from 'react';
import { useFocusOnMount } from './use-focus-on-mount';

/**
 * A native <dialog> shown as a modal for as long as the component is mounted (Escape and
 * the backdrop are the browser's), with focus on `focusRef`'s element once it is open.
 */
export function useModalDialog<T extends HTMLElement>() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);
  // After the effect above: the dialog must be open before anything in it can take focus.
  const focusRef = useFocusOnMount<T>();
  return { dialogRef, focusRef };
}
