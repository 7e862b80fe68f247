import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../core/testCore.ts';
import { EXIT } from '../../src/main/cli/exitCodes.ts';
import { DATABASE_FILE_NAME, type Core } from '../../src/main/core/createCore.ts';
import { runExport } from '../../src/main/core/export/runExport.ts';
import { silentLogger } from '../../src/main/core/logging/logger.ts';
import { openDatabase } from '../../src/main/core/store/database.ts';
import type { AppEvent } from '../../src/shared/events.ts';
import { cli } from '../cli/cliHarness.ts';
import { seedItems } from '../fixtures/itemFactory.ts';

const PREVIOUS = 'the export the user made last week\n';
const ITEMS = 3000;

const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-safe-export-'));
const databaseFile = path.join(dataFolder, DATABASE_FILE_NAME);
/** Where the save dialog answers; each test points it at its own target. */
let chosen = '';
const core: Core = createTestCore(dataFolder, {
  desktop: {
    chooseSaveFile: async () => chosen,
    openExternal: async () => undefined,
    showItemInFolder: async () => undefined,
  },
  log: silentLogger,
});
seedItems(core.db, ITEMS, { seed: 9 });
afterAll(() => core.close());

/** A folder holding only the user's previous export. */
function previousExport(name = 'corpus.md') {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-target-'));
  const file = path.join(folder, name);
  fs.writeFileSync(file, PREVIOUS);
  return { folder, file };
}

async function exportTo(file: string, format: 'markdown' | 'jsonl' = 'markdown', cancel = false) {
  chosen = file;
  const started = await core.startExport({ format, scope: { kind: 'all' } });
  if (started.cancelled) throw new Error('the dialog was not cancelled');
  const finished = new Promise<Extract<AppEvent, { type: 'export-finished' }>>((resolve) => {
    const stop = core.onEvent((e) => {
      if (e.type === 'export-finished' && e.exportId === started.exportId) {
        stop();
        resolve(e);
      }
    });
  });
  if (cancel) await core.cancelExport(started.exportId);
  return finished;
}

const itemCount = async () => (await core.listItems({ text: '' }, { offset: 0, limit: 0 })).total;

describe('an export never destroys the file at its target', () => {
  it('a cancelled export leaves the previous file as it was, and no partial file beside it', async () => {
    const { folder, file } = previousExport();
    const done = await exportTo(file, 'markdown', true);
    expect(done.status).toBe('cancelled');
    expect(fs.readFileSync(file, 'utf8')).toBe(PREVIOUS);
    expect(fs.readdirSync(folder)).toEqual(['corpus.md']);
  });

  it('a completed export replaces the previous file in one step', async () => {
    const { folder, file } = previousExport('corpus.jsonl');
    const done = await exportTo(file, 'jsonl');
    expect(done.status).toBe('completed');
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(ITEMS);
    expect(fs.readdirSync(folder)).toEqual(['corpus.jsonl']);
  });

  it.each([
    ['the database', () => databaseFile, /is the database itself: choose another file/],
    ['its WAL', () => `${databaseFile}-wal`, /is the database itself/],
    ['a folder', () => dataFolder, /is a folder: choose a file name/],
  ])(
    'refuses %s as the target at once, with a clear message, and the database is intact',
    async (_, target, words) => {
      const before = fs.statSync(target());
      chosen = target();
      const refused = core.startExport({ format: 'markdown', scope: { kind: 'all' } });
      await expect(refused).rejects.toThrow(words);
      await expect(refused).rejects.toThrow(target());
      expect(fs.statSync(target()).ino).toBe(before.ino);
      expect(await itemCount()).toBe(ITEMS);
    },
  );

  it('a failure halfway leaves the previous file as it was', async () => {
    const { folder, file } = previousExport();
    const db = openDatabase(databaseFile);
    try {
      let batches = 0;
      const failing = runExport(db, {
        format: 'markdown',
        scope: { kind: 'all' },
        file,
        batchSize: 100,
        onProgress: () => {
          if (++batches === 3) throw new Error('no space left on device');
        },
      });
      await expect(failing).rejects.toThrow('no space left on device');
    } finally {
      db.close();
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(PREVIOUS);
    expect(fs.readdirSync(folder)).toEqual(['corpus.md']);
  });
});

describe('cli export', () => {
  it('refuses the database and its companions, devices and folders (exit 2), and touches none', async () => {
    for (const [target, words] of [
      [databaseFile, 'is the database itself'],
      [`${databaseFile}-shm`, 'is the database itself'],
      ['/dev/full', 'is not a regular file (a device, pipe or socket)'],
      [dataFolder, 'is a folder'],
    ] as const) {
      const kind = fs.statSync(target);
      const result = await cli(['export', '--format', 'jsonl', '--out', target, '--db', databaseFile]);
      expect(result.code, result.err).toBe(EXIT.USAGE);
      expect(result.err).toContain(`${target} ${words}`);
      expect(fs.statSync(target).ino).toBe(kind.ino);
      expect(fs.statSync(target).isCharacterDevice()).toBe(kind.isCharacterDevice());
    }
    expect(await itemCount()).toBe(ITEMS);
  });

  it('killed halfway (a file size limit), it leaves the previous file as it was', async () => {
    const { file } = previousExport('corpus.jsonl');
    const command = [
      'ulimit -f 256', // KB: the export is larger, so the kernel stops the process in the middle
      `exec "${process.execPath}" "${path.resolve('src/main/cli/index.ts')}" export --format jsonl --out "${file}" --db "${databaseFile}"`,
    ].join('; ');
    const child = spawn('bash', ['-c', command], { stdio: 'ignore' });
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on('exit', (c, s) => resolve([c, s])),
    );
    expect(code === 0, `exit ${code} ${signal}`).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe(PREVIOUS);
  });
});
