import { hostname } from 'node:os';
import { DatabaseSync } from 'node:sqlite';
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
/** Nothing listens here: connections are refused at once. */
const NOWHERE = 'http://127.0.0.1:9';
let github: FakeGithub;
let se: FakeStackExchange;

test.beforeAll(async () => {
  github = await startFakeGithub({ tokens: { [TOKEN]: 'octocat' }, corpus: { repos: 6 } });
  se = await startFakeStackExchange({ keys: [SE_KEY], site: { questions: 80 } });
});
test.beforeEach(async () => {
  await resetBridge();
});
test.afterAll(async () => {
  await github.close();
  await se.close();
});

type SourceSettings = { githubUrl?: string; token?: string; seUrl?: string; github?: boolean; so?: boolean };

/** Saves the settings through the contract, as the Settings screen would. */
async function configure(page: Page, s: SourceSettings) {
  await page.goto('/#/dashboard');
  const ok = await page.evaluate(async (s) => {
    const current = await window.api.getSettings();
    const { token: _t, ...github } = current.github;
    const { apiKey: _k, ...stackoverflow } = current.stackoverflow;
    const result = await window.api.saveSettings({
      github: {
        ...github,
        baseUrl: s.githubUrl,
        token: s.token ? { action: 'set', value: s.token } : { action: 'keep' },
        minStars: 0,
        pushedAfter: '',
        minRepoSizeKb: 0,
        maxRepos: 6,
      },
      stackoverflow: {
        ...stackoverflow,
        baseUrl: s.seUrl,
        apiKey: { action: 'set', value: 'fake-se-key-0001' },
        minQuestionScore: 0,
        minAnswerScore: 0,
        maxQuestions: 60,
        maxAnswersPerQuestion: 1,
      },
      pipeline: { ...current.pipeline, githubEnabled: s.github ?? true, stackoverflowEnabled: s.so ?? true },
    });
    return result.ok;
  }, s);
  expect(ok).toBe(true);
  await page.reload();
}

const startAndFinish = async (page: Page, status: RegExp | string) => {
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByTestId('run-status')).toHaveText(status, { timeout: 30_000 });
};

