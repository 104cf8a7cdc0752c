import { expect, test } from '../support/fixtures';
import { signInAsAlice } from '../support/screens';

test('a "Test server" banner names the API when it is not plex.tv, on every screen', async ({ app, fake }) => {
  const page = await app.launch();
  const banner = page.getByText(/Test server/);
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(new URL(fake.apiUrl).host);
  await signInAsAlice(page);
  await expect(banner).toBeVisible();
});
