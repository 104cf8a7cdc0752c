// The fake's Authorized Devices, resources and ping (plex-api.md §5a, §5b, §6), over real
// HTTP. Runs against an in-process fake, or against the server PLEX_FAKE_URL names.

import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useFakePlex, type FakeHandle } from './control';

const CLIENT = 'fake-devices-test-client-1';
const DAY = 24 * 60 * 60;

let fake: FakeHandle;

beforeAll(async () => {
  fake = await useFakePlex();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  await fake.reset();
});

interface Reply {
  status: number;
  type: string | null;
  text: string;
}

async function call(
  url: string,
  opts: {
    method?: string;
    token?: string;
    clientId?: string | null;
    json?: boolean;
    headers?: Record<string, string>;
    form?: Record<string, string>;
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.json !== false) headers['Accept'] = 'application/json';
  if (opts.clientId !== null) headers['X-Plex-Client-Identifier'] = opts.clientId ?? CLIENT;
  if (opts.token !== undefined) headers['X-Plex-Token'] = opts.token;
  let body: string | undefined;
  if (opts.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(opts.form).toString();
  }
  const response = await fetch(url, { method: opts.method ?? 'GET', headers, body });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

async function signIn(login: string, password: string, clientId = CLIENT, headers: Record<string, string> = {}) {
  const reply = await call(`${fake.apiUrl}/users/signin`, {
    method: 'POST',
    clientId,
    headers,
    form: { login, password, rememberMe: 'true' },
  });
  expect(reply.status).toBe(201);
  return JSON.parse(reply.text) as { authToken: string; rememberExpiresAt: number };
}

/** bob has two-step verification: sign in with his code. */
async function bobToken(): Promise<string> {
  const reply = await call(`${fake.apiUrl}/users/signin`, {
    method: 'POST',
    form: { login: 'bob', password: 'bob-pass-2', verificationCode: '123456', rememberMe: 'true' },
  });
  expect(reply.status).toBe(201);
  return (JSON.parse(reply.text) as { authToken: string }).authToken;
}

interface XmlDevice {
  name: string;
  product: string;
  platform: string;
  clientIdentifier: string;
  id: string;
  token: string;
  createdAt: string;
  lastSeenAt: string;
  provides: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  isArray: (name) => name === 'Device',
});

async function devicesXml(
  token: string,
  opts: { json?: boolean } = {},
): Promise<{ reply: Reply; devices: XmlDevice[] }> {
  const reply = await call(`${fake.origin}/devices.xml`, { token, json: opts.json ?? false });
  const doc = parser.parse(reply.text) as { MediaContainer?: { Device?: XmlDevice[] } };
  return { reply, devices: doc.MediaContainer?.Device ?? [] };
}

async function aliceSeededToken(product: string): Promise<string> {
  const entry = (await fake.allDevices()).find((d) => d.seeded && d.product === product);
  if (!entry) throw new Error(`no seeded ${product}`);
  return entry.token;
}

describe('seeded devices', () => {
  it('alice starts with Plex Web, Tautulli and two stale PlexAPI devices, each with a live token', async () => {
    const seeded = (await fake.allDevices()).filter((d) => d.seeded);
    expect(seeded.map((d) => d.product).sort()).toEqual(['Plex Web', 'PlexAPI', 'PlexAPI', 'Tautulli']);
    expect(seeded.every((d) => d.login === 'alice')).toBe(true);
    for (const d of seeded) expect((await call(`${fake.apiUrl}/user`, { token: d.token })).status).toBe(200);
    // The test helper's devices() leaves them out: it lists what clients made.
    expect(await fake.devices()).toEqual([]);
  });

  it('are made again, with new tokens, by reset', async () => {
    const before = await aliceSeededToken('Tautulli');
    await fake.reset();
    const after = await aliceSeededToken('Tautulli');
    expect(after).not.toBe(before);
    expect((await call(`${fake.apiUrl}/user`, { token: before })).status).toBe(401);
  });
});

