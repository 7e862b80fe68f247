import { expect, test, type Page, type Route } from '@playwright/test';
import type { ItemQueryInput } from '../src/shared/itemsContract.ts';
import { checkScreen } from './harness/screens.ts';
import { useSeededItems } from './harness/seededItems.ts';
import { watchConsole } from './harness/watchConsole.ts';

const SEEDED = 300;

useSeededItems(SEEDED);

/** The first rows the core lists for a query, to compare with what the screen shows. */
const firstIds = (page: Page, query: ItemQueryInput, limit = 5) =>
  page.evaluate(
    async ([q, n]) => (await window.api.listItems(q, { offset: 0, limit: n })).rows.map((r) => r.id),
    [query, limit] as const,
  );

const shownIds = (page: Page, n = 5) =>
  page
    .getByTestId('item-row')
    .evaluateAll((rows, count) => rows.slice(0, count).map((r) => r.getAttribute('data-item-id')), n);

/** Waits until the list shows the rows the core gives for the query, in that order. */
async function expectRowsOf(page: Page, query: ItemQueryInput, total: number) {
  const ids = await firstIds(page, query);
  expect(ids.length).toBeGreaterThan(0);
  await expect(page.getByTestId('item-count')).toHaveText(new RegExp(`^${total} of ${SEEDED} items`));
  await expect.poll(() => shownIds(page, ids.length)).toEqual(ids);
}

const totalOf = (page: Page, query: ItemQueryInput) =>
  page.evaluate(async (q) => (await window.api.listItems(q, { offset: 0, limit: 0 })).total, query);

const NEWEST = { column: 'collectedAt', direction: 'desc' } as const;
const BEST = { column: 'relevance', direction: 'asc' } as const;

test('Items: going back to an earlier search, filter or sort shows its rows again', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/#/items');
  const search = page.getByTestId('item-search');
  await expectRowsOf(page, { sort: NEWEST }, SEEDED);

  // Search, then clear it with the clear button: the whole list comes back.
  await search.fill('cache');
  const cache = { text: 'cache', sort: BEST };
  await expectRowsOf(page, cache, await totalOf(page, cache));
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expectRowsOf(page, { sort: NEWEST }, SEEDED);

  // Type a second word, then Backspace back to the first one.
  await search.fill('cache');
  await expectRowsOf(page, cache, await totalOf(page, cache));
  await search.press('End');
  await page.keyboard.type(' token');
  const cacheToken = { text: 'cache token', sort: BEST };
  await expectRowsOf(page, cacheToken, await totalOf(page, cacheToken));
  for (let i = 0; i < ' token'.length; i++) await search.press('Backspace');
  await expectRowsOf(page, cache, await totalOf(page, cache));
  await search.fill('');
  await expectRowsOf(page, { sort: NEWEST }, SEEDED);

  // Tick a facet, untick it.
  const filters = page.getByRole('region', { name: 'Filters' });
  await filters.getByLabel(/^Stack Overflow \(\d+\)$/).check();
  const qa = { filters: { source: ['stackoverflow_qa' as const] }, sort: NEWEST };
  await expectRowsOf(page, qa, await totalOf(page, qa));
  await filters.getByLabel(/^Stack Overflow \(\d+\)$/).uncheck();
  await expectRowsOf(page, { sort: NEWEST }, SEEDED);

  // Sort by title, then back to newest first.
  await page.getByRole('columnheader', { name: /^Title/ }).click();
  await expectRowsOf(page, { sort: { column: 'title', direction: 'asc' } }, SEEDED);
  await page.getByRole('columnheader', { name: /^Collected/ }).click();
  await expectRowsOf(page, { sort: { column: 'collectedAt', direction: 'asc' } }, SEEDED);
  await page.getByRole('columnheader', { name: /^Collected/ }).click();
  await expectRowsOf(page, { sort: NEWEST }, SEEDED);

  await page.screenshot({ path: 'e2e/artifacts/items-journeys.png' });
  await checkScreen(page, 'items-list');
  expect(problems).toEqual([]);
});

/** Counts, frame by frame, the frames in which the list shows no item row (or "No items match"). */
async function countEmptyFrames(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { emptyFrames: number; watching: boolean };
    w.emptyFrames = 0;
    w.watching = true;
    const frame = () => {
      if (!w.watching) return;
      if (document.querySelectorAll('[data-testid="item-row"]').length === 0) w.emptyFrames++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { emptyFrames: number; watching: boolean };
      w.watching = false;
      return w.emptyFrames;
    });
}

test('Items: search as you type shows rows from the first letter and never an empty list', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/#/items');
  await expectRowsOf(page, { sort: NEWEST }, SEEDED);
  const filters = page.getByRole('region', { name: 'Filters' });

  const stop = await countEmptyFrames(page);
  await page.getByTestId('item-search').focus();
  for (const key of 'serialize') {
    await page.keyboard.type(key);
    await page.waitForTimeout(90); // a person's pace, so the list answers several prefixes
  }
  const serialize = { text: 'serialize', sort: BEST };
  await expectRowsOf(page, serialize, await totalOf(page, serialize));
  // Backspace to one letter: a title or path prefix, with the facets still there.
  for (let i = 0; i < 'erialize'.length; i++) await page.keyboard.press('Backspace');
  const s = { text: 's', sort: BEST };
  await expectRowsOf(page, s, await totalOf(page, s));
  await expect(page.getByTestId('item-row').first().locator('mark').first()).toHaveText(/^s/i);
  await expect(filters.getByLabel(/^Stack Overflow \(\d+\)$/)).toBeVisible();
  await expect(filters.getByLabel(/^Python \(\d+\)$/)).toBeVisible();
  expect(await stop()).toBe(0);
  await expect(page.getByTestId('item-sort')).toHaveValue('Relevance');

  // Nothing matches: the facets stay, at 0, and the way out is offered.
  await page.getByTestId('item-search').fill('zzqxjv');
  await expect(page.getByText('No items match')).toBeVisible();
  await expect(filters.getByLabel('Python (0)')).toBeVisible();
  await checkScreen(page, 'items-no-match');
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expectRowsOf(page, { sort: NEWEST }, SEEDED);
  await expect(page.getByTestId('item-sort')).toHaveValue('Newest collected');
  expect(problems).toEqual([]);
});

