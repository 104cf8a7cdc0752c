import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appFileFor, serveAppFile } from './app-scheme';

// The app scheme serves the built renderer folder and nothing outside it.

let root: string;
beforeAll(() => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'app-scheme-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'outside');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.js'));
});

describe('serveAppFile', () => {
  it('serves the page with its CSP header, and its assets', async () => {
    const page = await serveAppFile(root, 'GET', 'app://plex-signin/index.html', "default-src 'none'");
    expect(page.status).toBe(200);
    expect(page.headers['Content-Type']).toMatch(/^text\/html/);
    expect(page.headers['Content-Security-Policy']).toBe("default-src 'none'");
    expect(page.body?.toString()).toBe('<!doctype html>');
    const script = await serveAppFile(root, 'GET', 'app://plex-signin/assets/app.js?v=1', '');
    expect(script).toMatchObject({ status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
    expect((await serveAppFile(root, 'GET', 'app://plex-signin/', '')).status).toBe(200);
  });

  it('answers 404 for anything outside the folder, however it is spelled', async () => {
    for (const url of [
      'app://plex-signin/..%2Fsecret.txt',
      'app://plex-signin/%2e%2e%2fsecret.txt',
      'app://plex-signin/assets/..%2F..%2Fsecret.txt',
      'app://plex-signin/..%5Csecret.txt',
      'app://plex-signin/%2Fetc%2Fpasswd',
      'app://plex-signin/index.html%00.js',
      'app://plex-signin/assets/link.js',
      'app://plex-signin/assets//app.js',
      'app://plex-signin/missing.js',
      'app://plex-signin/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      expect((await serveAppFile(root, 'GET', url, '')).status, url).toBe(404);
    }
    expect(appFileFor(root, 'app://plex-signin/..%2Fsecret.txt')).toBeNull();
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serveAppFile(root, 'POST', 'app://plex-signin/index.html', '')).status).toBe(405);
    const head = await serveAppFile(root, 'HEAD', 'app://plex-signin/index.html', '');
    expect(head).toMatchObject({ status: 200, body: null });
  });
});
