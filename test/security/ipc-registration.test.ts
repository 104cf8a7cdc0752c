import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIpcRouter, type IpcHandlers } from '../../src/main/node/ipc-router';
import { API_METHODS, IPC, IPC_CHANNELS } from '../../src/shared/ipc-contract';
import { checkIpcRegistration, checkIpcRendererConfined } from './source-scan';

// Every IPC channel goes through the one validating gate: a single module touches
// ipcMain, with a single ipcMain.handle() inside a loop over IPC_CHANNELS that hands each
// call to the router (sender check, schema, result object). A second ipcMain.on/handle
// anywhere would be a door the router never sees.

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src');
describe('IPC registration', () => {
  it('registers through exactly one ipcMain.handle, over IPC_CHANNELS, into the router', () => {
    const report = checkIpcRegistration(SRC, ROOT);
    expect(report.violations).toEqual([]);
    expect(report.modules).toHaveLength(1);
  });

  it('keeps ipcRenderer inside the preload', () => {
    expect(checkIpcRendererConfined(SRC, path.join(SRC, 'preload'), ROOT)).toEqual([]);
  });

  it('routes exactly the channels of the contract, each with a schema', () => {
    const router = createIpcRouter({} as IpcHandlers);
    expect([...router.channels].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(Object.keys(IPC).sort()).toEqual([...IPC_CHANNELS].sort());
    expect(new Set(IPC_CHANNELS).size).toBe(Object.keys(API_METHODS).length);
  });

  it('refuses a channel outside the contract and an untrusted sender before any handler runs', async () => {
    const router = createIpcRouter(
      new Proxy({} as IpcHandlers, {
        get: () => () => {
          throw new Error('no handler may run in this test');
        },
      }),
    );
    const unknown = await router.invoke('app:not-a-channel', undefined, { trusted: true });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    const untrusted = await router.invoke(IPC_CHANNELS[0]!, undefined, { trusted: false });
    expect(untrusted).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
