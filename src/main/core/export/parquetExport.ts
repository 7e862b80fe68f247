import { ParquetSchema, ParquetWriter } from '@dsnp/parquetjs';
import type { CollectedItem } from '../../../shared/items.ts';
import { itemColumns } from '../store/itemColumns.ts';
import type { ExportWriter } from './exportWriter.ts';
import { withMetadataKeys } from './fieldSelection.ts';

/** Columns worth filtering on in a dataframe, plus the full metadata as JSON. */
export const PARQUET_SCHEMA = new ParquetSchema({
  id: { type: 'UTF8' },
  source: { type: 'UTF8' },
  title: { type: 'UTF8' },
  content: { type: 'UTF8', compression: 'GZIP' },
  language: { type: 'UTF8', optional: true },
  repository: { type: 'UTF8', optional: true },
  score: { type: 'INT64', optional: true },
  license: { type: 'UTF8', optional: true },
  collected_at: { type: 'UTF8' },
  metadata: { type: 'JSON' },
});

/** Rows are buffered until a row group is full, then written: memory stays bounded. */
const ROW_GROUP_SIZE = 2000;

function parquetRow(item: CollectedItem, keep: ReadonlySet<string> | null): Record<string, unknown> {
  const c = itemColumns(item);
  const row: Record<string, unknown> = {
    id: item.id,
    source: item.source,
    title: item.title,
    content: item.content,
    collected_at: item.collectedAt,
    metadata: withMetadataKeys(item, keep).metadata,
  };
  // Optional columns are left out rather than set to null.
  if (c.language !== null) row.language = c.language;
  if (c.repository !== null) row.repository = c.repository;
  if (c.score !== null) row.score = c.score;
  if (c.license !== null) row.license = c.license;
  return row;
}

export function parquetWriter(file: string, keep: ReadonlySet<string> | null = null): ExportWriter {
  const opening = ParquetWriter.openFile(PARQUET_SCHEMA, file, { rowGroupSize: ROW_GROUP_SIZE });
  return {
    write: async (item) => (await opening).appendRow(parquetRow(item, keep)),
    finish: async () => (await opening).close(),
    // Closing flushes what is buffered; the runner deletes the file right after.
    abort: async () => (await opening).close(),
  };
}
