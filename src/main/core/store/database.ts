import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ensureFolder } from './ensureFolder.ts';
import { MIGRATIONS } from './migrations.ts';
import { diagnoseStorageError, StorageError, storageProblem, toStorageError } from './storageProblem.ts';

export type Database = DatabaseSync;

/**
 * How long a write waits for another process's write (the app and the CLI share a data folder) before
 * SQLite gives up with "database is locked". Writes are short batches, so this is rarely met.
 */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (or creates) the database file and brings its schema up to date. ":memory:" works too. Any
 * failure is a StorageError saying what is wrong with the file or its folder, and what to do.
 */
export function openDatabase(file: string, migrations = MIGRATIONS): Database {
  try {
    if (file !== ':memory:') checkDatabaseFile(file);
    const db = new DatabaseSync(file);
    try {
      // First, so that everything after it waits for another process's write instead of failing.
      db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
      const version = schemaVersion(db);
      const latest = Math.max(0, ...migrations.map((m) => m.version));
      if (version > latest) {
        throw new StorageError(
          storageProblem('newer-version', file, `schema ${version}; this version knows up to ${latest}`),
        );
      }
      migrate(db, migrations);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    throw error instanceof StorageError ? error : new StorageError(diagnoseStorageError(error, file));
  }
}

/** What SQLite would only call "unable to open database file", told apart before it is asked. */
function checkDatabaseFile(file: string): void {
  ensureFolder(path.dirname(file));
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isFile()) throw new StorageError(storageProblem('not-a-file', file, 'not a regular file'));
  fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
}

export function schemaVersion(db: Database): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}

/**
 * Applies every migration newer than the database, and any older one whose probe finds it missing (it
 * landed after a newer one), each in its own transaction.
 */
export function migrate(db: Database, migrations = MIGRATIONS): void {
  const current = schemaVersion(db);
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current && (!m.probe || db.prepare(m.probe).get())) continue;
    transaction(db, () => {
      db.exec(m.sql);
      db.exec(`PRAGMA user_version = ${Math.max(m.version, schemaVersion(db))}`);
    });
  }
}

/**
 * Runs `work` in one write transaction. A full disk or a damaged file comes out as a StorageError naming
 * the database file; no cleanup error ever replaces the error that stopped the work.
 */
export function transaction<T>(db: Database, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite ends the transaction itself after some errors (a full disk among them), so a ROLLBACK can
    // fail with "no transaction is active": that must not hide the cause.
    if (db.isTransaction) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // The first error is the one to report.
      }
    }
    throw asStorageError(db, error);
  }
}

/** Storage failures (disk full, damage) as a StorageError naming the file; other errors unchanged. */
export function asStorageError(db: Database, error: unknown): unknown {
  return toStorageError(error, db.location() ?? ':memory:');
}
