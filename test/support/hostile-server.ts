import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

// A server on 127.0.0.1 that answers the way no honest plex.tv would: bodies without end,
// decompression bombs, a byte at a time. It counts what it managed to send, so tests can
// tell a client that hung up early from one that swallowed everything.

export interface HostileServer {
  apiUrl: string;
  /** Body bytes written to clients so far (before any compression the client undoes). */
  sentBytes(): number;
  close(): Promise<void>;
}

type Handler = (res: http.ServerResponse, count: (bytes: number) => void) => void;

export async function startHostileServer(handler: Handler): Promise<HostileServer> {
  let sent = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(res, (bytes) => (sent += bytes)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v2`,
    sentBytes: () => sent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const MiB = 1024 * 1024;

/** Writes `chunk` up to `total` bytes, waiting whenever the client does not keep up. */
function pump(res: http.ServerResponse, chunk: Buffer, total: number, count: (bytes: number) => void): void {
  let written = 0;
  let stopped = false;
  res.on('close', () => (stopped = true));
  const next = (): void => {
    while (!stopped && written < total) {
      written += chunk.length;
      count(chunk.length);
      if (!res.write(chunk)) {
        res.once('drain', next);
        return;
      }
    }
    if (!stopped) res.end();
  };
  next();
}

/** A JSON answer of `totalMiB` MiB of spaces: declared up front, or chunked without a length. */
export const endlessBody =
  (totalMiB: number, declared: boolean, status = 201): Handler =>
  (res, count) => {
    const headers: http.OutgoingHttpHeaders = { 'Content-Type': 'application/json' };
    if (declared) headers['Content-Length'] = totalMiB * MiB;
    res.writeHead(status, headers);
    pump(res, Buffer.alloc(64 * 1024, 0x20), totalMiB * MiB, count);
  };

/** One gzip member of 16 MiB of spaces (about 16 KB); members back to back decompress as one. */
let member: Buffer | undefined;

/** A gzip body that decompresses to `totalMiB` MiB while only ~1/1000 of that travels. */
export const gzipBomb =
  (totalMiB: number): Handler =>
  (res, count) => {
    member ??= zlib.gzipSync(Buffer.alloc(16 * MiB, 0x20), { level: 9 });
    res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    pump(res, member, Math.ceil(totalMiB / 16) * member.length, count);
  };

/** Headers at once, then one byte every `everyMs` for ever: never idle, never done. */
export const trickle =
  (everyMs: number): Handler =>
  (res, count) => {
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.write('{');
    const timer = setInterval(() => {
      count(1);
      res.write(' ');
    }, everyMs);
    res.on('close', () => clearInterval(timer));
  };

/** A well-formed account of about `sizeKiB` KiB (an unknown field carries the padding). */
export const paddedAccount =
  (sizeKiB: number): Handler =>
  (res, count) => {
    const body = Buffer.from(
      JSON.stringify({
        id: 1,
        uuid: 'u-1',
        username: 'padded',
        title: 'padded',
        friendlyName: '',
        email: 'padded@example.com',
        authToken: 'FAKE-TOKEN-aaaaaaaaaaaa',
        joinedAt: 1_600_000_000,
        hasPassword: true,
        twoFactorEnabled: false,
        padding: 'p'.repeat(sizeKiB * 1024),
      }),
    );
    count(body.length);
    res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': body.length });
    res.end(body);
  };