test('a rejected token reads as a failure, with what to do; the run page and a restart keep telling it', async ({
  page,
  request,
}) => {
  const problems = watchConsole(page);
  await configure(page, { githubUrl: github.url, token: 'ghp_this_token_is_wrong_0000', seUrl: se.url });
  await startAndFinish(page, 'partial');

  await expect(page.getByTestId('run-outcome-sentence')).toHaveText('Completed with 1 source failed.');
  await expect(page.getByTestId('status-github')).toHaveText('failed');
  await expect(page.getByTestId('success-github')).toHaveText('—');
  await expect(page.getByTestId('total-errors')).not.toHaveText('0');
  const failure = page.getByTestId('failure-github');
  await expect(failure).toContainText('GitHub failed');
  await expect(failure).toContainText('Check the token in Settings');
  await expect(page.getByTestId('errors-panel')).not.toContainText('No errors in this run');
  await failure.getByRole('button', { name: /Test connection/ }).click();
  await expect(page.getByTestId('failure-test-github')).toHaveAttribute('data-status', 'bad_token');
  await checkScreen(page, 'dashboard-partial-token-rejected');

  // The link goes to the token field in Settings.
  await failure.getByRole('button', { name: 'Open the token in Settings' }).click();
  await expect(page.getByTestId('github.token')).toBeFocused();
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /Dashboard/ })
    .click();

  // The history row opens the run's page: outcome, errors grouped, skips by reason, settings used.
  await expect(page.getByTestId('run-history').getByRole('row').nth(1)).toContainText(
    'completed with 1 source failed',
  );
  await page.getByTestId('run-history').getByRole('row').nth(1).click();
  await expect(page.getByRole('heading', { name: 'Run #1', level: 2 })).toBeVisible();
  await expect(page.getByTestId('run-page-outcome')).toHaveText('Completed with 1 source failed.');
  await expect(page.getByTestId('run-page-errors')).toContainText('GitHub');
  await expect(page.getByTestId('run-page-errors')).toContainText('token');
  const reasons = page.getByTestId('skip-reasons');
  await expect(reasons).toContainText('past the answers-per-question limit');
  await expect(page.getByTestId('run-settings-stackoverflow')).toContainText('Maximum answers per question');
  await reasons
    .getByRole('button', { name: /Show what was skipped as past the answers-per-question limit/ })
    .click();
  const rows = page.getByTestId('skip-rows');
  await expect(rows.getByRole('row').nth(1)).toContainText('past the answers-per-question limit');
  const subject = (await rows.getByRole('row').nth(1).getByRole('cell').first().innerText()).trim();
  await page.getByTestId('skip-search').fill(subject);
  await expect(page.getByTestId('skip-count')).toHaveText(/Showing 1 of 1|Showing \d+ of \d+/);
  await expect(rows).toContainText(subject);
  await page.getByTestId('skip-search').fill('no such path anywhere');
  await expect(page.getByTestId('skip-count')).toHaveText('Nothing skipped matches.');
  await page.getByTestId('skip-search').fill('');
  await checkScreen(page, 'run-page');

  // Quit and relaunch: the Dashboard tells the last run, never "No ingestion runs yet".
  expect((await request.post('/__test__/restart')).status()).toBe(204);
  await page.goto('/#/dashboard');
  await expect(page.getByTestId('last-run')).toContainText('Last run: #1');
  await expect(page.getByTestId('last-run')).toContainText('Completed with 1 source failed.');
  await expect(page.getByText('No ingestion runs yet')).toBeHidden();
  await checkScreen(page, 'dashboard-after-restart');

  // The same run again over unchanged data: what it did, not "0 items".
  await configure(page, { githubUrl: github.url, token: TOKEN, seUrl: se.url, github: false });
  await startAndFinish(page, 'completed');
  await expect(page.getByTestId('new-stackoverflow')).toHaveText('0');
  await expect(page.getByTestId('did-stackoverflow')).toHaveText(
    /^Read [\d,]+ questions: 0 new, 0 updated, [1-9][\d,]* unchanged/,
  );
  await expect(page.getByTestId('run-items')).toHaveText(/0 new, 0 updated, [1-9][\d,]* unchanged/);
  await expect(page.getByTestId('run-history').getByRole('row').nth(1)).toContainText('completed');
  await checkScreen(page, 'dashboard-rerun-unchanged');
  expect(problems).toEqual([]);
});

test('both sources unreachable: "failed", what to do for each, and a chart axis of minutes, not years', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await configure(page, { githubUrl: NOWHERE, token: TOKEN, seUrl: `${NOWHERE}/2.3` });
  await startAndFinish(page, 'failed');
  await expect(page.getByTestId('run-outcome-sentence')).toHaveText('Failed: both sources failed.');
  for (const source of ['github', 'stackoverflow']) {
    await expect(page.getByTestId(`failure-${source}`)).toContainText('Check the API base URL in Settings');
    await expect(page.getByTestId(`success-${source}`)).toHaveText('—');
  }
  const chart = page.getByTestId('rate-chart');
  const span = Number(await chart.getAttribute('data-x-span'));
  expect(span).toBeGreaterThanOrEqual(60);
  expect(span).toBeLessThan(3600);
  await expect(page.getByTestId('rate-legend')).toContainText('GitHub');
  await expect(page.getByTestId('rate-legend')).not.toContainText('--');
  await checkScreen(page, 'dashboard-both-unreachable');
  await page
    .getByTestId('failure-stackoverflow')
    .getByRole('button', { name: 'Open the API base URL in Settings' })
    .click();
  await expect(page.getByTestId('stackoverflow.baseUrl')).toBeFocused();
  expect(problems).toEqual([]);
});

