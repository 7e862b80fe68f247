import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE_NAME } from '../core/createCore.ts';
import { createRunRecorder } from '../core/pipeline/runRecorder.ts';
import { openDatabase } from '../core/store/database.ts';
import { countItems } from '../core/store/itemStore.ts';
import { appDataFolder } from './appDataFolder.ts';
import type { Io } from './collectCommand.ts';

/** `stats`: what a database holds — items per source, recent runs and the commonest skip reasons. */
export async function runStatsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } } });
  const file = path.join(values.data ?? appDataFolder(), DATABASE_FILE_NAME);
  if (!fs.existsSync(file)) {
    io.stderr(`No database at ${file}`);
    return 2;
  }
  const db = openDatabase(file);
  try {
    const counts = countItems(db);
    io.stdout(
      `items: ${counts.total} (github_code ${counts.github_code}, stackoverflow_qa ${counts.stackoverflow_qa})`,
    );
    for (const run of createRunRecorder(db).list(5)) {
      const stored = Object.values(run.counts).reduce(
        (n, c) => n + (c?.inserted ?? 0) + (c?.updated ?? 0),
        0,
      );
      io.stdout(
        `run ${run.id}: ${run.outcome}, started ${run.startedAt}, ${stored} items stored, ${run.errors.length} errors`,
      );
    }
    const skips = db
      .prepare(
        'SELECT source, reason, COUNT(*) AS n FROM skips GROUP BY source, reason ORDER BY n DESC LIMIT 10',
      )
      .all() as { source: string; reason: string; n: number }[];
    for (const s of skips) io.stdout(`skipped ${s.source} ${s.reason}: ${s.n}`);
    return 0;
  } finally {
    db.close();
  }
}