test('Items: keys typed while the core is still answering are not searched, only the newest text', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/#/items');
  await expectRowsOf(page, { sort: NEWEST }, SEEDED);

  // Hold the core's answers to first pages, as a busy core would, and note what was asked for.
  const asked: string[] = [];
  const held: Route[] = [];
  let holding = true;
  await page.route('**/rpc/listItems', async (route) => {
    const [query, range] = route.request().postDataJSON() as [
      ItemQueryInput,
      { offset: number; limit: number },
    ];
    if (range.offset !== 0 || range.limit === 0) return await route.continue(); // deeper pages, new-item counts
    asked.push(query.text ?? '');
    if (holding) held.push(route);
    else await route.continue();
  });

  const search = page.getByTestId('item-search');
  await search.focus();
  await page.keyboard.type('s');
  await expect.poll(() => asked).toEqual(['s']);
  // A person's pace: each key would be its own search if every key were asked for.
  await page.keyboard.type('erialize', { delay: 100 });
  // The rows already there stay while the answer is awaited.
  await expect(page.locator('[data-shown-query=""]')).toBeVisible();
  await expect(page.getByTestId('item-row').first()).toBeVisible();

  holding = false;
  for (const route of held.splice(0)) await route.continue();
  // The answer to "s" came; next asked for is what the box holds now, none of the texts in between.
  await expect.poll(() => asked).toEqual(['s', 'serialize']);
  await page.unroute('**/rpc/listItems');
  const serialize = { text: 'serialize', sort: BEST };
  await expectRowsOf(page, serialize, await totalOf(page, serialize));
  expect(problems).toEqual([]);
});

/** Left and right edges of the list's column headers, in order. */
const headerEdges = (page: Page) =>
  page
    .locator('[role="columnheader"]')
    .evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect()).map((r) => [r.left, r.right]));

/** Whether every column header ends before the next one starts. */
async function headersInOrder(page: Page): Promise<boolean> {
  const edges = await headerEdges(page);
  return edges.every((edge, i) => i === 0 || edge[0] >= edges[i - 1][1]);
}

async function expectColumnsFit(page: Page) {
  // Polled: once the window or a pane changes size, the columns that fit are chosen over a frame or two.
  await expect.poll(() => headersInOrder(page)).toBe(true);
  const title = page.getByRole('columnheader', { name: /^Title/ });
  await expect.poll(async () => (await title.boundingBox())!.width).toBeGreaterThanOrEqual(220);
}

test('Items at 1024×700: the search fits, columns keep their width, panes resize and fold', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto('/#/items');
  await expect(page.getByTestId('item-row').first()).toBeVisible();

  const search = await page.getByTestId('item-search').boundingBox();
  expect(search!.width).toBeGreaterThanOrEqual(160);
  expect(search!.x + search!.width).toBeLessThanOrEqual(1024);
  await expectColumnsFit(page);
  await page.screenshot({ path: 'e2e/artifacts/items-1024.png' });

  // Opening an item folds the filters away to make room; the titles stay readable.
  const filtersButton = page.getByRole('button', { name: /^Filters/ });
  await expect(filtersButton).toHaveAttribute('aria-expanded', 'true');
  await page.getByTestId('item-row').first().click();
  const detail = page.getByTestId('item-detail');
  await expect(detail.getByRole('heading', { level: 3 })).not.toHaveText('Loading…');
  await expect(filtersButton).toHaveAttribute('aria-expanded', 'false');
  await expectColumnsFit(page);
  expect((await detail.boundingBox())!.width).toBeGreaterThanOrEqual(280);
  await page.screenshot({ path: 'e2e/artifacts/items-1024-detail.png' });
  await checkScreen(page, 'items-detail-code');

  // Drag the detail's edge to the left: the detail gets wider, the list narrower.
  const before = (await detail.boundingBox())!.width;
  const handle = (await page.getByRole('separator', { name: 'Resize detail' }).boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x - 60, handle.y + handle.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await detail.boundingBox())!.width).toBeGreaterThan(before + 30);

  // Closing the detail brings the filters back, and the focus to the list.
  await page.getByRole('button', { name: 'Close detail (Escape)' }).click();
  await expect(detail).toBeHidden();
  await expect(filtersButton).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('item-list')).toBeFocused();

  // The filters fold away and come back from their button.
  await filtersButton.click();
  await expect(page.getByRole('region', { name: 'Filters' })).toBeHidden();
  await filtersButton.click();
  await expect(page.getByRole('region', { name: 'Filters' })).toBeVisible();

  await page.setViewportSize({ width: 1600, height: 1000 });
  await expectColumnsFit(page);
  await page.screenshot({ path: 'e2e/artifacts/items-1600.png' });
  expect(problems).toEqual([]);
});
