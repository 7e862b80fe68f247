import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_NAME } from '../core/createCore.ts';
import { asStorageError, openDatabase, type Database } from '../core/store/database.ts';
import { CliError } from './cliError.ts';

export const databaseFileIn = (dataFolder: string) => path.join(dataFolder, DATABASE_FILE_NAME);

/**
 * Opens the database a command reads from, runs `work` on it and closes it. A command that reads never
 * creates: a missing file is an error naming the path (a typo in --data would otherwise read an empty
 * new database). Damage met while reading comes out as the StorageError the open-time check gives.
 */
export async function readingDatabase<T>(file: string, work: (db: Database) => T | Promise<T>): Promise<T> {
  assertDatabaseExists(file);
  const db = openDatabase(file);
  try {
    return await work(db);
  } catch (error) {
    throw asStorageError(db, error);
  } finally {
    db.close();
  }
}

/** An empty file is no database either: SQLite would take it for a new, empty one. */
export function assertDatabaseExists(file: string): void {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat || (stat.isFile() && stat.size === 0)) {
    throw new CliError(
      `No database at ${file}: nothing has been collected into this folder (check --data, or run collect first).`,
    );
  }
}
