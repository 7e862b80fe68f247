import { defineConfig } from '@playwright/test';
import { BRIDGE_PORT, BRIDGE_URL } from './e2e/harness/bridgeUrl.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects: [
    {
      name: 'web',
      testMatch: /web\.spec\.ts/,
      use: {
        actionTimeout: 10_000,
        baseURL: BRIDGE_URL,
        browserName: 'chromium',
        viewport: { width: 1360, height: 900 },
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
          ],
        },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
  webServer: {
    // Builds first when out/ is missing or older than src/, so `npm run test:e2e` works on its own.
    command: `node scripts/ensureBuilt.ts && node e2e/harness/bridge.ts --port ${BRIDGE_PORT}`,
    url: `${BRIDGE_URL}/health`,
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 240_000,
    // SIGTERM lets the bridge close its core and remove its temporary data folders (SIGKILL would not).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5000 },
  },
});
