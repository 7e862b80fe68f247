import { Button, Group, Paper, Progress, Text } from '@mantine/core';
import type { RunningExport } from './useExports.ts';

/** A bar per running export, with its own Cancel. */
export function ExportProgress(props: { exports: RunningExport[]; onCancel: (exportId: string) => void }) {
  return props.exports.map((e) => {
    const percent = e.total ? (100 * e.done) / e.total : 0;
    return (
      <Paper key={e.exportId} withBorder p="xs" mb="xs" data-testid="export-progress">
        <Group gap="sm" wrap="nowrap">
          <Text size="xs" style={{ flex: '0 0 auto' }}>
            Exporting {e.done.toLocaleString('en-US')} / {e.total.toLocaleString('en-US')}
          </Text>
          <Progress value={percent} style={{ flex: 1 }} aria-label="Export progress" />
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => props.onCancel(e.exportId)}>
            Cancel
          </Button>
        </Group>
      </Paper>
    );
  });
}
