import type { Page } from '@playwright/test';

// When did each main heading appear? An init script notes every change of the page's h1
// with Date.now() (the same clock as the test process), so a spec can order what the
// page showed against what reached a server, to the millisecond.

const GLOBAL = '__e2eHeadingTimeline';

export interface HeadingChange {
  text: string;
  /** Date.now() in the page when the h1 got this text. */
  at: number;
}

/** The init script (a page function): install it before the page loads. */
export function recordHeadingTimeline(globalName: string): void {
  const changes: { text: string; at: number }[] = [];
  Object.defineProperty(window, globalName, { value: changes });
  let last = '';
  const check = (): void => {
    const text = document.querySelector('h1')?.textContent?.trim() ?? '';
    if (text === last) return;
    last = text;
    changes.push({ text, at: Date.now() });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
}

export const HEADING_TIMELINE_GLOBAL = GLOBAL;

/** The changes noted in the current document; null when the script was not installed in time. */
export function headingTimeline(page: Page): Promise<HeadingChange[] | null> {
  return page.evaluate(
    (name) => (window as unknown as Record<string, HeadingChange[] | undefined>)[name] ?? null,
    GLOBAL,
  );
}
