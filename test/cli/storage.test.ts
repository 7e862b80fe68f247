import { spawn, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/main/cli/exitCodes.ts';
import { DATABASE_FILE_NAME } from '../../src/main/core/createCore.ts';
import { openDatabase } from '../../src/main/core/store/database.ts';
import { damageDatabase, damagedInUse, type DamageKind } from '../fixtures/damageDatabase.ts';
import { seedItems } from '../fixtures/itemFactory.ts';
import { closedPort } from '../fakes/closedPort.ts';

/** Runs the CLI as a user would, in its own process. */
async function cli(args: string[], options: SpawnOptions = {}) {
  const child = spawn(process.execPath, [path.resolve('src/main/cli/index.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('exit', resolve);
    child.on('error', reject);
  });
  return { code, stdout, stderr };
}

function damagedFolder(kind: DamageKind) {
  const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-cli-damage-'));
  const file = path.join(dataFolder, DATABASE_FILE_NAME);
  const db = openDatabase(file);
  seedItems(db, 30, { seed: 2 });
  db.close();
  damageDatabase(file, kind);
  return { dataFolder, file };
}

describe('CLI on a database it cannot use', () => {
  it.each<[DamageKind, RegExp]>([
    ['truncated', /is damaged: parts of it can't be read\.[^]*Details: database disk image is malformed/],
    ['garbage-header', /is not a database/],
    ['wrong-file-type', /is not a database/],
    ['directory-in-its-place', /There is a folder, not a database file, at/],
    ['newer-version', /made by a newer version of the app/],
  ])('%s: prints the diagnosis with the path and exits 4 (storage), not 2 (usage)', async (kind, words) => {
    const { dataFolder, file } = damagedFolder(kind);
    const { code, stderr } = await cli(['stats', '--data', dataFolder]);
    expect(code).toBe(EXIT.STORAGE);
    expect(stderr).toMatch(words);
    expect(stderr).toContain(`Cannot use the database: `);
    expect(stderr).toContain(`mv "${file}" "${file}.damaged"`);
  });

  it('a file the user may not read: says so and exits 4', async () => {
    const { dataFolder, file } = damagedFolder('unreadable');
    // The folders on the way to the data, to node and to the CLI may be private (mktemp makes them 0700):
    // let the other user pass through them (x only).
    for (const start of [dataFolder, path.dirname(process.execPath), process.cwd()])
      for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        const { mode } = fs.statSync(dir);
        if ((mode & 0o011) !== 0o011) fs.chmodSync(dir, mode | 0o011);
      }
    // Root reads any file; the check is run as an ordinary user, as one would meet it.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const { code, stderr } = await cli(['stats', '--data', dataFolder], asUser);
    expect(code, stderr).toBe(EXIT.STORAGE);
    expect(stderr).toContain(`You are not allowed to read or write the database at ${file} (EACCES)`);
  });

  it('export and collect give the same diagnosis', async () => {
    const { dataFolder, file } = damagedFolder('garbage-header');
    const exported = await cli([
      'export',
      '--format',
      'jsonl',
      '--out',
      path.join(dataFolder, 'x.jsonl'),
      '--data',
      dataFolder,
    ]);
    expect(exported.code).toBe(EXIT.STORAGE);
    expect(exported.stderr).toContain(`The file at ${file} is not a database`);
    const collected = await cli(['collect', '--data', dataFolder, '--source', 'github']);
    expect(collected.code).toBe(EXIT.STORAGE);
    expect(collected.stderr).toContain(`The file at ${file} is not a database`);
  });
});

/** The diagnosis the CLI prints at open time, now for damage met while a command reads or writes. */
function expectDamageDiagnosis(result: { code: number | null; stderr: string }, file: string) {
  expect(result.code, result.stderr).toBe(EXIT.STORAGE);
  expect(result.stderr).toContain(`Cannot use the database: The database at ${file} is damaged`);
  expect(result.stderr).toContain(`mv "${file}" "${file}.damaged"`);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/unsettled top-level await/);
}

describe('CLI on a database whose damage is met during use (the file opens; a table inside is broken)', () => {
  it('stats: the diagnosis, exit 4, no stack trace', async () => {
    const { dataFolder, file } = damagedInUse('runs');
    expectDamageDiagnosis(await cli(['stats', '--data', dataFolder]), file);
  });

  it('export: the diagnosis, exit 4, and no file written', async () => {
    const { dataFolder, file } = damagedInUse('items');
    const out = path.join(dataFolder, 'x.jsonl');
    expectDamageDiagnosis(
      await cli(['export', '--format', 'jsonl', '--out', out, '--data', dataFolder]),
      file,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it('collect: the run ends (interrupted), the diagnosis, exit 4', async () => {
    // The checkpoint is looked up through the table's key index before the source is checked.
    const { dataFolder, file } = damagedInUse('sqlite_autoindex_checkpoints_1');
    const settings = path.join(dataFolder, 'unreachable.json');
    const github = { baseUrl: `http://127.0.0.1:${await closedPort()}` };
    fs.writeFileSync(settings, JSON.stringify({ github, pipeline: { stackoverflowEnabled: false } }));
    const result = await cli(['collect', '--settings', settings, '--data', dataFolder]);
    expectDamageDiagnosis(result, file);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('Run 2 interrupted');
  });
});

describe('CLI read commands on an empty (0-byte) database file', () => {
  it('stats and export say there is no database there, as for a missing file, and leave the file be', async () => {
    const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-cli-empty-'));
    const file = path.join(dataFolder, DATABASE_FILE_NAME);
    fs.writeFileSync(file, '');
    const stats = await cli(['stats', '--data', dataFolder]);
    expect(stats.code).toBe(EXIT.USAGE);
    expect(stats.stderr).toContain(`No database at ${file}`);
    const out = path.join(dataFolder, 'x.jsonl');
    const exported = await cli(['export', '--format', 'jsonl', '--out', out, '--db', file]);
    expect(exported.code).toBe(EXIT.USAGE);
    expect(exported.stderr).toContain(`No database at ${file}`);
    expect(fs.statSync(file).size).toBe(0);
  });
});

describe('CLI on a data folder that is a file', () => {
  it('collect: the diagnosis naming the folder, exit 4, and no stack trace from the log', async () => {
    const dataFolder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chi-cli-afile-')), 'afile');
    fs.writeFileSync(dataFolder, 'hi\n');
    const result = await cli(['collect', '--data', dataFolder, '--source', 'github']);
    expect(result.code, result.stderr).toBe(EXIT.STORAGE);
    expect(result.stderr).toContain(`The data folder ${dataFolder} can't be used: ${dataFolder} is a file`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(fs.readFileSync(dataFolder, 'utf8')).toBe('hi\n');
  });
});
