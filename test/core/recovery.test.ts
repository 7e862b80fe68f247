import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from './testCore.ts';
import { createCollectorRun } from '../../src/main/core/collectors/collectorRun.ts';
import { DATABASE_FILE_NAME, type Core, type CoreDeps } from '../../src/main/core/createCore.ts';
import { silentLogger, type Logger } from '../../src/main/core/logging/logger.ts';
import type { RunsServiceDeps } from '../../src/main/core/pipeline/runsService.ts';
import { settingsInputOf } from '../../src/main/core/settings/settingsInput.ts';
import { openDatabase } from '../../src/main/core/store/database.ts';
import type { AppEvent } from '../../src/shared/events.ts';
import type { RunSnapshot } from '../../src/shared/runsContract.ts';
import { defaultSettings } from '../../src/shared/settings.ts';
import type { StorageProblem, StorageProblemKind } from '../../src/shared/storage.ts';
import { damageDatabase, damagedInUse, type DamageKind } from '../fixtures/damageDatabase.ts';
import { makeItems, seedItems } from '../fixtures/itemFactory.ts';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

function startApp(dataFolder: string, options: Partial<CoreDeps> = {}) {
  const core = createTestCore(dataFolder, options);
  cores.push(core);
  return core;
}

/** A data folder whose database holds 50 items, then damaged the given way. */
function damagedFolder(kind: DamageKind) {
  const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-damage-'));
  const file = path.join(dataFolder, DATABASE_FILE_NAME);
  const db = openDatabase(file);
  seedItems(db, 50, { seed: 7 });
  db.close();
  damageDatabase(file, kind);
  return { dataFolder, file };
}

const query = { text: '' };
const page = { offset: 0, limit: 10 };

