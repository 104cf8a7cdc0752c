import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

// The renderer is served from app://plex-signin/, a privileged scheme of the app's own,
// instead of file://, where the CSP's 'self' would admit any file on the disk. This is the
// handler's logic, without Electron: only GET/HEAD of a file inside the built renderer
// folder, after decoding, with no way out through dot segments, encoded slashes,
// backslashes, NUL bytes or symlinks. Everything else is a 404.

export const APP_SCHEME = 'app';
export const APP_HOST = 'plex-signin';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged: standard (relative URLs, an origin) and secure; not bypassCSP. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true } as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The file of `rootDir` that `url` names, or null when it names none: another scheme or
 * host, a path that would leave the folder, or one with characters no built file has.
 */
export function appFileFor(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // a malformed escape
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  // Checked after decoding: %2e%2e, %2f and %5c are how a traversal hides from the URL parser.
  if (/[\0\\]/.test(relative)) return null;
  const segments = relative.split('/').slice(1);
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  const file = path.resolve(rootDir, ...segments);
  const inside = path.relative(rootDir, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/**
 * Answers one request of the app scheme from `rootDir`. The page itself carries `csp` as
 * a header (besides its meta tag), so the policy holds from the first byte.
 */
export async function serveAppFile(rootDir: string, method: string, url: string, csp: string): Promise<AppResponse> {
  const notFound: AppResponse = { status: 404, headers: { 'Content-Type': 'text/plain' }, body: null };
  if (method !== 'GET' && method !== 'HEAD') return { ...notFound, status: 405 };
  const file = appFileFor(rootDir, url);
  if (!file) return notFound;
  let body: Buffer;
  try {
    // A symlink inside the folder must not lead outside it.
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(file)]);
    const inside = path.relative(realRoot, realFile);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return notFound;
    body = await readFile(realFile);
  } catch {
    return notFound;
  }
  const extension = path.extname(file).toLowerCase();
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  if (extension === '.html') headers['Content-Security-Policy'] = csp;
  return { status: 200, headers, body: method === 'HEAD' ? null : body };
}
