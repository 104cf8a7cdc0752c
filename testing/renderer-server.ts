import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

// Serves the built renderer (out/renderer) on 127.0.0.1, as Electron would load it from
// disk: files byte for byte (index.html keeps its CSP meta), with the right content types.
// It serves a copy taken at start, so a rebuild during the run cannot pull files away.

export const RENDERER_DIR = path.resolve(__dirname, '../out/renderer');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface RendererServer {
  /** e.g. `http://127.0.0.1:41235/index.html`. */
  url: string;
  close(): Promise<void>;
}

export function assertRendererBuilt(dir = RENDERER_DIR): void {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${path.join(dir, 'index.html')} does not exist: build the app first (npx electron-vite build).`);
  }
}

export async function startRendererServer(dir = RENDERER_DIR): Promise<RendererServer> {
  assertRendererBuilt(dir);
  const root = await mkdtemp(path.join(tmpdir(), 'plex-signin-renderer-'));
  try {
    return await serve(root, dir);
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

/** Copies `dir` into `root` and serves the copy; close() stops the server and removes `root`. */
async function serve(root: string, dir: string): Promise<RendererServer> {
  await cp(dir, root, { recursive: true });
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
      const inside = file.startsWith(root + path.sep);
      const info = inside ? await stat(file).catch(() => null) : null;
      if (!info?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await rm(root, { recursive: true, force: true });
    },
  };
}
