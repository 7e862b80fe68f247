import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ItemQueryInput } from '../src/shared/itemsContract.ts';
import { BRIDGE_URL } from './harness/bridgeUrl.ts';
import { checkScreen } from './harness/screens.ts';
import { useSeededItems } from './harness/seededItems.ts';
import { watchConsole } from './harness/watchConsole.ts';

const SEEDED = 300;

useSeededItems(SEEDED);

/** The same query through the contract, to check what the screen shows against the core. */
const listIds = (page: Page, query: ItemQueryInput) =>
  page.evaluate(
    async (q) => (await window.api.listItems(q, { offset: 0, limit: 500 })).rows.map((r) => r.id),
    query,
  );

test('Items: search, filter, detail, export, keyboard and delete', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/#/items');
  const count = page.getByTestId('item-count');
  await expect(count).toHaveText(`${SEEDED} of ${SEEDED} items`);
  await expect(page.getByTestId('item-row').first()).toBeVisible();

  // "/" focuses the search; matches are highlighted in the rows.
  await page.locator('body').press('/');
  await expect(page.getByTestId('item-search')).toBeFocused();
  await page.keyboard.type('return');
  await expect(count).not.toHaveText(`${SEEDED} of ${SEEDED} items`);
  await expect(page.getByTestId('item-row').first().locator('mark').first()).toHaveText(/return/i);

  // Facets: GitHub code in Python.
  const filters = page.getByRole('region', { name: 'Filters' });
  await filters.getByLabel(/^GitHub code \(\d+\)$/).check();
  await filters.getByLabel(/^Python \(\d+\)$/).check();
  const query: ItemQueryInput = {
    text: 'return',
    filters: { source: ['github_code'], language: ['python'] },
    sort: { column: 'relevance', direction: 'asc' }, // best match first while searching
  };
  const expectedIds = await listIds(page, query);
  expect(expectedIds.length).toBeGreaterThan(0);
  await expect(count).toHaveText(`${expectedIds.length} of ${SEEDED} items`);
  await expect(page.getByTestId('item-row').first()).toHaveAttribute('data-item-id', expectedIds[0]);

  // Open the first item: highlighted code with line numbers.
  await page.getByTestId('item-row').first().click();
  const detail = page.getByTestId('item-detail');
  await expect(detail.getByRole('button', { name: 'Open on GitHub' })).toBeVisible();
  const code = detail.getByTestId('code-view');
  await expect(code.locator('.hljs-keyword').first()).toBeVisible();
  await expect(code.locator('.code-gutter')).toContainText(/^1\n2\n3/);
  await detail.getByRole('button', { name: 'Open on GitHub' }).click();
  await expect
    .poll(async () => (await (await fetch(`${BRIDGE_URL}/__test__/opened`)).json()) as string[])
    .toEqual([expect.stringMatching(/^https:\/\/github\.com\/.+\/blob\//)]);

  // Keyboard: arrows move the active row (and the open detail follows), Escape closes, Enter opens.
  await page.getByTestId('item-list').focus();
  await page.keyboard.press('ArrowDown');
  // The header is row 1, the first item row 2.
  await expect(page.locator('[role="row"][aria-rowindex="3"]')).toHaveAttribute('aria-selected', 'true');
  const second = await page.locator('[role="row"][aria-rowindex="3"]').getAttribute('data-item-id');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(detail).toBeVisible();
  expect(second).toBe(expectedIds[1] ?? expectedIds[0]);
  await expect(detail.getByRole('heading', { level: 3 })).not.toHaveText('Loading…');
  await page.screenshot({ path: 'e2e/artifacts/items.png' });

  // Export the filtered set as JSONL without the code structure; the bridge saves into <data>/exports.
  const listBox = await page.getByTestId('item-list').boundingBox();
  await page.getByRole('button', { name: `Export ${expectedIds.length}` }).click();
  await page.getByRole('menuitem', { name: 'JSONL', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Export ${expectedIds.length} items as JSONL` });
  await dialog.getByLabel('Imports, functions and classes').uncheck();
  await dialog.getByRole('button', { name: `Export ${expectedIds.length} items` }).click();
  const status = page.getByTestId('export-status');
  await expect(status).toHaveAttribute('data-status', 'completed');
  await expect(status).not.toContainText(' 0 / 0');
  const { dataFolder } = await page.evaluate(() => window.api.getAppInfo());
  const exportsFolder = path.join(dataFolder, 'exports');
  const done = new RegExp(`Exported ${expectedIds.length} items to (\\S+\\.jsonl) in (.+)$`);
  await expect(status.locator('p')).toHaveText(done);
  const [, fileName, folder] = done.exec((await status.locator('p').textContent()) ?? '')!;
  expect(folder).toBe(exportsFolder);
  // In place: the list did not move.
  expect(await page.getByTestId('item-list').boundingBox()).toEqual(listBox);
  await checkScreen(page, 'items-export-done');
  await status.getByRole('button', { name: 'Show in folder' }).click();
  await expect
    .poll(async () => (await (await fetch(`${BRIDGE_URL}/__test__/shown`)).json()) as string[])
    .toEqual([path.join(exportsFolder, fileName)]);
  const lines = fs.readFileSync(path.join(exportsFolder, fileName), 'utf8').trim().split('\n');
  expect(lines).toHaveLength(expectedIds.length);
  const exported = lines.map(
    (l) =>
      JSON.parse(l) as { id: string; source: string; content: string; metadata: Record<string, unknown> },
  );
  expect(exported.map((d) => d.id).sort()).toEqual([...expectedIds].sort());
  expect(exported.every((d) => d.source === 'github_code' && d.content.length > 0)).toBe(true);
  expect(exported.every((d) => !('imports' in d.metadata) && 'license' in d.metadata)).toBe(true);
  // Dismissing the message hands the focus back to the Export button.
  await status.getByRole('button', { name: 'Dismiss export message' }).click();
  await expect(status).toBeHidden();
  await expect(page.getByRole('button', { name: `Export ${expectedIds.length}` })).toBeFocused();

  // Delete two chosen items, after a confirmation.
  await page.keyboard.press('Escape');
  const rows = page.getByTestId('item-row');
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete 2' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete items' });
  await expect(confirm).toContainText('Delete 2 items from the collection?');
  await confirm.getByRole('button', { name: 'Delete 2' }).click();
  await expect(page.getByText('Deleted 2 items.')).toBeVisible();
  await expect(count).toHaveText(`${expectedIds.length - 2} of ${SEEDED - 2} items`);

  // No matches: the empty state offers to clear everything.
  await page.getByTestId('item-search').fill('zzqxjv');
  await expect(page.getByText('No items match')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(count).toHaveText(`${SEEDED - 2} of ${SEEDED - 2} items`);

  expect(problems).toEqual([]);
});
