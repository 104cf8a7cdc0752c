import type { DeviceView } from '../../src/shared/ipc-views';
import { expect, test } from '../support/fixtures';
import {
  devicesPanel,
  madeToolTokens,
  makeToolToken,
  removeDevicesDialog,
  signInAsAlice,
  toolTokenOnFake,
} from '../support/screens';

// Authorized Devices (issue 12). alice starts with Plex Web and Tautulli in daily use and
// two PlexAPI devices last seen 400 days ago; signing in adds this app's own device.

const STALE_IDS = ['seeded-plexapi-stale-0003', 'seeded-plexapi-stale-0004'];
const KEPT_IDS = ['seeded-plex-web-chrome-0001', 'seeded-tautulli-0002'];

test.beforeEach(({ app }) => {
  test.skip(app.mode !== 'web', 'reads the IPC log to tell the devices apart');
});

/** The devices of the page's last listing. */
function lastListing(log: readonly { channel: string; result: unknown }[] | null): DeviceView[] {
  const entry = [...(log ?? [])].reverse().find((e) => e.channel === 'devices:list');
  const result = entry?.result as { ok: boolean; value?: DeviceView[] } | undefined;
  return result?.ok ? (result.value ?? []) : [];
}

test('lists the stale devices first; this app’s device is marked and has no checkbox', async ({ app }) => {
  const page = await app.launch();
  await signInAsAlice(page);
  const devices = devicesPanel(page);
  await devices.show.click();
  await expect(devices.staleDays).toHaveValue('90');
  await expect(devices.staleList.getByRole('listitem')).toHaveCount(2);
  await expect(devices.staleList).toContainText('docker-kometa');
  await expect(devices.staleList).toContainText('Not seen for more than 90 days');
  await expect(devices.inUseList).toContainText('Chrome');
  await expect(devices.inUseList).toContainText('Tautulli');

  const own = devices.inUseList.getByRole('listitem').filter({ hasText: 'This app' });
  await expect(own).toHaveCount(1);
  await expect(own.getByRole('checkbox')).toHaveCount(0);
  // Every other device can be ticked.
  await expect(devices.panel.getByRole('checkbox')).toHaveCount(lastListing(app.ipcLog()).length - 1);
  await expect(devices.removeSelected).toBeDisabled();
});

test('removing the stale devices kills their tokens and only theirs', async ({ app, fake }) => {
  const page = await app.launch();
  await signInAsAlice(page);
  await makeToolToken(page, 'Kometa');
  const devices = devicesPanel(page);
  await devices.show.click();
  await expect(devices.inUseList).toContainText('Tool token: Kometa');
  const kometa = await toolTokenOnFake(fake, app.ipcLog(), 'Kometa');
  const before = await fake.allDevices();
  const staleTokens = before.filter((d) => STALE_IDS.includes(d.clientIdentifier)).map((d) => d.token);
  expect(staleTokens).toHaveLength(2);

  await devices.selectAllStale.click();
  await devices.removeSelected.click();
  const dialog = removeDevicesDialog(page);
  await expect(dialog.dialog).toHaveAccessibleName('Remove 2 devices from your account?');
  await expect(dialog.dialog).toHaveAccessibleDescription(/Each device’s token stops working at once/);
  await dialog.confirm.click();
  await expect(devices.status).toHaveText('Removed 2 devices.');
  await expect(devices.staleList).toHaveCount(0);

  const after = await fake.allDevices();
  const live = after.map((d) => d.token);
  for (const token of staleTokens) expect(live).not.toContain(token);
  // Plex Web, Tautulli, this app and its tool token all still work.
  for (const id of KEPT_IDS) expect(after.some((d) => d.clientIdentifier === id)).toBe(true);
  expect(live).toContain(kometa);
  const toolIds = [...madeToolTokens(app.ipcLog()).values()];
  const own = after.filter((d) => !d.seeded && !toolIds.includes(d.clientIdentifier));
  expect(own, 'this app’s own token').toHaveLength(1);
  expect(after).toHaveLength(before.length - 2);
});

test('a 429 during a bulk removal shows plex.tv’s sentence and stops', async ({ app, fake }) => {
  const page = await app.launch();
  await signInAsAlice(page);
  const devices = devicesPanel(page);
  await devices.show.click();
  await expect(devices.staleList.getByRole('listitem')).toHaveCount(2);
  const stale = lastListing(app.ipcLog()).filter((d) => d.stale !== null);
  expect(stale).toHaveLength(2);
  // Whichever goes first is refused, however often it is tried.
  for (const device of stale) {
    await fake.fault({
      method: 'DELETE',
      path: `/devices/${device.id}.xml`,
      status: 429,
      headers: { 'Retry-After': '1' },
      times: 10,
    });
  }

  await devices.selectAllStale.click();
  await devices.removeSelected.click();
  await removeDevicesDialog(page).confirm.click();
  await expect(devices.status).toContainText('Removed 0 of 2 devices, then stopped:', { timeout: 15_000 });
  await expect(devices.status).toContainText('too many requests');

  // The loop stopped at the first refusal: the other device was never asked about.
  const deletes = (await fake.requests()).filter((r) => r.method === 'DELETE').map((r) => r.path);
  expect(new Set(deletes).size).toBe(1);
  const live = (await fake.allDevices()).map((d) => d.clientIdentifier);
  for (const id of STALE_IDS) expect(live).toContain(id);
  await expect(devices.removeSelected).toBeEnabled();
});
