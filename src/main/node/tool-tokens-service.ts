import type { PlexClient } from '../../core/plex-client';
import { checkToken, createToolToken, revokeToolToken } from '../../core/tool-tokens';
import type { IpcRequest } from '../../shared/ipc-contract';
import type { CopyTokenResult, IpcResult, ToolTokensView, ToolTokenView } from '../../shared/ipc-views';
import { formatToken } from '../../shared/token-formats';
import { checkToolTokenName, sameToolTokenName } from '../../shared/tool-token-name';
import type { ClipboardGuard } from './clipboard-guard';
import { fail, failFromPlex, ok } from './ipc-result';
import type { Redactor } from './log-redactor';
import type { SessionState } from './session-state';
import type { SavedToolToken, TokenVault } from './token-vault';

// Tokens for the user's tools (docs/plex-api.md §5a): each one a device of its own on
// plex.tv, made and revoked with the account's token, so signing the app out or in again,
// or revoking the app's own token, leaves them working. This service is their one owner
// in memory; they are kept encrypted in the vault like the session token (in memory only
// without a keychain), shown to the renderer without the token, and each one is told to
// the log redactor.

export interface ToolTokensServiceDeps {
  state: SessionState;
  client: PlexClient;
  vault: TokenVault;
  clipboard: ClipboardGuard;
  secrets?: Pick<Redactor, 'remember' | 'forget'>;
  now?: () => Date;
}

export interface ToolTokensService {
  list(): Promise<IpcResult<ToolTokensView>>;
  check(): Promise<IpcResult<ToolTokensView>>;
  create(request: IpcRequest<'tools:create'>): Promise<IpcResult<{ created: ToolTokenView; list: ToolTokensView }>>;
  copy(request: IpcRequest<'tools:copy'>): Promise<IpcResult<CopyTokenResult>>;
  revoke(request: IpcRequest<'tools:revoke'>): Promise<IpcResult<ToolTokensView>>;
  /** A device removed from Authorized Devices: if it was a tool token, it is forgotten here too. */
  forgetRemoved(clientIdentifier: string): void;
  /** The client identifiers of the signed-in account's tool tokens, with their names. */
  names(): ReadonlyMap<string, string>;
  dispose(): void;
}

const NOT_SIGNED_IN = 'Sign in first: tokens for your tools are made with your account.';
const DUPLICATE = 'You already have a token with that name; choose another name, or revoke the old one first.';
const UNKNOWN = 'That tool token is not on this computer any more; refresh the list.';
const CREATING = 'A token is already being made; wait for it to finish.';
const SWITCHED = 'You signed out while the token was being made; it is kept for that account.';
const FORGET_FAILED = 'The token was revoked, but this computer’s settings file could not be updated; try again.';

