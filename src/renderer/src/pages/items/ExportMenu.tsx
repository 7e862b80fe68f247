import { Button, Menu } from '@mantine/core';
import { Download } from 'lucide-react';
import type { ExportFormat } from '../../../../shared/itemsContract.ts';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'jsonl', label: 'JSONL' },
  { format: 'json', label: 'JSON' },
  { format: 'csv', label: 'CSV' },
  { format: 'markdown', label: 'Markdown' },
  { format: 'parquet', label: 'Parquet' },
  { format: 'langchain', label: 'LangChain documents (JSONL)' },
  { format: 'llamaindex', label: 'LlamaIndex documents (JSONL)' },
];

export function ExportMenu(props: { count: number; onExport: (format: ExportFormat) => void }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="sm" variant="light" leftSection={<Download size={16} />} disabled={props.count === 0}>
          Export {props.count.toLocaleString('en-US')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Export {props.count.toLocaleString('en-US')} items as</Menu.Label>
        {FORMATS.map((f) => (
          <Menu.Item key={f.format} onClick={() => props.onExport(f.format)}>
            {f.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
