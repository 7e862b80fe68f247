import path from 'node:path';
import { checkWritable, ensureFolder, FolderError } from '../store/ensureFolder.ts';

/**
 * Whether a data folder from Settings can hold the database: a full path to a folder that exists or can
 * be created, and that this process can write in (tried, not guessed). Answers the field's message, or
 * undefined when it is fine. '' (the app's own folder) is always fine.
 */
export function checkDataFolder(folder: string): string | undefined {
  if (!folder) return undefined;
  if (!path.isAbsolute(folder)) return 'Use a full path, e.g. /home/you/code-helper-data';
  try {
    ensureFolder(folder);
    checkWritable(folder);
    return undefined;
  } catch (error) {
    if (!(error instanceof FolderError)) throw error;
    return `This folder can't be used: ${error.message}`;
  }
}
