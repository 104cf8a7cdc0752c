import { APP_ENTRY_URL, APP_HOST, APP_SCHEME } from './app-scheme';

// Which URLs are the app's own page: the built index.html served at app://plex-signin/
// (app-scheme.ts), or in development the electron-vite dev server. Only that page may call
// IPC or get the app's CSP header; the window may not navigate anywhere else.

export interface AppPages {
  /** What the window loads. */
  readonly entryUrl: string;
  isAppUrl(url: string): boolean;
}

export function appPages(options: { devServerUrl?: string | undefined } = {}): AppPages {
  if (options.devServerUrl) {
    const origin = new URL(options.devServerUrl).origin;
    return { entryUrl: options.devServerUrl, isAppUrl: (url) => originOf(url) === origin };
  }
  return {
    entryUrl: APP_ENTRY_URL,
    // The query and fragment are the page's own business; the document must be this one.
    isAppUrl: (url) => {
      const parsed = parse(url);
      return (
        parsed !== null &&
        parsed.protocol === `${APP_SCHEME}:` &&
        parsed.host === APP_HOST &&
        parsed.username === '' &&
        parsed.password === '' &&
        (parsed.pathname === '/index.html' || parsed.pathname === '/')
      );
    },
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function originOf(url: string): string | null {
  const parsed = parse(url);
  // 'null' is the origin of opaque URLs (data:, about:blank): never the dev server's.
  return parsed && parsed.origin !== 'null' ? parsed.origin : null;
}
