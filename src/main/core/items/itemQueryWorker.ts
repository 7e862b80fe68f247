/**
 * A query thread of the item query pool: its own read-only connection to the database, so searches run
 * beside each other and beside the main thread's writes (WAL readers never block).
 */
import { DatabaseSync } from 'node:sqlite';
import { workerData } from 'node:worker_threads';
import type { ItemFacets } from '../../../shared/itemsContract.ts';
import type { Database } from '../store/database.ts';
import { facetsReadMatches } from './itemFacets.ts';
import { runItemQueryTask, type ItemQueryTask } from './itemQueryTasks.ts';

export type ItemQueryWorkerData = { databaseFile: string };

let db: Database | undefined;
/** The whole collection's facets, kept while no other connection commits (this one never writes). */
let collectionFacets: { dataVersion: number; facets: ItemFacets } | undefined;

export default function runTask(task: ItemQueryTask) {
  db ??= new DatabaseSync((workerData as ItemQueryWorkerData).databaseFile, { readOnly: true });
  if (task.kind !== 'facets' || facetsReadMatches(task.query)) return runItemQueryTask(db, task);
  const { data_version: dataVersion } = db.prepare('PRAGMA data_version').get() as { data_version: number };
  if (collectionFacets?.dataVersion !== dataVersion)
    collectionFacets = { dataVersion, facets: runItemQueryTask(db, task) };
  return collectionFacets.facets;
}
