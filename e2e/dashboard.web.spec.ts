import { expect, test, type Page } from '@playwright/test';
import { startFakeGithub, type FakeGithub } from '../test/fakes/github/fakeGithub.ts';
import {
  startFakeStackExchange,
  type FakeStackExchange,
} from '../test/fakes/stackexchange/fakeStackExchange.ts';
import { resetBridge } from './harness/bridgeUrl.ts';
import { checkScreen } from './harness/screens.ts';
import { watchConsole } from './harness/watchConsole.ts';

const TOKEN = 'ghp_fake_valid_token_0001';
const SE_KEY = 'fake-se-key-0001';
let github: FakeGithub;
let se: FakeStackExchange;

test.beforeAll(async () => {
  await resetBridge();
  // Slow enough that a run lasts a while: there is time to watch, pause and cancel.
  github = await startFakeGithub({ tokens: { [TOKEN]: 'octocat' }, corpus: { repos: 60 }, latencyMs: 120 });
  se = await startFakeStackExchange({ keys: [SE_KEY], site: { questions: 3000 }, latencyMs: 700 });
});
test.afterAll(async () => {
  await github.close();
  await se.close();
});

async function configureBothFakes(page: Page) {
  await page.goto('/#/settings');
  const field = (id: string) => page.getByTestId(id);
  await field('github.baseUrl').fill(github.url);
  await field('github.token').fill(TOKEN);
  await field('github.minStars').fill('0');
  await field('github.pushedAfter').fill('');
  await field('github.minRepoSizeKb').fill('0');
  await field('github.maxRepos').fill('60');
  await field('stackoverflow.baseUrl').fill(se.url);
  await field('stackoverflow.apiKey').fill(SE_KEY);
  await field('stackoverflow.minQuestionScore').fill('0');
  await field('stackoverflow.minAnswerScore').fill('0');
  await field('stackoverflow.maxQuestions').fill('2500');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
}

const itemsStored = async (page: Page) =>
  Number((await page.getByTestId('total-items').innerText()).replace(/,/g, ''));

test('Dashboard: start a run, watch it move, pause, resume, cancel, see it in history', async ({ page }) => {
  const problems = watchConsole(page);

  await configureBothFakes(page);
  await page.getByRole('link', { name: /Dashboard/ }).click();
  await expect(page.getByText('No ingestion runs yet')).toBeVisible();
  await page.getByRole('button', { name: 'Start run' }).click();

  // Both sources get a card with a progress bar; figures move.
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await expect(page.getByTestId('source-github')).toBeVisible();
  await expect(page.getByTestId('source-stackoverflow')).toBeVisible();
  await expect.poll(() => itemsStored(page), { timeout: 20_000 }).toBeGreaterThan(0);
  const first = await itemsStored(page);
  await expect.poll(() => itemsStored(page), { timeout: 20_000 }).toBeGreaterThan(first);
  await expect
    .poll(async () => Number(await page.getByTestId('progress-github').getAttribute('data-done')), {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('rate-chart').locator('canvas')).toBeVisible();

  // Pause: everything holds still.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await page.waitForTimeout(1000); // requests already on the wire land
  const atPause = await itemsStored(page);
  await page.waitForTimeout(1500);
  expect(await itemsStored(page)).toBe(atPause);
  // A run in progress, held still for the screenshots and axe.
  await checkScreen(page, 'dashboard-running-paused');

  // Resume: it moves again.
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await expect.poll(() => itemsStored(page), { timeout: 20_000 }).toBeGreaterThan(atPause);

  // Cancel: the run ends, keeps what it stored, and shows in the history.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('cancelled', { timeout: 15_000 });
  const history = page.getByTestId('run-history');
  await expect(history.getByRole('row').nth(1)).toContainText('cancelled');
  await expect(page.getByRole('button', { name: 'Start run' })).toBeEnabled();
  await checkScreen(page, 'dashboard-cancelled');

  expect(problems).toEqual([]);
});
