import { expect, test, type Page } from '@playwright/test';
import { resetBridge } from './harness/bridgeUrl.ts';
import { startFakeGithub, type FakeGithub } from '../test/fakes/github/fakeGithub.ts';
import {
  startFakeStackExchange,
  type FakeStackExchange,
} from '../test/fakes/stackexchange/fakeStackExchange.ts';
import { checkScreen } from './harness/screens.ts';
import { watchConsole } from './harness/watchConsole.ts';

const GOOD_TOKEN = 'ghp_fake_valid_token_0001';
const SE_KEY = 'fake-se-key-0001';
let github: FakeGithub;
let se: FakeStackExchange;

test.beforeAll(async () => {
  await resetBridge();
  github = await startFakeGithub({ tokens: { [GOOD_TOKEN]: 'octocat' } });
  se = await startFakeStackExchange({ keys: [SE_KEY] });
});
test.afterAll(async () => {
  await github.close();
  await se.close();
});

const field = (page: Page, testId: string) => page.getByTestId(testId);

test('Settings: validate, save, survive a restart, test both connections', async ({ page, request }) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('No ingestion runs yet')).toBeVisible();
  await checkScreen(page, 'dashboard-empty');

  // The empty Dashboard sends the user to Settings.
  await page.getByRole('button', { name: 'Open Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  // The bridge has no OS keychain: the screen says how secrets are kept instead.
  await expect(page.getByTestId('plain-secrets-warning')).toContainText(
    'stored unencrypted, in a settings file that only your user account can read',
  );

  // An invalid value: a message beside the field, nothing saved.
  await field(page, 'github.minStars').fill('-5');
  await field(page, 'github.baseUrl').fill('not a url');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Must be at least 0')).toBeVisible();
  await expect(page.getByText('Must be an http(s) URL, e.g. https://api.github.com')).toBeVisible();
  await expect(page.getByText('Nothing was saved')).toBeVisible();
  await expect(field(page, 'github.minStars')).toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, 'settings-invalid');

  // Valid values and a token.
  await field(page, 'github.minStars').fill('250');
  await field(page, 'github.baseUrl').fill(github.url);
  await field(page, 'github.token').fill(GOOD_TOKEN);
  await field(page, 'stackoverflow.baseUrl').fill(se.url);
  await field(page, 'stackoverflow.apiKey').fill(SE_KEY);
  await field(page, 'stackoverflow.tags').fill('rust');
  await field(page, 'stackoverflow.tags').press('Enter');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  await expect(page.getByTestId('settings-state')).toHaveText('All changes saved');

  // Quit and relaunch: a new core on the same data folder, then a fresh page.
  expect((await request.post('/__test__/restart')).status()).toBe(204);
  await page.reload();
  await expect(field(page, 'github.minStars')).toHaveValue('250');
  await expect(field(page, 'github.baseUrl')).toHaveValue(github.url);
  await expect(page.getByTestId('github.token-masked')).toHaveText('Stored: ghp_••••••••0001');
  await expect(field(page, 'github.token')).toHaveValue('');
  const tags = page.getByRole('region', { name: 'Stack Overflow' });
  await expect(tags.getByText('rust', { exact: true })).toBeVisible();
  // The renderer never holds the token itself.
  expect(await page.content()).not.toContain(GOOD_TOKEN);
  expect(await page.evaluate(() => window.api.getSettings().then((s) => JSON.stringify(s)))).not.toContain(
    GOOD_TOKEN,
  );

  // Test connection with the stored token, then with a wrong one typed but not saved.
  await page.getByRole('button', { name: 'Test connection to GitHub' }).click();
  const githubReport = page.getByTestId('connection-github');
  await expect(githubReport).toHaveAttribute('data-status', 'ok');
  await expect(githubReport).toContainText('Connection ok');
  await expect(githubReport).toContainText('Connected as octocat');

  await page.getByRole('button', { name: 'Test connection to Stack Exchange' }).click();
  await expect(page.getByTestId('connection-stackoverflow')).toContainText(
    /Connected to stackoverflow — [\d,]+ of 10,000/,
  );

  await checkScreen(page, 'settings-connections-ok');

  await field(page, 'github.token').fill('ghp_this_token_is_wrong_0000');
  await page.getByRole('button', { name: 'Test connection to GitHub' }).click();
  await expect(githubReport).toHaveAttribute('data-status', 'bad_token');
  await expect(githubReport).toContainText('GitHub did not accept the token');

  expect(problems).toEqual([]);
});

test('the sidebar works from the keyboard and every page has an empty state', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/#/items');
  await expect(page.getByText('Your collection is empty')).toBeVisible();
  await checkScreen(page, 'items-empty');
  await page.getByRole('link', { name: /Dashboard/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  expect(problems).toEqual([]);
});

test('the global theme holds on the Items screen too: list and detail in both themes', async ({
  page,
  request,
}) => {
  const problems = watchConsole(page);
  expect((await request.post('/__test__/seed?count=60')).status()).toBe(200);
  try {
    await page.goto('/#/items');
    await expect(page.getByTestId('item-row').first()).toBeVisible();
    await page.getByTestId('item-row').first().click();
    await checkScreen(page, 'items-detail');
  } finally {
    await request.post('/__test__/clear-items');
  }
  expect(problems).toEqual([]);
});
