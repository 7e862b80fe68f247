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
 * Secrets encrypted with the OS keychain through safeStorage. Where the OS offers no encryption the
 * value is kept in clear and the Settings screen says so.
 */
export function safeStorageSecretBox(): SecretBox {
  const encrypts = safeStorage.isEncryptionAvailable();
  return {
    encrypts,
    seal: (plain) => (encrypts ? `safe:${safeStorage.encryptString(plain).toString('base64')}` : plain),
    open: (sealed) =>
      sealed.startsWith('safe:') ? safeStorage.decryptString(Buffer.from(sealed.slice(5), 'base64')) : sealed,
  };
}
