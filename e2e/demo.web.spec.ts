import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { settingsFileSchema } from '../src/main/cli/settingsFile.ts';
import { demoSettings, startDemoServers, type DemoServers } from '../scripts/demo/demoServers.ts';
import { startBridge, type Bridge } from './harness/bridgeServer.ts';
import { watchConsole } from './harness/watchConsole.ts';

// What `npm run demo` starts (scripts/demo/demo.ts), at test pace: the demo servers and a bridge whose
// settings point at them. The user configures nothing.
let servers: DemoServers;
let bridge: Bridge;
test.beforeAll(async () => {
  servers = await startDemoServers({ quick: true });
  const { $schema: _none, ...settings } = settingsFileSchema.parse(demoSettings(servers));
  bridge = await startBridge({ port: 0, settings });
});
test.afterAll(async () => {
  await bridge?.close();
  await servers?.close();
});

test('Demo: Start run with no configuration collects from both sources; items browse and export', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto(bridge.url);
  await page.getByRole('link', { name: /Dashboard/ }).click();
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByTestId('source-github')).toBeVisible();
  await expect(page.getByTestId('source-stackoverflow')).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 45_000 });
  const stored = Number((await page.getByTestId('total-items').innerText()).replace(/,/g, ''));
  expect(stored).toBeGreaterThan(100);
  await page.screenshot({ path: 'e2e/artifacts/demo-dashboard.png', fullPage: true });

  // Real items from both sources, searchable, and an export of them.
  await page.getByRole('link', { name: /Items/ }).click();
  await expect(page.getByTestId('item-count')).toHaveText(
    `${stored.toLocaleString('en-US')} of ${stored.toLocaleString('en-US')} items`,
  );
  await expect(page.getByTestId('item-row').first()).toBeVisible();
  await page.getByTestId('item-row').first().click();
  await page.screenshot({ path: 'e2e/artifacts/demo-items.png' });
  await page.getByRole('button', { name: /^Export/ }).click();
  await page.getByRole('menuitem', { name: 'JSONL', exact: true }).click();
  // The export dialog asks which metadata to include: all of it by default.
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Export [\d,]+ items$/ })
    .click();
  const done = page.getByText(/Exported [\d,]+ items to (\S+\.jsonl)/);
  await expect(done).toBeVisible({ timeout: 20_000 });
  const fileName = /to (\S+\.jsonl)/.exec((await done.textContent()) ?? '')![1];
  const lines = fs
    .readFileSync(path.join(bridge.dataFolder(), 'exports', fileName), 'utf8')
    .trim()
    .split('\n');
  const sources = new Set(lines.map((l) => (JSON.parse(l) as { source: string }).source));
  expect(sources).toEqual(new Set(['github_code', 'github_doc', 'stackoverflow_qa']));
  expect(problems).toEqual([]);
});
