import fs from 'node:fs';
import path from 'node:path';

/**
 * Creates a folder and any missing parents, one level at a time. `fs.mkdirSync(…, { recursive: true })`
 * loops forever where mkdir says "no such file" of a parent that exists (/proc/self/x), so the walk is
 * ours: every failure comes back as an error naming the folder. New folders are 0700 (the database and
 * the settings are the user's alone).
 */
export function ensureFolder(folder: string): void {
  const missing: string[] = [];
  let current = path.resolve(folder);
  for (;;) {
    const stat = fs.statSync(current, { throwIfNoEntry: false });
    if (stat) {
      if (!stat.isDirectory()) throw folderError(current, `${current} is a file, not a folder`, 'ENOTDIR');
      break;
    }
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const dir of missing) {
    try {
      fs.mkdirSync(dir, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && fs.statSync(dir).isDirectory()) continue;
      throw folderError(dir, `cannot create ${dir}: ${codeOf(error)}`, codeOf(error));
    }
  }
}

/** Whether this process can create and remove a file in the folder: tried, not guessed from the mode. */
export function checkWritable(folder: string): void {
  const probe = path.join(folder, `.code-helper-ingest-write-check-${process.pid}`);
  try {
    fs.writeFileSync(probe, '', { flag: 'wx' });
    fs.rmSync(probe);
  } catch (error) {
    throw folderError(folder, `cannot write in ${folder}: ${codeOf(error)}`, codeOf(error));
  }
}

export class FolderError extends Error {
  readonly folder: string;
  readonly code: string;
  constructor(message: string, folder: string, code: string) {
    super(message);
    this.folder = folder;
    this.code = code;
  }
}

const folderError = (folder: string, message: string, code: string) => new FolderError(message, folder, code);
const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);
