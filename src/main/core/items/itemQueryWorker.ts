/**
 * A query thread of the item query pool: its own read-only connection to the database, so searches run
 * beside each other and beside the main thread's writes (WAL readers never block).
 */
import { DatabaseSync } from 'node:sqlite';
import { workerData } from 'node:worker_threads';
import type { Database } from '../store/database.ts';
import { runItemQueryTask, type ItemQueryTask } from './itemQueryTasks.ts';

export type ItemQueryWorkerData = { databaseFile: string };

let db: Database | undefined;

export default function runTask(task: ItemQueryTask) {
  db ??= new DatabaseSync((workerData as ItemQueryWorkerData).databaseFile, { readOnly: true });
  return runItemQueryTask(db, task);
}
