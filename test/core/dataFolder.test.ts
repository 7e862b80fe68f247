import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from './testCore.ts';
import { type Core } from '../../src/main/core/createCore.ts';
import { inputFrom } from './settingsInput.ts';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

function makeCore(dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-folder-'))) {
  const core = createTestCore(dataFolder);
  cores.push(core);
  return { core, dataFolder };
}

const saveFolder = (core: Core, folder: string) =>
  core.saveSettings(inputFrom((i) => (i.pipeline.dataFolder = folder)));

describe('Data folder in Settings', () => {
  it.each([
    ['/etc/hostname', "This folder can't be used: /etc/hostname is a file, not a folder"],
    ['/etc/hostname/sub', "This folder can't be used: /etc/hostname is a file, not a folder"],
    ['../../etc/passwd', 'Use a full path, e.g. /home/you/code-helper-data'],
    ['relative/folder', 'Use a full path, e.g. /home/you/code-helper-data'],
    ['/proc/self/x', "This folder can't be used: cannot create /proc/self/x: ENOENT"],
  ])('refuses %s with a message beside the field, and saves nothing', async (folder, message) => {
    const { core } = makeCore();
    const result = await saveFolder(core, folder);
    expect(result).toEqual({ ok: false, errors: { 'pipeline.dataFolder': message } });
    expect((await core.getSettings()).pipeline.dataFolder).toBe('');
  });

  it('accepts a folder that can be created, creates it, and shows it as pending until the next start', async () => {
    const { core, dataFolder } = makeCore();
    const chosen = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chi-chosen-')), 'new', 'data');
    const result = await saveFolder(core, chosen);
    expect(result.ok).toBe(true);
    expect(fs.statSync(chosen).isDirectory()).toBe(true);
    const info = await core.getAppInfo();
    expect(info.dataFolder).toBe(dataFolder);
    expect(info.databaseFile.startsWith(dataFolder)).toBe(true);
    expect(info.dataFolderPending).toBe(chosen);
    await core.close();
    cores.pop();

    // At the next start it is the folder in use, with the database in it.
    const { core: next } = makeCore(dataFolder);
    const after = await next.getAppInfo();
    expect(after.dataFolder).toBe(chosen);
    expect(after.dataFolderPending).toBeUndefined();
    expect(fs.existsSync(after.databaseFile)).toBe(true);
    expect(path.dirname(after.databaseFile)).toBe(chosen);
  });
});
