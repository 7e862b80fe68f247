import { Button, Menu } from '@mantine/core';
import { Download } from 'lucide-react';
import type { Ref } from 'react';
import type { ExportFormat } from '../../../../shared/itemsContract.ts';
import { EXPORT_FORMAT_LABELS } from './exportLabels.ts';

export function ExportMenu({
  ref,
  ...props
}: {
  ref?: Ref<HTMLButtonElement>;
  count: number;
  onExport: (format: ExportFormat) => void;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          ref={ref}
          size="xs"
          variant="light"
          leftSection={<Download size={14} />}
          disabled={props.count === 0}
        >
          Export {props.count.toLocaleString()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Export {props.count.toLocaleString()} items as</Menu.Label>
        {EXPORT_FORMAT_LABELS.map((f) => (
          <Menu.Item key={f.format} onClick={() => props.onExport(f.format)}>
            {f.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
