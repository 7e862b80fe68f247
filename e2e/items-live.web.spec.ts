import { expect, test } from '@playwright/test';
import { BRIDGE_URL } from './harness/bridgeUrl.ts';
import { checkScreen } from './harness/screens.ts';
import { useSeededItems } from './harness/seededItems.ts';
import { watchConsole } from './harness/watchConsole.ts';

const SEEDED = 300;
useSeededItems(SEEDED);

test('Items: items stored meanwhile (a run) show as "N new" without moving the list, until asked', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/#/items');
  const count = page.getByTestId('item-count');
  await expect(count).toHaveText(`${SEEDED} of ${SEEDED} items`);
  // The user is reading further down.
  await page.getByTestId('item-list').evaluate((grid) => (grid.scrollTop = 900));
  await page.waitForTimeout(300);
  const readingBefore = await page.getByTestId('item-list').evaluate((grid) => grid.scrollTop);
  const rowsBefore = await page
    .getByTestId('item-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')));

  // A run stores more items (other generated ones: some are new, some update items already there).
  const seeded = await fetch(`${BRIDGE_URL}/__test__/seed?count=40&seed=777`, { method: 'POST' });
  const { inserted } = (await seeded.json()) as { inserted: number };
  expect(inserted).toBeGreaterThan(0);

  const bar = page.getByRole('status').filter({ hasText: 'new item' });
  await expect(bar).toHaveText(new RegExp(`^${inserted} new items?Show$`));
  // Nothing moved: same count, same rows, same place.
  await expect(count).toHaveText(`${SEEDED} of ${SEEDED} items`);
  expect(await page.getByTestId('item-list').evaluate((grid) => grid.scrollTop)).toBe(readingBefore);
  expect(
    await page.getByTestId('item-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id'))),
  ).toEqual(rowsBefore);
  await checkScreen(page, 'items-new-items');

  // Asked to, the list shows them, newest first, from the top.
  await bar.getByRole('button', { name: 'Show' }).click();
  const total = SEEDED + inserted;
  await expect(count).toHaveText(`${total} of ${total} items`);
  await expect(bar).toBeHidden();
  await expect.poll(() => page.getByTestId('item-list').evaluate((grid) => grid.scrollTop)).toBe(0);
  const newest = await page.evaluate(
    async () => (await window.api.listItems({}, { offset: 0, limit: 1 })).rows[0].id,
  );
  await expect(page.getByTestId('item-row').first()).toHaveAttribute('data-item-id', newest);
  expect(problems).toEqual([]);
});
