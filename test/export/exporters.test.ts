import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ParquetReader } from '@dsnp/parquetjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat, ItemScope } from '../../src/shared/itemsContract.ts';
import type { CollectedItem } from '../../src/shared/items.ts';
import { CSV_COLUMNS } from '../../src/main/core/export/csvExport.ts';
import { runExport } from '../../src/main/core/export/runExport.ts';
import { openDatabase, type Database } from '../../src/main/core/store/database.ts';
import { upsertItems } from '../../src/main/core/store/itemStore.ts';
import { makeItems } from '../fixtures/itemFactory.ts';
import { parseCsv } from './csvReader.ts';

let db: Database;
let dir: string;
let items: CollectedItem[];
const byId = () => new Map(items.map((i) => [i.id, i]));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-export-'));
  db = openDatabase(path.join(dir, 'items.sqlite'));
  items = makeItems(300, { seed: 11 });
  upsertItems(db, items);
});
afterAll(() => db.close());

async function exportTo(format: ExportFormat, scope: ItemScope = { kind: 'all' }) {
  const file = path.join(dir, `out-${format}-${Math.random().toString(36).slice(2)}`);
  const progress: number[] = [];
  const outcome = await runExport(db, { format, scope, file, onProgress: (p) => progress.push(p.done) });
  return { file, outcome, progress };
}

const readLines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('exporters write what the store holds', () => {
  it('JSONL: one {id, source, content, metadata} per line, with progress', async () => {
    const { file, outcome, progress } = await exportTo('jsonl');
    expect(outcome).toEqual({ status: 'completed', done: 300, total: 300 });
    expect(progress.at(-1)).toBe(300);
    const lines = readLines(file);
    expect(lines).toHaveLength(300);
    const stored = byId();
    for (const line of lines) {
      const item = stored.get(line.id as string)!;
      expect(line).toEqual({
        id: item.id,
        source: item.source,
        content: item.content,
        metadata: item.metadata,
      });
    }
  });

  it('JSON: one array of the same documents', async () => {
    const { file } = await exportTo('json');
    const docs = JSON.parse(fs.readFileSync(file, 'utf8')) as { id: string; content: string }[];
    expect(docs.map((d) => d.id).sort()).toEqual(items.map((i) => i.id).sort());
    expect(docs[0].content).toBe(byId().get(docs[0].id)!.content);
  });

  it('JSON: an empty scope is still valid JSON', async () => {
    const { file, outcome } = await exportTo('json', { kind: 'ids', ids: [] });
    expect(outcome.total).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('LangChain and LlamaIndex document shapes', async () => {
    const item = items[0];
    const scope: ItemScope = { kind: 'ids', ids: [item.id] };
    const [lc] = readLines((await exportTo('langchain', scope)).file);
    expect(lc).toEqual({
      page_content: item.content,
      metadata: expect.objectContaining({ id: item.id, source: item.source, title: item.title }),
    });
    const [li] = readLines((await exportTo('llamaindex', scope)).file);
    expect(li).toMatchObject({ id_: item.id, text: item.content, metadata: { id: item.id } });
  });

  it('CSV: a header of metadata columns and one record per item, quotes and newlines intact', async () => {
    const { file } = await exportTo('csv');
    const [header, ...records] = parseCsv(fs.readFileSync(file, 'utf8'));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(records).toHaveLength(300);
    const col = (name: (typeof CSV_COLUMNS)[number]) => header.indexOf(name);
    const stored = byId();
    for (const r of records) {
      const item = stored.get(r[col('id')])!;
      expect(r[col('content')]).toBe(item.content);
      expect(r[col('title')]).toBe(item.title);
      if (item.source === 'stackoverflow_qa') {
        expect(r[col('tags')]).toBe(item.metadata.tags.join(';'));
        expect(r[col('accepted')]).toBe(String(item.metadata.accepted));
      } else expect(r[col('stars')]).toBe(String(item.metadata.stars));
    }
  });

  it('Markdown: one section per item with its metadata and code', async () => {
    const code = items.find((i) => i.source === 'github_code')!;
    const { file } = await exportTo('markdown');
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('# Code Helper Ingest export\n')).toBe(true);
    expect(text.match(/^## /gm)).toHaveLength(300);
    expect(text).toContain(`## ${code.title}`);
    expect(text).toContain(
      `\`\`\`${code.source === 'github_code' ? code.metadata.language : ''}\n${code.content}`,
    );
  });

  it('Parquet: reads back with ParquetReader, row for row', async () => {
    const { file } = await exportTo('parquet', {
      kind: 'query',
      query: {
        text: '',
        filters: {
          source: ['github_code'],
          language: [],
          repository: [],
          tag: [],
          license: [],
          accepted: null,
          minScore: null,
        },
        sort: { column: 'collectedAt', direction: 'desc' },
      },
    });
    const reader = await ParquetReader.openFile(file);
    const cursor = reader.getCursor();
    const stored = byId();
    let n = 0;
    for (let row = await cursor.next(); row; row = await cursor.next()) {
      const r = row as Record<string, unknown>;
      const item = stored.get(r.id as string)!;
      expect(item.source).toBe('github_code');
      expect(r.content).toBe(item.content);
      expect(r.metadata).toEqual(item.metadata);
      n++;
    }
    await reader.close();
    expect(n).toBe(items.filter((i) => i.source === 'github_code').length);
  });

  it('exports only the selection or the query when asked', async () => {
    const ids = items.slice(10, 15).map((i) => i.id);
    const lines = readLines((await exportTo('jsonl', { kind: 'ids', ids })).file);
    expect(lines.map((l) => l.id).sort()).toEqual([...ids].sort());
  });
});

describe('cancelling an export', () => {
  it('stops between batches and removes the partial file', async () => {
    const file = path.join(dir, 'cancelled.jsonl');
    const controller = new AbortController();
    const outcome = await runExport(db, {
      format: 'jsonl',
      scope: { kind: 'all' },
      file,
      signal: controller.signal,
      batchSize: 50,
      onProgress: () => controller.abort(),
    });
    expect(outcome.status).toBe('cancelled');
    expect(outcome.done).toBeLessThan(outcome.total);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('removes a partial parquet file too', async () => {
    const file = path.join(dir, 'cancelled.parquet');
    const controller = new AbortController();
    const outcome = await runExport(db, {
      format: 'parquet',
      scope: { kind: 'all' },
      file,
      signal: controller.signal,
      batchSize: 50,
      onProgress: () => controller.abort(),
    });
    expect(outcome.status).toBe('cancelled');
    expect(fs.existsSync(file)).toBe(false);
  });
});
