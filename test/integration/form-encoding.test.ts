import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeThisComputer } from '../../src/core/client-info';
import { createPlexClient } from '../../src/core/plex-client';

// The fake never records passwords (docs/plex-api.md §6.4), so the exact bytes on the
// wire are checked against a capturing server: what it decodes must be what the user typed.

let server: http.Server;
let apiUrl: string;
const received: { contentType?: string; fields: Record<string, string> }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fields = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      received.push({ contentType: req.headers['content-type'], fields });
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end('{"errors":[{"code":1001,"message":"User could not be authenticated","status":401}]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sign-in form encoding', () => {
  it('sends an awkward password, login and backup code byte for byte, with the exact field names', async () => {
    const client = createPlexClient({ apiUrl, client: describeThisComputer('t', '0', 'test-id-123') });
    const password = 'pä$$ wörd&=+%/🔑';
    const result = await client.signIn({
      login: 'ünïcode+user@example.com',
      password,
      verificationCode: '4f7k9m2q8x3c5v1b',
      rememberMe: false,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-credentials' } });
    expect(received).toHaveLength(1);
    expect(received[0]?.contentType).toBe('application/x-www-form-urlencoded');
    expect(received[0]?.fields).toEqual({
      login: 'ünïcode+user@example.com',
      password,
      rememberMe: 'false',
      verificationCode: '4f7k9m2q8x3c5v1b',
    });
  });

  it('leaves verificationCode out entirely when the user gave none', async () => {
    const client = createPlexClient({ apiUrl, client: describeThisComputer('t', '0', 'test-id-123') });
    await client.signIn({ login: 'a', password: 'b', rememberMe: true });
    expect(received.at(-1)?.fields).toEqual({ login: 'a', password: 'b', rememberMe: 'true' });
  });
});
