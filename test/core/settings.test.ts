import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { headlessDesktop } from '../../src/main/core/desktop.ts';
import { createCore, type Core } from '../../src/main/core/createCore.ts';
import { jsonFilePersistence, type SecretBox } from '../../src/main/core/settings/persistence.ts';
import { toPublic } from '../../src/main/core/settings/settingsService.ts';
import { defaultSettings, type SettingsInput } from '../../src/shared/settings.ts';

/** A reversible stand-in for safeStorage that makes "stored encrypted" checkable. */
const rot13Box: SecretBox = {
  encrypts: true,
  seal: (p) => `enc:${Buffer.from(p).toString('base64')}`,
  open: (s) => Buffer.from(s.slice(4), 'base64').toString(),
};

const cores: Core[] = [];
function makeCore(dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-settings-'))) {
  const core = createCore({
    dataFolder,
    persistence: jsonFilePersistence(path.join(dataFolder, 'settings.json')),
    secretBox: rot13Box,
    version: 'test',
    desktop: headlessDesktop(dataFolder),
  });
  cores.push(core);
  return { core, dataFolder };
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

export function inputFrom(overrides: (input: SettingsInput) => void = () => {}): SettingsInput {
  const s = toPublic(defaultSettings());
  const input: SettingsInput = {
    github: { ...s.github, token: { action: 'keep' } },
    stackoverflow: { ...s.stackoverflow, apiKey: { action: 'keep' } },
    pipeline: { ...s.pipeline },
  };
  overrides(input);
  return input;
}

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

  it('rejects malformed arguments in the core, whatever the renderer sends', async () => {
    const { core } = makeCore();
    const result = await core.saveSettings({ github: 'nope' } as unknown as SettingsInput);
    expect(result.ok).toBe(false);
    await expect(
      core.testConnection({ source: 'gitlab' } as unknown as Parameters<Core['testConnection']>[0]),
    ).rejects.toThrow();
  });
});
