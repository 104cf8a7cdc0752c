import type { BrowserContext } from '@playwright/test';

// The browser side of web mode: the app window's size, and no Internet.

/** The size of the app's window (src/main's BrowserWindow). */
export const WINDOW_SIZE = { width: 480, height: 720 } as const;

/**
 * Like the machines CI runs on, the page reaches nothing but 127.0.0.1 (the renderer
 * server): the avatar on plex.tv fails, so the initials show, the same on every run.
 */
export async function isolateFromInternet(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('internetdisconnected'),
  );
}
