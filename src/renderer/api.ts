import type { PlexSignInApi } from '../shared/ipc-contract';
import type { IpcResult } from '../shared/ipc-views';

// The one module that touches the preload's object. Every call resolves to an IpcResult,
// even when the bridge is missing or throws, so screens handle a single shape.

declare global {
  interface Window {
    readonly plexSignIn?: PlexSignInApi;
  }
}

const BRIDGE_FAILED = {
  kind: 'internal',
  message: 'Something went wrong inside the app; close it and open it again.',
} as const;

async function guard<T>(call: (bridge: PlexSignInApi) => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    const bridge = window.plexSignIn;
    if (!bridge) return { ok: false, error: BRIDGE_FAILED };
    const result = await call(bridge);
    if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
      return { ok: false, error: BRIDGE_FAILED };
    }
    return result;
  } catch {
    return { ok: false, error: BRIDGE_FAILED };
  }
}

type AnyMethod = (request?: unknown) => Promise<IpcResult<unknown>>;

/**
 * `window.plexSignIn`, every method guarded. Typed from the contract's table; built as a
 * proxy rather than from the table itself, so the renderer does not load the request
 * schemas (zod) it never uses: a method the bridge lacks resolves to the same error.
 */
export const api: PlexSignInApi = new Proxy({} as PlexSignInApi, {
  get: (_target, method) =>
    typeof method === 'string' && method !== 'then'
      ? (request?: unknown) => guard((bridge) => (bridge[method as keyof PlexSignInApi] as AnyMethod)(request))
      : undefined,
});
