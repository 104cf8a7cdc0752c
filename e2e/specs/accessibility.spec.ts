import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { type ColorScheme, tourScreens } from '../support/screen-tour';

// axe-core (WCAG 2.1 AA) on every screen, in light and in dark.

for (const colorScheme of ['light', 'dark'] as ColorScheme[]) {
  test(`every screen passes axe (WCAG 2.1 AA) in ${colorScheme}`, async ({ app }) => {
    test.setTimeout(150_000); // ten full axe runs: about a second each on a quiet machine
    const visited: string[] = [];
    await tourScreens(app, colorScheme, async (screen, page) => {
      visited.push(screen);
      const found = await axeViolations(page);
      expect.soft(found, `axe violations on the ${screen} screen (${colorScheme})`).toEqual([]);
    });
    expect(visited).toEqual([
      'sign-in',
      'browser-waiting',
      'link-code',
      'error',
      'code',
      'code-error',
      'account',
      'revoke-dialog',
      'tool-tokens',
      'tool-revoke-dialog',
    ]);
  });
}
