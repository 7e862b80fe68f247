import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    globalSetup: ['test/tempRoot.ts'],
    // Transformed by vitest, so that a test's vi.mock('electron') reaches its `import electron` too.
    server: { deps: { inline: ['electron-store'] } },
  },
});
