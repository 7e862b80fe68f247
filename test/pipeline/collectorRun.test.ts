import { describe, expect, it } from 'vitest';
import type { CollectorEvent } from '../../src/shared/collectorEvents.ts';
import { defaultSettings } from '../../src/shared/settings.ts';
import type { CollectorContext } from '../../src/main/core/collectors/collector.ts';
import { createCollectorRun } from '../../src/main/core/collectors/collectorRun.ts';
import { silentLogger } from '../../src/main/core/logging/logger.ts';
import { checkpointStore } from '../../src/main/core/store/runsTable.ts';
import { openDatabase, type Database } from '../../src/main/core/store/database.ts';
import { makeItems } from '../fixtures/itemFactory.ts';
import { skipLog } from './harness.ts';

const items = makeItems(50, { seed: 5 });

function context(db: Database, signal = new AbortController().signal) {
  const settings = defaultSettings();
  settings.pipeline.batchSize = 10;
  settings.pipeline.maxErrorsPerSource = 3;
  const checkpoint = checkpointStore(db, 1, 'github');
  const events: CollectorEvent[] = [];
  const ctx: CollectorContext = {
    settings,
    db,
    signal,
    log: silentLogger,
    emit: (e) => events.push(e),
    runId: 1,
    checkpoint: { initial: checkpoint.load(), save: checkpoint.save },
  };
  return { ctx, events, saved: () => checkpoint.load() };
}

/** A database with run 1 in it, whose checkpoints the tests save. */
function runsDatabase(): Database {
  const db = openDatabase(':memory:');
  db.prepare("INSERT INTO runs (id, started_at, status, settings) VALUES (1, 'now', 'running', '{}')").run();
  return db;
}

const storedCount = (db: Database) =>
  Number((db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n);

/** A unit (one repository) of 50 files, a skip after each fifth; `stopAt` ends the process there. */
function readUnit(run: ReturnType<typeof createCollectorRun<{ done: string[] }>>, stopAt = Infinity) {
  for (const [i, item] of items.entries()) {
    if (i === stopAt) return false;
    run.store([item], 'org/repo');
    if (i % 5 === 0) run.skip(`org/repo/file${i}.bin`, 'binary', undefined, 'org/repo');
  }
  return true;
}

describe('collector run', () => {
  it('stores items, skips, figures and checkpoint together: a unit cut short is not counted twice', async () => {
    const db = openDatabase(':memory:');
    db.prepare(
      "INSERT INTO runs (id, started_at, status, settings) VALUES (1, 'now', 'running', '{}')",
    ).run();
    // The first process reads 37 files of the unit (three batches stored), then dies: no end, no final write.
    const first = createCollectorRun<{ done: string[] }>(context(db).ctx, {
      source: 'github',
      unit: 'repositories',
      total: 1,
    });
    expect(readUnit(first, 37)).toBe(false);
    expect(storedCount(db)).toBe(30);
    const saved = context(db).saved() as { progress: { items: { inserted: number }; skips: object } };
    expect(saved.progress.items.inserted).toBe(30);
    expect(saved.progress.skips).toEqual({ binary: 6 });
    expect(skipLog(db)).toHaveLength(6);

    // The resumed run reads the whole unit again.
    const { ctx } = context(db);
    const resumed = createCollectorRun<{ done: string[] }>(ctx, {
      source: 'github',
      unit: 'repositories',
      total: 1,
    });
    expect(resumed.progress.items.inserted).toBe(30);
    const result = await resumed.execute(
      () => ({ done: ['org/repo'] }),
      async () => {
        readUnit(resumed);
        resumed.progress.done++;
        resumed.finishUnit('org/repo');
        return undefined;
      },
    );
    expect(result.outcome).toBe('completed');
    expect(result.progress.items).toMatchObject({ inserted: 50, unchanged: 0 });
    expect(result.progress.skips).toEqual({ binary: 10 });
    expect(storedCount(db)).toBe(50);
    const log = skipLog(db);
    expect(log).toHaveLength(10);
    expect(new Set(log).size).toBe(10);

    // Completed: a later resume of the same run leaves the source as it is.
    const again = createCollectorRun<{ done: string[] }>(context(db).ctx, {
      source: 'github',
      unit: 'repositories',
      total: 1,
    });
    let ran = false;
    const repeat = await again.execute(
      () => ({ done: ['org/repo'] }),
      async () => ((ran = true), undefined),
    );
    expect(ran).toBe(false);
    expect(repeat).toMatchObject({ outcome: 'completed', progress: { done: 1, items: { inserted: 50 } } });
  });

  it('counts errors and fails the source at maxErrorsPerSource, naming the last', async () => {
    const db = runsDatabase();
    const { ctx, events } = context(db);
    const run = createCollectorRun<null>(ctx, { source: 'github', unit: 'repositories', total: 5 });
    const result = await run.execute(
      () => null,
      async () => {
        for (let i = 1; i <= 5 && !run.signal.aborted; i++) run.countError(`repo ${i}: 500`);
        return undefined;
      },
    );
    expect(result).toMatchObject({
      outcome: 'failed',
      reason: 'too many errors (3); last: repo 3: 500',
      progress: { errors: 3 },
    });
    expect(events.filter((e) => e.type === 'error' && e.fatal)).toHaveLength(1);
  });

  it('a limit stops the source with when it can go on', async () => {
    const db = runsDatabase();
    const run = createCollectorRun<null>(context(db).ctx, {
      source: 'stackoverflow',
      unit: 'questions',
      total: 5,
    });
    const result = await run.execute(
      () => null,
      async () => {
        run.stop('daily quota spent, resets at 00:00 UTC', '2026-12-02T00:00:00.000Z');
        return undefined;
      },
    );
    expect(result).toMatchObject({
      outcome: 'stopped',
      reason: 'daily quota spent, resets at 00:00 UTC',
      resumeAt: '2026-12-02T00:00:00.000Z',
    });
  });
});
