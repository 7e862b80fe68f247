import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startBridge } from '../../e2e/harness/bridgeServer.ts';

describe('browser bridge', () => {
  it('removes the temporary data folder of every fresh install when it resets and when it closes', async () => {
    const bridge = await startBridge({ port: 0, testHooks: true });
    const folders = [bridge.dataFolder()];
    for (let i = 0; i < 2; i++) {
      expect((await fetch(`${bridge.url}/__test__/reset`, { method: 'POST' })).status).toBe(204);
      folders.push(bridge.dataFolder());
    }
    expect(folders.slice(0, -1).filter((f) => fs.existsSync(f))).toEqual([]);
    expect(fs.existsSync(bridge.dataFolder())).toBe(true);
    await bridge.close();
    expect(folders.filter((f) => fs.existsSync(f))).toEqual([]);
  });

  it('offers no test hooks unless asked (the demo cannot be reset from the page)', async () => {
    const bridge = await startBridge({ port: 0, testHooks: false });
    try {
      expect((await fetch(`${bridge.url}/__test__/reset`, { method: 'POST' })).status).toBe(404);
    } finally {
      await bridge.close();
    }
  });
});
