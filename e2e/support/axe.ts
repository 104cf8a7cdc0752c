import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

// axe-core as every accessibility check here runs it: WCAG 2.0/2.1, levels A and AA.

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeFinding {
  rule: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/** The violations on the page as it is now, in a shape that reads well in a failed expect. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
  }));
}
