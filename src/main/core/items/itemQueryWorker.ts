/**
 * A query thread of the item query pool: its own read-only connection to the database, so searches run
 * beside each other and beside the main thread's writes (WAL readers never block).
 */
import { workerData } from 'node:worker_threads';
import { openReadOnly } from '../store/readOnlyConnection.ts';
import { createItemQueryRunner, type ItemQueryTask } from './itemQueryTasks.ts';

export type ItemQueryWorkerData = { databaseFile: string; facetsInMemoryFrom?: number };

let run: ReturnType<typeof createItemQueryRunner> | undefined;

export default function runTask(task: ItemQueryTask) {
  try {
    return answer(task);
  } catch (error) {
    // Only message, stack and cause cross to the main thread: SQLite's code goes in the cause, so that
    // damage met here is told apart there (storageProblem.ts).
    const { errcode, errstr } = error as { errcode?: number; errstr?: string };
    if (errcode === undefined) throw error;
    throw new Error((error as Error).message, { cause: { errcode, errstr } });
  }
}

function answer(task: ItemQueryTask) {
  const { databaseFile, facetsInMemoryFrom } = workerData as ItemQueryWorkerData;
  run ??= createItemQueryRunner(openReadOnly(databaseFile), { facetsInMemoryFrom });
  return run(task);
}
