import { skipReasonWords } from '../../shared/skipReasons.ts';
import { createRunRecorder } from '../core/pipeline/runRecorder.ts';
import { countItems } from '../core/store/itemStore.ts';
import { commonSkipReasons } from '../core/store/skipCounts.ts';
import { appDataFolder } from './appDataFolder.ts';
import { databaseFileIn, readingDatabase } from './cliDatabase.ts';
import type { CliDeps } from './cliIo.ts';
import { userPath } from './cliPaths.ts';
import { EXIT, type ExitCode } from './exitCodes.ts';

export type StatsOptions = { data?: string; json?: boolean };

/** `stats`: what a database holds — items per source, recent runs and the commonest skip reasons. */
export async function runStats(options: StatsOptions, { io, env }: CliDeps): Promise<ExitCode> {
  const file = databaseFileIn(options.data ? userPath(options.data, env) : appDataFolder(env));
  return readingDatabase(file, (db) => {
    const items = countItems(db);
    const runs = createRunRecorder(db)
      .list(5)
      .map((run) => ({
        ...run,
        stored: Object.values(run.counts).reduce((n, c) => n + (c?.inserted ?? 0) + (c?.updated ?? 0), 0),
      }));
    const skips = commonSkipReasons(db, 10).map((s) => ({ ...s, words: skipReasonWords(s.reason) }));
    if (options.json) {
      io.stdout(JSON.stringify({ database: file, items, runs, skips }, null, 2));
      return EXIT.OK;
    }
    const { total, ...bySource } = items;
    const perSource = Object.entries(bySource).map(([source, n]) => `${source} ${n}`);
    io.stdout(`items: ${total} (${perSource.join(', ')})`);
    for (const run of runs) {
      io.stdout(
        `run ${run.id}: ${run.outcome}, started ${run.startedAt}, ${run.stored} items stored, ${run.errors.length} errors`,
      );
    }
    for (const s of skips) io.stdout(`skipped (${s.source}) ${s.words}: ${s.count}`);
    return EXIT.OK;
  });
}