test('an interrupted run is offered for resume only until a later run starts', async ({ page, request }) => {
  const problems = watchConsole(page);
  await configure(page, { githubUrl: github.url, token: TOKEN, seUrl: se.url, github: false });
  // What a killed process leaves behind: a run still marked running.
  const { databaseFile } = await page.evaluate(() => window.api.getAppInfo());
  const db = new DatabaseSync(databaseFile);
  db.prepare("INSERT INTO runs (started_at, status, settings) VALUES (?, 'running', '{}')").run(
    new Date().toISOString(),
  );
  db.close();
  expect((await request.post('/__test__/restart')).status()).toBe(204);
  await page.reload();
  await expect(page.getByTestId('resume-offer')).toContainText('Run #1 was interrupted');

  await startAndFinish(page, 'completed');
  await expect(page.getByTestId('resume-offer')).toBeHidden();
  expect((await request.post('/__test__/restart')).status()).toBe(204);
  await page.reload();
  await expect(page.getByTestId('last-run')).toContainText('Last run: #2');
  await expect(page.getByTestId('resume-offer')).toBeHidden();
  expect(problems).toEqual([]);
});

test('a run the CLI is running on the same data folder is shown before Start, and Start waits for it', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await configure(page, { githubUrl: github.url, token: TOKEN, seUrl: se.url, github: false });
  // What `collect` in a terminal records: a running run owned by a live process that beats.
  const { databaseFile } = await page.evaluate(() => window.api.getAppInfo());
  const db = new DatabaseSync(databaseFile);
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO runs (started_at, status, settings, owner_pid, owner_kind, owner_host, heartbeat_at)
     VALUES (?, 'running', '{}', ?, 'cli', ?, ?)`,
  ).run(now, process.pid, hostname(), now);
  await page.reload();
  const notice = page.getByTestId('run-elsewhere');
  await expect(notice).toContainText('Run #1 is in progress in another process');
  await expect(notice).toContainText(`A run is already in progress (CLI, pid ${process.pid}, started `);
  await expect(page.getByRole('button', { name: 'Start run' })).toBeDisabled();
  await checkScreen(page, 'dashboard-run-elsewhere');

  // The CLI's run ends: the notice goes without a reload, and Start runs.
  db.prepare("UPDATE runs SET status = 'completed', ended_at = ? WHERE id = 1").run(new Date().toISOString());
  db.close();
  await expect(notice).toBeHidden({ timeout: 10_000 });
  await startAndFinish(page, 'completed');
  expect(problems).toEqual([]);
});

test('a rate-limit countdown stands still while the run is paused, and moves again on resume', async ({
  page,
}) => {
  const problems = watchConsole(page);
  const limited = await startFakeGithub({
    tokens: { [TOKEN]: 'octocat' },
    corpus: { repos: 12 },
    coreLimit: 3,
    coreWindowSeconds: 45,
  });
  try {
    await configure(page, { githubUrl: limited.url, token: TOKEN, seUrl: se.url, so: false });
    await page.getByRole('button', { name: 'Start run' }).click();
    const wait = page.getByTestId('wait-github');
    await expect(wait).toContainText('resuming in', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(wait).toContainText('on hold while paused');
    const held = await wait.innerText();
    await page.waitForTimeout(2500);
    expect(await wait.innerText()).toBe(held);
    await checkScreen(page, 'dashboard-paused-during-wait');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(wait).toContainText('resuming in');
    const moving = await wait.innerText();
    await expect.poll(() => wait.innerText(), { timeout: 5000 }).not.toBe(moving);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('run-status')).toHaveText('cancelled', { timeout: 15_000 });
  } finally {
    await limited.close();
  }
  expect(problems).toEqual([]);
});

test('a GitHub run without a token says so on its card while it runs, not only at the end', async ({
  page,
}) => {
  const problems = watchConsole(page);
  // Slow enough that the run is still going when the card is looked at.
  const slow = await startFakeGithub({ corpus: { repos: 20 }, latencyMs: 400 });
  try {
    await configure(page, { githubUrl: slow.url, so: false });
    await page.getByRole('button', { name: 'Start run' }).click();
    await expect(page.getByTestId('notice-github')).toContainText('No GitHub token: 60 requests an hour');
    await expect(page.getByTestId('run-status')).toHaveText('running');
    await checkScreen(page, 'dashboard-github-without-token');
    // And it stays said once the run is over.
    await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 30_000 });
    await expect(page.getByTestId('notice-github')).toContainText('No GitHub token');
  } finally {
    await slow.close();
  }
  expect(problems).toEqual([]);
});
