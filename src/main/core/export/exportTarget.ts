import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../store/database.ts';
import { ensureFolder } from '../store/ensureFolder.ts';

/** A target an export refuses before writing anything: the message says why and what to choose. */
export class ExportTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportTargetError';
  }
}

/** The real path of an existing file (through symlinks), or the path itself for a new one. */
function realPathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** The database's own files: overwriting any of them would destroy the collection. */
function databaseFiles(db: Database): string[] {
  const file = db.location();
  if (!file) return [];
  const real = realPathOf(file);
  return ['', '-wal', '-shm', '-journal'].flatMap((suffix) => [file + suffix, real + suffix]);
}

/**
 * Where an export may go: a regular file (new, or one to replace) that is none of the database's own.
 * Answers the real path (a symlink's target is replaced, not the link) with its folder created.
 */
export function checkExportTarget(file: string, db: Database): string {
  const target = realPathOf(file);
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new ExportTargetError(`${file} is a folder: choose a file name inside it.`);
  if (stat && !stat.isFile()) {
    throw new ExportTargetError(`${file} is not a regular file (a device, pipe or socket): choose a file.`);
  }
  if (databaseFiles(db).includes(target)) {
    throw new ExportTargetError(`${file} is the database itself: choose another file.`);
  }
  ensureFolder(path.dirname(target));
  return target;
}

/**
 * A temporary file beside the target, renamed over it only once complete: a cancelled or failed export
 * (or one killed midway) leaves whatever was at the target as it was.
 */
export function fileBeside(target: string) {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`,
  );
  return {
    temporary,
    /** Puts the complete file in place, with the mode the replaced file had. */
    commit(): void {
      const previous = fs.statSync(target, { throwIfNoEntry: false });
      if (previous) fs.chmodSync(temporary, previous.mode & 0o777);
      fs.renameSync(temporary, target);
    },
    discard(): void {
      fs.rmSync(temporary, { force: true });
    },
  };
}
