import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExportCommand } from '../../src/main/cli/exportCommand.ts';
import { listItems } from '../../src/main/core/items/listItems.ts';
import { openDatabase } from '../../src/main/core/store/database.ts';
import { itemQuerySchema } from '../../src/shared/itemsContract.ts';
import { seedItems } from '../fixtures/itemFactory.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) } };
}

describe('export command', () => {
  it('exports what a search and filters match, with progress and the count', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-cli-'));
    const dbFile = path.join(dir, 'items.sqlite');
    const db = openDatabase(dbFile);
    seedItems(db, 500, { seed: 4 });
    const query = itemQuerySchema.parse({ text: 'return', filters: { language: ['rust'] } });
    const { total } = listItems(db, query, { offset: 0, limit: 0 });
    db.close();
    const out = path.join(dir, 'rust.jsonl');
    const c = capture();
    const argv = [
      '--format',
      'jsonl',
      '--out',
      out,
      '--query',
      'return',
      '--language',
      'rust',
      '--db',
      dbFile,
    ];
    expect(await runExportCommand(argv, c.io)).toBe(0);
    expect(c.out).toEqual([`Exported ${total} items to ${out}`]);
    expect(c.err.at(-1)).toBe(`${total}/${total} items (100%)`);
    expect(fs.readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(total);
  });

  it('explains its usage on bad arguments', async () => {
    const c = capture();
    expect(await runExportCommand(['--format', 'xml', '--out', 'x', '--db', 'y'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/usage: export --format jsonl\|json\|csv/);
    expect(await runExportCommand(['--nope'], c.io)).toBe(2);
  });
});