describe('the core starts whatever state the database is in', () => {
  it.each<[DamageKind, StorageProblemKind, RegExp]>([
    ['truncated', 'damaged', /is damaged: parts of it can't be read\./],
    [
      'garbage-header',
      'not-a-database',
      /is not a database: another kind of file, or its first bytes were overwritten/,
    ],
    ['wrong-file-type', 'not-a-database', /is not a database/],
    ['directory-in-its-place', 'not-a-file', /There is a folder, not a database file, at/],
    [
      'newer-version',
      'newer-version',
      /made by a newer version of the app \(schema 99; this version knows up to \d+\)/,
    ],
  ])(
    '%s: says what happened and where; "start a new database" keeps the file aside',
    async (kind, problemKind, words) => {
      const { dataFolder, file } = damagedFolder(kind);
      const core = startApp(dataFolder);
      const state = await core.getStorageState();
      expect(state.problem).toMatchObject({ kind: problemKind, path: file, canSetAside: true });
      expect(state.problem!.message).toMatch(words);
      expect(state.problem!.message).toContain(file);
      // SQLite's own words go beside, for a bug report.
      expect(state.problem!.detail).toMatch(/malformed|not a database|not a regular file|schema 99/);
      // Everything that needs the database says why it can't, instead of crashing.
      await expect(core.listItems(query, page)).rejects.toThrow(state.problem!.message);
      await expect(core.getRunState()).rejects.toThrow(state.problem!.message);
      expect((await core.getAppInfo()).dataFolder).toBe(dataFolder);

      const before = fs.statSync(file);
      const after = await core.setAsideDatabase();
      expect(after.problem).toBeUndefined();
      expect(after.setAside![0]).toMatch(
        new RegExp(`^${file}\\.damaged-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d$`),
      );
      // Renamed, never deleted: the same file (or folder) under its new name.
      expect(fs.statSync(after.setAside![0]).ino).toBe(before.ino);
      expect((await core.listItems(query, page)).total).toBe(0);
      expect((await core.getRunState()).current).toBeNull();
    },
  );

  it.each<DamageKind>(['wal-garbage', 'shm-garbage'])(
    '%s: SQLite recovers by itself and every item is still there',
    async (kind) => {
      const { dataFolder } = damagedFolder(kind);
      const core = startApp(dataFolder);
      expect((await core.getStorageState()).problem).toBeUndefined();
      expect((await core.listItems(query, page)).total).toBe(50);
    },
  );

  it('zeroed-pages: damage that opening does not touch is found right after, and recovery offered', async () => {
    const { dataFolder, file } = damagedFolder('zeroed-pages');
    const core = startApp(dataFolder, { checkIntegrity: true });
    const problem = await new Promise((resolve) =>
      core.onEvent((event) => event.type === 'storage-problem' && resolve(event.problem)),
    );
    expect(problem).toMatchObject({ kind: 'damaged', path: file, canSetAside: true });
    expect((await core.getStorageState()).problem).toEqual(problem);
    await expect(core.listItems(query, page)).rejects.toThrow(`The database at ${file} is damaged`);
    expect((await core.setAsideDatabase()).problem).toBeUndefined();
  });

  it('a sound database passes the check and stays open', async () => {
    const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-sound-'));
    const db = openDatabase(path.join(dataFolder, DATABASE_FILE_NAME));
    seedItems(db, 200, { seed: 3 });
    db.close();
    let checked: () => void;
    const sound = new Promise<void>((resolve) => (checked = resolve));
    const log: Logger = { ...silentLogger, info: (m) => m.startsWith('Database checked') && checked() };
    const core = startApp(dataFolder, { checkIntegrity: true, log });
    await sound;
    expect((await core.getStorageState()).problem).toBeUndefined();
    expect((await core.listItems(query, page)).total).toBe(200);
  });

  it('retry opens the database once the cause is fixed', async () => {
    const { dataFolder, file } = damagedFolder('directory-in-its-place');
    const core = startApp(dataFolder);
    expect((await core.getStorageState()).problem?.kind).toBe('not-a-file');
    expect((await core.retryStorage()).problem?.kind).toBe('not-a-file');
    fs.rmdirSync(file);
    expect((await core.retryStorage()).problem).toBeUndefined();
    expect((await core.listItems(query, page)).total).toBe(0);
  });

  it('"choose another folder" checks it, saves it and opens the database there at once', async () => {
    const { dataFolder } = damagedFolder('garbage-header');
    const core = startApp(dataFolder);
    expect((await core.useDataFolder('/etc/hostname')).error).toBe(
      "This folder can't be used: /etc/hostname is a file, not a folder",
    );
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-other-'));
    const { state, error } = await core.useDataFolder(other);
    expect(error).toBeUndefined();
    expect(state).toEqual({ dataFolder: other, databaseFile: path.join(other, DATABASE_FILE_NAME) });
    expect((await core.getAppInfo()).dataFolder).toBe(other);
    expect((await core.getSettings()).pipeline.dataFolder).toBe(other);
    expect((await core.listItems(query, page)).total).toBe(0);
  });

  it('a data folder saved before it was checked (a file, /proc) opens the recovery, never hangs', async () => {
    for (const bad of ['/etc/hostname', '/proc/self/x']) {
      const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-saved-'));
      fs.writeFileSync(
        path.join(dataFolder, 'settings.json'),
        JSON.stringify({ pipeline: { dataFolder: bad } }),
      );
      const core = startApp(dataFolder);
      const { problem } = await core.getStorageState();
      expect(problem).toMatchObject({ kind: 'folder-unusable', canSetAside: false });
      expect(problem!.message).toContain(bad);
      // Its log goes to the app's own folder meanwhile.
      expect((await core.getAppInfo()).logFile.startsWith(dataFolder)).toBe(true);
    }
  });
});

const storageProblemOf = (core: Core) =>
  new Promise<StorageProblem>((resolve) =>
    core.onEvent((event) => event.type === 'storage-problem' && resolve(event.problem)),
  );

/** Health checks that pass and a collector that stores two batches (30 items, then a skip). */
const storingCollector: RunsServiceDeps['pipeline'] = {
  snapshotIntervalMs: 20,
  healthChecks: { github: async () => ({ source: 'github', status: 'ok', message: 'ok' }) },
  collectors: {
    github: (ctx) => {
      const run = createCollectorRun<number>(ctx, { source: 'github', unit: 'repositories', total: 1 });
      return run.execute(
        () => 0,
        async () => {
          run.store(makeItems(30, { seed: 9 }));
          run.commit();
          run.skip('org/repo/empty.py', 'empty_file');
          run.commit();
          return undefined;
        },
      );
    },
  },
};

const githubOnly = (core: Core) => {
  const settings = defaultSettings();
  settings.pipeline.stackoverflowEnabled = false;
  expect(core.settings.save(settingsInputOf(settings)).ok).toBe(true);
};

describe('damage met during use (the file opened; a table inside is broken)', () => {
  it('a read that meets it: the same diagnosis as at open, and the recovery screen takes over', async () => {
    const { dataFolder, file } = damagedInUse('items');
    const core = startApp(dataFolder);
    expect((await core.getStorageState()).problem).toBeUndefined();
    const shown = storageProblemOf(core);
    const failed = core.listItems(query, page);
    await expect(failed).rejects.toThrow(
      `The database at ${file} is damaged: parts of it can't be read. Keep the damaged file aside`,
    );
    expect(await shown).toMatchObject({ kind: 'damaged', path: file, canSetAside: true });
    expect((await core.getStorageState()).problem).toMatchObject({ kind: 'damaged', path: file });
    await expect(core.getRunState()).rejects.toThrow(`The database at ${file} is damaged`);
    // The recovery screen's way out works as it does for damage found at open.
    const after = await core.setAsideDatabase();
    expect(after.problem).toBeUndefined();
    expect(after.setAside![0]).toMatch(new RegExp(`^${file}\\.damaged-`));
    expect((await core.listItems(query, page)).total).toBe(0);
  });

  it('a read that meets it while a run goes: the run ends interrupted at once, then recovery can set the file aside', async () => {
    const { dataFolder, file } = damagedInUse('items');
    // A run that would go on until stopped (a long download).
    const waitingCollector: RunsServiceDeps['pipeline'] = {
      ...storingCollector,
      collectors: {
        github: (ctx) => {
          const run = createCollectorRun<number>(ctx, { source: 'github', unit: 'repositories', total: 1 });
          return run.execute(
            () => 0,
            () => new Promise((resolve) => run.signal.addEventListener('abort', () => resolve(undefined))),
          );
        },
      },
    };
    const core = startApp(dataFolder, { pipeline: waitingCollector });
    githubOnly(core);
    const ended = endedRun(core);
    await core.startRun({});
    await expect(core.listItems(query, page)).rejects.toThrow(`The database at ${file} is damaged`);
    expect((await ended).status).toBe('interrupted');
    expect((await core.setAsideDatabase()).problem).toBeUndefined();
  });

  it('an export that meets it: it ends failed with the diagnosis (no file), and recovery is offered', async () => {
    const { dataFolder, file } = damagedInUse('items');
    const core = startApp(dataFolder);
    const shown = storageProblemOf(core);
    const finished = new Promise<AppEvent>((resolve) =>
      core.onEvent((event) => event.type === 'export-finished' && resolve(event)),
    );
    const started = await core.startExport({ format: 'jsonl', scope: { kind: 'all' } });
    expect(await finished).toMatchObject({
      status: 'failed',
      error: expect.stringContaining(`The database at ${file} is damaged: parts of it can't be read.`),
    });
    expect(fs.existsSync(started.cancelled ? '' : started.file)).toBe(false);
    expect(await shown).toMatchObject({ kind: 'damaged', path: file });
  });

  it('a run that meets it before its first request: it ends interrupted (never hangs) and recovery is offered', async () => {
    const { dataFolder, file } = damagedInUse('sqlite_autoindex_checkpoints_1');
    const core = startApp(dataFolder, { pipeline: storingCollector });
    githubOnly(core);
    const shown = storageProblemOf(core);
    const ended = endedRun(core);
    await core.startRun({});
    expect((await ended).status).toBe('interrupted');
    expect(await shown).toMatchObject({ kind: 'damaged', path: file });
  });

  it('a run whose batch write meets it: it ends interrupted with the diagnosis, and recovery is offered', async () => {
    const { dataFolder, file } = damagedInUse('items');
    const core = startApp(dataFolder, { pipeline: storingCollector });
    githubOnly(core);
    const shown = storageProblemOf(core);
    const ended = endedRun(core);
    await core.startRun({});
    const final = await ended;
    expect(final.status).toBe('interrupted');
    expect(final.sources.github!.reason).toContain(`The database at ${file} is damaged`);
    expect(await shown).toMatchObject({ kind: 'damaged', path: file });
  });

  it('a later batch that meets it: what the earlier batch stored stays stored, and the run is resumable', async () => {
    const { dataFolder, file } = damagedInUse('skips');
    const core = startApp(dataFolder, { pipeline: storingCollector });
    githubOnly(core);
    const ended = endedRun(core);
    const { runId } = await core.startRun({});
    const final = await ended;
    expect(final).toMatchObject({ status: 'interrupted', totals: { itemsStored: 30 } });
    expect(final.sources.github!.reason).toContain(`The database at ${file} is damaged`);
    await core.close();
    const db = new DatabaseSync(file, { readOnly: true });
    const { inserted } = final.sources.github!.progress.items;
    expect(db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 300 + inserted });
    expect(db.prepare('SELECT status FROM runs WHERE id = ?').get(runId)).toEqual({ status: 'interrupted' });
    db.close();
  });

  it('a full disk is not damage: the run handles it, the database stays in use', async () => {
    const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-full-'));
    const core = startApp(dataFolder, { pipeline: storingCollector });
    githubOnly(core);
    const pages = (core.db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    core.db.exec(`PRAGMA max_page_count = ${pages}`);
    const ended = endedRun(core);
    await core.startRun({});
    expect((await ended).status).toBe('interrupted');
    expect((await core.getStorageState()).problem).toBeUndefined();
    await expect(core.deleteItems({ kind: 'all' })).resolves.toEqual({ deleted: 0 });
  });
});

/** The final snapshot of the next run to end. */
const endedRun = (core: Core) =>
  new Promise<RunSnapshot>((resolve) =>
    core.onEvent(
      (event) => event.type === 'run-metrics' && event.snapshot.endedAt && resolve(event.snapshot),
    ),
  );
