import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinaryPresent } from './harness/electronBinary.ts';

test('the desktop window opens on the Dashboard and reaches Settings', async () => {
  const reason =
    'No Electron binary here (node_modules/electron/path.txt and dist/ are missing): run `npx install-electron` on a machine with network to enable this test.';
  if (!electronBinaryPresent()) console.log(`electron project skipped: ${reason}`);
  test.skip(!electronBinaryPresent(), reason);
  const app = await electron.launch({ args: ['out/main/index.js'] });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await win.getByRole('link', { name: /Settings/ }).click();
    await expect(win.getByRole('heading', { name: 'GitHub' })).toBeVisible();
    // The renderer has the contract and nothing of Node.
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(
      await win.evaluate(() => Object.isFrozen(window.api) || typeof window.api.getSettings),
    ).toBeTruthy();
  } finally {
    await app.close();
  }
});
