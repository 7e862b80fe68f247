import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe-core on what the page shows now and fails on any critical or serious finding, listing each
 * rule with the elements it found. Call it on every screen, in both themes.
 */
export async function expectNoSeriousA11yFindings(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id} ×${v.nodes.length}: ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`)
        .join('\n'),
  );
  expect(report, `axe on ${screen}`).toEqual([]);
}
