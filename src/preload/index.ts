import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, API_METHODS, type PlexSignInApi } from '../shared/ipc-contract';

// The renderer's only door to the app: `window.plexSignIn`, one method per channel of the
// contract, each forwarding its one argument. ipcRenderer itself, require, process and
// every other Node object stay on this side of the bridge.

const api = Object.freeze(
  Object.fromEntries(
    Object.entries(API_METHODS).map(([method, channel]) => [
      method,
      // Only the request goes through: never the caller's extra arguments.
      (request?: unknown) => ipcRenderer.invoke(channel, request),
    ]),
  ),
) as unknown as PlexSignInApi;

contextBridge.exposeInMainWorld(API_GLOBAL, api);
