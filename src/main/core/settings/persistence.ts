import fs from 'node:fs';
import path from 'node:path';

/** Where the settings document lives: electron-store in the app, a JSON file in the CLI and tests. */
export type SettingsPersistence = {
  read(): unknown;
  write(document: unknown): void;
};

/** Encrypts secrets at rest: Electron safeStorage in the app. */
export type SecretBox = {
  readonly encrypts: boolean;
  seal(plain: string): string;
  open(sealed: string): string;
};

export function jsonFilePersistence(file: string): SettingsPersistence {
  return {
    read() {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        return undefined;
      }
    },
    write(document) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Write then rename, so a crash never leaves half a file.
      const tmp = `${file}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(document, null, 2), { mode: 0o600 });
      fs.renameSync(tmp, file);
    },
  };
}

/**
 * For the CLI and the browser-test bridge, where no OS keychain is at hand: secrets are stored as they
 * are (the file is 0600). The app uses safeStorage instead.
 */
export const plainSecretBox: SecretBox = {
  encrypts: false,
  seal: (plain) => plain,
  open: (sealed) => sealed,
};
