import type { StorageProblem, StorageProblemKind } from '../../../shared/storage.ts';
import { FolderError } from './ensureFolder.ts';

/** An error of the storage itself (not of one item): the run stops resumable, the app shows recovery. */
export class StorageError extends Error {
  readonly problem: StorageProblem;
  constructor(problem: StorageProblem, message = problem.message) {
    super(message);
    this.name = 'StorageError';
    this.problem = problem;
  }
}

/** SQLite's primary result codes that say something about the file (https://sqlite.org/rescode.html). */
const SQLITE = {
  BUSY: 5,
  LOCKED: 6,
  READONLY: 8,
  IOERR: 10,
  CORRUPT: 11,
  FULL: 13,
  CANTOPEN: 14,
  NOTADB: 26,
};

const SET_ASIDE =
  'Keep the damaged file aside and start a new database (nothing is deleted), or use another data folder.';

const WORDS: Record<
  StorageProblemKind,
  { message: (where: string, detail: string) => string; advice: string; canSetAside: boolean }
> = {
  'folder-unusable': {
    message: (where, detail) => `The data folder ${where} can't be used: ${detail}.`,
    advice: 'Choose another data folder, or fix this one and retry.',
    canSetAside: false,
  },
  'not-a-file': {
    message: (where) => `There is a folder, not a database file, at ${where}.`,
    advice: 'Move it aside and start a new database (nothing is deleted), or use another data folder.',
    canSetAside: true,
  },
  'no-permission': {
    message: (where, detail) => `You are not allowed to read or write the database at ${where} (${detail}).`,
    advice: 'Give your user read and write permission on the file, then retry; or use another data folder.',
    canSetAside: false,
  },
  'not-a-database': {
    message: (where) =>
      `The file at ${where} is not a database: another kind of file, or its first bytes were overwritten.`,
    advice: SET_ASIDE,
    canSetAside: true,
  },
  damaged: {
    message: (where) => `The database at ${where} is damaged: parts of it can't be read.`,
    advice: SET_ASIDE,
    canSetAside: true,
  },
  'newer-version': {
    message: (where, detail) =>
      `The database at ${where} was made by a newer version of the app (${detail}).`,
    advice: 'Open it with the newer version, or keep it aside and start a new database here.',
    canSetAside: true,
  },
  locked: {
    message: (where) => `The database at ${where} is locked by another program.`,
    advice: 'Close the other program, then retry.',
    canSetAside: false,
  },
  'disk-full': {
    message: (where) => `Disk full at ${where}.`,
    advice: 'Free some space on that disk, then retry (an interrupted run resumes from its checkpoint).',
    canSetAside: false,
  },
  'read-only': {
    message: (where) => `The database at ${where} is read-only.`,
    advice: 'Make the file and its folder writable, then retry; or use another data folder.',
    canSetAside: false,
  },
  'cannot-open': {
    message: (where, detail) => `The database at ${where} can't be opened (${detail}).`,
    advice:
      'Retry; if it keeps failing, keep the file aside and start a new database, or use another data folder.',
    canSetAside: true,
  },
};

export function storageProblem(kind: StorageProblemKind, where: string, detail: string): StorageProblem {
  const words = WORDS[kind];
  return {
    kind,
    message: words.message(where, detail),
    advice: words.advice,
    path: where,
    canSetAside: words.canSetAside,
    detail,
  };
}

type SqliteError = Error & { errcode?: number; errstr?: string; code?: string };

/**
 * SQLite's error fields, on the error itself or on its `cause`: a query thread's error reaches the main
 * thread as a structured clone, which keeps only message, stack and cause (itemQueryWorker.ts).
 */
const sqliteFields = (error: unknown): Partial<SqliteError> => {
  const e = (error ?? {}) as SqliteError;
  return e.errcode === undefined && typeof e.cause === 'object' && e.cause ? (e.cause as SqliteError) : e;
};

/** The SQLite or file-system error that stopped opening or writing `file`, as a problem a user can act on. */
export function diagnoseStorageError(error: unknown, file: string): StorageProblem {
  if (error instanceof StorageError) return error.problem;
  if (error instanceof FolderError) return storageProblem('folder-unusable', error.folder, error.message);
  const e = sqliteFields(error);
  const detail = e.errstr ?? (error as Error)?.message ?? String(error);
  if (e.code === 'EACCES' || e.code === 'EPERM') return storageProblem('no-permission', file, e.code);
  if (e.code === 'ENOSPC') return storageProblem('disk-full', file, e.code);
  // Extended result codes carry the primary one in their low byte.
  switch ((e.errcode ?? -1) & 0xff) {
    case SQLITE.NOTADB:
      return storageProblem('not-a-database', file, detail);
    case SQLITE.CORRUPT:
      return storageProblem('damaged', file, detail);
    case SQLITE.FULL:
      return storageProblem('disk-full', file, detail);
    case SQLITE.BUSY:
    case SQLITE.LOCKED:
      return storageProblem('locked', file, detail);
    case SQLITE.READONLY:
      return storageProblem('read-only', file, detail);
    default:
      return storageProblem('cannot-open', file, detail);
  }
}

/** Whether an error means the storage itself failed (disk full, damage), not the work in hand. */
export function isStorageFailure(error: unknown): boolean {
  if (error instanceof StorageError) return true;
  const code = (sqliteFields(error).errcode ?? -1) & 0xff;
  return [SQLITE.FULL, SQLITE.CORRUPT, SQLITE.NOTADB, SQLITE.IOERR, SQLITE.READONLY].includes(code);
}

/** Storage failures (disk full, damage) of `file` as a StorageError saying what to do; other errors unchanged. */
export function toStorageError(error: unknown, file: string): unknown {
  if (error instanceof StorageError || !isStorageFailure(error)) return error;
  return new StorageError(diagnoseStorageError(error, file));
}

/**
 * Damage met while the database is in use: nothing read or written there can be trusted any more, so the
 * database closes and the recovery screen takes over (a full disk, by contrast, passes once there is room).
 */
export const isDamage = (problem: StorageProblem) =>
  problem.kind === 'damaged' || problem.kind === 'not-a-database';
