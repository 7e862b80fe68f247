import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import {
  EXPORT_FIELD_GROUPS,
  EXPORT_FIELD_GROUP_IDS,
  type ExportFieldGroup,
} from '../../../../shared/exportFields.ts';
import type { ExportFormat } from '../../../../shared/itemsContract.ts';
import { EXPORT_FORMAT_LABELS } from './exportLabels.ts';

const NOTES: Partial<Record<ExportFormat, string>> = {
  markdown: 'Markdown is one readable document: it always names each item’s source, licence and author.',
  parquet:
    'Parquet keeps its filter columns (language, repository, score, licence); the metadata column holds what you choose.',
};

/** Asks which metadata to export with the content; the choice is remembered for next time. */
export function ExportDialog(props: {
  format: ExportFormat | null;
  count: number;
  onExport: (format: ExportFormat, fields: ExportFieldGroup[]) => void;
  onClose: () => void;
}) {
  const [fields, setFields] = useLocalStorage<ExportFieldGroup[]>({
    key: 'items.exportFields',
    defaultValue: [...EXPORT_FIELD_GROUP_IDS],
  });
  const label = EXPORT_FORMAT_LABELS.find((f) => f.format === props.format)?.label ?? '';
  const n = props.count.toLocaleString();
  return (
    <Modal
      opened={props.format !== null}
      onClose={props.onClose}
      title={`Export ${n} items as ${label}`}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="sm">
        <Text size="sm">
          Every item’s id, source, title, collection date and content are exported. Choose the metadata to go
          with them:
        </Text>
        <Checkbox.Group label="Metadata" value={fields} onChange={(v) => setFields(v as ExportFieldGroup[])}>
          <Stack gap={6} mt={6}>
            {EXPORT_FIELD_GROUPS.map((g) => (
              <Checkbox key={g.id} value={g.id} label={g.label} size="sm" />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group gap="xs">
          <Button size="compact-xs" variant="subtle" onClick={() => setFields([...EXPORT_FIELD_GROUP_IDS])}>
            All
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => setFields([])}>
            None
          </Button>
        </Group>
        {props.format && NOTES[props.format] && (
          <Text size="xs" className="item-dim">
            {NOTES[props.format]}
          </Text>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button onClick={() => props.format && props.onExport(props.format, fields)}>
            Export {n} items
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
