import fs from 'node:fs';
import path from 'node:path';
import ElectronStore from 'electron-store';
import { safeStorage } from 'electron';
import {
  keepPrivate,
  PRIVATE_FILE_MODE,
  type SecretBox,
  type SettingsPersistence,
} from './core/settings/persistence.ts';

const SETTINGS_NAME = 'settings';

/**
 * Settings in electron-store: settings.json in the app's user data folder, 0600 in a 0700 folder (with
 * no keychain the secrets in it are plain text). A file that is not JSON any more is kept aside under
 * another name and the app starts with defaults, instead of not starting at all; the first read says so
 * (the settings service logs it).
 */
export function electronStorePersistence(folder: string): SettingsPersistence {
  const file = path.join(folder, `${SETTINGS_NAME}.json`);
  keepPrivate(file);
  const open = () =>
    new ElectronStore<{ settings?: unknown }>({
      name: SETTINGS_NAME,
      cwd: folder,
      configFileMode: PRIVATE_FILE_MODE,
    });
  let store: ElectronStore<{ settings?: unknown }>;
  let unreadable: string | undefined;
  try {
    store = open();
    store.get('settings');
  } catch (error) {
    if ((error as Error).name !== 'SyntaxError') throw error;
    const aside = `${file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(file, aside);
    unreadable = `${file} could not be read (${String(error)}); it was kept as ${aside}`;
    store = open();
  }
  return {
    location: file,
    read: () => {
      const problem = unreadable;
      unreadable = undefined;
      if (problem) throw new Error(problem);
      return store.get('settings');
    },
    write: (document) => store.set('settings', document),
  };
}

/**
 * Secrets encrypted with the OS keychain through safeStorage. Where the OS offers no real encryption the
 * Settings screen says so.
 */
export function safeStorageSecretBox(): SecretBox {
  // On Linux without a keyring Chromium falls back to a fixed password ("basic_text"): not real encryption.
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  const available = safeStorage.isEncryptionAvailable();
  return {
    // Still sealed when weak (not greppable), but the Settings screen warns that it is not real encryption.
    encrypts: available && !weak,
    seal: (plain) => (available ? `safe:${safeStorage.encryptString(plain).toString('base64')}` : plain),
    open: (sealed) =>
      sealed.startsWith('safe:') ? safeStorage.decryptString(Buffer.from(sealed.slice(5), 'base64')) : sealed,
  };
}
