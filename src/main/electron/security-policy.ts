import { app, session } from 'electron';
import { isAllowedExternalUrl } from '../../shared/external-links';
import type { AppPages } from '../node/app-pages';
import { openInBrowser } from './open-external';

// App-wide rules, applied before any window exists: no permission is ever granted, no
// page navigates, opens a window or attaches a <webview>, and the app's own page gets its
// Content Security Policy as a header too (the app:// handler sets it on the page itself;
// this covers the dev server and anything else that serves the app's page).

export function applySecurityPolicy(pages: AppPages, csp: string, log: (line: string) => void): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!pages.isAppUrl(details.url)) {
      callback({});
      return;
    }
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (event.url !== contents.getURL()) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Links with target=_blank: plex.tv links go to the browser, nothing opens in the app.
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) openInBrowser(url).catch(() => log('The browser could not be opened.'));
      return { action: 'deny' };
    });
  });
}
