import { keptMetadataKeys, type ExportFieldGroup } from '../../../shared/exportFields.ts';
import type { ExportFormat } from '../../../shared/itemsContract.ts';
import { csvWriter } from './csvExport.ts';
import type { ExportWriter } from './exportWriter.ts';
import { withMetadataKeys } from './fieldSelection.ts';
import { jsonWriter } from './jsonExport.ts';
import { jsonlWriter } from './jsonlExport.ts';
import { markdownWriter } from './markdownExport.ts';
import { parquetWriter } from './parquetExport.ts';

export const EXPORT_FORMAT_INFO: Record<
  ExportFormat,
  { extension: string; open(file: string, keep: ReadonlySet<string> | null): ExportWriter }
> = {
  jsonl: { extension: 'jsonl', open: (file) => jsonlWriter(file) },
  json: { extension: 'json', open: jsonWriter },
  csv: { extension: 'csv', open: csvWriter },
  // One readable document: it always names the source, licence and author of each item.
  markdown: { extension: 'md', open: markdownWriter },
  parquet: { extension: 'parquet', open: parquetWriter },
  langchain: { extension: 'langchain.jsonl', open: (file) => jsonlWriter(file, 'langchain') },
  llamaindex: { extension: 'llamaindex.jsonl', open: (file) => jsonlWriter(file, 'llamaindex') },
};

/** Formats that are handed each item whole and leave out the metadata not chosen themselves. */
const CHOOSE_OWN_COLUMNS: ReadonlySet<ExportFormat> = new Set(['csv', 'parquet', 'markdown']);

/**
 * The writer of a format, keeping only the chosen metadata groups (every one when none are named): the
 * JSON-based formats get items without the rest; CSV drops those columns, Parquet keeps its filter
 * columns and narrows its metadata column.
 */
export function openExportWriter(
  format: ExportFormat,
  file: string,
  fields?: readonly ExportFieldGroup[],
): ExportWriter {
  const keep = keptMetadataKeys(fields);
  const writer = EXPORT_FORMAT_INFO[format].open(file, keep);
  if (!keep || CHOOSE_OWN_COLUMNS.has(format)) return writer;
  return { ...writer, write: (item) => writer.write(withMetadataKeys(item, keep)) };
}

/** e.g. code-helper-items-2025-06-01T10-20-30.jsonl */
export function suggestedFileName(format: ExportFormat, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return `code-helper-items-${stamp}.${EXPORT_FORMAT_INFO[format].extension}`;
}
