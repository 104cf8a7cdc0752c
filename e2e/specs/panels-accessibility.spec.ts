import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';
import {
  devicesPanel,
  makeToolToken,
  removeDevicesDialog,
  serversPanel,
  signInAsAlice,
  toolTokensPanel,
} from '../support/screens';

// axe-core (WCAG 2.1 AA) on the panels below the account card with alice's data (servers,
// stale devices), their open states and the device removal dialog, in light and dark.
// (The tour in accessibility.spec.ts covers the tool tokens list and its revoke dialog.)

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the tool tokens, servers and devices panels pass axe in ${colorScheme}`, async ({ app }) => {
    test.setTimeout(90_000);
    const page = await app.launch();
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await signInAsAlice(page);
    await makeToolToken(page, 'Kometa');
    await serversPanel(page).show.click();
    await devicesPanel(page).show.click();
    await expect(serversPanel(page).row("Alice's NAS")).toBeVisible();
    await expect(devicesPanel(page).staleList.getByRole('listitem')).toHaveCount(2);

    // The new-token form open, with a refused name by its field.
    const tools = toolTokensPanel(page);
    await tools.newToken.click();
    await tools.name.fill('kometa');
    await tools.make.click();
    await expect(tools.name).toHaveAttribute('aria-invalid', 'true');
    expect.soft(await axeViolations(page), `axe on the panels (${colorScheme})`).toEqual([]);

    const devices = devicesPanel(page);
    await devices.selectAllStale.click();
    await devices.removeSelected.click();
    await expect(removeDevicesDialog(page).dialog).toBeVisible();
    expect.soft(await axeViolations(page), `axe on the removal dialog (${colorScheme})`).toEqual([]);
  });
}
