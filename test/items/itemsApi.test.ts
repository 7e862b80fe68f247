import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore.ts';
import { headlessDesktop, type DesktopIntegration } from '../../src/main/core/desktop.ts';
import { jsonFilePersistence, plainSecretBox } from '../../src/main/core/settings/persistence.ts';
import { upsertItems } from '../../src/main/core/store/itemStore.ts';
import { makeItems } from '../fixtures/itemFactory.ts';

const cores: Core[] = [];
function startCore(desktop: DesktopIntegration = headlessDesktop(os.tmpdir())): Core {
  const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-items-'));
  const core = createCore({
    dataFolder,
    persistence: jsonFilePersistence(path.join(dataFolder, 'settings.json')),
    secretBox: plainSecretBox,
    version: 'test',
    desktop,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  cores.push(core);
  return core;
}
afterAll(() => cores.forEach((c) => c.close()));

const ftsCount = (core: Core, word: string) =>
  Number(
    (
      core.db.prepare('SELECT COUNT(*) AS n FROM items_fts WHERE items_fts MATCH ?').get(word) as {
        n: number;
      }
    ).n,
  );
const tagCount = (core: Core) =>
  Number((core.db.prepare('SELECT COUNT(*) AS n FROM item_tags').get() as { n: number }).n);

describe('deleteItems', () => {
  let core: Core;
  beforeEach(() => {
    core = startCore();
    upsertItems(core.db, makeItems(200, { seed: 3 }));
  });

  it('deletes a list of ids and keeps the full-text index and tags consistent', async () => {
    const page = await core.listItems({ text: 'stored' }, { offset: 0, limit: 10 });
    const before = ftsCount(core, 'stored');
    expect(await core.deleteItems({ kind: 'ids', ids: page.rows.map((r) => r.id) })).toEqual({ deleted: 10 });
    expect(ftsCount(core, 'stored')).toBe(before - 10);
    expect((await core.listItems({ text: 'stored' }, { offset: 0, limit: 0 })).total).toBe(page.total - 10);
    expect(
      core.db.prepare("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)").run(),
    ).toBeTruthy();
    const orphans = core.db
      .prepare('SELECT COUNT(*) AS n FROM item_tags WHERE item_rowid NOT IN (SELECT rowid FROM items)')
      .get() as { n: number };
    expect(Number(orphans.n)).toBe(0);
  });

  it('deletes what matches a query, or everything', async () => {
    const query = { text: '', filters: { source: ['stackoverflow_qa' as const] } };
    const { total } = await core.listItems(query, { offset: 0, limit: 0 });
    expect(await core.deleteItems({ kind: 'query', query })).toEqual({ deleted: total });
    expect(tagCount(core)).toBe(0);
    expect((await core.itemFacets({})).source.map((f) => f.value)).toEqual(['github_code']);
    expect(await core.deleteItems({ kind: 'all' })).toEqual({ deleted: 200 - total });
    expect(ftsCount(core, 'return')).toBe(0);
  });
});

describe('upsertItems keeps the extracted columns current', () => {
  it('rewrites columns and tags when an item changes', async () => {
    const core = startCore();
    const [qa] = makeItems(40, { seed: 9 }).filter((i) => i.source === 'stackoverflow_qa');
    upsertItems(core.db, [qa]);
    if (qa.source !== 'stackoverflow_qa') throw new Error('fixture');
    const changed = {
      ...qa,
      contentHash: 'changed',
      metadata: { ...qa.metadata, tags: ['rust', 'tokio'], totalScore: 999 },
    };
    upsertItems(core.db, [changed]);
    const page = await core.listItems({}, { offset: 0, limit: 5 });
    expect(page.rows[0]).toMatchObject({ id: qa.id, tags: ['rust', 'tokio'], score: 999, language: 'rust' });
    expect((await core.itemFacets({})).tag.map((t) => t.value).sort()).toEqual(['rust', 'tokio']);
  });
});

describe('the Items API', () => {
  it('returns one item with its content and metadata, or null', async () => {
    const core = startCore();
    const [item] = makeItems(1, { seed: 1 });
    upsertItems(core.db, [item]);
    expect(await core.getItem(item.id)).toEqual(item);
    expect(await core.getItem('nope')).toBeNull();
  });

  it('rejects invalid input before it reaches the database', async () => {
    const core = startCore();
    await expect(
      core.listItems({ sort: { column: 'rowid; DROP TABLE items', direction: 'asc' } } as never, {
        offset: 0,
        limit: 5,
      }),
    ).rejects.toThrow();
    await expect(core.listItems({}, { offset: -1, limit: 5 })).rejects.toThrow();
    await expect(core.listItems({}, { offset: 0, limit: 100_000 })).rejects.toThrow();
    await expect(core.deleteItems({ kind: 'everything' } as never)).rejects.toThrow();
  });

  it('opens only http(s) links', async () => {
    const desktop = headlessDesktop(os.tmpdir());
    const core = startCore(desktop);
    await core.openItemUrl('https://stackoverflow.com/questions/1');
    await expect(core.openItemUrl('file:///etc/passwd')).rejects.toThrow();
    await expect(core.openItemUrl('javascript:alert(1)')).rejects.toThrow();
    expect(desktop.opened).toEqual(['https://stackoverflow.com/questions/1']);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const core = startCore({
      chooseSaveFile: async () => null,
      openExternal: async () => undefined,
      showItemInFolder: async () => undefined,
    });
    expect(await core.startExport({ format: 'jsonl', scope: { kind: 'all' } })).toEqual({ cancelled: true });
  });

  it('shows a finished export in its folder, and nothing it did not export', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-shown-'));
    const desktop = headlessDesktop(folder);
    const core = startCore(desktop);
    upsertItems(core.db, makeItems(20, { seed: 8 }));
    const finished = new Promise<void>((resolve) =>
      core.onEvent((e) => e.type === 'export-finished' && resolve()),
    );
    const started = await core.startExport({ format: 'jsonl', scope: { kind: 'all' }, fields: ['links'] });
    if (started.cancelled) throw new Error('not started');
    await finished;
    await core.showExportInFolder(started.exportId);
    expect(desktop.shownInFolder).toEqual([started.file]);
    await expect(core.showExportInFolder('not-an-export')).rejects.toThrow('No such export');
    fs.rmSync(started.file);
    await expect(core.showExportInFolder(started.exportId)).rejects.toThrow('no longer there');
    await expect(
      core.startExport({ format: 'jsonl', scope: { kind: 'all' }, fields: ['passwords'] } as never),
    ).rejects.toThrow();
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
