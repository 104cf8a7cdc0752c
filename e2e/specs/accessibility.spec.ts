import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../support/fixtures';
import { type ColorScheme, tourScreens } from '../support/screen-tour';

// axe-core (WCAG 2.0/2.1 A and AA) on every screen, in light and in dark.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

for (const colorScheme of ['light', 'dark'] as ColorScheme[]) {
  test(`every screen passes axe (WCAG 2.1 AA) in ${colorScheme}`, async ({ app }) => {
    test.setTimeout(90_000); // six full axe runs: about a second each on a quiet machine
    const visited: string[] = [];
    await tourScreens(app, colorScheme, async (screen, page) => {
      visited.push(screen);
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const found = violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
      }));
      expect.soft(found, `axe violations on the ${screen} screen (${colorScheme})`).toEqual([]);
    });
    expect(visited).toEqual(['sign-in', 'error', 'code', 'code-error', 'account', 'revoke-dialog']);
  });
}
