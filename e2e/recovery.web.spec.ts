import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yFindings } from './harness/a11y.ts';
import { BRIDGE_URL, resetBridge } from './harness/bridgeUrl.ts';
import { watchConsole } from './harness/watchConsole.ts';

/** Quits the app, damages its database the given way, and starts it again (test/fixtures/damageDatabase.ts). */
async function damage(kind: string) {
  const response = await fetch(`${BRIDGE_URL}/__test__/damage?kind=${kind}`, { method: 'POST' });
  expect(response.status).toBe(204);
}
async function seed(count: number) {
  expect((await fetch(`${BRIDGE_URL}/__test__/seed?count=${count}`, { method: 'POST' })).status).toBe(200);
}
const problem = (page: Page) => page.getByTestId('storage-problem');

test.beforeEach(async () => {
  await resetBridge();
  await seed(40);
});

test('a damaged database: the window opens on the recovery screen, which keeps the file aside and starts anew', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await damage('garbage-header');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'The database can’t be opened' })).toBeVisible();
  await expect(problem(page)).toHaveAttribute('data-kind', 'not-a-database');
  await expect(problem(page)).toContainText(/The file at \/.*code-helper-ingest\.sqlite is not a database/);
  await expect(page.getByText(/Data folder: \//)).toBeVisible();
  await expectNoSeriousA11yFindings(page, 'recovery (dark)');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: 'e2e/artifacts/recovery-dark.png', fullPage: true });
  await page.evaluate(() => localStorage.setItem('mantine-color-scheme-value', 'light'));
  await page.reload();
  await expect(problem(page)).toBeVisible();
  await expectNoSeriousA11yFindings(page, 'recovery (light)');
  await page.screenshot({ path: 'e2e/artifacts/recovery-light.png', fullPage: true });

  // Retry changes nothing while the file is as it is, and says so.
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText('Still not working')).toBeVisible();

  // Keyboard: the action is reachable and works with Enter.
  await page.getByRole('button', { name: 'Keep the damaged file aside and start a new database' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(
    page.getByText(/Started a new database\. The old file is kept as \/.*\.damaged-/),
  ).toBeVisible();
  // A fresh database: nothing in it, and the app works.
  await page.getByRole('link', { name: /Items/ }).click();
  await expect(page.getByText('Your collection is empty')).toBeVisible();
  expect(problems).toEqual([]);
});

test('an unusable data folder: another folder is checked, then used at once', async ({ page }) => {
  await damage('directory-in-its-place');
  await page.goto('/');
  await expect(problem(page)).toHaveAttribute('data-kind', 'not-a-file');
  const folderField = page.getByTestId('recovery-folder');
  await folderField.fill('/etc/hostname');
  await page.getByRole('button', { name: 'Use this folder' }).click();
  await expect(
    page.getByText("This folder can't be used: /etc/hostname is a file, not a folder"),
  ).toBeVisible();
  await expect(folderField).toHaveAttribute('aria-invalid', 'true');
  const other = `/tmp/chi-e2e-recovery-${Date.now()}/data`;
  await folderField.fill(other);
  await folderField.press('Enter');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText(`Now using the data folder ${other}.`)).toBeVisible();
});

test('damage found after start (zeroed pages) brings up the recovery screen in the open window', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await seed(400);
  await damage('zeroed-pages');
  await expect(problem(page)).toHaveAttribute('data-kind', 'damaged');
  await expect(problem(page)).toContainText(/is damaged/);
});

test('Settings: a data folder that cannot hold the database is refused beside the field; a good one is pending until restart', async ({
  page,
  request,
}) => {
  await page.goto('/#/settings');
  const field = page.getByTestId('pipeline.dataFolder');
  await field.fill('/etc/hostname');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(
    page.getByText("This folder can't be used: /etc/hostname is a file, not a folder"),
  ).toBeVisible();
  await field.fill('../../etc/passwd');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Use a full path, e.g. /home/you/code-helper-data')).toBeVisible();
  const chosen = `/tmp/chi-e2e-pending-${Date.now()}`;
  await field.fill(chosen);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  await expect(page.getByTestId('data-folder-in-use')).toContainText(`From the next start: ${chosen}`);
  // After a restart it is the folder in use.
  expect((await request.post('/__test__/restart')).status()).toBe(204);
  await page.reload();
  await expect(page.getByTestId('data-folder-in-use')).toHaveText(`In use now: ${chosen}`);
});
