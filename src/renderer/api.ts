import { API_METHODS, type PlexSignInApi } from '../shared/ipc-contract';
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

/** `window.plexSignIn`'s methods, each guarded: one per channel of the contract's table. */
export const api = Object.freeze(
  Object.fromEntries(
    Object.keys(API_METHODS).map((method) => [
      method,
      (request?: unknown) => guard((bridge) => (bridge[method as keyof PlexSignInApi] as AnyMethod)(request)),
    ]),
  ),
) as PlexSignInApi;
