import fs from 'node:fs';
import path from 'node:path';
import { ensureFolder } from '../store/ensureFolder.ts';

/** Where the settings document lives: electron-store in the app, a JSON file in the CLI and tests. */
export type SettingsPersistence = {
  read(): unknown;
  write(document: unknown): void;
  /** The file, for the Settings screen to say where the secrets are when they are not encrypted. */
  location?: string;
};

/** Encrypts secrets at rest: Electron safeStorage in the app. */
export type SecretBox = {
  readonly encrypts: boolean;
  seal(plain: string): string;
  open(sealed: string): string;
};

/** Mode bits of the settings file and its folder: the user's alone (secrets may be in plain text). */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/**
 * Makes an existing settings file and its folder the user's alone: a file an older version (or another
 * tool) left readable by others is tightened at start, not only at the next save. Modes are set with
 * chmod, which the umask does not reduce. Nothing to do on Windows, where modes are not permissions.
 */
export function keepPrivate(file: string): void {
  if (process.platform === 'win32') return;
  const folder = path.dirname(file);
  ensureFolder(folder);
  // Only what is the user's own: never another user's folder (a shared parent, or as root).
  const tighten = (target: string, mode: number) => {
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (stat && stat.uid === process.getuid?.() && (stat.mode & 0o077) !== 0) fs.chmodSync(target, mode);
  };
  tighten(folder, PRIVATE_FOLDER_MODE);
  tighten(file, PRIVATE_FILE_MODE);
}

export function jsonFilePersistence(file: string): SettingsPersistence {
  keepPrivate(file);
  return {
    location: file,
    read() {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        return undefined;
      }
    },
    write(document) {
      keepPrivate(file);
      // Write then rename, so a crash never leaves half a file. The mode is set on the open file: a
      // temporary file left by a crash keeps its old mode when written again.
      const tmp = `${file}.tmp`;
      const fd = fs.openSync(tmp, 'w', PRIVATE_FILE_MODE);
      try {
        fs.fchmodSync(fd, PRIVATE_FILE_MODE);
        fs.writeFileSync(fd, JSON.stringify(document, null, 2));
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
    },
  };
}

/**
 * For the CLI and the browser-test bridge, where no OS keychain is at hand: secrets are stored as they
 * are (the file is 0600, its folder 0700). The app uses safeStorage instead.
 */
export const plainSecretBox: SecretBox = {
  encrypts: false,
  seal: (plain) => plain,
  open: (sealed) => sealed,
};
