import ElectronStore from 'electron-store';
import { safeStorage } from 'electron';
import type { SecretBox, SettingsPersistence } from './core/settings/persistence.ts';

/** Settings in electron-store (a JSON file in the user data folder). */
export function electronStorePersistence(): SettingsPersistence {
  const store = new ElectronStore<{ settings?: unknown }>({ name: 'settings' });
  return {
    read: () => store.get('settings'),
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
