// Reading what a client sent: path and query, X-Plex-* parameters (header or query
// string, as plex.tv accepts both) and the body, decoded as UTF-8.

import type { IncomingMessage } from 'node:http';

/** Bodies beyond this are refused: no legitimate plex.tv request comes close. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super(`request body exceeds ${MAX_BODY_BYTES} bytes`);
  }
}

export interface RequestTarget {
  /** Path without the query string, exactly as sent. */
  path: string;
  query: URLSearchParams;
}

/**
 * Splits the request target by hand: `new URL(target, base)` would read `//x/y` as a
 * host name, and the fake must answer any target, however odd.
 */
export function splitTarget(target: string): RequestTarget {
  const mark = target.indexOf('?');
  if (mark === -1) return { path: target, query: new URLSearchParams() };
  return { path: target.slice(0, mark), query: new URLSearchParams(target.slice(mark + 1)) };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Node hands header values over as latin1 (one char per byte). Clients send UTF-8
 * (`X-Plex-Device-Name: Küche`), so re-read the bytes as UTF-8 when they are valid
 * UTF-8, and keep the latin1 reading otherwise.
 */
export function headerText(raw: string | string[] | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw.join(', ') : raw;
  if (!/[\u0080-\u00ff]/.test(value)) return value;
  try {
    return strictUtf8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

/** All headers with lower-case names and UTF-8 values, for the request log. */
export function headerRecord(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, raw] of Object.entries(req.headers)) {
    const value = headerText(raw);
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return headers;
}

/**
 * An X-Plex-* parameter from the header, else from the query string (name matched
 * case-insensitively there too). Empty values count as absent.
 */
export function plexParam(req: IncomingMessage, query: URLSearchParams, name: string): string | undefined {
  const fromHeader = headerText(req.headers[name.toLowerCase()]);
  if (fromHeader !== undefined && fromHeader !== '') return fromHeader;
  const wanted = name.toLowerCase();
  for (const [key, value] of query) {
    if (key.toLowerCase() === wanted && value !== '') return value;
  }
  return undefined;
}

/**
 * Collects the body as Buffers and decodes once at the end, so a multi-byte character
 * split across chunks survives.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => (tooLarge ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    // A client that hangs up mid-body ends here (no-op when 'end' came first).
    req.on('close', () => reject(new Error('client closed the connection before the body ended')));
  });
}

/** An application/x-www-form-urlencoded body. Malformed input never throws. */
export function parseForm(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString('utf8'));
}