export function createToolTokensService(deps: ToolTokensServiceDeps): ToolTokensService {
  const { state, client, vault, clipboard } = deps;
  const secrets = deps.secrets ?? { remember: () => {}, forget: () => {} };
  const now = deps.now ?? (() => new Date());
  const lifetime = new AbortController();
  // Every tool token of every account that used this install; each account sees its own.
  const tools = new Map<string, SavedToolToken>();
  /** One creation at a time: two quick presses must not make two devices of one name. */
  let creating = false;
  let kept: 'keychain' | 'session-only' = vault.capability.rememberAvailable ? 'keychain' : 'session-only';
  for (const tool of vault.tools) add(tool);

  function add(tool: SavedToolToken): void {
    tools.set(tool.id, tool);
    secrets.remember(tool.token);
  }

  function drop(id: string): void {
    const tool = tools.get(id);
    if (!tool) return;
    tools.delete(id);
    secrets.forget(tool.token);
  }

  function mine(): SavedToolToken[] {
    const uuid = state.session()?.account.uuid;
    return [...tools.values()]
      .filter((t) => t.accountUuid === uuid)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  function view(): ToolTokensView {
    return {
      tokens: mine().map(({ id, name, createdAt, lastCheckedAt, status }) => ({
        id,
        name,
        createdAt,
        lastCheckedAt,
        status,
      })),
      storage: kept,
    };
  }

  function own(id: string): SavedToolToken | null {
    const tool = tools.get(id);
    return tool && tool.accountUuid === state.session()?.account.uuid ? tool : null;
  }

  return {
    async list() {
      if (!state.session()) return fail('not-signed-in', NOT_SIGNED_IN);
      return ok(view());
    },

    async check() {
      if (!state.session()) return fail('not-signed-in', NOT_SIGNED_IN);
      // One at a time: a handful of GET /user, never a burst that could draw a 429.
      for (const tool of mine()) {
        const status = await checkToken(client, tool.token, { signal: lifetime.signal });
        // Offline, 5xx, 429: nothing is known; only a 401 says the token is dead.
        if (status === 'unknown' || !tools.has(tool.id)) continue;
        const change = {
          lastCheckedAt: now().toISOString(),
          status: status === 'alive' ? 'alive' : 'revoked',
        } as const;
        tools.set(tool.id, { ...tool, ...change });
        vault.updateTool(tool.id, change);
      }
      return ok(view());
    },

    async create({ name: raw }) {
      const session = state.session();
      if (!session) return fail('not-signed-in', NOT_SIGNED_IN);
      const checked = checkToolTokenName(raw);
      if (!checked.ok) return fail('invalid-name', checked.message);
      if (mine().some((t) => sameToolTokenName(t.name, checked.name))) return fail('invalid-name', DUPLICATE);
      if (creating) return fail('busy', CREATING);
      creating = true;
      let made: Awaited<ReturnType<typeof createToolToken>>;
      try {
        made = await createToolToken(client, session.token, { name: checked.name }, { signal: lifetime.signal });
      } finally {
        creating = false;
      }
      if (!made.ok) return failFromPlex(made.error);
      const tool: SavedToolToken = {
        id: made.value.clientIdentifier,
        name: made.value.name,
        accountUuid: session.account.uuid,
        createdAt: made.value.createdAt,
        lastCheckedAt: made.value.createdAt,
        status: 'alive',
        token: made.value.token,
      };
      add(tool);
      if (!vault.saveTool(tool)) kept = 'session-only';
      // Kept for the account that made it; the screen of whoever is signed in now is not told of it.
      if (state.session()?.token !== session.token) return fail('cancelled', SWITCHED);
      const { token: _secret, accountUuid: _account, ...shown } = tool;
      return ok({ created: shown, list: view() });
    },

    async copy({ id, format }) {
      if (!state.session()) return fail('not-signed-in', NOT_SIGNED_IN);
      const tool = own(id);
      if (!tool) return fail('invalid-request', UNKNOWN);
      return ok({ clearAfterSeconds: await clipboard.copy(formatToken(format, { token: tool.token })) });
    },

    async revoke({ id }) {
      const session = state.session();
      if (!session) return fail('not-signed-in', NOT_SIGNED_IN);
      const tool = own(id);
      if (!tool) return fail('invalid-request', UNKNOWN);
      // Found by its client identifier in Authorized Devices: works even if the tool's token was lost.
      const result = await revokeToolToken(client, session.token, tool.id, { signal: lifetime.signal });
      if (!result.ok) return failFromPlex(result.error);
      await clipboard.withdrawIf((copied) => copied.includes(tool.token));
      drop(tool.id);
      if (!vault.forgetTool(tool.id)) return fail('internal', FORGET_FAILED);
      return ok(view());
    },

    forgetRemoved(clientIdentifier) {
      // Only the signed-in account's own tool: another account's device id means nothing here.
      if (!own(clientIdentifier)) return;
      drop(clientIdentifier);
      vault.forgetTool(clientIdentifier);
    },

    names() {
      return new Map(mine().map((t) => [t.id, t.name]));
    },

    dispose() {
      lifetime.abort();
      for (const id of [...tools.keys()]) drop(id);
    },
  };
}
