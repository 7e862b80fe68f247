import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../src/main/core/createCore.ts';
import { headlessDesktop } from '../../src/main/core/desktop.ts';
import { electronStorePersistence, safeStorageSecretBox } from '../../src/main/secureSettings.ts';
import { inputFrom } from '../core/settingsInput.ts';

vi.mock('electron', () => import('./electronMock.ts'));

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const previousUmask = process.umask();
afterEach(() => {
  process.umask(previousUmask);
});

/** The app's user data folder, as Electron would hand it over: created with the user's umask. */
function userDataFolder() {
  const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chi-userdata-')), 'code-helper-ingest');
  fs.mkdirSync(folder, { mode: 0o755 });
  fs.chmodSync(folder, 0o755);
  return folder;
}

async function saveTokenInTheApp(folder: string) {
  const core = createCore({
    dataFolder: folder,
    persistence: electronStorePersistence(folder),
    secretBox: safeStorageSecretBox(),
    version: 'test',
    desktop: headlessDesktop(folder),
  });
  // No OS keychain here: the Settings screen warns that secrets sit in "a file only you can read", and names it.
  const info = await core.getAppInfo();
  expect(info.secretsEncrypted).toBe(false);
  expect(info.settingsFile).toBe(path.join(folder, 'settings.json'));
  const saved = await core.saveSettings(
    inputFrom((i) => (i.github.token = { action: 'set', value: 'ghp_plain_text_token_000001' })),
  );
  expect(saved.ok).toBe(true);
  await core.close();
}

describe('the app’s settings file without an OS keychain', () => {
  it('is a file only the user can read (0600 in a 0700 folder), whatever the umask', async () => {
    process.umask(0o022);
    const folder = userDataFolder();
    await saveTokenInTheApp(folder);
    const file = path.join(folder, 'settings.json');
    expect(fs.readFileSync(file, 'utf8')).toContain('ghp_plain_text_token_000001');
    expect(modeOf(file).toString(8)).toBe('600');
    expect(modeOf(folder).toString(8)).toBe('700');
  });

  it('tightens a settings file an older version left readable by others, at start', async () => {
    const folder = userDataFolder();
    const file = path.join(folder, 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ settings: { github: { token: 'ghp_old_version_token_0001' } } }));
    fs.chmodSync(file, 0o644);
    electronStorePersistence(folder);
    expect(modeOf(file).toString(8)).toBe('600');
  });

  it('keeps a settings file that is not JSON aside and starts with defaults', async () => {
    const folder = userDataFolder();
    const file = path.join(folder, 'settings.json');
    fs.writeFileSync(file, '{"settings": {"github": ');
    const core = createCore({
      dataFolder: folder,
      persistence: electronStorePersistence(folder),
      secretBox: safeStorageSecretBox(),
      version: 'test',
      desktop: headlessDesktop(folder),
    });
    expect((await core.getSettings()).github.minStars).toBe(100);
    await core.close();
    const aside = fs.readdirSync(folder).filter((f) => f.startsWith('settings.json.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(folder, aside[0]), 'utf8')).toBe('{"settings": {"github": ');
  });
});
