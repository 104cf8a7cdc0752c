import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A pass-through proxy in front of the fake plex.tv that can hold requests: while the
// gate is closed, nothing the app sends reaches the fake (nor is answered), so a spec can
// prove that something appeared on screen without any request, then open the gate and
// let the held requests through. Every arrival is noted. A spec may also rewrite JSON
// answers on their way back (the docs screenshots give a pin a fixed code).

export interface GateArrival {
  method: string;
  path: string;
  /** Date.now() when the request reached the gate. */
  at: number;
}

export interface ApiGate {
  /** Point the app here instead of the fake: `${gate origin}/api/v2`. */
  apiUrl: string;
  arrivals(): GateArrival[];
  /** Hold every request from now on until open(). */
  close(): void;
  /** Let held and later requests through to the fake. */
  open(): void;
  /** Resolves with the next arrival (or the first one already held). */
  nextArrival(): Promise<GateArrival>;
  stop(): Promise<void>;
}

export interface ApiGateOptions {
  /** Rewrites a JSON answer (parsed) to the request `method path`; return it unchanged to pass it on. */
  rewriteJson?: (request: { method: string; path: string }, body: unknown) => unknown;
}

/** `port` 0 picks a free one; a wanted port that is taken falls back to a free one. */
export async function startApiGate(upstreamOrigin: string, port = 0, options: ApiGateOptions = {}): Promise<ApiGate> {
  const upstream = new URL(upstreamOrigin);
  const arrivals: GateArrival[] = [];
  let held: Array<() => void> | null = null;
  const waiters: Array<(arrival: GateArrival) => void> = [];

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const out = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        const rewrite = options.rewriteJson;
        if (!rewrite || !/json/.test(String(answer.headers['content-type'] ?? ''))) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          const request = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0] ?? '/' };
          const text = Buffer.concat(parts).toString('utf8');
          const body = Buffer.from(JSON.stringify(rewrite(request, JSON.parse(text) as unknown)), 'utf8');
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    // The fake dropping the connection (a `reset` fault) is passed on as a dropped connection.
    out.on('error', () => req.socket.destroy());
    out.end(body);
  };

  const server = createServer((req, res) => {
    const arrival = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0] ?? '/', at: Date.now() };
    arrivals.push(arrival);
    for (const wake of waiters.splice(0)) wake(arrival);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const go = () => forward(req, res, Buffer.concat(chunks));
      if (held) held.push(go);
      else go();
    });
  });
  const listen = (wanted: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(wanted, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(port).catch(() => listen(0));
  const bound = (server.address() as AddressInfo).port;

  return {
    apiUrl: `http://127.0.0.1:${bound}/api/v2`,
    arrivals: () => [...arrivals],
    close() {
      held ??= [];
    },
    open() {
      const release = held ?? [];
      held = null;
      for (const go of release) go();
    },
    nextArrival: () => new Promise((resolve) => waiters.push(resolve)),
    stop: () =>
      new Promise<void>((resolve) => {
        held = null;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
