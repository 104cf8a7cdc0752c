import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientInfo, describeThisComputer } from '../../src/core/client-info';
import { createPlexClient, type PlexClientOptions } from '../../src/core/plex-client';

// plex.tv reads header values as UTF-8 (docs/plex-api.md §2, §5c): a computer called
// `Büro-PC` or `客厅` must arrive as those UTF-8 bytes, neither stripped nor sent as
// Latin-1, over both transports the client runs on. Checked byte for byte against a
// capturing server, since the fake decodes what it receives.

let server: http.Server;
let apiUrl: string;
const received: Buffer[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    // Node hands header values over one char per byte received: latin1 gives the bytes back.
    const raw = req.headers['x-plex-device-name'];
    if (typeof raw === 'string') received.push(Buffer.from(raw, 'latin1'));
    req.resume();
    res.writeHead(401, { 'Content-Type': 'application/json' });
    res.end('{"errors":[{"code":1001,"message":"User could not be authenticated","status":401}]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const TRANSPORTS: [string, PlexClientOptions['transport']][] = [
  ['node:http', undefined],
  ['fetch', { adapter: 'fetch' }],
];

describe.each(TRANSPORTS)('X-Plex-* headers over %s', (_name, transport) => {
  it.each(['Büro-PC', '客厅', 'Wohnzimmer 🎬', 'plain-ascii'])('send %s as its UTF-8 bytes', async (deviceName) => {
    const client: ClientInfo = { ...describeThisComputer('Plex Sign-In Tests', '0', 'test-id-123'), deviceName };
    const result = await createPlexClient({ apiUrl, client, ...(transport ? { transport } : {}) }).signIn({
      login: 'a',
      password: 'b',
      rememberMe: true,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-credentials' } }); // the request went out
    expect(received.at(-1)?.toString('hex')).toBe(Buffer.from(deviceName, 'utf8').toString('hex'));
  });
});
