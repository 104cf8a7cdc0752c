import { afterEach, describe, expect, it } from 'vitest';
import { describeThisComputer } from '../../src/core/client-info';
import { createPlexClient, type PlexClientOptions } from '../../src/core/plex-client';
import {
  endlessBody,
  gzipBomb,
  type HostileServer,
  paddedAccount,
  startHostileServer,
  trickle,
} from '../support/hostile-server';

// Every answer is bounded in size (on the wire and once decompressed) and in time, with
// both transports the client runs on: Node's http (the CLI) and fetch (the desktop app
// passes Electron's net.fetch; Node's own fetch stands in for it here).

const MiB = 1024 * 1024;
let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TRANSPORTS: [string, PlexClientOptions['transport']][] = [
  ['node:http', undefined],
  ['fetch', { adapter: 'fetch' }],
];

function clientFor(apiUrl: string, transport: PlexClientOptions['transport'], timeoutMs = 10_000) {
  return createPlexClient({
    apiUrl,
    client: describeThisComputer('Plex Sign-In Tests', '0.0.0-test', 'test-client-identifier-1'),
    timeoutMs,
    ...(transport ? { transport } : {}),
  });
}

/** Runs `task` while sampling this process's RSS; returns its result and the peak growth. */
async function measured<T>(task: () => Promise<T>): Promise<{ result: T; growthMiB: number; ms: number }> {
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const started = Date.now();
  try {
    const result = await task();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, growthMiB: (peak - base) / MiB, ms: Date.now() - started };
  } finally {
    clearInterval(timer);
  }
}

const signIn = (apiUrl: string, transport: PlexClientOptions['transport'], timeoutMs?: number) =>
  clientFor(apiUrl, transport, timeoutMs).signIn({ login: 'a', password: 'b', rememberMe: true });

describe.each(TRANSPORTS)('answers over %s', (_name, transport) => {
  it.each([
    ['declared up front', true],
    ['chunked, without a length', false],
  ])('stops reading a 64 MiB body %s at about 1 MiB: an unexpected answer', async (_how, declared) => {
    server = await startHostileServer(endlessBody(64, declared));
    const { result, growthMiB } = await measured(() => signIn(server!.apiUrl, transport));
    expect(result).toMatchObject({ ok: false, error: { kind: 'unexpected-response' } });
    // What the kernel buffers between the two ends is all that may have gone out beyond the cap.
    expect(server.sentBytes()).toBeLessThan(24 * MiB);
    expect(growthMiB).toBeLessThan(40);
  });

  it('refuses an error body over the cap the same way', async () => {
    server = await startHostileServer(endlessBody(64, false, 401));
    expect(await signIn(server.apiUrl, transport)).toMatchObject({ ok: false, error: { kind: 'unexpected-response' } });
    expect(server.sentBytes()).toBeLessThan(24 * MiB);
  });

  it('survives a gzip bomb (256 MiB from 256 KB) without the memory to hold it', async () => {
    server = await startHostileServer(gzipBomb(256));
    const { result, growthMiB } = await measured(() => signIn(server!.apiUrl, transport));
    expect(result).toMatchObject({ ok: false, error: { kind: 'unexpected-response' } });
    expect(growthMiB).toBeLessThan(40);
  });

  it('gives up on a server trickling a byte every 100 ms at the deadline, not when it goes idle', async () => {
    server = await startHostileServer(trickle(100));
    const { result, ms } = await measured(() => signIn(server!.apiUrl, transport, 1000));
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(2500);
  });

  it('still reads an account of 900 KiB (an honest answer never comes close)', async () => {
    server = await startHostileServer(paddedAccount(900));
    expect(await signIn(server.apiUrl, transport)).toMatchObject({
      ok: true,
      value: { account: { username: 'padded' } },
    });
  });
});
