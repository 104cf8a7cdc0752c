import { listDevices, type PlexDevice, removeDevice } from '../../core/devices';
import type { PlexClient } from '../../core/plex-client';
import { pickStaleDevices } from '../../core/stale-devices';
import type { IpcRequest } from '../../shared/ipc-contract';
import type { DeviceView, IpcResult } from '../../shared/ipc-views';
import { fail, failFromPlex, ok } from './ipc-result';
import type { SessionState } from './session-state';

// The account's Authorized Devices (docs/plex-api.md §5b) and their clean-up. Removal is
// one device per call, so the renderer shows progress and can stop; plex.tv's rate limit
// is honoured by the client's retry rule (a 429 waits as Retry-After says, at most twice).
// This app's own device is never removed from here; a tool token's device is, and the
// tool token is then forgotten too.

export interface DevicesServiceDeps {
  state: SessionState;
  client: PlexClient;
  /** This install's client identifier: its device is protected. */
  clientIdentifier: string;
  /** The signed-in account's tool tokens by client identifier, with their names. */
  toolNames(): ReadonlyMap<string, string>;
  /** Told when a removed device was one of the app's tool tokens. */
  onToolRemoved(clientIdentifier: string): void;
}

export interface DevicesService {
  list(request: IpcRequest<'devices:list'>): Promise<IpcResult<DeviceView[]>>;
  remove(request: IpcRequest<'devices:remove'>): Promise<IpcResult<{ outcome: 'removed' | 'already-gone' }>>;
  dispose(): void;
}

const NOT_SIGNED_IN = 'Sign in first to see your Authorized Devices.';
const THIS_APP = 'This is Plex Sign-In’s own device; sign out or revoke its token instead of removing it here.';
const UNKNOWN = 'That device is not in the list any more; refresh it.';

export function createDevicesService(deps: DevicesServiceDeps): DevicesService {
  const { state, client } = deps;
  const lifetime = new AbortController();
  /** The last list's devices by id, and whose list it was: a removal is checked against what the user saw. */
  let listed = new Map<string, PlexDevice>();
  let listedFor: string | null = null;

  return {
    async list({ staleAfterDays }) {
      const session = state.session();
      if (!session) return fail('not-signed-in', NOT_SIGNED_IN);
      const result = await listDevices(client, session.token, { signal: lifetime.signal });
      if (!result.ok) return failFromPlex(result.error);
      // Signed out, or in as someone else, while plex.tv answered: that list is not theirs.
      if (state.session()?.token !== session.token) return fail('not-signed-in', NOT_SIGNED_IN);
      const tools = deps.toolNames();
      const stale = new Map(
        pickStaleDevices(result.value, {
          days: Number(staleAfterDays),
          protect: new Set([deps.clientIdentifier, ...tools.keys()]),
        }).map(({ device, reason }) => [device.id, reason]),
      );
      listed = new Map(result.value.map((d) => [d.id, d]));
      listedFor = session.token;
      const views: DeviceView[] = result.value.map((d) => ({
        id: d.id,
        name: d.name,
        product: d.product,
        platform: d.platform,
        createdAt: d.createdAt,
        lastSeenAt: d.lastSeenAt,
        thisApp: d.clientIdentifier === deps.clientIdentifier,
        toolToken: tools.get(d.clientIdentifier) ?? null,
        stale: stale.get(d.id) ?? null,
      }));
      // Stale ones first, as they were picked (most stale first); the rest as plex.tv lists them.
      const order = [...stale.keys()];
      return ok(views.sort((a, b) => rank(a.id) - rank(b.id)));

      function rank(id: string): number {
        const i = order.indexOf(id);
        return i === -1 ? order.length : i;
      }
    },

    async remove({ id }) {
      const session = state.session();
      if (!session) return fail('not-signed-in', NOT_SIGNED_IN);
      const device = listedFor === session.token ? listed.get(id) : undefined;
      if (!device) return fail('invalid-request', UNKNOWN);
      if (device.clientIdentifier === deps.clientIdentifier) return fail('invalid-request', THIS_APP);
      const result = await removeDevice(client, session.token, id, { signal: lifetime.signal });
      if (!result.ok) return failFromPlex(result.error);
      listed.delete(id);
      deps.onToolRemoved(device.clientIdentifier);
      return ok({ outcome: result.value });
    },

    dispose() {
      lifetime.abort();
    },
  };
}
