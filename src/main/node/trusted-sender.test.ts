import { describe, expect, it } from 'vitest';
import { appPages } from './app-pages';
import { type FrameLike, isTrustedSenderFrame } from './trusted-sender';

// Who may call IPC: the app's own page, in the window's top frame, and nothing else.

const pages = appPages();
const appUrl = pages.entryUrl;

function frame(url: string, parent: FrameLike | null = null): FrameLike {
  return { url, parent };
}

describe('isTrustedSenderFrame', () => {
  it('trusts the window’s main frame showing the app’s page', () => {
    const main = frame(appUrl);
    expect(isTrustedSenderFrame(main, main, pages.isAppUrl)).toBe(true);
    expect(isTrustedSenderFrame(frame(`${appUrl}#/account`), null, pages.isAppUrl)).toBe(false);
  });

  it('refuses a missing frame (navigated away or destroyed)', () => {
    const main = frame(appUrl);
    expect(isTrustedSenderFrame(null, main, pages.isAppUrl)).toBe(false);
    expect(isTrustedSenderFrame(undefined, main, pages.isAppUrl)).toBe(false);
  });

  it('refuses a sub-frame, even one showing the app’s page', () => {
    const main = frame(appUrl);
    const child = frame(appUrl, main);
    expect(isTrustedSenderFrame(child, main, pages.isAppUrl)).toBe(false);
  });

  it('refuses another window’s frame', () => {
    expect(isTrustedSenderFrame(frame(appUrl), frame(appUrl), pages.isAppUrl)).toBe(false);
  });

  it('refuses the main frame once it shows another page', () => {
    for (const url of ['https://evil.example/', 'file:///tmp/index.html', 'about:blank', 'data:text/html,hi']) {
      const main = frame(url);
      expect(isTrustedSenderFrame(main, main, pages.isAppUrl), url).toBe(false);
    }
  });

  it('refuses a frame that throws when read (destroyed)', () => {
    const main = {
      parent: null,
      get url(): string {
        throw new Error('Render frame was disposed');
      },
    };
    expect(isTrustedSenderFrame(main, main, pages.isAppUrl)).toBe(false);
  });
});

describe('appPages', () => {
  it('is the built index.html at app://plex-signin/, with any query or fragment, and nothing else', () => {
    expect(appUrl).toBe('app://plex-signin/index.html');
    expect(pages.isAppUrl(appUrl)).toBe(true);
    expect(pages.isAppUrl(`${appUrl}?x=1#/signed-in`)).toBe(true);
    for (const url of [
      'app://plex-signin/other.html',
      'app://other-host/index.html',
      'app://user@plex-signin/index.html',
      'file:///opt/Plex%20Sign-In/resources/app.asar/out/renderer/index.html',
      'https://plex-signin/index.html',
      'not a url',
    ]) {
      expect(pages.isAppUrl(url), url).toBe(false);
    }
  });

  it('is the dev server’s origin in development', () => {
    const dev = appPages({ devServerUrl: 'http://localhost:5173' });
    expect(dev.entryUrl).toBe('http://localhost:5173');
    expect(dev.isAppUrl('http://localhost:5173/')).toBe(true);
    expect(dev.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(dev.isAppUrl('http://127.0.0.1:5173/')).toBe(false);
    expect(dev.isAppUrl('file:///x/index.html')).toBe(false);
    expect(dev.isAppUrl('data:text/html,hi')).toBe(false);
  });
});
