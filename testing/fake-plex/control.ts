// The tests' handle on a fake plex.tv: the one named by PLEX_FAKE_URL (an origin such as
// http://127.0.0.1:9999, e.g. from `npm run fake-plex`), else one started in-process.
// Talks to the control endpoints of docs/plex-api.md §6.4 with plain fetch.

import { startFakePlex } from './server';
import type { FakeDevice, FakeDeviceEntry, FakeRequest, FaultSpec } from './types';

export type { FakeDevice, FakeDeviceEntry, FakeRequest, FaultSpec } from './types';

export interface FakeHandle {
  /** e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** `${origin}/api/v2`: point the client under test here instead of plex.tv. */
  apiUrl: string;
  /** Forgets tokens, devices, pins, failure counts, faults and the request log. */
  reset(): Promise<void>;
  /** Every /api/v2 request since the last reset, oldest first. */
  requests(): Promise<FakeRequest[]>;
  /** One entry per live token that a client got (alice's seeded devices left out). */
  devices(): Promise<FakeDevice[]>;
  /** One entry per live token, alice's seeded devices included and marked. */
  allDevices(): Promise<FakeDeviceEntry[]>;
  /** Kills a token, as removing the device from plex.tv's Authorized Devices would. */
  revoke(token: string): Promise<void>;
  /** Approves a pin as that account (the browser step). Rejects for an unknown pin or login. */
  claimPin(id: number, login: string): Promise<void>;
  /** The next `times` requests matching `method` and `path` get this answer instead. */
  fault(f: FaultSpec): Promise<void>;
  /** Stops the server if this handle started it; a PLEX_FAKE_URL server is left running. */
  close(): Promise<void>;
}

export async function useFakePlex(): Promise<FakeHandle> {
  const external = process.env['PLEX_FAKE_URL']?.trim();
  if (external) return controlClient(normalizeOrigin(external), async () => {});
  const fake = await startFakePlex();
  return controlClient(fake.origin, () => fake.close());
}

/** Accepts the origin with a trailing slash or with the /api/v2 suffix too. */
function normalizeOrigin(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/api\/v2$/, '');
}

function controlClient(origin: string, closeServer: () => Promise<void>): FakeHandle {
  async function call(method: string, path: string, expected: number, body?: unknown): Promise<Response> {
    const response = await fetch(`${origin}/__fake${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (response.status !== expected) {
      const text = await response.text();
      throw new Error(`fake plex.tv: ${method} /__fake${path} answered ${response.status} ${text}`.trim());
    }
    return response;
  }

  async function send(method: string, path: string, body?: unknown): Promise<void> {
    const response = await call(method, path, 204, body);
    await response.arrayBuffer(); // drain, so the connection goes back to the pool
  }

  async function read<T>(path: string): Promise<T> {
    const response = await call('GET', path, 200);
    return (await response.json()) as T;
  }

  return {
    origin,
    apiUrl: `${origin}/api/v2`,
    reset: () => send('POST', '/reset'),
    requests: () => read<FakeRequest[]>('/requests'),
    devices: async () =>
      (await read<FakeDeviceEntry[]>('/devices')).filter((d) => !d.seeded).map(({ seeded: _seeded, ...d }) => d),
    allDevices: () => read<FakeDeviceEntry[]>('/devices'),
    revoke: (token) => send('POST', `/tokens/${encodeURIComponent(token)}/revoke`),
    claimPin: (id, login) => send('POST', `/pins/${id}/claim`, { login }),
    fault: (f) => send('POST', '/faults', f),
    close: closeServer,
  };
}
