import os from 'node:os';
import path from 'node:path';
import type { CliDeps } from '../../src/main/cli/cliIo.ts';
import { DATABASE_FILE_NAME } from '../../src/main/core/createCore.ts';
import { openDatabase, type Database } from '../../src/main/core/store/database.ts';
import type { Settings } from '../../src/shared/settings.ts';
import { cli } from '../cli/cliHarness.ts';
import { FAST_COLLECTORS, GITHUB_TOKEN, runWith, SE_KEY, skipLog, storedContent } from './harness.ts';

/** Runs `collect` in-process as the CLI does, with test-sized waits: its exit code and its stdout lines. */
export async function collectCli(
  args: string[],
  pipeline: CliDeps['pipeline'] = { collectors: FAST_COLLECTORS },
): Promise<{ code: number; out: string[]; err: string }> {
  const { code, out, err } = await cli(['collect', ...args, '--interval-ms', '0'], {
    env: { HOME: os.homedir(), GITHUB_TOKEN, STACKEXCHANGE_KEY: SE_KEY },
    pipeline,
  });
  return { code, out: out.split('\n'), err };
}

/** Reads the database a CLI run left in `data`. */
export function withDatabase<T>(data: string, read: (db: Database) => T): T {
  const db = openDatabase(path.join(data, DATABASE_FILE_NAME));
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** What an uninterrupted run with these settings stores, to hold a resumed run against. */
export async function referenceRun(settings: Settings): Promise<{ content: string[]; skips: string[] }> {
  const { handle, db } = runWith(settings);
  const { status } = await handle.done;
  if (status !== 'completed') throw new Error(`the reference run ended ${status}`);
  return { content: storedContent(db), skips: skipLog(db) };
}
