import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_NAME } from '../core/createCore.ts';
import { openDatabase, type Database } from '../core/store/database.ts';
import { CliError } from './cliError.ts';

export const databaseFileIn = (dataFolder: string) => path.join(dataFolder, DATABASE_FILE_NAME);

/**
 * Opens a database a command reads from. A command that reads never creates: a missing file is an
 * error naming the path (a typo in --data would otherwise read an empty new database).
 */
export function openExistingDatabase(file: string): Database {
  assertDatabaseExists(file);
  return openDatabase(file);
}

export function assertDatabaseExists(file: string): void {
  if (!fs.existsSync(file)) {
    throw new CliError(
      `No database at ${file}: nothing has been collected into this folder (check --data, or run collect first).`,
    );
  }
}