describe('GET /devices.xml', () => {
  it('lists the account devices with §5b attributes, as XML even when JSON is asked for', async () => {
    const { authToken } = await signIn('alice', 'alice-pass-1', CLIENT, {
      'X-Plex-Product': 'Plex Sign-In',
      'X-Plex-Device-Name': Buffer.from('Büro-PC 🎬', 'utf8').toString('latin1'),
      'X-Plex-Platform': 'Linux',
    });
    const { reply, devices } = await devicesXml(authToken, { json: true });
    expect(reply.status).toBe(200);
    expect(reply.type).toBe('application/xml; charset=utf-8');
    expect(devices).toHaveLength(5);
    const now = Math.floor(Date.now() / 1000);
    const mine = devices.find((d) => d.clientIdentifier === CLIENT);
    expect(mine).toMatchObject({ name: 'Büro-PC 🎬', product: 'Plex Sign-In', platform: 'Linux', token: authToken });
    expect(Number(mine?.createdAt)).toBeGreaterThan(now - 60);
    const web = devices.find((d) => d.product === 'Plex Web');
    expect(now - Number(web?.lastSeenAt)).toBeLessThan(DAY);
    const stale = devices.filter((d) => d.product === 'PlexAPI');
    expect(stale).toHaveLength(2);
    for (const d of stale) expect(Math.round((now - Number(d.lastSeenAt)) / DAY)).toBe(400);
    expect(new Set(devices.map((d) => d.id)).size).toBe(5);
    for (const d of devices) expect(d.id).toMatch(/^\d+$/);
  });

  it("lists only the token's own account's devices", async () => {
    const authToken = await bobToken();
    const { devices } = await devicesXml(authToken);
    expect(devices.map((d) => d.clientIdentifier)).toEqual([CLIENT]);
  });

  it('updates lastSeenAt on each request with the device token', async () => {
    const stale = (await fake.allDevices()).find((d) => d.product === 'PlexAPI');
    expect((await call(`${fake.apiUrl}/ping`, { token: stale!.token })).status).toBe(200);
    const { devices } = await devicesXml(stale!.token);
    const seen = devices.find((d) => d.clientIdentifier === stale!.clientIdentifier);
    expect(Math.floor(Date.now() / 1000) - Number(seen?.lastSeenAt)).toBeLessThan(60);
  });

  it('keeps a device whose token was signed out, with an empty token, until it is removed', async () => {
    const { authToken } = await signIn('alice', 'alice-pass-1');
    expect((await call(`${fake.apiUrl}/users/signout`, { method: 'DELETE', token: authToken })).status).toBe(204);
    const { devices } = await devicesXml(await aliceSeededToken('Tautulli'));
    expect(devices.find((d) => d.clientIdentifier === CLIENT)?.token).toBe('');
  });

  it('answers 401 in XML for a dead token and 400 without a client identifier', async () => {
    const dead = await call(`${fake.origin}/devices.xml`, { token: 'no-such-token-000000', json: true });
    expect(dead.status).toBe(401);
    expect(dead.text).toContain('<error code="1001"');
    const noClient = await call(`${fake.origin}/devices.xml`, { clientId: null, token: 'x' });
    expect(noClient.status).toBe(400);
  });

  it('is logged like /api/v2 requests', async () => {
    const token = await aliceSeededToken('Tautulli');
    await devicesXml(token);
    expect((await fake.requests()).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /devices.xml']);
  });
});

describe('DELETE /devices/{id}.xml', () => {
  it('answers 200, removes the device and kills its token, and only its', async () => {
    const aliceToken = await aliceSeededToken('Tautulli');
    const { devices } = await devicesXml(aliceToken);
    const victim = devices.find((d) => d.product === 'PlexAPI')!;
    const reply = await call(`${fake.origin}/devices/${victim.id}.xml`, {
      method: 'DELETE',
      token: aliceToken,
      json: false,
    });
    expect(reply.status).toBe(200);
    expect((await call(`${fake.apiUrl}/user`, { token: victim.token })).status).toBe(401);
    expect((await call(`${fake.apiUrl}/user`, { token: aliceToken })).status).toBe(200);
    const after = await devicesXml(aliceToken);
    expect(after.devices.map((d) => d.id)).not.toContain(victim.id);
    expect(after.devices).toHaveLength(3);
    const again = await call(`${fake.origin}/devices/${victim.id}.xml`, { method: 'DELETE', token: aliceToken });
    expect(again.status).toBe(404);
  });

  it("answers 404 for an unknown id and for another account's device", async () => {
    const aliceToken = await aliceSeededToken('Tautulli');
    const { authToken: carolOnPin } = await (async () => {
      const pin = await call(`${fake.apiUrl}/pins`, {
        method: 'POST',
        clientId: 'carol-client',
        headers: { 'X-Plex-Product': 'Test' },
      });
      const { id } = JSON.parse(pin.text) as { id: number };
      await fake.claimPin(id, 'carol');
      const polled = await call(`${fake.apiUrl}/pins/${id}`, { clientId: 'carol-client' });
      return JSON.parse(polled.text) as { authToken: string };
    })();
    const { devices } = await devicesXml(aliceToken);
    const foreign = await call(`${fake.origin}/devices/${devices[0]!.id}.xml`, { method: 'DELETE', token: carolOnPin });
    expect(foreign.status).toBe(404);
    expect((await call(`${fake.apiUrl}/user`, { token: devices[0]!.token })).status).toBe(200);
    expect((await call(`${fake.origin}/devices/99999999.xml`, { method: 'DELETE', token: aliceToken })).status).toBe(
      404,
    );
    expect((await call(`${fake.origin}/devices/abc.xml`, { method: 'DELETE', token: aliceToken })).status).toBe(404);
  });
});

describe('a pin approved with PUT /pins/link', () => {
  it("gives the pin's creator its own token and device, named by its headers", async () => {
    const aliceToken = await aliceSeededToken('Tautulli');
    const toolHeaders = {
      'X-Plex-Product': 'Kometa',
      'X-Plex-Device-Name': Buffer.from('Kometa "Büro" 🎬', 'utf8').toString('latin1'),
    };
    const pinReply = await call(`${fake.apiUrl}/pins`, {
      method: 'POST',
      clientId: 'tool-client-1',
      headers: toolHeaders,
    });
    const pin = JSON.parse(pinReply.text) as { id: number; code: string };
    const link = await call(`${fake.apiUrl}/pins/link`, { method: 'PUT', token: aliceToken, form: { code: pin.code } });
    expect(link.status).toBe(204);
    const polled = JSON.parse((await call(`${fake.apiUrl}/pins/${pin.id}`, { clientId: 'tool-client-1' })).text) as {
      authToken: string;
    };
    expect(polled.authToken).not.toBe(aliceToken);
    expect(await fake.devices()).toEqual([
      expect.objectContaining({
        login: 'alice',
        clientIdentifier: 'tool-client-1',
        product: 'Kometa',
        deviceName: 'Kometa "Büro" 🎬',
        token: polled.authToken,
      }),
    ]);
    expect((await call(`${fake.apiUrl}/user`, { token: aliceToken })).status).toBe(200);
  });
});

describe('GET /resources', () => {
  interface Resource {
    name: string;
    provides: string;
    owned: boolean;
    sourceTitle: string | null;
    accessToken: string | null;
    httpsRequired: boolean;
    connections: { protocol: string; uri: string; local: boolean; relay: boolean; port: number }[];
  }
  const resources = async (token: string, query = '?includeHttps=1&includeRelay=1&includeIPv6=1') => {
    const reply = await call(`${fake.apiUrl}/resources${query}`, { token });
    return { status: reply.status, body: reply.status === 200 ? (JSON.parse(reply.text) as Resource[]) : [] };
  };

  it("alice owns her NAS and sees dave's server, each with its own access token", async () => {
    const { authToken } = await signIn('alice', 'alice-pass-1');
    const { status, body } = await resources(authToken);
    expect(status).toBe(200);
    const servers = body.filter((r) => r.provides.split(',').includes('server'));
    expect(servers.map((s) => s.name)).toEqual(["Alice's NAS", "Dave's Server"]);
    const [nas, dave] = servers;
    expect(nas).toMatchObject({ owned: true });
    expect(dave).toMatchObject({ owned: false, sourceTitle: 'dave' });
    expect(nas!.accessToken).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(new Set([nas!.accessToken, dave!.accessToken, authToken]).size).toBe(3);
    const kinds = nas!.connections
      .map((c) => `${c.local ? 'local' : c.relay ? 'relay' : 'remote'} ${c.protocol} ${c.port}`)
      .sort();
    expect(kinds).toEqual(['local http 32400', 'local https 32400', 'relay https 8443', 'remote https 41234']);
    for (const c of nas!.connections.filter((c) => c.protocol === 'https'))
      expect(new URL(c.uri).hostname).toMatch(/\.plex\.direct$/);
    expect(nas!.connections.find((c) => c.protocol === 'http')?.uri).toBe('http://192.168.1.20:32400');
    expect(dave!.connections).toHaveLength(1);
    expect(dave!.connections[0]).toMatchObject({ protocol: 'https', local: false, relay: false });
  });

  it('includeHttps=0 drops https connections and includeRelay=0 drops relays', async () => {
    const { authToken } = await signIn('alice', 'alice-pass-1');
    const noHttps = (await resources(authToken, '?includeHttps=0&includeRelay=1')).body;
    expect(noHttps.flatMap((r) => r.connections).every((c) => c.protocol === 'http')).toBe(true);
    const noRelay = (await resources(authToken, '?includeHttps=1&includeRelay=0')).body;
    const nas = noRelay.find((r) => r.name === "Alice's NAS");
    expect(nas?.connections).toHaveLength(3);
    expect(nas?.connections.some((c) => c.relay)).toBe(false);
  });

  it('bob and carol have none; a dead token gets 401/1001', async () => {
    expect(await resources(await bobToken())).toEqual({ status: 200, body: [] });
    const dead = await call(`${fake.apiUrl}/resources`, { token: 'no-such-token-000000' });
    expect(dead.status).toBe(401);
    expect(JSON.parse(dead.text)).toEqual({
      errors: [{ code: 1001, message: 'User could not be authenticated', status: 401 }],
    });
  });

  it('the access tokens change on reset', async () => {
    const first = (await resources(await aliceSeededToken('Tautulli'))).body[0]?.accessToken;
    await fake.reset();
    const second = (await resources(await aliceSeededToken('Tautulli'))).body[0]?.accessToken;
    expect(second).not.toBe(first);
  });
});

describe('GET /ping', () => {
  it('answers {"pong":true} and pushes rememberExpiresAt forward', async () => {
    const { authToken, rememberExpiresAt } = await signIn('alice', 'alice-pass-1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const pong = await call(`${fake.apiUrl}/ping`, { token: authToken });
    expect(pong.status).toBe(200);
    expect(JSON.parse(pong.text)).toEqual({ pong: true });
    const user = JSON.parse((await call(`${fake.apiUrl}/user`, { token: authToken })).text) as {
      rememberExpiresAt: number;
    };
    expect(user.rememberExpiresAt).toBeGreaterThan(rememberExpiresAt);
    expect(user.rememberExpiresAt - Math.floor(Date.now() / 1000)).toBeGreaterThan(14 * DAY - 60);
  });
});
