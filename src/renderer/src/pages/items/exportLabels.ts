import type { ExportFormat } from '../../../../shared/itemsContract.ts';

export const EXPORT_FORMAT_LABELS: { format: ExportFormat; label: string }[] = [
  { format: 'jsonl', label: 'JSONL' },
  { format: 'json', label: 'JSON' },
  { format: 'csv', label: 'CSV' },
  { format: 'markdown', label: 'Markdown' },
  { format: 'parquet', label: 'Parquet' },
  { format: 'langchain', label: 'LangChain documents (JSONL)' },
  { format: 'llamaindex', label: 'LlamaIndex documents (JSONL)' },
];
