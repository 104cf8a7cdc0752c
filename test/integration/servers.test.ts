import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bestConnection } from '../../src/core/best-connection';
import { probeServer } from '../../src/core/server-probe';
import { listServers, type PlexServer } from '../../src/core/servers';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { SEEDED } from '../../testing/seeded-accounts';
import { testClient } from '../support/clients';

// Servers from /resources (docs/plex-api.md §5b) against the fake plex.tv, and the
// reachability probe against small local servers that answer /identity, or hang.

let fake: FakeHandle;
beforeAll(async () => {
  fake = await useFakePlex();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const { alice, bob } = SEEDED;

async function signIn(login: string, password: string, verificationCode?: string): Promise<string> {
  const result = await testClient(fake).signIn({
    login,
    password,
    rememberMe: true,
    ...(verificationCode ? { verificationCode } : {}),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.token;
}

describe('listServers', () => {
  it("gives alice's NAS and dave's server, each with its own token and a best address", async () => {
    const token = await signIn(alice.login, alice.password);
    const result = await listServers(testClient(fake), token);
    if (!result.ok) throw new Error(result.error.message);
    const [nas, dave] = result.value;
    expect(result.value).toHaveLength(2); // the Plex Web player is not a server
    expect(nas).toMatchObject({ name: "Alice's NAS", owned: true, owner: null });
    expect(dave).toMatchObject({ name: "Dave's Server", owned: false, owner: 'dave', httpsRequired: true });
    expect(new Set([nas!.accessToken, dave!.accessToken, token]).size).toBe(3);
    expect(bestConnection(nas!)).toMatchObject({ protocol: 'https', local: true, port: 32400 });
    expect(bestConnection(dave!)).toMatchObject({ protocol: 'https', local: false });
    const [request] = (await fake.requests()).filter((r) => r.path === '/api/v2/resources');
    expect(request?.query).toEqual({ includeHttps: '1', includeRelay: '1', includeIPv6: '1' });
  });

  it('bob has none; a dead token is token-invalid', async () => {
    const token = await signIn(bob.login, bob.password, bob.code);
    expect(await listServers(testClient(fake), token)).toEqual({ ok: true, value: [] });
    await fake.revoke(token);
    expect(await listServers(testClient(fake), token)).toMatchObject({ ok: false, error: { kind: 'token-invalid' } });
  });
});

// --- the probe ----------------------------------------------------------------------

const servers: Server[] = [];
const seen: { port: number; headers: Record<string, string | string[] | undefined> }[] = [];

/** A local stand-in for a Plex Media Server: answers /identity, answers as another server, hangs, or is a captive portal. */
async function localServer(
  mode: 'answer' | 'other' | 'hang' | 'portal',
  machineIdentifier = 'nas-machine-id',
): Promise<string> {
  const server = createServer((req, res) => {
    seen.push({ port: (server.address() as AddressInfo).port, headers: req.headers });
    if (mode === 'hang') return; // never answers
    if (mode === 'portal') {
      res.setHeader('Content-Type', 'text/html');
      res.end('<html><body>Sign in to the hotel Wi-Fi</body></html>');
      return;
    }
    res.setHeader('Content-Type', 'application/json');
    res.end(
      JSON.stringify({
        MediaContainer: {
          size: 0,
          claimed: true,
          machineIdentifier: mode === 'other' ? 'someone-else' : machineIdentifier,
          version: '1.41.3',
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

function serverWith(
  connections: { uri: string; local: boolean; relay?: boolean; protocol?: 'http' | 'https' }[],
): PlexServer {
  return {
    name: 'NAS',
    clientIdentifier: 'nas-machine-id',
    owned: true,
    owner: null,
    accessToken: 'server-token-placeholder',
    httpsRequired: false,
    publicAddressMatches: true,
    presence: true,
    connections: connections.map((c) => ({
      protocol: c.protocol ?? 'http',
      address: '127.0.0.1',
      port: Number(new URL(c.uri).port),
      uri: c.uri,
      local: c.local,
      relay: c.relay ?? false,
      ipv6: false,
    })),
  };
}

describe('probeServer', () => {
  it('picks the best-ranked address that answers, in bounded time when a better one hangs', async () => {
    const hanging = await localServer('hang');
    const answering = await localServer('answer');
    const relay = await localServer('answer');
    const server = serverWith([
      { uri: relay, local: false, relay: true },
      { uri: answering, local: false },
      { uri: hanging, local: true },
    ]);
    const started = Date.now();
    const result = await probeServer(server, { timeoutMs: 800, clientIdentifier: 'probe-test' });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(result.connection?.uri).toBe(answering);
    expect(result.tried.map((t) => t.uri)).toEqual([hanging, answering, relay]);
    expect(result.tried.slice(0, 2).map((t) => t.answered)).toEqual([false, true]);
  });

  it('takes the first in preference order even when a worse one answers sooner', async () => {
    const best = await localServer('answer');
    const worse = await localServer('answer');
    const result = await probeServer(
      serverWith([
        { uri: worse, local: false },
        { uri: best, local: true },
      ]),
      { timeoutMs: 2_000 },
    );
    expect(result.connection?.uri).toBe(best);
  });

  it('an address that answers as another server does not count', async () => {
    const impostor = await localServer('other');
    const result = await probeServer(serverWith([{ uri: impostor, local: true }]), { timeoutMs: 2_000 });
    expect(result.connection).toBeNull();
  });

  it('a 200 page without this server’s identity (a captive portal) does not count', async () => {
    const portal = await localServer('portal');
    const result = await probeServer(serverWith([{ uri: portal, local: true }]), { timeoutMs: 2_000 });
    expect(result.connection).toBeNull();
  });

  it('all hanging: null, within the time limit', async () => {
    const a = await localServer('hang');
    const b = await localServer('hang');
    const started = Date.now();
    const result = await probeServer(
      serverWith([
        { uri: a, local: true },
        { uri: b, local: false },
      ]),
      { timeoutMs: 500 },
    );
    expect(result.connection).toBeNull();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('sends no token at all, neither the account token nor the server token', async () => {
    seen.length = 0;
    const uri = await localServer('answer');
    await probeServer(serverWith([{ uri, local: true }]), { timeoutMs: 2_000, clientIdentifier: 'probe-test' });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers['x-plex-token']).toBeUndefined();
    expect(JSON.stringify(seen[0]?.headers)).not.toContain('server-token-placeholder');
    expect(seen[0]?.headers['x-plex-client-identifier']).toBe('probe-test');
  });

  it('can be cancelled', async () => {
    const uri = await localServer('hang');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const result = await probeServer(serverWith([{ uri, local: true }]), {
      timeoutMs: 5_000,
      signal: controller.signal,
    });
    expect(result.connection).toBeNull();
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
