import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listItems } from '../../src/main/core/store/listItems.ts';
import { openDatabase } from '../../src/main/core/store/database.ts';
import { itemQuerySchema } from '../../src/shared/itemsContract.ts';
import { seedItems } from '../fixtures/itemFactory.ts';
import { cli, tempFolder } from './cliHarness.ts';

function seededDatabase(dir: string): string {
  const dbFile = path.join(dir, 'items.sqlite');
  const db = openDatabase(dbFile);
  seedItems(db, 500, { seed: 4 });
  db.close();
  return dbFile;
}

describe('cli export', () => {
  it('exports what a search and filters match: progress on stderr, the count on stdout', async () => {
    const dir = tempFolder();
    const dbFile = seededDatabase(dir);
    const db = openDatabase(dbFile);
    const query = itemQuerySchema.parse({ text: 'return', filters: { language: ['rust'] } });
    const { total } = listItems(db, query, { offset: 0, limit: 0 });
    db.close();
    const out = path.join(dir, 'rust.jsonl');
    const argv = ['export', '--format', 'jsonl', '--out', out, '--query', 'return', '--language', 'rust'];
    const result = await cli([...argv, '--db', dbFile]);
    expect(result.code).toBe(0);
    expect(result.out).toBe(`Exported ${total} items to ${out}`);
    expect(result.err.split('\n').at(-1)).toBe(`${total}/${total} items (100%)`);
    expect(fs.readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(total);
  });

  it('names what is wrong with a format, a source or a missing option, and exits 2', async () => {
    const xml = await cli(['export', '--format', 'xml', '--out', 'x', '--db', 'y']);
    expect(xml.code).toBe(2);
    expect(xml.err).toMatch(
      /option '--format <format>' argument 'xml' is invalid\. Allowed choices are jsonl, json, csv/,
    );
    const source = await cli(['export', '--format', 'csv', '--out', 'x', '--source', 'gitlab']);
    expect(source.err).toMatch(
      /argument 'gitlab' is invalid\. Allowed choices are github_code, github_doc, stackoverflow_qa/,
    );
    const cobol = await cli(['export', '--format', 'csv', '--out', 'x', '--language', 'cobol']);
    expect(cobol.code).toBe(2);
    expect(cobol.err).toMatch(
      /argument 'cobol' is invalid\. Allowed choices are python, javascript, typescript, java, go, rust\./,
    );
    const typo = await cli(['export', '--format', 'csv', '--out', 'x', '--language', 'pyhton']);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(
      /argument 'pyhton' is invalid\. Did you mean python\? Allowed choices are python, /,
    );
    const noOut = await cli(['export', '--format', 'csv']);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toMatch(/required option '--out <file>' not specified/);
  });

  it('never creates a database: a mistyped --data is an error naming the path, and nothing is written', async () => {
    const dir = tempFolder();
    const typo = path.join(dir, 'typo');
    const result = await cli([
      'export',
      '--format',
      'jsonl',
      '--out',
      path.join(dir, 'x.jsonl'),
      '--data',
      typo,
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`No database at ${path.join(typo, 'code-helper-ingest.sqlite')}`);
    expect(result.out).toBe('');
    expect(fs.existsSync(typo)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'x.jsonl'))).toBe(false);
  });

  it('resolves --out and --db against the folder the command was typed in (INIT_CWD under npm run)', async () => {
    const dir = tempFolder();
    seededDatabase(dir);
    const result = await cli(['export', '--format', 'json', '--out', 'all.json', '--db', 'items.sqlite'], {
      env: { INIT_CWD: dir },
    });
    expect(result.code, result.err).toBe(0);
    expect(result.out).toBe(`Exported 500 items to ${path.join(dir, 'all.json')}`);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'all.json'), 'utf8'))).toHaveLength(500);
  });
});
