import { expect, test } from '../support/fixtures';
import { copyFrom, liveToken, serversPanel, signInAsAlice } from '../support/screens';
import type { FakeHandle } from '../../testing/fake-plex/control';

// Servers (issue 12): alice's NAS and the server dave shares with her, each with the
// address tools should use and its own token. The seeded addresses (192.168.x,
// *.plex.direct) are not on this machine: these tests never press "Check addresses".

/** Each server's own access token, as the fake hands them to alice. */
async function serverTokens(fake: FakeHandle, accountToken: string): Promise<Map<string, string>> {
  const response = await fetch(`${fake.apiUrl}/resources?includeHttps=1&includeRelay=1`, {
    headers: { Accept: 'application/json', 'X-Plex-Token': accountToken, 'X-Plex-Client-Identifier': 'e2e-check' },
  });
  expect(response.status).toBe(200);
  const resources = (await response.json()) as { name: string; accessToken: string | null }[];
  return new Map(resources.filter((r) => r.accessToken).map((r) => [r.name, r.accessToken!]));
}

test('lists both servers without contacting them, and copies each with its own token', async ({ app, fake }) => {
  const page = await app.launch();
  await signInAsAlice(page);
  const accountToken = await liveToken(fake, 'alice');
  const servers = serversPanel(page);
  // Nothing is asked of plex.tv for servers until the user asks.
  expect((await fake.requests()).some((r) => r.path === '/api/v2/resources')).toBe(false);
  await servers.show.click();
  const nas = servers.row("Alice's NAS");
  const dave = servers.row("Dave's Server");
  await expect(nas).toContainText('Yours');
  await expect(dave).toContainText('Shared by dave');
  await expect(servers.list.getByRole('listitem')).toHaveCount(2);
  const nasUrl = (await nas.locator('code').textContent())!;
  const daveUrl = (await dave.locator('code').textContent())!;
  expect(nasUrl).toMatch(/^https:\/\//);
  expect(daveUrl).toMatch(/^https:\/\//); // dave's server requires https

  const tokens = await serverTokens(fake, accountToken);
  await copyFrom(nas, 'env');
  await expect.poll(() => app.readClipboard()).toBe(`PLEX_URL=${nasUrl}\nPLEX_TOKEN=${tokens.get("Alice's NAS")}\n`);
  await copyFrom(dave, 'env');
  await expect.poll(() => app.readClipboard()).toBe(`PLEX_URL=${daveUrl}\nPLEX_TOKEN=${tokens.get("Dave's Server")}\n`);
  expect(await app.readClipboard()).not.toContain(accountToken);

  await copyFrom(dave, 'url');
  await expect.poll(() => app.readClipboard()).toBe(daveUrl);
  await copyFrom(nas, 'json');
  await expect
    .poll(async () => JSON.parse(await app.readClipboard()) as unknown)
    .toEqual({ url: nasUrl, token: tokens.get("Alice's NAS") });
  await expect(servers.status).toContainText("Alice's NAS: copied JSON.");

  // Nothing was probed, and no server token reached the page.
  const log = app.ipcLog();
  if (log) {
    expect(log.some((entry) => entry.channel === 'servers:probe')).toBe(false);
    const results = JSON.stringify(log.map((entry) => entry.result));
    for (const token of tokens.values()) expect(results).not.toContain(token);
  }
  for (const token of tokens.values()) expect(await page.content()).not.toContain(token);
});
