import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { type ColorScheme, SCREENS, tourScreens } from '../support/screen-tour';

// axe-core (WCAG 2.1 AA) on every screen, in light and in dark.

for (const colorScheme of ['light', 'dark'] as ColorScheme[]) {
  test(`every screen passes axe (WCAG 2.1 AA) in ${colorScheme}`, async ({ app, fake }) => {
    test.setTimeout(240_000); // thirteen full axe runs: about a second each on a quiet machine
    const visited: string[] = [];
    await tourScreens(app, fake, colorScheme, async (screen, page) => {
      visited.push(screen);
      const found = await axeViolations(page);
      expect.soft(found, `axe violations on the ${screen} screen (${colorScheme})`).toEqual([]);
    });
    expect(visited).toEqual([...SCREENS]);
  });
}
