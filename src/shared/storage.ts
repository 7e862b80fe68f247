import { z } from 'zod';

/** Why the database can't be used, in the terms a user can act on. */
export type StorageProblemKind =
  /** The data folder is a file, can't be created, or can't be written. */
  | 'folder-unusable'
  /** Something other than a file (a folder, a device) sits where the database file should be. */
  | 'not-a-file'
  /** The file's permissions keep this user from reading or writing it. */
  | 'no-permission'
  /** The file is not an SQLite database (another kind of file, or its header is destroyed). */
  | 'not-a-database'
  /** An SQLite database, but damaged (truncated, pages overwritten). */
  | 'damaged'
  /** Made by a newer version of the app: opening it here could break it. */
  | 'newer-version'
  /** Another program holds it locked. */
  | 'locked'
  | 'disk-full'
  | 'read-only'
  | 'cannot-open';

export type StorageProblem = {
  kind: StorageProblemKind;
  /** What happened and where, e.g. "The database at /x/code-helper-ingest.sqlite is damaged (…)." */
  message: string;
  /** What to do about it, in a sentence. */
  advice: string;
  /** The database file, or the data folder when the folder is the problem. */
  path: string;
  /** Whether "keep the damaged file aside and start a new database" applies. */
  canSetAside: boolean;
  /** SQLite's or the OS's own words, for a bug report. */
  detail: string;
};

/** Whether the core has a database to work with, and where. */
export type StorageState = {
  dataFolder: string;
  databaseFile: string;
  /** Present when the database can't be opened: the app shows the recovery screen. */
  problem?: StorageProblem;
  /** Files moved aside by "start a new database" in this session, so the screen can say where. */
  setAside?: string[];
};

/** The recovery screen's side of the contract; answered even when no database is open. */
export interface StorageApi {
  getStorageState(): Promise<StorageState>;
  /** Tries to open the database again (after the user fixed the cause). */
  retryStorage(): Promise<StorageState>;
  /** Renames the database file (and its -wal/-shm) aside, never deleting it, and starts a new one. */
  setAsideDatabase(): Promise<StorageState>;
  /**
   * Uses another data folder ('' for the app's default): checked as Settings checks it, saved, and
   * opened at once. `error` is the field message when the folder can't be used.
   */
  useDataFolder(folder: string): Promise<{ state: StorageState; error?: string }>;
  /** The system's folder picker; null when cancelled or where there is none. */
  chooseFolder(): Promise<string | null>;
}

export const STORAGE_API_INPUTS = {
  getStorageState: z.tuple([]),
  retryStorage: z.tuple([]),
  setAsideDatabase: z.tuple([]),
  useDataFolder: z.tuple([z.string().trim().max(1000)]),
  chooseFolder: z.tuple([]),
} as const;
