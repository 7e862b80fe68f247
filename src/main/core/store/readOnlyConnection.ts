import { DatabaseSync } from 'node:sqlite';
import type { Database } from './database.ts';

/** A read-only connection, for a query thread: WAL readers never block the writer, nor each other. */
export const openReadOnly = (file: string): Database => new DatabaseSync(file, { readOnly: true });

/** Changes when another connection commits (never for this connection's own writes). */
export function dataVersion(db: Database): number {
  return (db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version;
}
