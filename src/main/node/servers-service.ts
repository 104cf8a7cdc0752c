import { bestConnection, rankConnections } from '../../core/best-connection';
import type { PlexClientOptions } from '../../core/plex-client';
import type { PlexClient } from '../../core/plex-client';
import { probeServers } from '../../core/server-probe';
import { listServers, type PlexConnection, type PlexServer } from '../../core/servers';
import type { IpcRequest } from '../../shared/ipc-contract';
import type { CopyTokenResult, IpcResult, ServerView } from '../../shared/ipc-views';
import { formatToken } from '../../shared/token-formats';
import type { ClipboardGuard } from './clipboard-guard';
import { fail, failFromPlex, ok } from './ipc-result';
import type { Redactor } from './log-redactor';
import type { SessionState } from './session-state';

// The account's servers and the ones shared with it (docs/plex-api.md §5b), each with its
// own access token (never sent to the renderer) and the address tools should use. The
// reachability check is asked for by the user, never run on its own: it contacts the
// servers' addresses (which may be on a LAN), with no token at all.

export interface ServersServiceDeps {
  state: SessionState;
  client: PlexClient;
  clipboard: ClipboardGuard;
  clientIdentifier: string;
  transport?: PlexClientOptions['transport'];
  secrets?: Pick<Redactor, 'remember' | 'forget'>;
}

export interface ServersService {
  list(): Promise<IpcResult<ServerView[]>>;
  probe(): Promise<IpcResult<ServerView[]>>;
  copy(request: IpcRequest<'servers:copy'>): Promise<IpcResult<CopyTokenResult>>;
  dispose(): void;
}

interface Known {
  server: PlexServer;
  /** The address to hand out: after a check, the best that answered. */
  connection: PlexConnection | null;
  answered: boolean | null;
}

const NOT_SIGNED_IN = 'Sign in first to see your servers.';
const UNKNOWN = 'That server is not in the list any more; refresh it.';
const NO_ADDRESS = 'plex.tv lists no address for that server that tools can use, so there is nothing to copy.';

function kind(connection: PlexConnection): string {
  if (connection.relay) return 'relay';
  return `${connection.local ? 'local' : 'remote'} ${connection.protocol}`;
}

export function createServersService(deps: ServersServiceDeps): ServersService {
  const { state, client, clipboard } = deps;
  const secrets = deps.secrets ?? { remember: () => {}, forget: () => {} };
  const lifetime = new AbortController();
  let known = new Map<string, Known>();
  let listedFor: string | null = null;

  function views(): ServerView[] {
    return [...known.values()].map(({ server, connection, answered }) => ({
      id: server.clientIdentifier,
      name: server.name,
      owned: server.owned,
      owner: server.owner,
      url: connection?.uri ?? null,
      connection: connection ? kind(connection) : null,
      answered,
    }));
  }

  function forgetAll(): void {
    for (const { server } of known.values()) secrets.forget(server.accessToken);
    known = new Map();
  }

  async function refresh(): Promise<IpcResult<ServerView[]>> {
    const session = state.session();
    if (!session) return fail('not-signed-in', NOT_SIGNED_IN);
    const result = await listServers(client, session.token, { signal: lifetime.signal });
    if (!result.ok) return failFromPlex(result.error);
    forgetAll();
    for (const server of result.value) {
      secrets.remember(server.accessToken);
      known.set(server.clientIdentifier, { server, connection: bestConnection(server), answered: null });
    }
    listedFor = session.token;
    return ok(views());
  }

  return {
    list: refresh,

    async probe() {
      if (!state.session()) return fail('not-signed-in', NOT_SIGNED_IN);
      if (listedFor !== state.session()?.token) {
        const listed = await refresh();
        if (!listed.ok) return listed;
      }
      const entries = [...known.values()];
      const results = await probeServers(
        entries.map((e) => e.server),
        {
          signal: lifetime.signal,
          clientIdentifier: deps.clientIdentifier,
          ...(deps.transport ? { transport: deps.transport } : {}),
        },
      );
      entries.forEach((entry, i) => {
        const answered = results[i]?.connection ?? null;
        // None answered from here: keep plex.tv's best guess, marked as not answering.
        entry.connection = answered ?? rankConnections(entry.server)[0] ?? null;
        entry.answered = answered !== null;
      });
      return ok(views());
    },

    async copy({ id, format }) {
      if (!state.session() || listedFor !== state.session()?.token) return fail('not-signed-in', NOT_SIGNED_IN);
      const entry = known.get(id);
      if (!entry) return fail('invalid-request', UNKNOWN);
      const url = entry.connection?.uri;
      if (format === 'url') {
        if (!url) return fail('invalid-request', NO_ADDRESS);
        return ok({ clearAfterSeconds: await clipboard.copy(url) });
      }
      const token = entry.server.accessToken;
      const text = format === 'token' ? token : formatToken(format, url ? { token, url } : { token });
      return ok({ clearAfterSeconds: await clipboard.copy(text) });
    },

    dispose() {
      lifetime.abort();
      forgetAll();
    },
  };
}
