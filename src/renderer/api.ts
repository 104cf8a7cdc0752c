import type { IpcResult, PlexSignInApi } from '../shared/ipc-contract';

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

export const api: PlexSignInApi = {
  getAppInfo: () => guard((b) => b.getAppInfo()),
  getSession: () => guard((b) => b.getSession()),
  validateSession: () => guard((b) => b.validateSession()),
  signIn: (request) => guard((b) => b.signIn(request)),
  signOut: () => guard((b) => b.signOut()),
  revokeToken: () => guard((b) => b.revokeToken()),
  copyToken: () => guard((b) => b.copyToken()),
  openLink: (request) => guard((b) => b.openLink(request)),
  startPinSignIn: (request) => guard((b) => b.startPinSignIn(request)),
  waitForPinSignIn: () => guard((b) => b.waitForPinSignIn()),
  cancelPinSignIn: () => guard((b) => b.cancelPinSignIn()),
  copyDiagnostics: () => guard((b) => b.copyDiagnostics()),
};
