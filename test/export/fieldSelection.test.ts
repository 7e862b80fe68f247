import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ParquetReader } from '@dsnp/parquetjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FIELD_GROUPS, type ExportFieldGroup } from '../../src/shared/exportFields.ts';
import type { ExportFormat } from '../../src/shared/itemsContract.ts';
import { CSV_COLUMNS } from '../../src/main/core/export/csvExport.ts';
import { runExport } from '../../src/main/core/export/runExport.ts';
import { openDatabase, type Database } from '../../src/main/core/store/database.ts';
import { upsertItems } from '../../src/main/core/store/itemStore.ts';
import { makeItems } from '../fixtures/itemFactory.ts';
import { parseCsv } from './csvReader.ts';

let db: Database;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-export-fields-'));
  db = openDatabase(path.join(dir, 'items.sqlite'));
  upsertItems(db, makeItems(60, { seed: 4 }));
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function exportWith(format: ExportFormat, fields?: ExportFieldGroup[]) {
  const file = path.join(dir, `out-${format}-${Math.random().toString(36).slice(2)}`);
  await runExport(db, { format, scope: { kind: 'all' }, fields, file });
  return file;
}
const jsonLines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const metadataKeys = (d: Record<string, unknown>, key: string) => Object.keys(d[key] as object);

const allowed = (groups: ExportFieldGroup[]) =>
  new Set<string>(EXPORT_FIELD_GROUPS.filter((g) => groups.includes(g.id)).flatMap((g) => g.keys));

describe('exports with chosen metadata', () => {
  const chosen: ExportFieldGroup[] = ['attribution', 'links'];

  it('keeps only the chosen metadata in JSONL and the RAG shapes, and the content always', async () => {
    for (const [format, key] of [
      ['jsonl', 'metadata'],
      ['langchain', 'metadata'],
      ['llamaindex', 'metadata'],
    ] as const) {
      const docs = jsonLines(await exportWith(format, chosen));
      expect(docs).toHaveLength(60);
      const keys = new Set(docs.flatMap((d) => metadataKeys(d, key)));
      const extra = format === 'jsonl' ? [] : ['id', 'source', 'title', 'collected_at'];
      for (const k of keys) expect([...allowed(chosen), ...extra], `${format} ${k}`).toContain(k);
      expect(keys.has('license')).toBe(true);
      expect(keys.has('imports')).toBe(false);
    }
    const plain = jsonLines(await exportWith('jsonl', chosen));
    expect(plain.every((d) => typeof d.content === 'string' && d.content !== '')).toBe(true);
  });

  it('exports everything when no choice is made', async () => {
    const docs = jsonLines(await exportWith('jsonl'));
    expect(new Set(docs.flatMap((d) => metadataKeys(d, 'metadata')))).toContain('imports');
  });

  it('drops the CSV columns of metadata not chosen', async () => {
    const [header] = parseCsv(fs.readFileSync(await exportWith('csv', chosen), 'utf8'));
    expect(header).toEqual(['id', 'source', 'title', 'license', 'url', 'author', 'collected_at', 'content']);
    const [full] = parseCsv(fs.readFileSync(await exportWith('csv'), 'utf8'));
    expect(full).toEqual([...CSV_COLUMNS]);
  });

  it("narrows Parquet's metadata column", async () => {
    const reader = await ParquetReader.openFile(await exportWith('parquet', ['scores']));
    const cursor = reader.getCursor();
    let row: Record<string, unknown> | null;
    let rows = 0;
    while ((row = (await cursor.next()) as Record<string, unknown> | null)) {
      rows++;
      for (const k of Object.keys(row.metadata as object)) expect(allowed(['scores'])).toContain(k);
    }
    await reader.close();
    expect(rows).toBe(60);
  });
});
