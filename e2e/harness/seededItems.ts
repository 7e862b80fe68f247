import { expect, test } from '@playwright/test';
import { BRIDGE_URL, resetBridge } from './bridgeUrl.ts';

/**
 * Gives the spec a fresh install with `count` generated items, and empties the collection after it
 * (web.spec.ts expects the Items empty state).
 */
export function useSeededItems(count: number): void {
  test.beforeAll(async () => {
    await resetBridge();
    const seeded = await fetch(`${BRIDGE_URL}/__test__/seed?count=${count}`, { method: 'POST' });
    expect(((await seeded.json()) as { inserted: number }).inserted).toBe(count);
  });
  test.afterAll(async () => {
    await fetch(`${BRIDGE_URL}/__test__/clear-items`, { method: 'POST' });
  });
}
