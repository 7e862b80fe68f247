import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../src/shared/events.ts';
import { createCore } from '../../src/main/core/createCore.ts';
import { headlessDesktop } from '../../src/main/core/desktop.ts';
import { jsonFilePersistence, plainSecretBox } from '../../src/main/core/settings/persistence.ts';
import { seedItems } from '../fixtures/itemFactory.ts';

const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-export-jobs-'));
const exportFolder = path.join(dataFolder, 'exports');
const core = createCore({
  dataFolder,
  persistence: jsonFilePersistence(path.join(dataFolder, 'settings.json')),
  secretBox: plainSecretBox,
  version: 'test',
  desktop: headlessDesktop(exportFolder),
  log: { info: () => undefined, warn: () => undefined, error: () => undefined },
});
seedItems(core.db, 3000, { seed: 5 });
afterAll(() => core.close());

function finishedEvent(exportId: string, events: AppEvent[]) {
  return new Promise<Extract<AppEvent, { type: 'export-finished' }>>((resolve) => {
    const stop = core.onEvent((e) => {
      events.push(e);
      if (e.type === 'export-finished' && e.exportId === exportId) {
        stop();
        resolve(e);
      }
    });
  });
}

describe('startExport / cancelExport', () => {
  it('saves where the desktop says, with progress and a finished event', async () => {
    const events: AppEvent[] = [];
    const started = await core.startExport({
      format: 'jsonl',
      scope: { kind: 'query', query: { text: 'return', filters: { language: ['go'] } } },
    });
    if (started.cancelled) throw new Error('not expected');
    expect(path.dirname(started.file)).toBe(exportFolder);
    const done = await finishedEvent(started.exportId, events);
    const { total } = await core.listItems(
      { text: 'return', filters: { language: ['go'] } },
      { offset: 0, limit: 0 },
    );
    expect(done).toMatchObject({ status: 'completed', done: total, total });
    expect(fs.readFileSync(started.file, 'utf8').trim().split('\n')).toHaveLength(total);
  });

  it('cancels a running export and removes its file', async () => {
    const events: AppEvent[] = [];
    const started = await core.startExport({ format: 'markdown', scope: { kind: 'all' } });
    if (started.cancelled) throw new Error('not expected');
    const finished = finishedEvent(started.exportId, events);
    expect(await core.cancelExport(started.exportId)).toEqual({ cancelled: true });
    const done = await finished;
    expect(done.status).toBe('cancelled');
    expect(done.done).toBeLessThan(3000);
    expect(fs.existsSync(started.file)).toBe(false);
    expect(await core.cancelExport(started.exportId)).toEqual({ cancelled: false });
  });
});
