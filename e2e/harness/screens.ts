import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yFindings } from './a11y.ts';

/** The window sizes every screen is looked at in: the smallest supported, and a large desktop. */
export const SCREEN_SIZES = [
  { width: 1024, height: 700 },
  { width: 1600, height: 1000 },
] as const;
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const SCREENS_DIR = path.resolve(import.meta.dirname, '../artifacts/screens');

/**
 * Switches the OS colour preference and waits until the app follows it (the app's theme is "follow the
 * system" unless the user picked one; a spec that picked one must not call this).
 */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme);
}

/**
 * The screenshot matrix of one screen as the user sees it now: a viewport screenshot at each size in
 * each theme, saved as e2e/artifacts/screens/<name>-<theme>-<width>x<height>.png (look at them), and
 * axe-core in each theme, failing on any critical or serious finding. Restores the page's viewport and
 * leaves the OS preference at dark. Call it on every screen and state worth seeing.
 */
export async function checkScreen(page: Page, name: string, options: { a11y?: boolean } = {}): Promise<void> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const theme of THEMES) {
    await useTheme(page, theme);
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      await settle(page);
      await page.screenshot({
        path: path.join(SCREENS_DIR, `${name}-${theme}-${size.width}x${size.height}.png`),
      });
    }
    if (options.a11y !== false) await expectNoSeriousA11yFindings(page, `${name} (${theme})`);
  }
  if (original) await page.setViewportSize(original);
}

/** Lets layout, charts (resize observers) and transitions catch up with a new size or theme. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  await page.waitForTimeout(250);
}
