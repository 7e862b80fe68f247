import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from './testCore.ts';
import { type Core } from '../../src/main/core/createCore.ts';
import type { SecretBox } from '../../src/main/core/settings/persistence.ts';
import type { SettingsInput } from '../../src/shared/settings.ts';
import { inputFrom } from './settingsInput.ts';

/** A reversible stand-in for safeStorage that makes "stored encrypted" checkable. */
const rot13Box: SecretBox = {
  encrypts: true,
  seal: (p) => `enc:${Buffer.from(p).toString('base64')}`,
  open: (s) => Buffer.from(s.slice(4), 'base64').toString(),
};

/** The keychain changed (another machine, a reset keyring): nothing sealed before opens. */
const changedKeychain: SecretBox = {
  ...rot13Box,
  open: () => {
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  },
};

const cores: Core[] = [];
function makeCore(
  dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-settings-')),
  secretBox: SecretBox = rot13Box,
) {
  const core = createTestCore(dataFolder, { secretBox });
  cores.push(core);
  return { core, dataFolder };
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

describe('settings', () => {
  it('starts from defaults with every secret unset', async () => {
    const { core } = makeCore();
    const s = await core.getSettings();
    expect(s.github.baseUrl).toBe('https://api.github.com');
    expect(s.github.languages).toEqual(['python', 'typescript']);
    expect(s.github.excludeGlobs).toContain('**/node_modules/**');
    expect(s.stackoverflow.site).toBe('stackoverflow');
    expect(s.github.token).toEqual({ isSet: false, masked: '' });
  });

  it('answers a message per invalid field and saves nothing', async () => {
    const { core, dataFolder } = makeCore();
    const result = await core.saveSettings(
      inputFrom((i) => {
        i.github.minStars = -3;
        i.github.baseUrl = 'not a url';
        i.github.languages = [];
        i.github.pushedAfter = '2024-13-45';
        i.stackoverflow.tags = ['Not A Tag'];
        i.pipeline.batchSize = 1.5;
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'github.baseUrl',
      'github.languages',
      'github.minStars',
      'github.pushedAfter',
      'pipeline.batchSize',
      'stackoverflow.tags',
    ]);
    expect(result.errors['github.minStars']).toBe('Must be at least 0');
    expect(fs.existsSync(path.join(dataFolder, 'settings.json'))).toBe(false);
  });

  it('keeps a valid save across a restart, with the token sealed at rest and masked outside', async () => {
    const { core, dataFolder } = makeCore();
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const saved = await core.saveSettings(
      inputFrom((i) => {
        i.github.minStars = 500;
        i.github.token = { action: 'set', value: token };
        i.stackoverflow.tags = ['python', 'pandas'];
      }),
    );
    expect(saved.ok).toBe(true);
    await core.close();
    cores.pop();

    const onDisk = fs.readFileSync(path.join(dataFolder, 'settings.json'), 'utf8');
    expect(onDisk).not.toContain(token);

    const { core: again } = makeCore(dataFolder);
    const s = await again.getSettings();
    expect(s.github.minStars).toBe(500);
    expect(s.stackoverflow.tags).toEqual(['python', 'pandas']);
    expect(s.github.token).toEqual({ isSet: true, masked: 'ghp_••••••••6789' });
    expect(JSON.stringify(s)).not.toContain(token);
    expect(again.settings.current().github.token).toBe(token);
  });

  it('keeps the stored secret on "keep" and removes it on "clear"', async () => {
    const { core } = makeCore();
    await core.saveSettings(
      inputFrom((i) => (i.stackoverflow.apiKey = { action: 'set', value: 'key-123456' })),
    );
    await core.saveSettings(inputFrom((i) => (i.github.minStars = 7)));
    expect(core.settings.current().stackoverflow.apiKey).toBe('key-123456');
    await core.saveSettings(inputFrom((i) => (i.stackoverflow.apiKey = { action: 'clear' })));
    expect((await core.getSettings()).stackoverflow.apiKey.isSet).toBe(false);
  });

  it('keeps every other setting when the secrets cannot be decrypted, and marks only them', async () => {
    const { core, dataFolder } = makeCore();
    await core.saveSettings(
      inputFrom((i) => {
        i.github.minStars = 750;
        i.github.token = { action: 'set', value: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' };
        i.stackoverflow.tags = ['rust'];
      }),
    );
    await core.close();
    cores.pop();

    const { core: changed } = makeCore(dataFolder, changedKeychain);
    const s = await changed.getSettings();
    expect(s.github.minStars).toBe(750);
    expect(s.stackoverflow.tags).toEqual(['rust']);
    expect(s.github.token).toEqual({ isSet: false, masked: '', unreadable: true });
    expect(s.stackoverflow.apiKey).toEqual({ isSet: false, masked: '' });
    // A save that keeps it changes nothing for it: if the keychain comes back, so does the token.
    expect((await changed.saveSettings(inputFrom((i) => (i.github.minStars = 800)))).ok).toBe(true);
    expect((await changed.getSettings()).github.token.unreadable).toBe(true);
    await changed.close();
    cores.pop();

    const { core: back } = makeCore(dataFolder);
    expect((await back.getSettings()).github.minStars).toBe(800);
    expect(back.settings.current().github.token).toBe('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });

  it('stores the settings file 0600 in a 0700 folder, even over a temp file a crash left behind', async () => {
    const dataFolder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chi-settings-')), 'data');
    fs.mkdirSync(dataFolder, { mode: 0o755 });
    fs.chmodSync(dataFolder, 0o755);
    fs.writeFileSync(path.join(dataFolder, 'settings.json.tmp'), '{}', { mode: 0o644 });
    const { core } = makeCore(dataFolder);
    await core.saveSettings(inputFrom((i) => (i.github.token = { action: 'set', value: 'ghp_x_000000001' })));
    const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);
    expect(mode(path.join(dataFolder, 'settings.json'))).toBe('600');
    expect(mode(dataFolder)).toBe('700');
  });

  it('resets only the stored fields that no longer pass, keeping the rest', async () => {
    const { dataFolder } = makeCore();
    fs.writeFileSync(
      path.join(dataFolder, 'settings.json'),
      JSON.stringify({ github: { minStars: -4, maxRepos: 42 }, stackoverflow: { tags: ['go'] } }),
    );
    const { core } = makeCore(dataFolder);
    const s = await core.getSettings();
    expect(s.github.minStars).toBe(100);
    expect(s.github.maxRepos).toBe(42);
    expect(s.stackoverflow.tags).toEqual(['go']);
  });

  it('rejects malformed arguments in the core, whatever the renderer sends', async () => {
    const { core } = makeCore();
    const result = await core.saveSettings({ github: 'nope' } as unknown as SettingsInput);
    expect(result.ok).toBe(false);
    await expect(
      core.testConnection({ source: 'gitlab' } as unknown as Parameters<Core['testConnection']>[0]),
    ).rejects.toThrow();
  });
});
