import { expect, test } from '@playwright/test';
import { checkScreen } from './harness/screens.ts';
import { useSeededItems } from './harness/seededItems.ts';
import { watchConsole } from './harness/watchConsole.ts';

useSeededItems(300);
// A German locale, to see dates (and numbers) written the user's way; the clipboard for the copy buttons.
test.use({ locale: 'de-DE', permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: import('@playwright/test').Page) =>
  page.evaluate(() => navigator.clipboard.readText());

test('Items detail: Q&A as formatted text, code highlighted, wrap and copy, dates in the locale', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/#/items');
  const filters = page.getByRole('region', { name: 'Filters' });
  await filters.getByLabel(/^Stack Overflow \(\d+\)$/).check();
  const first = page.getByTestId('item-row').first();
  await expect(first).toBeVisible();
  // No row looks chosen before the user chooses one.
  await expect(page.locator('[role="row"][aria-selected="true"]')).toHaveCount(0);
  const id = (await first.getAttribute('data-item-id'))!;
  await first.click();

  const detail = page.getByTestId('item-detail');
  const item = await page.evaluate((itemId) => window.api.getItem(itemId), id);
  if (item?.source !== 'stackoverflow_qa') throw new Error('expected a Q&A item');
  await expect(detail.getByRole('heading', { level: 3 })).toHaveText(item.title);

  // Markdown rendered: no fences left, the blocks highlighted (inline code, quotes and raw HTML are
  // covered by test/items/qaMarkdown.test.ts).
  const question = detail.getByRole('region', { name: 'Question' });
  await expect(question).not.toContainText('```');
  await expect(question.locator('.hljs-keyword, .hljs-built_in, .hljs-title').first()).toBeVisible();
  // Which answer this is.
  const answer = detail.getByRole('region', { name: 'Answer' });
  await expect(answer).toContainText(`${item.metadata.answerScore} votes · by ${item.metadata.author}`);

  // Dates in the user's locale.
  await expect(detail).toContainText('Collected 1. Juni 2025.');

  // Wrap long lines on demand: the line numbers step aside.
  const block = question.getByTestId('code-view').first();
  await expect(block.locator('.code-gutter')).toBeVisible();
  const wrap = question.getByRole('button', { name: 'Wrap lines' }).first();
  await wrap.click();
  await expect(wrap).toHaveAttribute('aria-pressed', 'true');
  await expect(block.locator('.code-gutter')).toHaveCount(0);
  await expect(block).toHaveClass(/wrapped/);

  // Copy a code block, then the whole item's text.
  await question.getByRole('button', { name: 'Copy code' }).first().click();
  await expect(question.getByRole('button', { name: 'Copied' }).first()).toBeVisible();
  expect((await clipboard(page)).trim()).toBe((await block.locator('.code-body').innerText()).trim());
  await detail.getByRole('button', { name: 'Copy text' }).click();
  await expect.poll(() => clipboard(page)).toBe(item.content);

  await page.screenshot({ path: 'e2e/artifacts/items-detail-qa.png' });
  await checkScreen(page, 'items-detail-qa');

  // Escape closes the detail and the focus goes back to the list.
  await page.getByTestId('item-list').focus();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(page.getByTestId('item-list')).toBeFocused();
  expect(problems).toEqual([]);
});
