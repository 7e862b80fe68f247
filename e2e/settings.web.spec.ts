import { expect, test, type Page } from '@playwright/test';
import { startFakeGithub, type FakeGithub } from '../test/fakes/github/fakeGithub.ts';
import { resetBridge } from './harness/bridgeUrl.ts';
import { checkScreen } from './harness/screens.ts';
import { watchConsole } from './harness/watchConsole.ts';

const TOKEN = 'ghp_fake_valid_token_0001';
let github: FakeGithub;

test.beforeAll(async () => {
  await resetBridge();
  github = await startFakeGithub({ tokens: { [TOKEN]: 'octocat' } });
});
test.afterAll(async () => {
  await github.close();
});

const field = (page: Page, path: string) => page.getByTestId(path);
const saved = (page: Page) => expect(page.getByTestId('settings-state')).toHaveText('All changes saved');
const nav = (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('link', { name });

test('unsaved changes are guarded when leaving Settings: keep editing, discard, save and leave, Back', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/#/settings');
  await field(page, 'github.minStars').fill('321');
  await expect(page.getByTestId('settings-state')).toHaveText('Unsaved changes');

  // Keep editing: still here, the edit still there.
  await nav(page, /Dashboard/).click();
  const dialog = page.getByRole('dialog', { name: 'Unsaved changes in Settings' });
  await expect(dialog).toBeVisible();
  await checkScreen(page, 'settings-unsaved-dialog');
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(field(page, 'github.minStars')).toHaveValue('321');

  // Discard: leaves, and the edit is gone when coming back.
  await nav(page, /Items/).click();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page).toHaveURL(/#\/items$/);
  await nav(page, /Settings/).click();
  await expect(field(page, 'github.minStars')).toHaveValue('100');

  // Save and leave: leaves, and the value is stored.
  await field(page, 'github.minStars').fill('322');
  await nav(page, /Dashboard/).click();
  await dialog.getByRole('button', { name: 'Save and leave' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 2 })).toBeVisible();
  expect((await page.evaluate(() => window.api.getSettings())).github.minStars).toBe(322);

  // Back (outside the app's own links) is guarded too.
  await nav(page, /Settings/).click();
  await field(page, 'github.minStars').fill('7');
  await page.goBack();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(field(page, 'github.minStars')).toHaveValue('7');

  // Save and leave with an invalid value: nothing saved, the user stays on the field.
  await field(page, 'github.minStars').fill('-1');
  await nav(page, /Items/).click();
  await dialog.getByRole('button', { name: 'Save and leave' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(field(page, 'github.minStars')).toBeFocused();
  expect(problems).toEqual([]);
});

test('Enter and Ctrl+S save; a failed save names the fields and moves focus to the first', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/#/settings');

  await field(page, 'github.minStars').fill('50');
  await field(page, 'github.minStars').press('Enter');
  await saved(page);
  await expect(field(page, 'github.minStars')).toBeFocused();
  await field(page, 'github.minStars').fill('60');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await saved(page);
  await expect(page.getByTestId('settings-state')).toBeFocused();

  await field(page, 'stackoverflow.maxQuestions').fill('1234');
  await field(page, 'stackoverflow.maxQuestions').press('Control+s');
  await saved(page);
  expect((await page.evaluate(() => window.api.getSettings())).stackoverflow.maxQuestions).toBe(1234);

  // Messages as the user types, before any save.
  await field(page, 'github.maxRepos').fill('0');
  await expect(page.getByText('Must be at least 1')).toBeVisible();
  await field(page, 'pipeline.batchSize').fill('');
  await expect(page.getByText('Enter a number of items')).toBeVisible();

  await page.keyboard.press('Control+s');
  const state = page.getByTestId('settings-state');
  await expect(state).toContainText('2 fields need attention:');
  await expect(state.getByRole('button', { name: 'Maximum repositories (GitHub)' })).toBeVisible();
  await expect(state.getByRole('button', { name: 'Batch size (Pipeline)' })).toBeVisible();
  await expect(field(page, 'github.maxRepos')).toBeFocused();
  await checkScreen(page, 'settings-two-fields-need-attention');
  await state.getByRole('button', { name: 'Batch size (Pipeline)' }).click();
  await expect(field(page, 'pipeline.batchSize')).toBeFocused();
  expect((await page.evaluate(() => window.api.getSettings())).github.maxRepos).toBe(100);

  await field(page, 'github.maxRepos').fill('10');
  await field(page, 'pipeline.batchSize').fill('100');
  await page.keyboard.press('Control+s');
  await saved(page);
  expect(problems).toEqual([]);
});

test('Languages: searchable by typing; Down+Enter adds a language and never removes one', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/#/settings');
  const languages = field(page, 'github.languages');
  const chosen = () =>
    page.evaluate(() => window.api.getSettings().then((s) => s.github.languages.slice().sort().join(',')));

  await languages.click();
  await languages.pressSequentially('ru');
  await expect(page.getByRole('option', { name: 'Rust' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Python' })).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // Chosen languages are not offered again, so the next Down+Enter adds another one.
  await languages.click();
  await expect(page.getByRole('option', { name: 'Python' })).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+s');
  await saved(page);
  const now = (await chosen()).split(',');
  expect(now).toEqual(expect.arrayContaining(['python', 'typescript', 'rust']));
  expect(now).toHaveLength(4);
  expect(problems).toEqual([]);
});

test('a new address warns that the saved token will be cleared; Test connection answers beside the token, above the footer', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto('/#/settings');
  await field(page, 'github.baseUrl').fill(github.url);
  await field(page, 'github.token').fill(TOKEN);
  await page.keyboard.press('Control+s');
  await saved(page);

  const note = page.getByTestId('github.baseUrl-note');
  await expect(note).toBeHidden();
  const otherOrigin = github.url.replace('127.0.0.1', 'localhost');
  await field(page, 'github.baseUrl').fill(otherOrigin);
  await expect(note).toHaveText('Changing the address clears the saved token unless you enter it again.');
  await checkScreen(page, 'settings-address-change-note');
  await field(page, 'github.token').fill(TOKEN);
  await expect(note).toBeHidden();
  await field(page, 'github.token').fill('');
  await expect(note).toBeVisible();
  await field(page, 'github.baseUrl').fill(`${github.url}/`);
  await expect(note).toBeHidden(); // the same origin keeps the token

  // The answer shows right under the token, in view and clear of the sticky footer.
  await field(page, 'github.baseUrl').fill(github.url);
  await page.getByRole('button', { name: 'Test connection to GitHub' }).click();
  const answer = page.getByTestId('connection-github');
  await expect(answer).toContainText('Connected as octocat');
  await expect(answer).toBeInViewport({ ratio: 1 });
  const footer = await page.locator('.settings-footer').boundingBox();
  const box = await answer.boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(footer!.y);
  expect(problems).toEqual([]);
});

test('skip link first; theme: light, dark, and follow the system, remembered across a reload', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/#/dashboard');
  // The first Tab stop skips the sidebar (once the page is drawn: a Tab before that lands nowhere).
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeAttached();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
  await expect(page).toHaveURL(/#\/dashboard$/);

  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');

  const theme = page.getByRole('radiogroup', { name: 'Theme' });
  await theme.getByText('Light').click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.reload();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await theme.getByText('System').click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  expect(problems).toEqual([]);
});
