import type { ExportFormat } from '../../../shared/itemsContract.ts';
import { csvWriter } from './csvExport.ts';
import type { ExportWriter } from './exportWriter.ts';
import { jsonWriter } from './jsonExport.ts';
import { jsonlWriter } from './jsonlExport.ts';
import { markdownWriter } from './markdownExport.ts';
import { parquetWriter } from './parquetExport.ts';

export const EXPORT_FORMAT_INFO: Record<
  ExportFormat,
  { extension: string; open(file: string): ExportWriter }
> = {
  jsonl: { extension: 'jsonl', open: (file) => jsonlWriter(file) },
  json: { extension: 'json', open: jsonWriter },
  csv: { extension: 'csv', open: csvWriter },
  markdown: { extension: 'md', open: markdownWriter },
  parquet: { extension: 'parquet', open: parquetWriter },
  langchain: { extension: 'langchain.jsonl', open: (file) => jsonlWriter(file, 'langchain') },
  llamaindex: { extension: 'llamaindex.jsonl', open: (file) => jsonlWriter(file, 'llamaindex') },
};

/** e.g. code-helper-items-2025-06-01T10-20-30.jsonl */
export function suggestedFileName(format: ExportFormat, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return `code-helper-items-${stamp}.${EXPORT_FORMAT_INFO[format].extension}`;
}
