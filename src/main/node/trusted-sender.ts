// Decides whether an IPC call came from the app's own page in its window's top frame.
// Electron's event.senderFrame is null once the frame navigated or was destroyed, and an
// iframe or a page the window was somehow navigated to must not reach the handlers.
// Written over a minimal frame shape so it runs (and is tested) without Electron.

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

export function isTrustedSenderFrame(
  frame: FrameLike | null | undefined,
  windowMainFrame: FrameLike | null | undefined,
  isAppUrl: (url: string) => boolean,
): boolean {
  try {
    if (!frame || !windowMainFrame) return false;
    if (frame !== windowMainFrame || frame.parent !== null) return false;
    return isAppUrl(frame.url);
  } catch {
    return false; // a destroyed frame throws on access: not trusted
  }
}
