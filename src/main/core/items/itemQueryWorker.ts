/**
 * A query thread of the item query pool: its own read-only connection to the database, so searches run
 * beside each other and beside the main thread's writes (WAL readers never block).
 */
import { workerData } from 'node:worker_threads';
import type { ItemFacets } from '../../../shared/itemsContract.ts';
import type { Database } from '../store/database.ts';
import { facetsReadMatches } from '../store/itemFacets.ts';
import { dataVersion as readDataVersion, openReadOnly } from '../store/readOnlyConnection.ts';
import { runItemQueryTask, type ItemQueryTask } from './itemQueryTasks.ts';

export type ItemQueryWorkerData = { databaseFile: string };

let db: Database | undefined;
/** The whole collection's facets, kept while no other connection commits (this one never writes). */
let collectionFacets: { dataVersion: number; facets: ItemFacets } | undefined;

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
  db ??= openReadOnly((workerData as ItemQueryWorkerData).databaseFile);
  if (task.kind !== 'facets' || facetsReadMatches(task.query)) return runItemQueryTask(db, task);
  const dataVersion = readDataVersion(db);
  if (collectionFacets?.dataVersion !== dataVersion)
    collectionFacets = { dataVersion, facets: runItemQueryTask(db, task) };
  return collectionFacets.facets;
}
